import threading

import pytest
from django.db import connection

from web.ratelimit import hit

pytestmark = pytest.mark.django_db(transaction=True)


def test_counts_are_exact_when_many_workers_hit_at_once():
    results = []

    def worker():
        try:
            for _ in range(5):
                results.append(hit("test", "198.51.100.1", limit=100, window=3600)[0])
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results.count(True) == 100
    assert hit("test", "198.51.100.1", limit=100, window=3600)[0] is False


def test_addresses_are_counted_separately_and_not_stored():
    assert hit("test", "198.51.100.1", limit=1, window=3600)[0]
    assert hit("test", "198.51.100.2", limit=1, window=3600)[0]
    assert not hit("test", "198.51.100.1", limit=1, window=3600)[0]
    with connection.cursor() as cursor:
        cursor.execute("SELECT string_agg(key, ' ') FROM web_ratelimit")
        assert "198.51.100" not in cursor.fetchone()[0]


def test_windows_that_ended_over_a_day_ago_are_forgotten_as_new_hits_arrive():
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO web_ratelimit (key, window_start, hits) VALUES "
            "('old:1', now() - interval '3 days', 5), ('old:2', now() - interval '25 hours', 1), "
            "('recent', now() - interval '2 hours', 7)"
        )
    hit("test", "198.51.100.1", limit=10, window=60)
    with connection.cursor() as cursor:
        cursor.execute("SELECT key FROM web_ratelimit WHERE key NOT LIKE 'test:%' ORDER BY key")
        assert [key for (key,) in cursor.fetchall()] == ["recent"]


def test_every_hit_is_one_query_so_query_budgets_hold(django_assert_num_queries):
    # Forgetting old windows used to be a second statement on one hit in a hundred, at random.
    for number in range(300):
        with django_assert_num_queries(1):
            hit("test", f"198.51.100.{number % 7}", limit=1000, window=60)


def test_login_attempts_beyond_the_limit_get_429_with_a_clear_message(client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "login": (3, 600)}
    for _ in range(3):
        response = client.post("/ar/admin/login/", {"username": "nobody", "password": "wrong"})
        assert response.status_code == 200
    response = client.post("/ar/admin/login/", {"username": "nobody", "password": "wrong"})
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "طلبات كثيرة" in response.content.decode()


def test_repeated_failures_lock_the_account(client, settings):
    from tests.factories import make_user

    settings.RATE_LIMITS = {}
    make_user("victim", is_staff=True, password="correct-horse-battery")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/en/admin/login/", {"username": "victim", "password": "wrong"}, REMOTE_ADDR="192.0.2.5")
    # Even the right password from another address is refused now: the account is locked.
    response = client.post(
        "/en/admin/login/",
        {"username": "victim", "password": "correct-horse-battery"},
        REMOTE_ADDR="192.0.2.77",
    )
    assert response.status_code == 429
    assert "locked" in response.content.decode()
