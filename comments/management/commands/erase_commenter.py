from django.core.management.base import BaseCommand, CommandError

from comments.models import Comment
from comments.services import commenter_erase


class Command(BaseCommand):
    help = "Delete every comment written with an email address, and the replies that answer them."

    def add_arguments(self, parser):
        parser.add_argument("--email", required=True)
        parser.add_argument(
            "--noinput", "--no-input", action="store_false", dest="interactive", help="Do not ask to confirm."
        )

    def handle(self, *args, email, interactive, **options):
        if "@" not in email:
            raise CommandError("Give the commenter's email address with --email.")
        count = Comment.objects.by_email(email).count()
        if not count:
            self.stdout.write(f"No comments with the address {email}.")
            return
        if interactive:
            answer = input(f"Delete {count} comment(s) written with {email}, and the replies to them? [y/N] ")
            if answer.strip().lower() not in {"y", "yes"}:
                raise CommandError("Nothing erased.")
        result = commenter_erase(email=email)
        self.stdout.write(
            f"Erased {result['comments']} comment(s) of {email} and {result['replies']} repl(ies) to them."
        )
