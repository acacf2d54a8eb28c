"""The page cache is emptied only by what readers can see change (opt-in per model and relation)."""

import pytest
from django.contrib.auth.models import Group

from articles.models import ArticleTransition, ImageRendition, RelatedArticle, Status
from articles.services import article_publish, article_unpublish, preview_link_create
from tests.factories import make_article, make_image, make_tag, make_user
from tests.web.pages import cached_page

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]


def editor():
    return make_user(is_staff=True, is_superuser=True)


# Changes readers cannot see leave the page a HIT.


def test_renditions_made_while_a_reader_loads_the_page_leave_it_cached(client):
    article = make_article(lead_image=make_image())
    url = article.get_absolute_url("en")
    assert not ImageRendition.objects.exists()
    assert client.get(url).headers["X-Cache"] == "MISS"
    assert ImageRendition.objects.exists()  # made during that reader's GET
    assert client.get(url).headers["X-Cache"] == "HIT"


def test_a_preview_link_leaves_the_page_cached(client):
    url = make_article().get_absolute_url("en")
    draft, by = make_article(status=Status.DRAFT), editor()
    cached_page(client, url)
    preview_link_create(article=draft, by=by)
    assert client.get(url).headers["X-Cache"] == "HIT"


def test_a_workflow_transition_record_leaves_the_page_cached(client):
    article, by = make_article(), editor()
    url = article.get_absolute_url("en")
    cached_page(client, url)
    ArticleTransition.objects.create(
        article=article, from_status=Status.PUBLISHED, to_status=Status.PUBLISHED, by=by, note="Checked"
    )
    assert client.get(url).headers["X-Cache"] == "HIT"


def test_an_unrelated_many_to_many_change_leaves_the_page_cached(client):
    url = make_article().get_absolute_url("en")
    user, group = make_user(), Group.objects.create(name="Night desk")
    cached_page(client, url)
    user.groups.add(group)
    assert client.get(url).headers["X-Cache"] == "HIT"


# Changes readers can see show at once.


def test_publishing_shows_at_once(client):
    draft, by = make_article(headline_en="Fresh from the desk", status=Status.DRAFT), editor()
    cached_page(client, "/en/")
    article_publish(article=draft, by=by)
    assert "Fresh from the desk" in client.get("/en/").content.decode()


def test_an_edit_shows_at_once(client):
    article = make_article(headline_en="Old headline")
    url = article.get_absolute_url("en")
    cached_page(client, url)
    article.headline_en = "Corrected headline"
    article.save()
    assert "Corrected headline" in client.get(url).content.decode()


def test_unpublishing_shows_at_once(client):
    article = make_article(headline_en="Withdrawn story")
    url = article.get_absolute_url("en")
    cached_page(client, url)
    cached_page(client, "/en/")
    article_unpublish(article=article, by=make_user(is_staff=True, is_superuser=True))
    assert client.get(url).status_code == 404
    assert "Withdrawn story" not in client.get("/en/").content.decode()


def test_an_approved_comment_shows_at_once(client, django_capture_on_commit_callbacks):
    from comments.models import Status as CommentStatus
    from comments.services import comment_approve
    from tests.comments.factories import make_comment

    article = make_article()
    url = article.get_absolute_url("en")
    pending = make_comment(article=article, status=CommentStatus.PENDING, body="Held for the moderator")
    page = cached_page(client, url)
    assert "Held for the moderator" not in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        comment_approve(comment=pending, by=make_user(is_staff=True))
    assert "Held for the moderator" in client.get(url).content.decode()


def test_a_related_story_picked_by_the_editor_shows_at_once(client):
    article = make_article()
    pick = make_article(headline_en="Picked by the editor")
    url = article.get_absolute_url("en")
    assert "Picked by the editor" not in cached_page(client, url).content.decode()
    article.related.add(pick)
    assert "Picked by the editor" in client.get(url).content.decode()


def test_a_related_story_link_saved_on_its_own_shows_at_once(client):
    article = make_article()
    pick = make_article(headline_en="Picked in the inline")
    url = article.get_absolute_url("en")
    cached_page(client, url)
    RelatedArticle.objects.create(from_article=article, to_article=pick, order=0)
    assert "Picked in the inline" in client.get(url).content.decode()


def test_a_tag_added_shows_at_once(client):
    article = make_article()
    url = article.get_absolute_url("en")
    cached_page(client, url)
    article.tags.add(make_tag(name_en="Water rights"))
    assert "Water rights" in client.get(url).content.decode()


def test_a_new_policy_version_shows_at_once(client):
    from tests.consent.factories import make_policy

    make_policy(publish=True, body_en="<p>The first terms.</p>")
    cached_page(client, "/en/privacy/")
    make_policy(publish=True, body_en="<p>The second terms.</p>")
    assert "The second terms." in client.get("/en/privacy/").content.decode()
