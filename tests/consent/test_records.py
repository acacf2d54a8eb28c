"""Retention of the consent records (purge_consent_records)."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from consent.models import ConsentRecord

pytestmark = pytest.mark.django_db


def record_aged(days):
    return ConsentRecord.objects.create(
        consent_id=f"id{days}",
        action="reject_all",
        policy_version=1,
        language="en",
        created_at=timezone.now() - timedelta(days=days),
    )


def test_purge_deletes_only_records_past_retention(settings):
    settings.COOKIE_CONSENT_RECORD_RETENTION_DAYS = 30
    old, recent = record_aged(31), record_aged(29)
    out = StringIO()
    call_command("purge_consent_records", stdout=out)
    assert list(ConsentRecord.objects.all()) == [recent]
    assert "Deleted 1 consent record" in out.getvalue()
    assert not ConsentRecord.objects.filter(pk=old.pk).exists()


def test_purge_dry_run_deletes_nothing(settings):
    settings.COOKIE_CONSENT_RECORD_RETENTION_DAYS = 30
    record_aged(31)
    out = StringIO()
    call_command("purge_consent_records", "--dry-run", stdout=out)
    assert ConsentRecord.objects.count() == 1
    assert "1 consent record(s)" in out.getvalue()
