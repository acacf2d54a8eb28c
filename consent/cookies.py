"""Cookie consent: the registry, the reader's choice and the decisions taken from it.

The decision itself is a pure function (:func:`allowed_categories`, :func:`cookie_verdict`);
everything here that touches the request, the settings or the database is a thin wrapper around
it, so the middleware, the views and the template tags all agree on one rule:

* necessary cookies always pass;
* otherwise a cookie passes only when its category is among those the reader accepted, under
  the policy version now in force, less than ``COOKIE_CONSENT_MAX_AGE_DAYS`` ago;
* ``Sec-GPC: 1`` (Global Privacy Control) refuses statistics and marketing whatever was clicked;
* a cookie missing from ``COOKIE_CONSENT_REGISTRY`` is never allowed.

The consent cookie is signed (``django.core.signing``): a tampered, expired or outdated one
counts as no choice at all, and the banner asks again.
"""

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import cache

from django.conf import settings
from django.core import signing
from django.core.cache import cache as django_cache
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

NECESSARY = "necessary"
PREFERENCES = "preferences"
STATISTICS = "statistics"
MARKETING = "marketing"

# In the order readers see them.
CATEGORIES = {
    NECESSARY: {
        "label": _("Necessary"),
        "description": _(
            "Needed for the site to work and to keep it safe, such as remembering your cookie choices. "
            "They cannot be switched off."
        ),
    },
    PREFERENCES: {
        "label": _("Preferences"),
        "description": _(
            "Remember choices you make, such as your language and the name you give when commenting."
        ),
    },
    STATISTICS: {
        "label": _("Statistics"),
        "description": _(
            "Let us count how many different readers read each article, for the “Most read” list. "
            "Page views are counted anonymously even without them."
        ),
    },
    MARKETING: {
        "label": _("Marketing"),
        "description": _(
            "Used for advertising. This site sets none today; you will be asked if that changes."
        ),
    },
}
OPTIONAL_CATEGORIES = (PREFERENCES, STATISTICS, MARKETING)
GPC_REFUSES = frozenset({STATISTICS, MARKETING})

# Both keep the names they had when this module was newsroom/consent.py: a new salt would void
# every reader's consent cookie, a new key would orphan the cached version for a few minutes.
SIGNING_SALT = "newsroom.consent"
POLICY_VERSION_CACHE_KEY = "newsroom:privacy-policy:version"
POLICY_VERSION_CACHE_SECONDS = 300


@dataclass(frozen=True)
class CookieSpec:
    """One entry of the registry: which cookie, why, for how long."""

    name: str
    category: str
    purpose: str
    lifetime: str
    prefix: bool = False
    path: str = "/"
    domain: str | None = None

    def matches(self, cookie_name: str) -> bool:
        return cookie_name.startswith(self.name) if self.prefix else cookie_name == self.name

    @property
    def display_name(self) -> str:
        return f"{self.name}…" if self.prefix else self.name

    @property
    def category_label(self):
        return CATEGORIES[self.category]["label"]


@dataclass(frozen=True)
class ConsentState:
    """A reader's valid, current choice: what the consent cookie says once verified."""

    categories: frozenset
    policy_version: int
    given_at: datetime
    consent_id: str = field(default_factory=lambda: uuid.uuid4().hex)


# --- Configuration (read once, forgotten when a test overrides the settings) -----------------


@cache
def registry() -> tuple[CookieSpec, ...]:
    specs = []
    for entry in settings.COOKIE_CONSENT_REGISTRY:
        name = entry["name"]
        category = entry["category"]
        if category not in CATEGORIES:
            raise ValueError(f"COOKIE_CONSENT_REGISTRY: {name!r} has unknown category {category!r}")
        specs.append(
            CookieSpec(
                name=name.rstrip("*"),
                category=category,
                purpose=entry.get("purpose", ""),
                lifetime=entry.get("lifetime", ""),
                prefix=name.endswith("*"),
                path=entry.get("path", "/"),
                domain=entry.get("domain"),
            )
        )
    # Exact names before prefixes, so "comment_author_x" could still get an entry of its own.
    return tuple(sorted(specs, key=lambda spec: spec.prefix))


