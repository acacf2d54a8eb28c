"""While PostgreSQL is away (a restart, a fail-over), every answer is a 503 with Retry-After.

The database is made unreachable for real: the connection is closed and pointed at a port where
nothing listens, so psycopg fails to connect exactly as it does while the server restarts.
"""

import json
import socket

import pytest
from django.db import connection

from comments.models import Comment
from tests.comments.factories import post_comment
from tests.factories import make_article

pytestmark = pytest.mark.django_db(transaction=True)


def _unused_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def database_away(settings):
    settings.DEBUG = False
    saved = {key: connection.settings_dict[key] for key in ("HOST", "PORT")}
    connection.close()
    connection.settings_dict.update(HOST="127.0.0.1", PORT=str(_unused_port()))
    yield
    connection.close()
    connection.settings_dict.update(saved)


@pytest.mark.parametrize(("language", "text"), [("en", "We will be back"), ("ar", "سنعود خلال ثوانٍ")])
def test_a_page_asked_while_the_database_is_away_answers_503_with_retry_after(
    client, database_away, language, text
):
    client.raise_request_exception = False
    response = client.get(f"/{language}/")
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert response["Cache-Control"] == "no-store"
    page = response.content.decode()
    assert f'<html lang="{language}"' in page
    assert text in page


def test_the_retry_after_delay_is_a_setting(client, database_away, settings):
    settings.OUTAGE_RETRY_AFTER = 30
    client.raise_request_exception = False
    assert client.get("/en/")["Retry-After"] == "30"


def test_a_comment_sent_while_the_database_is_away_is_refused_and_not_stored(client, settings):
    article = make_article()
    saved = {key: connection.settings_dict[key] for key in ("HOST", "PORT")}
    settings.DEBUG = False
    client.raise_request_exception = False
    connection.close()
    connection.settings_dict.update(HOST="127.0.0.1", PORT=str(_unused_port()))
    try:
        response = post_comment(client, article, body="Sent during the restart.")
    finally:
        connection.close()
        connection.settings_dict.update(saved)
    assert response.status_code == 503
    assert "send it again" in response.content.decode()
    assert not Comment.objects.exists()
    # Sent again once the database is back, it is stored once.
    assert post_comment(client, article, body="Sent during the restart.").status_code == 302
    assert Comment.objects.filter(body="Sent during the restart.").count() == 1


@pytest.mark.parametrize(("language", "detail"), [("en", "briefly unavailable"), ("ar", "غير متاحة لبرهة")])
def test_the_api_answers_a_503_problem_while_the_database_is_away(client, database_away, language, detail):
    client.raise_request_exception = False
    response = client.get(f"/api/v1/articles?lang={language}")
    assert response.status_code == 503
    assert response["Content-Type"] == "application/problem+json"
    assert response["Retry-After"] == "5"
    problem = json.loads(response.content)
    assert problem["status"] == 503
    assert problem["code"] == "unavailable"
    assert detail in problem["detail"]
