"""The article list: filters, search, thumbnails and a query count that does not grow."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles import services
from tests.factories import make_article, make_author, make_image, make_section
from tests.workflow.factories import make_draft, make_role_user

pytestmark = pytest.mark.django_db
URL = "admin:articles_article_changelist"


def count_queries(client, **params):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse(URL), params)
    assert response.status_code == 200
    return len(queries)


def test_article_list_runs_the_same_number_of_queries_for_5_or_40_articles(client):
    client.force_login(make_role_user("editor"))
    section, image = make_section(), make_image()
    for _ in range(5):
        make_article(section=section, lead_image=image, authors=[make_author(), make_author()])
    few = count_queries(client)
    for _ in range(35):
        make_article(section=make_section(), lead_image=make_image(), authors=[make_author()])
    assert count_queries(client) == few
    assert count_queries(client, lang_ar="stale", state="live") <= few


def test_article_list_does_not_load_bodies_or_search_documents(client):
    client.force_login(make_role_user("editor"))
    make_article()
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse(URL))
    listing = [q["sql"] for q in queries if '"translation_state_en"' in q["sql"]]
    selected = [sql.split(" FROM ")[0] for sql in listing]
    assert selected
    assert all('"articles_article"."body_en",' not in sql and "search_en" not in sql for sql in selected)


def test_article_list_shows_thumbnails_status_and_scheduled_articles(client):
    client.force_login(make_role_user("editor"))
    make_article(lead_image=make_image(), headline_en="With picture")
    scheduled = make_draft()
    services.article_publish(
        article=scheduled, by=make_role_user("editor"), publish_at=timezone.now() + timedelta(hours=1)
    )
    page = client.get(reverse(URL)).content.decode()
    assert 'class="article-thumb"' in page
    assert "workflow-status--scheduled" in page
    filtered = client.get(reverse(URL), {"state": "scheduled"}).content.decode()
    assert "With picture" not in filtered
    assert str(scheduled) in filtered


def test_article_list_filters_by_author_and_mine_and_searches_both_languages(client):
    writer = make_role_user("writer")
    client.force_login(writer)
    author = make_author(user=writer)
    make_draft(by=writer, authors=[author], headline_en="My draft")
    make_article(headline_en="Someone else's", headline_ar="مقال آخر")
    by_author = client.get(reverse(URL), {"author": author.pk}).content.decode()
    assert "My draft" in by_author
    assert "Someone else" not in by_author
    mine = client.get(reverse(URL), {"mine": "1"}).content.decode()
    assert "My draft" in mine
    assert "Someone else" not in mine
    assert "Someone else" in client.get(reverse(URL), {"q": "مقال آخر"}).content.decode()


def test_article_list_has_date_hierarchy_and_every_filter(client):
    client.force_login(make_role_user("editor"))
    make_article()
    make_article()  # a second section: a filter with one choice hides itself
    page = client.get(reverse(URL)).content.decode()
    for expected in [
        'aria-labelledby="date-hierarchy-label"',
        "?state=review",
        "?lang_en=missing",
        "?lang_ar=stale",
        "?author=",
        "?section__id__exact=",
    ]:
        assert expected in page, expected
