import json

from django.core.management.base import BaseCommand, CommandError

from comments.services import commenter_export


class Command(BaseCommand):
    help = "Print as JSON every comment written with an email address (a commenter's data request)."

    def add_arguments(self, parser):
        parser.add_argument("--email", required=True)

    def handle(self, *args, email, **options):
        if "@" not in email:
            raise CommandError("Give the commenter's email address with --email.")
        data = commenter_export(email=email)
        self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
