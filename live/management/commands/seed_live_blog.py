"""Make an article a live blog with a number of updates (for the benchmark and demos).

    manage.py seed_live_blog --slug bench-showcase --updates 50

Idempotent: an article that is already a live blog keeps its updates.
"""

from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from articles.models import Article
from live.models import LiveBlog, LiveUpdate


class Command(BaseCommand):
    help = "Make the article with this English slug a live blog with N updates."

    def add_arguments(self, parser):
        parser.add_argument("--slug", required=True)
        parser.add_argument("--updates", type=int, default=50)

    def handle(self, *args, slug, updates, **options):
        article = Article.objects.filter(slug_en=slug).first()
        if article is None:
            raise CommandError(f"No article with the English slug {slug!r}.")
        blog, created = LiveBlog.objects.get_or_create(article=article)
        if created:
            now = timezone.now()
            LiveUpdate.objects.bulk_create(
                LiveUpdate(
                    live_blog=blog,
                    body_en=f"<p>Update {n}: the situation at the crossing, as our reporters see it.</p>",
                    body_ar=f"<p>تحديث {n}: الوضع عند المعبر كما يراه مراسلونا.</p>",
                    key_event=n % 10 == 0,
                    posted_at=now - timedelta(minutes=updates - n),
                )
                for n in range(updates)
            )
        self.stdout.write(f"Live blog {blog.pk}: article {article.pk}, {blog.updates.count()} updates")
