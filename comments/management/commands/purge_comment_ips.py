from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from comments.services import comments_erase_network_data


class Command(BaseCommand):
    help = (
        "Erase the IP address and browser (user agent) of comments older than --days "
        "(default COMMENTS_IP_RETENTION_DAYS, 30). Meant to run daily."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=settings.COMMENTS_IP_RETENTION_DAYS)

    def handle(self, *args, days, **options):
        if days < 0:
            raise CommandError("--days cannot be negative.")
        erased = comments_erase_network_data(days=days)
        self.stdout.write(
            f"Erased the IP address and user agent of {erased} comment(s) older than {days} days."
        )
