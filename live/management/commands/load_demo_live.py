"""Demo live coverage, after ``manage.py load_demo``: one demo article becomes a live blog with a
few bilingual updates (one a key event), and a breaking alert links to it.

    manage.py load_demo && manage.py load_demo_live

The content is data (``live/demo/live.toml``); ``articles`` knows nothing of it. Idempotent:
the live blog is found by its article and each update by its text, so running it again changes
nothing, except that the alert is shown again for its hours (each ``make run`` starts with it).
"""

import tomllib
from datetime import timedelta
from pathlib import Path

import reversion
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from articles.models import LANGUAGE_CODES, Article, Author
from live.models import BreakingAlert, LiveBlog, LiveUpdate
from live.services import text_to_html

DEMO_FILE = Path(__file__).resolve().parents[2] / "demo" / "live.toml"


def read_demo_live(path=DEMO_FILE) -> dict:
    with open(path, "rb") as file:
        return tomllib.load(file)


class Command(BaseCommand):
    help = "Load (or refresh) the demo live blog and breaking alert; run it after load_demo."

    @transaction.atomic
    def handle(self, *args, **options):
        demo = read_demo_live()
        article = Article.objects.filter(slug_en=demo["article"]).first()
        if article is None:
            raise CommandError(f"No demo article {demo['article']!r}: run `manage.py load_demo` first.")
        now = timezone.now()
        self.writer = get_user_model().objects.filter(username="writer").first()
        blog, _created = LiveBlog.objects.get_or_create(article=article, defaults={"started_at": now})
        for data in demo["updates"]:
            self.load_update(blog, data, now)
        alert = self.load_alert(article, demo["alert"], now)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo live blog ready: “{article}”, {blog.updates.count()} updates; "
                f"breaking alert until {alert.expires_at:%H:%M} UTC."
            )
        )

    def load_update(self, blog, data, now):
        texts = {f"body_{code}": text_to_html(data.get(code, "")) for code in LANGUAGE_CODES}
        # The text is the demo update's stable key (the English one, or the Arabic when alone).
        key = {name: value for name, value in texts.items() if value}
        key = {"body_en": key["body_en"]} if "body_en" in key else key
        author = Author.objects.filter(slug=data["author"]).select_related("user").first()
        update = LiveUpdate.objects.filter(live_blog=blog, **key).first()
        if update is None:
            update = LiveUpdate(live_blog=blog, posted_at=now - timedelta(minutes=data["minutes_ago"]))
        for name, value in texts.items():
            setattr(update, name, value)
        update.key_event = data["key_event"]
        update.author = author
        # Reporters without a login post through the demo "writer", who may then edit those updates
        # and no others (editors may edit all).
        update.posted_by = (author.user if author else None) or self.writer
        update.deleted_at = None
        if update.pk is None:
            with reversion.create_revision():
                update.save()
                reversion.set_comment("Demo content loaded.")
        else:
            update.save()

    def load_alert(self, article, data, now):
        alert = BreakingAlert.objects.filter(text_en=data["en"]).first() or BreakingAlert(text_en=data["en"])
        alert.text_ar = data["ar"]
        alert.article = article
        alert.expires_at = now + timedelta(hours=data["hours"])
        alert.withdrawn_at = None
        alert.save()
        return alert
