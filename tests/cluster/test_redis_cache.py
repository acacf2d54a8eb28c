"""With REDIS_URL, pages, fragments and the generation live in a real Redis; an outage costs speed only."""

import signal

import pytest
import redis
from django.core.cache import cache

from tests.cluster.processes import RedisServer
from tests.factories import make_article
from web.cache import STATE_KEY

pytestmark = pytest.mark.django_db


@pytest.fixture
def redis_server(tmp_path):
    server = RedisServer(tmp_path).start()
    yield server
    server.stop()


@pytest.fixture
def redis_cache(settings, redis_server):
    settings.CACHES = {
        "default": {
            "BACKEND": "web.redis_cache.ResilientRedisCache",
            "LOCATION": redis_server.url,
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.5},
        }
    }
    settings.PUBLIC_PAGE_CACHE_SECONDS = 600
    return redis.Redis.from_url(redis_server.url)


def _stored_keys(client) -> list[str]:
    return [key.decode() for key in client.keys("*")]


def test_pages_fragments_and_the_generation_are_stored_in_redis(client, redis_cache):
    make_article(headline_en="Shared story")
    assert client.get("/en/").headers["X-Cache"] == "MISS"
    assert client.get("/en/").headers["X-Cache"] == "HIT"
    keys = _stored_keys(redis_cache)
    assert any(STATE_KEY in key for key in keys)
    assert any("public-pages:" in key and STATE_KEY not in key for key in keys)
    assert any("fragment:" in key for key in keys)


def test_another_app_server_sees_a_publication_at_once(client, redis_cache, settings):
    make_article(headline_en="First story")
    client.get("/en/")
    # A second app server is another process with its own cache client: the state is in Redis.
    before = redis_cache.get(next(k for k in _stored_keys(redis_cache) if STATE_KEY in k))
    make_article(headline_en="Second story")
    after = redis_cache.get(next(k for k in _stored_keys(redis_cache) if STATE_KEY in k))
    assert before != after
    assert "Second story" in client.get("/en/").content.decode()


def test_a_redis_outage_serves_uncached_pages_instead_of_errors(client, redis_cache, redis_server):
    make_article(headline_en="Story during the outage")
    assert client.get("/en/").headers["X-Cache"] == "MISS"
    redis_server.stop()
    for _ in range(3):
        response = client.get("/en/")
        assert response.status_code == 200
        assert response.headers["X-Cache"] == "MISS"
        assert "Story during the outage" in response.content.decode()
    article = make_article(headline_en="Published while Redis was down")
    assert client.get(article.get_absolute_url("en")).status_code == 200


def test_a_publication_during_the_outage_shows_once_redis_is_back(
    client, redis_cache, redis_server, monkeypatch
):
    monkeypatch.setattr("web.redis_cache.RETRY_SECONDS", 0.0)
    make_article(headline_en="Before the outage")
    client.get("/en/")
    assert client.get("/en/").headers["X-Cache"] == "HIT"
    # Redis goes away without losing its data (paused, as on a network partition) while an editor publishes.
    redis_server.process.send_signal(signal.SIGSTOP)
    try:
        make_article(headline_en="Published during the outage")
    finally:
        redis_server.process.send_signal(signal.SIGCONT)
    page = client.get("/en/")
    assert page.status_code == 200
    assert "Published during the outage" in page.content.decode()
    assert cache.get(STATE_KEY) is not None
