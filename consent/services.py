"""Writes behind the cookie-consent feature, called by the admin, the views and the commands."""

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from consent import cookies
from consent.models import ConsentRecord, PrivacyPolicy


def policy_publish(*, policy: PrivacyPolicy, by=None) -> PrivacyPolicy:
    """Publish a draft as the next version: from now on every reader is asked again."""
    if policy.is_published():
        return policy
    policy.check_publishable()
    policy.full_clean()
    with transaction.atomic():
        # Serialise publications so that two editors can never take the same number.
        PrivacyPolicy.objects.select_for_update().filter(pk=policy.pk).get()
        latest = PrivacyPolicy.objects.published().aggregate(latest=Max("version"))["latest"] or 0
        policy.version = latest + 1
        policy.published_at = timezone.now()
        policy.published_by = by
        policy.save(update_fields=["version", "published_at", "published_by", "updated_at"])
        transaction.on_commit(cookies.forget_policy_version)
    cookies.forget_policy_version()
    return policy


def policy_copy_as_draft(*, policy: PrivacyPolicy, by=None) -> PrivacyPolicy:
    """Start the next version from an existing one's text."""
    draft = PrivacyPolicy(change_note="")
    for field in ("title", "body"):
        for code in ("en", "ar"):
            setattr(draft, f"{field}_{code}", getattr(policy, f"{field}_{code}"))
    draft.full_clean()
    draft.save()
    return draft


def consent_record(*, request, state: cookies.ConsentState, action: str, language: str) -> ConsentRecord:
    """Keep the proof of a reader's choice: no IP address, nothing that names them."""
    record = ConsentRecord(
        consent_id=state.consent_id,
        action=action,
        categories=sorted(state.categories),
        policy_version=state.policy_version,
        language=language,
        gpc=cookies.sends_gpc(request),
        user_agent_family=cookies.user_agent_family(request.headers.get("User-Agent", "")),
        created_at=state.given_at,
    )
    record.full_clean()
    record.save()
    return record


def consent_records_purge(*, now=None) -> int:
    """Delete the proofs older than the retention period; returns how many went."""
    deleted, _per_model = ConsentRecord.objects.past_retention(now).delete()
    return deleted
