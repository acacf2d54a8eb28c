"""Revisions: every admin save keeps one; editors compare two side by side and restore one."""

import re

import pytest
from django.urls import reverse
from reversion.models import Version

from articles import services
from articles.models import Article, Status
from tests.factories import make_article, make_author, make_tag
from tests.workflow.factories import make_draft, make_role_user, post_article_form

pytestmark = pytest.mark.django_db


def versions_of(article):
    return list(services.article_versions(article))


def test_every_admin_save_keeps_a_revision_with_who_and_what_changed(client):
    editor = make_role_user("editor")
    client.force_login(editor)
    article = make_article()
    post_article_form(client, article, headline_ar="عنوان جديد")
    post_article_form(client, article, summary_en="A new summary")
    first, second = reversed(versions_of(article))
    assert second.revision.user == editor
    assert "headline" in first.revision.get_comment().lower()
    assert "summary" in second.revision.get_comment().lower()
    assert first.field_dict["headline_ar"] == "عنوان جديد"
    assert second.field_dict["summary_en"] == "A new summary"


def test_a_revision_holds_tags_byline_and_related_stories(client):
    client.force_login(make_role_user("editor"))
    tag = make_tag()
    other = make_article()
    article = make_article(tags=[tag])
    post_article_form(
        client,
        article,
        **{
            "related_links-TOTAL_FORMS": "1",
            "related_links-0-to_article": str(other.pk),
            "related_links-0-order": "0",
        },
    )
    snapshot = services.Snapshot.of_version(versions_of(article)[0])
    assert snapshot.fields["tags"] == [tag.pk]
    assert snapshot.bylines == [article.byline_authors[0].pk]
    assert snapshot.related == [other.pk]


def test_compare_shows_field_level_differences_for_each_language(client):
    client.force_login(make_role_user("editor"))
    article = make_article(headline_en="Dam opens", headline_ar="افتتاح السد")
    post_article_form(client, article)  # the first revision: the article as it was
    post_article_form(client, article, headline_en="Dam opens early")
    post_article_form(client, article, body_ar="<p>نص جديد تماما</p>")
    newest, oldest = versions_of(article)[0], versions_of(article)[-1]
    response = client.get(
        reverse("admin:articles_article_compare", args=[article.pk]), {"from": oldest.pk, "to": newest.pk}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Dam opens<ins> early</ins>" in page
    assert re.search(r"نص <del>\d+</del>", page)
    assert "نص <ins>جديد تماما</ins>" in page
    assert 'lang="ar" dir="rtl"' in page


def test_compare_refuses_revisions_of_another_article(client):
    client.force_login(make_role_user("editor"))
    article, other = make_article(), make_article()
    post_article_form(client, article, headline_en="One")
    post_article_form(client, other, headline_en="Two")
    response = client.get(
        reverse("admin:articles_article_compare", args=[article.pk]),
        {"from": versions_of(article)[0].pk, "to": versions_of(other)[0].pk},
    )
    assert response.status_code == 302


def test_restore_brings_back_text_byline_and_tags_as_a_new_revision(client):
    editor = make_role_user("editor")
    client.force_login(editor)
    first_author, second_author = make_author(), make_author()
    tag = make_tag()
    article = make_article(authors=[first_author], tags=[tag], headline_en="Original", headline_ar="أصلي")
    post_article_form(client, article, headline_en="Original")  # first revision: as created
    post_article_form(
        client,
        article,
        headline_en="Rewritten",
        headline_ar="معاد",
        tags=[],
        **{"article_authors-0-author": str(second_author.pk)},
    )
    old = versions_of(article)[-1]
    confirm = client.get(reverse("admin:articles_article_restore", args=[article.pk, old.pk]))
    assert confirm.status_code == 200
    assert "Rewritten" in confirm.content.decode()
    article.refresh_from_db()
    response = client.post(
        reverse("admin:articles_article_restore", args=[article.pk, old.pk]),
        {"expected_version": article.version},
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.headline_en, article.headline_ar) == ("Original", "أصلي")
    assert list(article.tags.all()) == [tag]
    assert article.byline_authors == [first_author]
    assert len(versions_of(article)) == 3
    assert "Restored" in versions_of(article)[0].revision.get_comment()
    assert article.is_published()  # status and time untouched


def test_restore_keeps_status_and_refuses_a_stale_confirmation(client):
    editor = make_role_user("editor")
    client.force_login(editor)
    article = make_article(headline_en="Before")
    post_article_form(client, article, headline_en="Before")
    post_article_form(client, article, headline_en="After")
    old = versions_of(article)[-1]
    url = reverse("admin:articles_article_restore", args=[article.pk, old.pk])
    response = client.post(url, {"expected_version": 1})
    assert response.status_code == 302
    assert response["Location"] == url
    assert Article.objects.get(pk=article.pk).headline_en == "After"


def test_translator_restores_only_their_language(client):
    translator = make_role_user("translator")
    editor = make_role_user("editor")
    article = make_article(languages=("en",), original_language="en")
    client.force_login(translator)
    post_article_form(client, article, headline_ar="أول", body_ar="<p>أول</p>")
    post_article_form(client, article, headline_ar="ثان", body_ar="<p>ثان</p>")
    client.force_login(editor)
    post_article_form(client, article, headline_en="Editor changed this")
    client.force_login(translator)
    oldest = versions_of(article)[-1]
    article.refresh_from_db()
    client.post(
        reverse("admin:articles_article_restore", args=[article.pk, oldest.pk]),
        {"expected_version": article.version},
    )
    article.refresh_from_db()
    assert article.headline_ar == "أول"
    assert article.headline_en == "Editor changed this"


def test_writer_cannot_restore_a_revision_of_a_published_article(client):
    writer = make_role_user("writer")
    article = make_article(created_by=writer)
    client.force_login(make_role_user("editor"))
    post_article_form(client, article, headline_en="v1")
    post_article_form(client, article, headline_en="v2")
    client.force_login(writer)
    version = versions_of(article)[-1]
    url = reverse("admin:articles_article_restore", args=[article.pk, version.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {"expected_version": article.version}).status_code == 403


def test_history_lists_revisions_and_workflow_steps(client):
    editor = make_role_user("editor")
    client.force_login(editor)
    article = make_draft(by=editor)
    services.article_submit(article=article, by=editor, note="Please check the quotes")
    post_article_form(client, article, headline_en="Quoted")
    page = client.get(reverse("admin:articles_article_history", args=[article.pk])).content.decode()
    assert "Please check the quotes" in page
    assert "Submitted for review." in page
    assert page.count('name="from"') == 2
    assert Version.objects.get_for_object(article).count() == 2
    assert Article.objects.get(pk=article.pk).status == Status.REVIEW
