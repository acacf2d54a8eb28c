"""Staff-login lockout behind the TLS proxy: it locks the attacker's address, never the proxy's.

Every request through the proxy arrives from the proxy's own address (REMOTE_ADDR); the client's
is the entry the proxy appends to X-Forwarded-For. django-axes, the rate limits and the comments
must all read the one client address ``client_ip`` gives, by the one rule ``PROXY_COUNT``.
"""

import pytest
from axes.helpers import get_client_ip_address
from django.test import Client, RequestFactory

from tests.factories import make_user
from web.security import client_ip

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.1"
ATTACKER = "203.0.113.66"
EDITOR = "198.51.100.7"
PASSWORD = "correct-horse-battery"


@pytest.fixture(autouse=True)
def axes_only(settings):
    # The per-address rate limit would answer 429 too; these tests are about django-axes.
    settings.RATE_LIMITS = {}


def login(*, username, password, remote_addr, forwarded_for=None):
    headers = {"X-Forwarded-For": forwarded_for} if forwarded_for else {}
    return Client().post(
        "/en/admin/login/",
        {"username": username, "password": password},
        headers=headers,
        REMOTE_ADDR=remote_addr,
    )


def fail_until_locked(settings, *, remote_addr, forwarded_for=lambda attempt: None):
    """The attacker guesses a different user name each time, so only the address can lock.

    The failure that reaches the limit is already answered with the lockout page."""
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        response = login(
            username=f"guess{attempt}",
            password="wrong",
            remote_addr=remote_addr,
            forwarded_for=forwarded_for(attempt),
        )
        assert response.status_code == (429 if attempt == settings.AXES_FAILURE_LIMIT - 1 else 200), attempt


def is_locked_out(response):
    return response.status_code == 429 and "locked" in response.content.decode()


@pytest.mark.parametrize(
    ("proxy_count", "remote_addr", "forwarded_for"),
    [
        (0, ATTACKER, None),
        (0, ATTACKER, "192.0.2.1"),  # a direct client's own header is not believed
        (1, PROXY, f"192.0.2.1, {ATTACKER}"),  # only the entry our proxy appended is
        (2, PROXY, f"192.0.2.1, {ATTACKER}, 10.0.0.2"),
    ],
)
def test_axes_sees_the_same_client_address_as_the_rate_limits(
    settings, proxy_count, remote_addr, forwarded_for
):
    settings.PROXY_COUNT = proxy_count
    headers = {"X-Forwarded-For": forwarded_for} if forwarded_for else {}
    request = RequestFactory().post("/en/admin/login/", headers=headers, REMOTE_ADDR=remote_addr)
    assert client_ip(request) == ATTACKER
    assert get_client_ip_address(request) == ATTACKER


def test_behind_the_proxy_failures_lock_the_attackers_address_not_the_proxys(settings):
    settings.PROXY_COUNT = 1
    make_user("editor", is_staff=True, password=PASSWORD)
    fail_until_locked(settings, remote_addr=PROXY, forwarded_for=lambda attempt: ATTACKER)
    # The attacker's address is locked, whatever user name it tries next …
    attacker = login(username="editor", password=PASSWORD, remote_addr=PROXY, forwarded_for=ATTACKER)
    assert is_locked_out(attacker)
    # … while an editor elsewhere, through the same proxy, still signs in.
    editor = login(username="editor", password=PASSWORD, remote_addr=PROXY, forwarded_for=EDITOR)
    assert editor.status_code == 302, editor.status_code  # signed in, sent on


def test_behind_the_proxy_an_attacker_cannot_escape_the_lock_by_forging_x_forwarded_for(settings):
    settings.PROXY_COUNT = 1
    make_user("editor", is_staff=True, password=PASSWORD)
    # The attacker writes a new address each time; the proxy appends the real one.
    fail_until_locked(
        settings, remote_addr=PROXY, forwarded_for=lambda attempt: f"192.0.2.{attempt + 1}, {ATTACKER}"
    )
    forged = login(
        username="editor", password=PASSWORD, remote_addr=PROXY, forwarded_for=f"192.0.2.99, {ATTACKER}"
    )
    assert is_locked_out(forged)
    assert (
        login(username="editor", password=PASSWORD, remote_addr=PROXY, forwarded_for=EDITOR).status_code
        == 302
    )


def test_without_a_proxy_a_direct_clients_x_forwarded_for_changes_nothing(settings):
    settings.PROXY_COUNT = 0
    make_user("editor", is_staff=True, password=PASSWORD)
    fail_until_locked(settings, remote_addr=ATTACKER, forwarded_for=lambda attempt: f"192.0.2.{attempt + 1}")
    assert is_locked_out(
        login(username="editor", password=PASSWORD, remote_addr=ATTACKER, forwarded_for=EDITOR)
    )
    assert login(username="editor", password=PASSWORD, remote_addr=EDITOR).status_code == 302


def test_a_malformed_forwarded_entry_falls_back_to_the_connecting_address(settings):
    settings.PROXY_COUNT = 1
    request = RequestFactory().post("/", headers={"X-Forwarded-For": "not-an-address"}, REMOTE_ADDR=PROXY)
    assert client_ip(request) == PROXY
    assert get_client_ip_address(request) == PROXY
