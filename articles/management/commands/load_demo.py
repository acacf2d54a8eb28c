"""Load the demo newsroom: sections, tags, authors, generated pictures, articles and users
(the content is data in ``articles/demo/``, read by ``articles/demo_content.py``).

Idempotent: every object is found by a stable key and updated in place, so running it twice
leaves the same content. Demo users get their password from DEMO_PASSWORD on every run.
"""

import io
import os
from datetime import timedelta

import reversion
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from PIL import Image as PILImage, ImageDraw
from reversion.models import Version

from articles.demo_content import read_demo_content
from articles.images import generate_renditions
from articles.models import Article, ArticleAuthor, Author, Image, RelatedArticle, Section, Status, Tag

DEFAULT_DEMO_PASSWORD = "newsroom-demo-2026"

# username → (is_superuser, group name created by the editorial-workflow migration, if any)
DEMO_USERS = {
    "admin": (True, None),
    "editor": (False, "editor"),
    "writer": (False, "writer"),
    "moderator": (False, "moderator"),
    "translator": (False, "translator"),
}


def placeholder_jpeg(key: str, colour: tuple[int, int, int], size=(1600, 900)) -> bytes:
    """A recognisable picture made on the spot (no downloads): a gradient with simple shapes."""
    width, height = size
    image = PILImage.new("RGB", size, colour)
    draw = ImageDraw.Draw(image)
    r, g, b = colour
    for y in range(0, height, 6):
        shade = y / height
        draw.rectangle(
            [0, y, width, y + 6],
            fill=(
                int(r + (255 - r) * shade * 0.35),
                int(g + (255 - g) * shade * 0.35),
                int(b * (1 - shade * 0.4)),
            ),
        )
    seed = sum(map(ord, key))
    for i in range(5):
        x = (seed * (i + 3) * 97) % width
        radius = 60 + (seed * (i + 1)) % 140
        draw.ellipse(
            [x - radius, height * 0.55 - radius, x + radius, height * 0.55 + radius], outline="white", width=6
        )
    draw.rectangle(
        [0, int(height * 0.8), width, height], fill=(max(r - 40, 0), max(g - 40, 0), max(b - 40, 0))
    )
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=82, optimize=True, progressive=True)
    return buffer.getvalue()


