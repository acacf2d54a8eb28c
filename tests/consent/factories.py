"""Factories for the consent tests: signed consent cookies and policy versions."""

from datetime import UTC, datetime

from consent import cookies as consent
from consent.models import PrivacyPolicy
from consent.services import policy_publish

ALL_OPTIONAL = ("preferences", "statistics")


def consent_cookie(categories=ALL_OPTIONAL, *, version=None, given_at=None, consent_id="0123456789abcdef"):
    """The value of a genuine consent cookie, for the policy version in force unless told."""
    state = consent.ConsentState(
        categories=frozenset(categories),
        policy_version=consent.current_policy_version() if version is None else version,
        given_at=given_at or datetime.now(tz=UTC).replace(microsecond=0),
        consent_id=consent_id,
    )
    return consent.encode_consent(state)


def make_policy(*, publish=False, **kw):
    defaults = {
        "title_en": "Privacy & Cookies Policy",
        "title_ar": "سياسة الخصوصية وملفات تعريف الارتباط",
        "body_en": "<p>What we store.</p>",
        "body_ar": "<p>ما نحفظه.</p>",
    }
    policy = PrivacyPolicy(**{**defaults, **kw})
    policy.save()
    if publish:
        policy_publish(policy=policy)
    return policy


def current_policy():
    """The version in force; created when a transactional test emptied the table."""
    return PrivacyPolicy.objects.current() or make_policy(publish=True)
