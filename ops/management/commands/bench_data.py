"""Build a newsroom-sized dataset for `make bench`, with bulk inserts.

    manage.py bench_data [--scale 1]     # 20,000 articles × scale, 300,000 comments × scale

Wipes the articles, comments and their relations of the database it runs against, so the
benchmark runner points it at a database of its own (``<name>_bench``). Deterministic: the
same scale gives the same data. One article, the "showcase" (slug ``bench-showcase``), has
exactly 50 approved comments and 6 curated related stories: the benchmark's article page.
"""

import io
import itertools
import random
import sys
import time
from datetime import timedelta

from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.utils import timezone
from PIL import Image as PILImage

from articles.models import Article, ArticleAuthor, Author, Image, Label, RelatedArticle, Section, Status, Tag

EN_WORDS = (
    "river water council farmers bridge school market prices fuel bread hospital clinic doctors road "
    "reconstruction harvest wheat cotton electricity dam village town city province border crossing trade "
    "residents families officials report sources week month year winter summer rain drought pumps canal "
    "teachers students books museum archive heritage festival radio journalists camp aid convoy delivery "
    "power grid generators repairs contract budget salaries workers union factory bakery flour diesel"
).split()
AR_WORDS = (
    "النهر المياه المجلس المزارعون الجسر المدرسة السوق الأسعار الوقود الخبز المستشفى العيادة الأطباء الطريق "
    "إعادة الإعمار الحصاد القمح القطن الكهرباء السد القرية البلدة المدينة المحافظة الحدود المعبر التجارة "
    "السكان العائلات المسؤولون التقرير المصادر الأسبوع الشهر العام الشتاء الصيف المطر الجفاف المضخات القناة "
    "المعلمون الطلاب الكتب المتحف الأرشيف التراث المهرجان الإذاعة الصحفيون المخيم المساعدات القافلة "
    "الشبكة المولدات الإصلاحات العقد الميزانية الرواتب العمال المصنع المخبز الطحين المازوت الفرات الرقة "
    "دير الزور الحسكة القامشلي منبج تدمر الموصل"
).split()


class Progress:
    """A plain progress bar on stderr: the benchmark never builds in silence."""

    def __init__(self, label: str, total: int):
        self.label, self.total, self.done, self.started = label, max(total, 1), 0, time.monotonic()
        self.draw()

    def advance(self, n: int) -> None:
        self.done = min(self.done + n, self.total)
        self.draw()

    def draw(self) -> None:
        now = time.monotonic()
        if self.done < self.total and now - getattr(self, "_drawn", 0) < 0.5:
            return  # redraw at most twice a second
        self._drawn = now
        width = 30
        filled = int(width * self.done / self.total)
        elapsed = time.monotonic() - self.started
        sys.stderr.write(
            f"\r  {self.label:<12} [{'#' * filled}{'.' * (width - filled)}] "
            f"{self.done:>7}/{self.total:<7} {elapsed:5.1f}s"
        )
        if self.done >= self.total:
            sys.stderr.write("\n")
        sys.stderr.flush()


def vocabulary(
    rng: random.Random, common: list[str], syllables: list[str], size: int
) -> tuple[list[str], list[float]]:
    """Real words plus made-up ones, with Zipf-like frequencies: searches hit a realistic share
    of the articles instead of nearly all of them (as a 70-word vocabulary would)."""
    words = list(common)
    seen = set(words)
    while len(words) < size:
        word = "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))
        if word not in seen:
            seen.add(word)
            words.append(word)
    rng.shuffle(words)
    weights = [1 / (rank + 10) for rank in range(len(words))]
    return words, list(itertools.accumulate(weights))


EN_SYLLABLES = "ka ri mo den ta lo ver sa min ro tu na pel gor vis han dal me".split()
AR_SYLLABLES = "كا ري مو دن تا لو فر سا من رو تو نا بل غر فس حا دل مي".split()


def sentence(rng: random.Random, words, n: int) -> str:
    if isinstance(words, tuple):
        return " ".join(rng.choices(words[0], cum_weights=words[1], k=n))
    return " ".join(rng.choice(words) for _ in range(n))


