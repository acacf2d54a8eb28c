"""API keys for partners: made in the admin, stored as hashes, revocable, each with its own limit.

A key reads ``nrk_<prefix>_<secret>``. Only the prefix (to find the row) and a SHA-256 of the
whole key are stored: the key is shown once, when it is made, and cannot be read back. A fast
hash is enough here (unlike passwords): the secret is 256 random bits, so there is nothing to
guess from a leaked hash.
"""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

KEY_SCHEME = "nrk"


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def new_key() -> tuple[str, str]:
    """A fresh key and its public prefix."""
    prefix = secrets.token_hex(6)
    return f"{KEY_SCHEME}_{prefix}_{secrets.token_urlsafe(32)}", prefix


def split_key(key: str) -> str | None:
    """The prefix of a well-formed key, or None."""
    scheme, _sep, rest = (key or "").partition("_")
    prefix, _sep, secret = rest.partition("_")
    if scheme != KEY_SCHEME or len(prefix) != 12 or not secret:
        return None
    return prefix


class ApiKeyQuerySet(models.QuerySet):
    def active(self):
        """Keys that still open the API: not revoked."""
        return self.filter(revoked_at__isnull=True)


class ApiKey(models.Model):
    """A partner's key to the read API."""

    name = models.CharField(
        _("name"), max_length=120, help_text=_("Who uses this key, e.g. “Mobile app” or a partner's name.")
    )
    prefix = models.CharField(_("prefix"), max_length=12, unique=True, editable=False)
    key_hash = models.CharField(max_length=64, editable=False)
    rate_limit = models.PositiveIntegerField(
        _("requests per minute"),
        default=600,
        help_text=_("Requests beyond this number in one minute are refused until the minute ends."),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("created by"),
    )
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True, editable=False)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("revoked by"),
    )

    objects = ApiKeyQuerySet.as_manager()

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("API key")
        verbose_name_plural = _("API keys")
        constraints = [
            models.CheckConstraint(condition=Q(rate_limit__gt=0), name="apikey_rate_limit_positive")
        ]

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    def is_active(self):
        return self.revoked_at is None

    is_active.boolean = True
    is_active.short_description = _("active")

    def matches(self, key: str) -> bool:
        return secrets.compare_digest(self.key_hash, hash_key(key))
