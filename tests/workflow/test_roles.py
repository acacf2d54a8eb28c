"""Each role against each admin page and transition, through the admin's HTTP views."""

import pytest
from django.urls import reverse

from articles.models import Article, ArticleTransition, Status
from tests.factories import make_article, make_author, make_section
from tests.workflow.factories import (
    change_url,
    errors,
    form_data,
    make_draft,
    make_role_user,
    post_article_form,
)

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:articles_article_changelist"


def login(client, role):
    user = make_role_user(role)
    client.force_login(user)
    return user


# --- Who reaches which page ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "status"), [("writer", 200), ("editor", 200), ("translator", 200), ("moderator", 403)]
)
def test_article_list_is_open_to_the_roles_that_work_on_articles(client, role, status):
    login(client, role)
    assert client.get(reverse(CHANGELIST)).status_code == status


@pytest.mark.parametrize(
    ("role", "status"), [("writer", 200), ("editor", 200), ("translator", 403), ("moderator", 403)]
)
def test_only_writers_and_editors_may_open_the_add_page(client, role, status):
    login(client, role)
    assert client.get(reverse("admin:articles_article_add")).status_code == status


def test_moderator_sees_no_articles_in_the_admin_index(client):
    login(client, "moderator")
    page = client.get(reverse("admin:index")).content.decode()
    assert reverse(CHANGELIST) not in page


def test_moderator_cannot_open_any_article_page(client):
    article = make_article()
    login(client, "moderator")
    for url in [
        change_url(article),
        reverse("admin:articles_article_history", args=[article.pk]),
        reverse("admin:articles_article_preview", args=[article.pk]),
        reverse("articles:preview", args=[article.pk]),
    ]:
        assert client.get(url).status_code == 403, url


# --- Writers ------------------------------------------------------------------------------


def test_writer_creates_a_draft_in_both_languages_with_their_byline(client):
    writer = login(client, "writer")
    author = make_author(user=writer)
    section = make_section()
    page = client.get(reverse("admin:articles_article_add")).content.decode()
    assert 'name="featured"' not in page
    assert 'name="publish_at' not in page
    assert 'name="status"' not in page
    data = form_data(client.get(reverse("admin:articles_article_add")))
    data.update(
        headline_en=["Water returns"],
        body_en=["<p>The river rose.</p>"],
        headline_ar=["عودة المياه"],
        body_ar=["<p>ارتفع النهر.</p>"],
        section=[str(section.pk)],
        _save=["Save draft"],
    )
    response = client.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 302, errors(response)
    article = Article.objects.get(headline_en="Water returns")
    assert article.status == Status.DRAFT
    assert article.created_by == writer
    assert article.byline_authors == [author]


def test_writer_sees_submit_but_not_publish_on_their_draft(client):
    writer = login(client, "writer")
    article = make_draft(by=writer)
    page = client.get(change_url(article)).content.decode()
    assert 'value="submit"' in page
    assert 'value="publish"' not in page
    assert 'value="schedule"' not in page
    assert 'name="featured"' not in page
    assert "related_links-TOTAL_FORMS" not in page


