"""Twenty readers posting at the same moment: every comment stored once, none lost, no error."""

import threading

import pytest
from django.db import connections
from django.test import Client

from comments.models import Comment
from tests.comments.factories import form_data, rules
from tests.factories import make_article

pytestmark = pytest.mark.django_db(transaction=True)

READERS = 20


def post_all_at_once(article, payloads):
    """POST each payload from its own thread (own client, own database connection) at once."""
    from django.urls import reverse

    url = reverse("comments:post", args=[article.pk])
    barrier = threading.Barrier(len(payloads))
    results = [None] * len(payloads)

    def reader(index, data, ip):
        try:
            client = Client(HTTP_ORIGIN="http://testserver", REMOTE_ADDR=ip)
            barrier.wait(timeout=30)
            results[index] = client.post(url, data).status_code
        except Exception as error:  # recorded, so that the assertion names it
            results[index] = repr(error)
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=reader, args=(index, data, ip)) for index, (data, ip) in enumerate(payloads)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


def test_twenty_readers_posting_at_once_are_all_stored_exactly_once():
    rules()
    article = make_article()
    payloads = [
        (
            form_data(name=f"Reader {n}", email=f"reader{n}@example.org", body=f"Simultaneous comment {n}"),
            f"10.0.0.{n + 1}",
        )
        for n in range(READERS)
    ]
    results = post_all_at_once(article, payloads)
    assert results == [302] * READERS
    bodies = sorted(Comment.objects.filter(article=article).values_list("body", flat=True))
    assert bodies == sorted(f"Simultaneous comment {n}" for n in range(READERS))


def test_a_double_click_sent_twice_at_once_is_stored_once():
    rules(flood_interval=0)  # only the duplicate rule stands between the two
    article = make_article()
    same = form_data(name="Twice", email="twice@example.org", body="Clicked twice")
    results = post_all_at_once(article, [(same, "10.0.1.1"), (same, "10.0.1.2")])
    assert sorted(results) == [302, 400]
    assert Comment.objects.filter(body="Clicked twice").count() == 1
