import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from wordpress.importer import wordpress_import
from wordpress.wxr import WXRError


class Command(BaseCommand):
    help = (
        "Import a WordPress export (WXR 1.0-1.2; several files of a split export together): authors, "
        "categories, tags, posts with both languages of Polylang pairs, comments, pictures, and the old "
        "addresses as redirects. Safe to run again: it updates what changed and never overwrites an "
        "article an editor changed here."
    )

    def add_arguments(self, parser):
        parser.add_argument("exports", nargs="+", metavar="EXPORT.xml")
        parser.add_argument("--media-dir", help="A copy of the site's wp-content/uploads folder.")
        parser.add_argument(
            "--fetch-media",
            action="store_true",
            help="Download pictures missing from --media-dir from their WordPress address (10 s timeout each).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Do everything, then roll it all back.")
        parser.add_argument(
            "--language",
            choices=["en", "ar", "auto"],
            default="auto",
            help="Language of posts without Polylang data (auto: from the script they are written in).",
        )
        parser.add_argument("--default-section", help="Slug of the section for posts with no category.")

    def handle(self, *args, **options):
        bar = self._progress if sys.stderr.isatty() and options["verbosity"] > 0 else None
        try:
            report = wordpress_import(
                paths=options["exports"],
                media_dir=options["media_dir"],
                fetch_media=options["fetch_media"],
                dry_run=options["dry_run"],
                language=options["language"],
                default_section=options["default_section"],
                progress=bar,
            )
        except WXRError as error:
            raise CommandError(_("%(error)s Nothing was imported.") % {"error": error}) from error
        if bar:
            self.stderr.write("")
        self.stdout.write(report.as_text())

    def _progress(self, done: int, total: int) -> None:
        width = 40
        filled = width * done // max(total, 1)
        self.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} posts", ending="")
        self.stderr.flush()