def test_writer_submits_their_draft_for_review_with_a_note(client):
    writer = login(client, "writer")
    article = make_draft(by=writer)
    response = post_article_form(
        client, article, button={"_transition": "submit"}, workflow_note="Ready for the desk"
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == Status.REVIEW
    step = ArticleTransition.objects.get(article=article)
    assert (step.from_status, step.to_status, step.by, step.note) == (
        "draft",
        "review",
        writer,
        "Ready for the desk",
    )


def test_forged_publish_from_a_writer_is_refused_and_changes_nothing(client):
    writer = login(client, "writer")
    article = make_draft(by=writer)
    response = post_article_form(client, article, button={"_transition": "publish"}, headline_en="Changed")
    assert response.status_code == 403
    article.refresh_from_db()
    assert article.status == Status.DRAFT
    assert article.headline_en != "Changed"
    assert not ArticleTransition.objects.exists()


def test_forged_status_and_featured_fields_from_a_writer_are_ignored(client):
    writer = login(client, "writer")
    article = make_draft(by=writer)
    response = post_article_form(
        client, article, status="published", featured="on", publish_at_0="2020-01-01", publish_at_1="10:00"
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.status, article.featured, article.publish_at) == (Status.DRAFT, False, None)


def test_writer_cannot_change_someone_elses_draft(client):
    login(client, "writer")
    other = make_draft(by=make_role_user("writer"))
    page = client.get(change_url(other))
    assert page.status_code == 200  # read-only view
    assert 'name="headline_en"' not in page.content.decode()
    response = client.post(change_url(other), {"headline_en": "Mine now", "_save": "Save"})
    assert response.status_code == 403
    other.refresh_from_db()
    assert other.headline_en != "Mine now"


def test_writer_cannot_change_their_own_published_article(client):
    writer = login(client, "writer")
    article = make_article(created_by=writer)
    response = client.post(change_url(article), {"headline_en": "Rewritten", "_save": "Save"})
    assert response.status_code == 403


def test_writer_may_withdraw_their_submission_but_not_publish_it(client):
    writer = login(client, "writer")
    article = make_draft(by=writer, status=Status.REVIEW)
    url = reverse("admin:articles_article_transition", args=[article.pk])
    refused = client.post(url, {"step": "publish", "expected_version": article.version})
    article.refresh_from_db()
    assert article.status == Status.REVIEW
    assert refused.status_code == 403
    client.post(
        url, {"step": "return_to_draft", "expected_version": article.version, "note": "Fixing a name"}
    )
    article.refresh_from_db()
    assert article.status == Status.DRAFT


def test_writer_does_not_get_publish_actions_and_a_forged_action_does_nothing(client):
    writer = login(client, "writer")
    article = make_draft(by=writer, status=Status.REVIEW)
    page = client.get(reverse(CHANGELIST)).content.decode()
    assert 'value="publish_selected"' not in page
    assert 'value="feature_selected"' not in page
    assert 'value="submit_selected"' in page
    client.post(reverse(CHANGELIST), {"action": "publish_selected", "_selected_action": [article.pk]})
    article.refresh_from_db()
    assert article.status == Status.REVIEW


def test_writer_cannot_delete_articles(client):
    writer = login(client, "writer")
    article = make_draft(by=writer)
    assert (
        client.post(reverse("admin:articles_article_delete", args=[article.pk]), {"post": "yes"}).status_code
        == 403
    )
    assert Article.objects.filter(pk=article.pk).exists()


# --- Editors ------------------------------------------------------------------------------


def test_editor_sees_every_field_and_the_publishing_buttons(client):
    login(client, "editor")
    article = make_draft(by=make_role_user("writer"), status=Status.REVIEW)
    page = client.get(change_url(article)).content.decode()
    for name in (
        'name="featured"',
        'name="publish_at_0"',
        "related_links-TOTAL_FORMS",
        'value="publish"',
        'value="schedule"',
    ):
        assert name in page, name


def test_editor_publishes_from_review_with_a_note(client):
    editor = login(client, "editor")
    article = make_draft(by=make_role_user("writer"), status=Status.REVIEW)
    response = post_article_form(
        client, article, button={"_transition": "publish"}, workflow_note="Good to go"
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.is_published()
    step = article.transitions.get()
    assert (step.to_status, step.by, step.note) == ("published", editor, "Good to go")


@pytest.mark.parametrize(
    ("start", "action", "end"),
    [
        (Status.PUBLISHED, "unpublish_selected", Status.UNPUBLISHED),
        (Status.PUBLISHED, "archive_selected", Status.ARCHIVED),
        (Status.REVIEW, "publish_selected", Status.PUBLISHED),
        (Status.REVIEW, "return_to_draft_selected", Status.DRAFT),
        (Status.DRAFT, "submit_selected", Status.REVIEW),
    ],
)
def test_editor_bulk_actions_move_articles_and_record_each_step(client, start, action, end):
    login(client, "editor")
    articles = [make_article(status=start, publish_at=None) for _ in range(2)]
    response = client.post(
        reverse(CHANGELIST), {"action": action, "_selected_action": [a.pk for a in articles]}
    )
    assert response.status_code == 302
    for article in articles:
        article.refresh_from_db()
        assert article.status == end
        assert article.transitions.filter(to_status=end).count() == 1


def test_editor_curates_the_home_page_lead_story(client):
    login(client, "editor")
    article = make_article()
    client.post(reverse(CHANGELIST), {"action": "feature_selected", "_selected_action": [article.pk]})
    article.refresh_from_db()
    assert article.featured


def test_editor_may_edit_a_published_article(client):
    login(client, "editor")
    article = make_article()
    response = post_article_form(client, article, headline_en="Corrected headline")
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.headline_en == "Corrected headline"
    assert article.is_published()


# --- Translators --------------------------------------------------------------------------


def test_translator_edits_only_the_other_language(client):
    login(client, "translator")
    article = make_article(languages=("en",))
    page = client.get(change_url(article)).content.decode()
    assert 'name="headline_ar"' in page
    assert 'name="headline_en"' in page
    assert "disabled" in page  # shown for reference
    assert 'name="section"' not in page
    assert 'name="featured"' not in page
    assert 'value="publish"' not in page
    assert 'value="submit"' not in page
    response = post_article_form(
        client, article, headline_ar="عنوان مترجم", body_ar="<p>نص مترجم</p>", headline_en="Hijacked"
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.headline_ar == "عنوان مترجم"
    assert article.body_ar == "<p>نص مترجم</p>"
    assert article.headline_en.startswith("Headline")


def test_translator_of_an_arabic_article_edits_the_english(client):
    login(client, "translator")
    article = make_article(languages=("ar",))
    response = post_article_form(
        client, article, headline_en="Translated", body_en="<p>Text</p>", headline_ar="x"
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.headline_en == "Translated"
    assert article.headline_ar != "x"


def test_translator_cannot_change_status_even_by_forging_a_request(client):
    login(client, "translator")
    article = make_draft(languages=("en",), by=make_role_user("writer"))
    response = post_article_form(client, article, button={"_transition": "publish"})
    assert response.status_code == 403
    url = reverse("admin:articles_article_transition", args=[article.pk])
    assert client.post(url, {"step": "submit", "expected_version": article.version}).status_code == 403
    article.refresh_from_db()
    assert article.status == Status.DRAFT
    assert not article.transitions.exists()


def test_translator_cannot_add_or_delete_articles(client):
    login(client, "translator")
    article = make_article()
    assert client.post(reverse("admin:articles_article_add"), {}).status_code == 403
    assert (
        client.post(reverse("admin:articles_article_delete", args=[article.pk]), {"post": "yes"}).status_code
        == 403
    )
