"""The pure rules of consent.cookies: who may set what, and which consent cookies count."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core import signing

from consent import cookies as consent
from consent.cookies import (
    KEEP,
    REMOVE,
    UNKNOWN,
    ConsentState,
    allowed_categories,
    cookie_verdict,
    decode_consent,
    encode_consent,
)

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
SIX_MONTHS = timedelta(days=182)


def state(categories=("preferences", "statistics"), *, version=3, given_at=NOW - timedelta(days=1)):
    return ConsentState(
        categories=frozenset(categories), policy_version=version, given_at=given_at, consent_id="abc123"
    )


def decode(value, *, version=3, now=NOW):
    return decode_consent(value, policy_version=version, max_age=SIX_MONTHS, now=now)


def test_no_choice_allows_necessary_only():
    assert allowed_categories(None) == {"necessary"}


def test_accepted_categories_are_allowed_with_necessary():
    assert allowed_categories(state(("preferences",))) == {"necessary", "preferences"}


def test_gpc_refuses_statistics_and_marketing_even_after_accept_all():
    accepted = state(("preferences", "statistics", "marketing"))
    assert allowed_categories(accepted, gpc=True) == {"necessary", "preferences"}


def test_categories_outside_the_known_ones_are_ignored():
    assert allowed_categories(state(("preferences", "everything"))) == {"necessary", "preferences"}


def test_a_consent_cookie_round_trips():
    decoded = decode(encode_consent(state()))
    assert decoded.categories == {"preferences", "statistics"}
    assert decoded.policy_version == 3
    assert decoded.consent_id == "abc123"


@pytest.mark.parametrize("value", [None, "", "garbage", "a:b:c", "eyJjIjpbXX0:1abc:forged"])
def test_missing_or_malformed_cookie_is_no_choice(value):
    assert decode(value) is None


def test_tampered_cookie_is_no_choice():
    value = encode_consent(state(("preferences",)))
    _payload, rest = value.split(":", 1)
    forged = signing.b64_encode(
        b'{"c":["preferences","statistics"],"v":3,"t":1780000000,"id":"abc123"}'
    ).decode()
    assert decode(f"{forged}:{rest}") is None
    assert decode(value[:-2] + ("AA" if not value.endswith("AA") else "BB")) is None


def test_cookie_signed_with_another_salt_is_no_choice():
    value = signing.dumps({"c": ["statistics"], "v": 3, "t": int(NOW.timestamp()), "id": "x"}, salt="other")
    assert decode(value) is None


def test_choice_older_than_the_lifetime_is_no_choice():
    assert decode(encode_consent(state(given_at=NOW - timedelta(days=183)))) is None
    assert decode(encode_consent(state(given_at=NOW - timedelta(days=181)))) is not None


def test_choice_under_an_older_policy_version_is_no_choice():
    assert decode(encode_consent(state(version=2)), version=3) is None


def test_choice_dated_in_the_future_is_no_choice():
    assert decode(encode_consent(state(given_at=NOW + timedelta(days=2)))) is None


def test_consent_id_survives_an_expired_or_outdated_cookie_but_not_a_forged_one():
    old = encode_consent(state(version=1, given_at=NOW - timedelta(days=400)))
    assert consent.consent_id_from(old) == "abc123"
    assert consent.consent_id_from(old[:-3] + "xyz") is None


@pytest.mark.parametrize(
    ("name", "allowed", "verdict"),
    [
        ("csrftoken", {"necessary"}, KEEP),
        ("cookie_consent", {"necessary"}, KEEP),
        ("django_language", {"necessary"}, REMOVE),
        ("django_language", {"necessary", "preferences"}, KEEP),
        ("comment_author", {"necessary"}, REMOVE),
        ("comment_author_email", {"necessary", "preferences"}, KEEP),
        ("visitor_id", {"necessary", "preferences"}, REMOVE),
        ("visitor_id", {"necessary", "statistics"}, KEEP),
        ("_ga", {"necessary", "preferences", "statistics", "marketing"}, UNKNOWN),
    ],
)
def test_cookie_verdict_follows_the_registry(name, allowed, verdict):
    assert cookie_verdict(name, frozenset(allowed), consent.registry()) == verdict


def test_registry_rejects_an_unknown_category(settings):
    settings.COOKIE_CONSENT_REGISTRY = [{"name": "x", "category": "tracking"}]
    with pytest.raises(ValueError, match="unknown category"):
        consent.registry()


def test_registry_is_reread_when_settings_change(settings):
    settings.COOKIE_CONSENT_REGISTRY = [{"name": "cookie_consent", "category": "necessary"}]
    assert [spec.name for spec in consent.registry()] == ["cookie_consent"]
    assert consent.offered_categories() == ()


@pytest.mark.parametrize(
    ("user_agent", "family"),
    [
        ("Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 Chrome/130.0 Safari/537.36 Edg/130.0", "Edge"),
        ("Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0", "Firefox"),
        ("Mozilla/5.0 (Macintosh) AppleWebKit/605.1.15 Version/18.1 Safari/605.1.15", "Safari"),
        ("Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/130.0 Mobile Safari/537.36", "Chrome"),
        ("Googlebot/2.1 (+http://www.google.com/bot.html)", "Bot"),
        ("", "Other"),
    ],
)
def test_user_agent_is_reduced_to_a_browser_family(user_agent, family):
    assert consent.user_agent_family(user_agent) == family
