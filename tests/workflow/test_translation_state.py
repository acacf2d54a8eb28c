"""Per-language translation state: complete, missing or stale, in the article list and filters."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, TranslationState
from tests.factories import make_article
from tests.workflow.factories import make_role_user, post_article_form

pytestmark = pytest.mark.django_db

COMPLETE, MISSING, STALE = TranslationState.COMPLETE, TranslationState.MISSING, TranslationState.STALE


def states(article):
    article = Article.objects.get(pk=article.pk)
    annotated = Article.objects.with_translation_states().get(pk=article.pk)
    mirrored = {code: getattr(annotated, f"translation_state_{code}") for code in ("en", "ar")}
    direct = {code: article.translation_state(code) for code in ("en", "ar")}
    assert mirrored == direct  # queryset and instance agree
    for code, state in direct.items():
        assert Article.objects.in_translation_state(code, state).filter(pk=article.pk).exists()
    return direct


def test_a_new_article_in_one_language_has_the_other_missing():
    assert states(make_article(languages=("en",))) == {"en": COMPLETE, "ar": MISSING}


def test_adding_the_translation_later_does_not_make_the_original_stale():
    article = make_article(languages=("en",))
    article.headline_ar, article.body_ar = "عنوان", "<p>نص</p>"
    article.save()
    assert states(article) == {"en": COMPLETE, "ar": COMPLETE}


def test_editing_one_language_makes_the_other_stale_until_it_is_updated():
    article = make_article()
    article.body_en = "<p>A new paragraph.</p>"
    article.save()
    assert states(article) == {"en": COMPLETE, "ar": STALE}
    article.body_ar = "<p>فقرة جديدة.</p>"
    article.save()
    assert states(article) == {"en": COMPLETE, "ar": COMPLETE}


def test_a_save_that_changes_no_text_changes_no_state():
    article = make_article()
    article.body_en = "<p>Changed.</p>"
    article.save()
    article.featured = True
    article.save()
    assert states(article) == {"en": COMPLETE, "ar": STALE}


def test_stamps_come_from_text_changes_only_and_follow_the_database():
    article = make_article()
    stamp = Article.objects.get(pk=article.pk).edited_en_at
    article.label = "analysis"
    article.save()
    assert Article.objects.get(pk=article.pk).edited_en_at == stamp


def test_legacy_articles_without_stamps_count_as_complete():
    article = make_article()
    Article.objects.filter(pk=article.pk).update(
        edited_en_at=None, edited_ar_at=timezone.now() - timedelta(days=1)
    )
    assert states(article) == {"en": COMPLETE, "ar": COMPLETE}


def test_article_list_shows_each_languages_state_and_filters_by_it(client):
    client.force_login(make_role_user("editor"))
    stale = make_article(headline_en="Stale Arabic")
    post_article_form(client, stale, body_en="<p>News moved on.</p>")
    make_article(languages=("en",), headline_en="No Arabic")
    make_article(headline_en="All good")
    url = reverse("admin:articles_article_changelist")
    page = client.get(url).content.decode()
    assert 'translation-state--stale">Needs update' in page
    assert 'translation-state--missing">Missing' in page
    assert "Stale Arabic" in client.get(url, {"lang_ar": "stale"}).content.decode()
    filtered = client.get(url, {"lang_ar": "missing"}).content.decode()
    assert "No Arabic" in filtered
    assert "All good" not in filtered
    assert "Stale Arabic" not in filtered
    assert "All good" in client.get(url, {"lang_ar": "complete"}).content.decode()


def test_the_editors_reformatting_of_a_body_is_not_an_edit():
    article = make_article(body_en="<p>One.</p><p>Two.</p>")
    article.body_en = "<p>One.</p>\n\n<p>Two.</p>\n"
    article.save()
    assert states(article) == {"en": COMPLETE, "ar": COMPLETE}