class Command(BaseCommand):
    help = "Load (or refresh) the bilingual demo content and the demo users."

    def add_arguments(self, parser):
        parser.add_argument("--no-users", action="store_true", help="Do not create or update demo users.")

    @transaction.atomic
    def handle(self, *args, **options):
        self.demo = read_demo_content()
        sections = self.load_sections()
        tags = self.load_tags()
        users = {} if options["no_users"] else self.load_users()
        authors = self.load_authors(users)
        images = self.load_images()
        articles = self.load_articles(sections, tags, authors, images)
        self.start_history(articles, users)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content ready: {len(articles)} articles, {len(sections)} sections, {len(tags)} tags, "
                f"{len(authors)} authors, {len(images)} images, {len(users)} users."
            )
        )

    def start_history(self, articles, users):
        """The demo writer owns the demo drafts; every article gets a first revision (once)."""
        writer = users.get("writer")
        for article in articles.values():
            if writer and article.status == Status.DRAFT and article.created_by_id is None:
                Article.objects.filter(pk=article.pk).update(created_by=writer)
            if not Version.objects.get_for_object(article).exists():
                with reversion.create_revision(manage_manually=True):
                    reversion.set_comment("Demo content loaded.")
                    reversion.add_to_revision(article)

    def load_sections(self):
        sections = {}
        for data in self.demo.sections:
            section, _created = Section.objects.update_or_create(
                slug_en=data["slug_en"],
                defaults={
                    "order": data["order"],
                    "name_en": data["name_en"],
                    "name_ar": data["name_ar"],
                    "slug_ar": data["slug_ar"],
                },
            )
            sections[data["key"]] = section
        return sections

    def load_tags(self):
        tags = {}
        for data in self.demo.tags:
            tag, _created = Tag.objects.update_or_create(
                slug_en=data["slug_en"],
                defaults={"name_en": data["name_en"], "name_ar": data["name_ar"], "slug_ar": data["slug_ar"]},
            )
            tags[data["key"]] = tag
        return tags

    def load_users(self):
        password = os.environ.get("DEMO_PASSWORD") or DEFAULT_DEMO_PASSWORD
        User = get_user_model()
        users = {}
        usernames = dict(DEMO_USERS)
        for data in self.demo.authors:
            if data["username"] and data["username"] not in usernames:
                usernames[data["username"]] = (False, "writer")
        for username, (is_superuser, group_name) in usernames.items():
            user, _created = User.objects.get_or_create(username=username)
            user.is_staff = True
            user.is_superuser = is_superuser
            user.email = f"{username}@example.org"
            user.set_password(password)
            user.save()
            if group_name:
                group = Group.objects.filter(name=group_name).first()
                if group:
                    user.groups.add(group)
            users[username] = user
        return users

    def load_authors(self, users):
        authors = {}
        for data in self.demo.authors:
            author, _created = Author.objects.update_or_create(
                slug=data["key"],
                defaults={
                    "user": users.get(data["username"]) if data["username"] else None,
                    "display_name_en": data["display_name_en"],
                    "display_name_ar": data["display_name_ar"],
                    "bio_en": data["bio_en"],
                    "bio_ar": data["bio_ar"],
                },
            )
            authors[data["key"]] = author
        return authors

    def load_images(self):
        images = {}
        for data in self.demo.images:
            fields = {
                f"{name}_{code}": data[f"{name}_{code}"]
                for name in ("caption", "credit")
                for code in ("en", "ar")
            }
            fields.update(alt_text_en=data["alt_en"], alt_text_ar=data["alt_ar"])
            # The English caption is the demo image's stable key.
            image = Image.objects.filter(caption_en=data["caption_en"]).first()
            if image is None:
                image = Image(**fields)
                image.file.save(
                    f"{data['key']}.jpg",
                    ContentFile(placeholder_jpeg(data["key"], data["colour"])),
                    save=False,
                )
            else:
                for name, value in fields.items():
                    setattr(image, name, value)
                if not image.file or not image.file.storage.exists(image.file.name):
                    content = ContentFile(placeholder_jpeg(data["key"], data["colour"]))
                    image.file.save(f"{data['key']}.jpg", content, save=False)
            image.save()
            # Made now, not by the first reader's request (generate_renditions skips existing ones).
            generate_renditions(image)
            images[data["key"]] = image
        return images

    def load_articles(self, sections, tags, authors, images):
        now = timezone.now()
        articles = {}
        for data in self.demo.articles:
            # Publication times are kept from the first load, so re-running changes nothing.
            article = Article.objects.filter(slug_en=data["key"]).first() or Article(slug_en=data["key"])
            if article.pk is None or article.publish_at is None:
                article.publish_at = now - timedelta(days=data["days_ago"])
            for code in ("en", "ar"):
                for name in ("headline", "summary", "source", "body"):
                    setattr(article, f"{name}_{code}", data[code][name])
            if data["ar"]["headline"] and not article.slug_ar:
                article.slug_ar = ""  # derived from the Arabic headline on save
            if not data["en"]["headline"]:
                article.slug_en = data["key"]  # keeps the stable key even without English text
            article.label = data["label"]
            article.section = sections[data["section"]]
            article.lead_image = images.get(data["image"]) if data["image"] else None
            article.status = Status.PUBLISHED if data["status"] == "published" else Status.DRAFT
            article.featured = data["featured"]
            article.save()
            article.tags.set([tags[key] for key in data["tags"]])
            ArticleAuthor.objects.filter(article=article).exclude(author__slug__in=data["authors"]).delete()
            for order, key in enumerate(data["authors"]):
                ArticleAuthor.objects.update_or_create(
                    article=article, author=authors[key], defaults={"order": order}
                )
            articles[data["key"]] = article
        for data in self.demo.articles:
            article = articles[data["key"]]
            RelatedArticle.objects.filter(from_article=article).exclude(
                to_article__in=[articles[key] for key in data["related"]]
            ).delete()
            for order, key in enumerate(data["related"]):
                RelatedArticle.objects.update_or_create(
                    from_article=article, to_article=articles[key], defaults={"order": order}
                )
        return articles
