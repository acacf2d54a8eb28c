"""Kept parts and pages are written after the reader has the response."""

import logging

import pytest
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from web.write_behind import write_later, write_many_later


@pytest.fixture(autouse=True)
def database_connections_left_alone():
    """Send the request signals as Django's test client does: without closing connections."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def test_inside_a_request_writes_wait_for_the_response_to_be_finished():
    request_started.send(sender=None)
    try:
        write_later(cache, "wb-one", 1, 60)
        write_many_later(cache, {"wb-two": 2, "wb-three": 3}, 60)
        assert cache.get_many(["wb-one", "wb-two", "wb-three"]) == {}
    finally:
        request_finished.send(sender=None)
    assert cache.get_many(["wb-one", "wb-two", "wb-three"]) == {"wb-one": 1, "wb-two": 2, "wb-three": 3}


def test_outside_a_request_writes_happen_at_once():
    write_later(cache, "wb-now", "here", 60)
    assert cache.get("wb-now") == "here"
    write_many_later(cache, {"wb-now-too": "too"}, 60)
    assert cache.get("wb-now-too") == "too"


def test_a_failed_write_is_logged_and_the_others_still_happen(caplog):
    class Away:
        def set(self, *args):
            raise ConnectionError("cache away")

    request_started.send(sender=None)
    write_later(Away(), "wb-lost", 1, 60)
    write_later(cache, "wb-kept", 1, 60)
    with caplog.at_level(logging.WARNING, logger="web.write_behind"):
        request_finished.send(sender=None)
    assert cache.get("wb-kept") == 1
    assert "Could not keep a part" in caplog.text


def test_a_finished_request_leaves_nothing_queued_for_the_next():
    request_started.send(sender=None)
    request_finished.send(sender=None)
    write_later(cache, "wb-after", 1, 60)  # outside any request again
    assert cache.get("wb-after") == 1
