"""Making and revoking API keys (the admin calls these)."""

from django.db import transaction
from django.utils import timezone

from api.models import ApiKey, hash_key, new_key


def api_key_create(*, name: str, rate_limit: int, by) -> tuple[ApiKey, str]:
    """A new key for ``name``; returns it with the plain key, which is never stored."""
    plain, prefix = new_key()
    key = ApiKey(name=name, rate_limit=rate_limit, prefix=prefix, key_hash=hash_key(plain), created_by=by)
    with transaction.atomic():
        key.full_clean()
        key.save()
    return key, plain


def api_key_revoke(*, key: ApiKey, by) -> ApiKey:
    """The key stops working at once (every request looks it up)."""
    if key.revoked_at is None:
        key.revoked_at, key.revoked_by = timezone.now(), by
        with transaction.atomic():
            key.save(update_fields=["revoked_at", "revoked_by"])
    return key
