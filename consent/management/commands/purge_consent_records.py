from django.conf import settings
from django.core.management.base import BaseCommand

from consent.models import ConsentRecord
from consent.services import consent_records_purge


class Command(BaseCommand):
    help = (
        "Delete the proofs of cookie choices older than COOKIE_CONSENT_RECORD_RETENTION_DAYS. "
        "Run it daily (cron, systemd timer)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only count what would be deleted.")

    def handle(self, *args, dry_run=False, **options):
        days = settings.COOKIE_CONSENT_RECORD_RETENTION_DAYS
        if dry_run:
            count = ConsentRecord.objects.past_retention().count()
            self.stdout.write(f"{count} consent record(s) older than {days} days would be deleted.")
            return
        count = consent_records_purge()
        self.stdout.write(self.style.SUCCESS(f"Deleted {count} consent record(s) older than {days} days."))
