from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article, RelatedArticle, Status
from tests.factories import make_article, make_section, make_tag

pytestmark = pytest.mark.django_db


def test_published_excludes_future_articles():
    make_article(publish_at=timezone.now() + timedelta(days=1))
    assert not Article.objects.published().exists()


def test_published_excludes_drafts_and_review():
    make_article(status=Status.DRAFT)
    make_article(status=Status.REVIEW)
    make_article(status=Status.UNPUBLISHED)
    assert not Article.objects.published().exists()


def test_scheduled_article_becomes_published_when_its_time_passes():
    article = make_article(publish_at=timezone.now() + timedelta(seconds=60))
    assert not Article.objects.published().filter(pk=article.pk).exists()
    Article.objects.filter(pk=article.pk).update(publish_at=timezone.now() - timedelta(seconds=1))
    assert Article.objects.published().filter(pk=article.pk).exists()


def test_live_requires_headline_and_body_in_that_language():
    english_only = make_article(languages=("en",))
    both = make_article()
    assert set(Article.objects.live("en")) == {english_only, both}
    assert list(Article.objects.live("ar")) == [both]
    assert english_only.live_languages() == ["en"]


def test_body_without_text_counts_as_missing():
    article = make_article(languages=("en",), headline_ar="عنوان", body_ar="<p>&nbsp;</p>")
    assert article.body_ar == ""
    assert not Article.objects.live("ar").filter(pk=article.pk).exists()


def test_stored_body_is_sanitised():
    article = make_article(
        body_en=(
            '<p onclick="steal()">Hello <script>alert(1)</script><a href="javascript:alert(2)">link</a>'
            '<img src="x.jpg" onerror="alert(3)"></p><iframe src="https://evil.example/x"></iframe>'
        )
    )
    article.refresh_from_db()
    body = article.body_en
    assert "<script" not in body
    assert "alert(1)" not in body
    assert "onclick" not in body
    assert "onerror" not in body
    assert "javascript:" not in body
    assert "evil.example" not in body
    assert "Hello" in body
    assert 'src="x.jpg"' in body


def test_slugs_are_derived_per_language_and_unique():
    first = make_article(headline_en="Water levels fall", headline_ar="انخفاض منسوب المياه")
    second = make_article(headline_en="Water levels fall", headline_ar="انخفاض منسوب المياه")
    assert first.slug_en == "water-levels-fall"
    assert first.slug_ar == "انخفاض-منسوب-المياه"
    assert second.slug_en == "water-levels-fall-2"
    assert second.slug_ar == "انخفاض-منسوب-المياه-2"


def test_related_puts_editor_picks_first_in_their_order():
    section = make_section()
    article = make_article(section=section)
    filler = make_article(section=section, publish_at=timezone.now() - timedelta(minutes=1))
    pick_a = make_article()
    pick_b = make_article()
    RelatedArticle.objects.create(from_article=article, to_article=pick_b, order=0)
    RelatedArticle.objects.create(from_article=article, to_article=pick_a, order=1)
    assert Article.objects.related_to(article, language="en", limit=3) == [pick_b, pick_a, filler]


def test_related_fills_from_shared_tags_and_section_most_recent_first():
    tag = make_tag()
    article = make_article(tags=[tag])
    older = make_article(tags=[tag], publish_at=timezone.now() - timedelta(days=3))
    newer = make_article(section=article.section, publish_at=timezone.now() - timedelta(days=1))
    make_article()  # shares nothing
    assert Article.objects.related_to(article, language="en") == [newer, older]


def test_related_never_includes_itself_drafts_future_or_other_language():
    tag = make_tag()
    article = make_article(tags=[tag])
    make_article(tags=[tag], status=Status.DRAFT)
    make_article(tags=[tag], publish_at=timezone.now() + timedelta(days=1))
    make_article(tags=[tag], languages=("ar",))
    RelatedArticle.objects.create(from_article=article, to_article=make_article(status=Status.DRAFT))
    assert Article.objects.related_to(article, language="en") == []


def test_related_runs_a_bounded_number_of_queries(django_assert_max_num_queries):
    tags = [make_tag() for _ in range(5)]
    article = make_article(tags=tags)
    for i in range(12):
        pick = make_article(tags=tags[:2])
        if i < 3:
            RelatedArticle.objects.create(from_article=article, to_article=pick, order=i)
    with django_assert_max_num_queries(4):
        related = Article.objects.related_to(article, language="en")
        names = [[a.display_name for a in r.byline_authors] for r in related]
    assert len(related) == 6
    assert len(names) == 6
