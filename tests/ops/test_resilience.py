"""The site keeps serving when PostgreSQL drops its connections (as a restart does)."""

import urllib.request

import pytest
from django.db import connection

from tests.factories import make_article

pytestmark = pytest.mark.django_db(transaction=True)


def terminate_other_connections():
    """What a server restart does to every web process: their connections die."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        return cursor.fetchone()[0]


def get(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.read().decode()


def test_next_request_succeeds_after_the_database_dropped_connections(live_server):
    make_article(headline_en="Still here")
    assert get(f"{live_server.url}/en/")[0] == 200
    assert terminate_other_connections() >= 1  # the server thread's persistent connection
    status, body = get(f"{live_server.url}/en/")
    assert status == 200 and "Still here" in body
    assert get(f"{live_server.url}/readyz")[0] == 200