def paragraphs(rng: random.Random, words, count: int) -> str:
    return "".join(f"<p>{sentence(rng, words, rng.randint(25, 45)).capitalize()}.</p>" for _ in range(count))


def jpeg(rng: random.Random, size=(1600, 900)) -> bytes:
    buffer = io.BytesIO()
    colour = (rng.randint(20, 200), rng.randint(20, 200), rng.randint(20, 200))
    PILImage.new("RGB", size, colour).save(buffer, "JPEG", quality=80)
    return buffer.getvalue()


class Command(BaseCommand):
    help = "Replace the content of this database with a large benchmark dataset (bulk inserts)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale", type=float, default=1.0, help="1 = 20,000 articles and 300,000 comments."
        )
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args, scale, seed, **options):
        from comments.models import Comment, Status as CommentStatus

        rng = random.Random(seed)
        english = vocabulary(rng, EN_WORDS, EN_SYLLABLES, 6000)
        arabic = vocabulary(rng, AR_WORDS, AR_SYLLABLES, 6000)
        n_articles = int(20_000 * scale)
        n_comments = int(300_000 * scale)
        now = timezone.now()
        started = time.monotonic()

        with transaction.atomic():
            self.stderr.write("Clearing old content…")
            with connection.cursor() as cursor:
                cursor.execute(
                    "TRUNCATE comments_comment, articles_relatedarticle, articles_articleauthor, "
                    "articles_article_tags, articles_article, articles_tag, articles_section, "
                    "articles_author, articles_imagerendition, articles_image RESTART IDENTITY CASCADE"
                )

            sections = Section.objects.bulk_create(
                Section(
                    name_en=f"Section {i}",
                    name_ar=f"القسم {i}",
                    slug_en=f"section-{i}",
                    slug_ar=f"قسم-{i}",
                    order=i,
                )
                for i in range(1, 9)
            )
            tags = Tag.objects.bulk_create(
                Tag(name_en=f"Topic {i}", name_ar=f"موضوع {i}", slug_en=f"topic-{i}", slug_ar=f"موضوع-{i}")
                for i in range(1, 401)
            )
            authors = Author.objects.bulk_create(
                Author(
                    display_name_en=f"Reporter {i}",
                    display_name_ar=f"المراسل {i}",
                    slug=f"reporter-{i}",
                    bio_en=sentence(rng, EN_WORDS, 20),
                    bio_ar=sentence(rng, AR_WORDS, 20),
                )
                for i in range(1, 201)
            )
            progress = Progress("images", 40)
            images = []
            for i in range(40):
                image = Image(alt_text_en=f"Picture {i}", alt_text_ar=f"صورة {i}", caption_en=f"Caption {i}")
                image.file.save(f"bench-{i}.jpg", ContentFile(jpeg(rng)), save=False)
                image.save()
                images.append(image)
                progress.advance(1)

            progress = Progress("articles", n_articles)
            article_ids = []
            batch = []
            labels = [choice for choice in Label.values]
            for i in range(n_articles):
                languages = rng.choices([("en", "ar"), ("en",), ("ar",)], weights=[90, 5, 5])[0]
                showcase = i == 0
                fields = {
                    "section": sections[i % len(sections)] if not showcase else sections[0],
                    "lead_image": images[i % len(images)],
                    "status": Status.PUBLISHED if (rng.random() < 0.97 or showcase) else Status.DRAFT,
                    "publish_at": now - timedelta(minutes=10 + i * 7)
                    if not showcase
                    else now - timedelta(minutes=5),
                    "label": rng.choice(labels) if rng.random() < 0.2 else "",
                    "edited_en_at": now,
                    "edited_ar_at": now,
                }
                if "en" in languages or showcase:
                    fields.update(
                        headline_en=sentence(rng, english, rng.randint(6, 11)).capitalize(),
                        slug_en="bench-showcase" if showcase else f"story-{i}",
                        summary_en=sentence(rng, english, 25).capitalize() + ".",
                        body_en=paragraphs(rng, english, rng.randint(5, 9)),
                        source_en="Euphrates Post",
                    )
                if "ar" in languages or showcase:
                    fields.update(
                        headline_ar=sentence(rng, arabic, rng.randint(6, 11)),
                        slug_ar="مقال-العرض" if showcase else f"خبر-{i}",
                        summary_ar=sentence(rng, arabic, 25) + ".",
                        body_ar=paragraphs(rng, arabic, rng.randint(5, 9)),
                        source_ar="يوفريتس بوست",
                    )
                batch.append(Article(**fields))
                if len(batch) == 1000:
                    article_ids += [a.pk for a in Article.objects.bulk_create(batch)]
                    progress.advance(len(batch))
                    batch = []
            if batch:
                article_ids += [a.pk for a in Article.objects.bulk_create(batch)]
                progress.advance(len(batch))

            progress = Progress("relations", len(article_ids))
            links, tag_links, flushed = [], [], 0
            TagLink = Article.tags.through
            for index, article_id in enumerate(article_ids):
                for order, author in enumerate(rng.sample(authors, rng.choice([1, 1, 1, 2, 3]))):
                    links.append(ArticleAuthor(article_id=article_id, author=author, order=order))
                for tag in rng.sample(tags, rng.randint(3, 6) if index else 12):
                    tag_links.append(TagLink(article_id=article_id, tag=tag))
                if len(tag_links) > 20_000:
                    ArticleAuthor.objects.bulk_create(links, batch_size=5000)
                    TagLink.objects.bulk_create(tag_links, batch_size=5000)
                    progress.advance(index + 1 - flushed)
                    links, tag_links, flushed = [], [], index + 1
            ArticleAuthor.objects.bulk_create(links, batch_size=5000)
            TagLink.objects.bulk_create(tag_links, batch_size=5000)
            progress.advance(len(article_ids) - flushed)
            showcase_id = article_ids[0]
            RelatedArticle.objects.bulk_create(
                RelatedArticle(from_article_id=showcase_id, to_article_id=article_ids[k], order=k)
                for k in range(1, 7)
            )

            progress = Progress("comments", n_comments)
            approved, pending, spam = CommentStatus.APPROVED, CommentStatus.PENDING, CommentStatus.SPAM
            comments = [
                Comment(
                    article_id=showcase_id,
                    name=f"Reader {k}",
                    email=f"reader{k}@example.org",
                    body=sentence(rng, EN_WORDS, rng.randint(8, 40)),
                    language="en",
                    status=approved,
                    consent_at=now,
                    created_at=now - timedelta(minutes=60 - k),
                )
                for k in range(50)
            ]
            Comment.objects.bulk_create(comments)
            progress.advance(50)
            others = article_ids[1:]
            remaining = n_comments - 50
            while remaining > 0:
                size = min(10_000, remaining)
                rows = []
                for _ in range(size):
                    language = "en" if rng.random() < 0.6 else "ar"
                    rows.append(
                        Comment(
                            article_id=rng.choice(others),
                            name=f"Reader {rng.randint(1, 50_000)}",
                            email=f"reader{rng.randint(1, 50_000)}@example.org",
                            body=sentence(
                                rng, EN_WORDS if language == "en" else AR_WORDS, rng.randint(8, 40)
                            ),
                            language=language,
                            status=rng.choices([approved, pending, spam], weights=[90, 7, 3])[0],
                            consent_at=now,
                            created_at=now - timedelta(minutes=rng.randint(1, 60 * 24 * 365)),
                        )
                    )
                Comment.objects.bulk_create(rows, batch_size=size)
                remaining -= size
                progress.advance(size)

        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        self.stderr.write(
            self.style.SUCCESS(
                f"Benchmark data ready in {time.monotonic() - started:.0f}s: {len(article_ids)} articles, "
                f"{n_comments} comments, {len(authors)} authors, {len(tags)} tags, {len(images)} images."
            )
        )
