"""A real Varnish with the shipped VCL in front of a live app server: what it shares, and the purge."""

import urllib.request

import pytest
from django.core.cache import cache
from django.core.management import call_command

from consent.models import ConsentRecord
from tests.cluster.processes import VarnishServer, free_port
from tests.cluster.web_client import Browser
from tests.factories import make_article

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def proxy(live_server, settings, tmp_path):
    port = int(live_server.url.rsplit(":", 1)[1])
    server = VarnishServer(tmp_path, [port])
    settings.PUBLIC_PAGE_CACHE_SECONDS = 600
    settings.PROXY_PURGE_URLS = [server.url]
    settings.PROXY_CACHE_SECONDS = 600
    cache.clear()
    server.start()
    yield server
    server.stop()
    cache.clear()


def fetch(proxy, path, *, cookie=None):
    request = urllib.request.Request(proxy.url + path, headers={"Cookie": cookie} if cookie else {})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.headers, response.read().decode()


def run_purge_worker():
    call_command("db_worker", "--backend", "purge", "--batch", "--no-startup-delay", verbosity=0)


def test_a_published_edit_reaches_readers_through_the_proxy_once_purged(proxy):
    article = make_article(headline_en="First headline")
    url = article.get_absolute_url("en")
    run_purge_worker()
    assert fetch(proxy, url)[0]["X-Proxy-Cache"] == "MISS"
    headers, body = fetch(proxy, url)
    assert headers["X-Proxy-Cache"] == "HIT"
    assert "s-maxage=" in headers["Cache-Control"]
    article.headline_en = "Corrected headline"
    article.save()
    # The editor's save only enqueued the purge: the proxy still holds the old page...
    assert "First headline" in fetch(proxy, url)[1]
    run_purge_worker()
    # ...until the worker has banned it.
    headers, body = fetch(proxy, url)
    assert headers["X-Proxy-Cache"] == "MISS"
    assert "Corrected headline" in body


def test_readers_with_another_consent_state_get_their_own_copy(proxy):
    article = make_article()
    url = article.get_absolute_url("en")
    fetch(proxy, url)
    assert fetch(proxy, url)[0]["X-Proxy-Cache"] == "HIT"
    chose = "cookie_consent=some-choice"
    assert fetch(proxy, url, cookie=chose)[0]["X-Proxy-Cache"] == "MISS"
    assert fetch(proxy, url, cookie=chose)[0]["X-Proxy-Cache"] == "HIT"


def test_a_response_that_sets_a_cookie_is_never_cached(proxy):
    article = make_article()
    url = article.get_absolute_url("en")
    # A statistics cookie without consent: the app expires it, so its response sets a cookie.
    refused = "visitor_id=12345"
    first, _ = fetch(proxy, url, cookie=refused)
    assert "visitor_id" in first.get("Set-Cookie", "")
    second, _ = fetch(proxy, url, cookie=refused)
    assert second["X-Proxy-Cache"] == "MISS"


def test_staff_are_never_served_from_the_proxy(proxy):
    article = make_article()
    url = article.get_absolute_url("en")
    fetch(proxy, url)
    assert fetch(proxy, url)[0]["X-Proxy-Cache"] == "HIT"
    assert fetch(proxy, url, cookie="sessionid=abc")[0]["X-Proxy-Cache"] == "MISS"


def test_an_approved_comment_purges_its_article(proxy):
    from comments.models import Status as CommentStatus
    from comments.services import comment_approve
    from tests.comments.factories import make_comment
    from tests.factories import make_user

    article = make_article()
    url = article.get_absolute_url("en")
    pending = make_comment(article=article, status=CommentStatus.PENDING, body="Held for the moderator")
    run_purge_worker()
    fetch(proxy, url)
    assert fetch(proxy, url)[0]["X-Proxy-Cache"] == "HIT"
    comment_approve(comment=pending, by=make_user(is_staff=True))
    run_purge_worker()
    headers, body = fetch(proxy, url)
    assert headers["X-Proxy-Cache"] == "MISS"
    assert "Held for the moderator" in body


def test_a_failed_app_server_gets_the_readers_forms_resent_but_never_another_post(live_server, tmp_path):
    # The first backend listens nowhere (a stopped server its probe has not yet marked sick);
    # round robin sends every other request to it first.
    live = int(live_server.url.rsplit(":", 1)[1])
    proxy = VarnishServer(tmp_path, [free_port(), live]).start()
    try:
        logins = [Browser(proxy.url).post("/en/admin/login/", {"username": "x"}).status for _ in range(2)]
        choices = [Browser(proxy.url).post("/en/cookies/", {"action": "reject"}).status for _ in range(2)]
    finally:
        proxy.stop()
    # A login (like every admin POST) is not resent: the stopped server's share fails, the
    # other reaches the app (which refuses it: no CSRF token).
    assert sorted(logins) == [403, 503]
    # A cookie choice is resent to the server that answers: each recorded once.
    assert choices == [302, 302]
    assert ConsentRecord.objects.count() == 2