@cache
def offered_categories() -> tuple[str, ...]:
    """The optional categories the reader is asked about: those with at least one cookie."""
    used = {spec.category for spec in registry()}
    return tuple(category for category in OPTIONAL_CATEGORIES if category in used)


def cookie_name() -> str:
    return settings.COOKIE_CONSENT_COOKIE_NAME


def max_age() -> timedelta:
    return timedelta(days=settings.COOKIE_CONSENT_MAX_AGE_DAYS)


@receiver(setting_changed)
def _forget_configuration(*, setting, **kwargs):
    if setting.startswith("COOKIE_CONSENT_"):
        registry.cache_clear()
        offered_categories.cache_clear()


def spec_for(name: str, specs=None) -> CookieSpec | None:
    for spec in specs if specs is not None else registry():
        if spec.matches(name):
            return spec
    return None


# --- The pure decision ------------------------------------------------------------------------


def allowed_categories(state: ConsentState | None, *, gpc: bool = False) -> frozenset:
    """The categories whose cookies may reach the browser.

    No valid choice means necessary only (silence is refusal); GPC refuses statistics and
    marketing even when the reader clicked "Accept all".
    """
    allowed = {NECESSARY}
    if state is not None:
        allowed |= state.categories & set(OPTIONAL_CATEGORIES)
    if gpc:
        allowed -= GPC_REFUSES
    return frozenset(allowed)


KEEP, REMOVE, UNKNOWN = "keep", "remove", "unknown"


def cookie_verdict(name: str, allowed: frozenset, specs) -> str:
    """``keep``, ``remove`` (category not accepted) or ``unknown`` (not in the registry: removed)."""
    spec = spec_for(name, specs)
    if spec is None:
        return UNKNOWN
    return KEEP if spec.category in allowed else REMOVE


def decode_consent(
    value: str | None, *, policy_version: int, max_age: timedelta, now: datetime | None = None
) -> ConsentState | None:
    """The choice a consent cookie holds, or None when absent, tampered, expired or outdated."""
    payload = _unsign(value, max_age=max_age)
    if payload is None:
        return None
    try:
        state = ConsentState(
            categories=frozenset(str(c) for c in payload["c"]) & set(OPTIONAL_CATEGORIES),
            policy_version=int(payload["v"]),
            given_at=datetime.fromtimestamp(int(payload["t"]), tz=UTC),
            consent_id=str(payload["id"])[:64],
        )
    except (KeyError, TypeError, ValueError, OverflowError):
        return None
    now = now or datetime.now(tz=UTC)
    if state.policy_version != policy_version or not (
        now - max_age <= state.given_at <= now + timedelta(minutes=5)
    ):
        return None
    return state


def encode_consent(state: ConsentState) -> str:
    payload = {
        "c": sorted(state.categories),
        "v": state.policy_version,
        "t": int(state.given_at.timestamp()),
        "id": state.consent_id,
    }
    return signing.dumps(payload, salt=SIGNING_SALT, compress=False)


def consent_id_from(value: str | None) -> str | None:
    """The consent id of a genuine cookie, even an expired or outdated one: a reader's history
    of choices stays under one id."""
    payload = _unsign(value, max_age=None)
    consent_id = payload.get("id") if isinstance(payload, dict) else None
    if isinstance(consent_id, str) and 0 < len(consent_id) <= 64 and consent_id.isalnum():
        return consent_id
    return None


def _unsign(value, *, max_age):
    if not value:
        return None
    try:
        payload = signing.loads(value, salt=SIGNING_SALT, max_age=max_age)
    except signing.BadSignature:  # also SignatureExpired
        return None
    except ValueError:  # malformed base64 or JSON that still verified: treat as absent
        return None
    return payload if isinstance(payload, dict) else None


# --- The policy version in force ---------------------------------------------------------------


def current_policy_version() -> int:
    """The version number of the published Privacy & Cookies Policy (0 before any is published).

    Cached briefly in the shared cache; publishing clears it (``forget_policy_version``).
    """
    version = django_cache.get(POLICY_VERSION_CACHE_KEY)
    if version is None:
        from consent.models import PrivacyPolicy

        policy = PrivacyPolicy.objects.current()
        version = policy.version if policy else 0
        django_cache.set(POLICY_VERSION_CACHE_KEY, version, POLICY_VERSION_CACHE_SECONDS)
    return version


def forget_policy_version() -> None:
    django_cache.delete(POLICY_VERSION_CACHE_KEY)


# --- Per request ---------------------------------------------------------------------------------

_UNSET = object()


def get_consent(request) -> ConsentState | None:
    """The reader's valid choice (computed once per request); a choice just saved wins."""
    state = getattr(request, "_consent_state", _UNSET)
    if state is _UNSET:
        value = request.COOKIES.get(cookie_name())
        # Only a request that carries a consent cookie needs the policy version.
        state = (
            decode_consent(value, policy_version=current_policy_version(), max_age=max_age())
            if value
            else None
        )
        request._consent_state = state
    return state


def set_consent(request, state: ConsentState | None) -> None:
    """Make ``state`` the one the rest of this request (and its response) obeys."""
    request._consent_state = state


def sends_gpc(request) -> bool:
    return request.headers.get("Sec-GPC", "").strip() == "1"


def allowed_for(request) -> frozenset:
    return allowed_categories(get_consent(request), gpc=sends_gpc(request))


def has_choice(request) -> bool:
    """True when the reader made a choice that is still valid (the banner stays away)."""
    return get_consent(request) is not None


def is_allowed(request, category: str) -> bool:
    return category in allowed_for(request)


def consent_cache_key_part(request) -> str:
    """A short string naming how public pages look for this reader, for the page cache key.

    ``none`` (no valid choice: the banner shows), else the accepted optional categories in force
    (GPC applied), e.g. ``preferences+statistics``, or ``necessary`` after "Reject all".
    Nothing per reader (no consent id, no date) enters it, so readers share cached pages.
    """
    if not has_choice(request):
        return "none"
    optional = sorted(allowed_for(request) - {NECESSARY})
    return "+".join(optional) or NECESSARY


def new_state(request, categories, *, now=None) -> ConsentState:
    """The choice a reader just made, keeping their consent id if they had one."""
    consent_id = consent_id_from(request.COOKIES.get(cookie_name())) or uuid.uuid4().hex
    return ConsentState(
        categories=frozenset(categories) & set(offered_categories()),
        policy_version=current_policy_version(),
        given_at=(now or datetime.now(tz=UTC)).replace(microsecond=0),
        consent_id=consent_id,
    )


def set_consent_cookie(response, request, state: ConsentState) -> None:
    response.set_cookie(
        cookie_name(),
        encode_consent(state),
        max_age=int(max_age().total_seconds()),
        path="/",
        secure=request.is_secure() or settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


def user_agent_family(user_agent: str) -> str:
    """The browser family only (no version, no platform): enough to make sense of a record."""
    ua = (user_agent or "").lower()
    for needle, family in (
        ("bot", "Bot"),
        ("crawl", "Bot"),
        ("spider", "Bot"),
        ("edg/", "Edge"),
        ("opr/", "Opera"),
        ("opera", "Opera"),
        ("samsungbrowser", "Samsung Internet"),
        ("firefox/", "Firefox"),
        ("fxios", "Firefox"),
        ("crios", "Chrome"),
        ("chrome/", "Chrome"),
        ("chromium/", "Chrome"),
        ("safari/", "Safari"),
    ):
        if needle in ua:
            return family
    return "Other"
