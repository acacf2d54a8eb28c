"""Corrections: appended by editors, shown dated on the article page in the reader's language."""

import pytest
from django.urls import reverse

from articles import services
from articles.models import Correction
from tests.factories import make_article
from tests.workflow.factories import change_url, make_role_user, post_article_form

pytestmark = pytest.mark.django_db


def test_editor_appends_a_correction_in_both_languages_from_the_article_form(client):
    editor = make_role_user("editor")
    client.force_login(editor)
    article = make_article()
    response = post_article_form(
        client,
        article,
        **{
            "corrections-TOTAL_FORMS": "1",
            "corrections-0-text_en": "An earlier version misspelt the mayor's name.",
            "corrections-0-text_ar": "ورد اسم رئيس البلدية خطأً في نسخة سابقة.",
        },
    )
    assert response.status_code == 302
    correction = Correction.objects.get(article=article)
    assert correction.created_by == editor
    assert correction.created_at


def test_saved_corrections_cannot_be_rewritten_through_the_form(client):
    client.force_login(make_role_user("editor"))
    article = make_article()
    correction = services.correction_append(
        article=article, by=make_role_user("editor"), text_en="Original note"
    )
    page = client.get(change_url(article)).content.decode()
    assert 'name="corrections-0-text_en"' not in page
    post_article_form(
        client, article, **{"corrections-0-text_en": "Rewritten", "corrections-0-id": str(correction.pk)}
    )
    correction.refresh_from_db()
    assert correction.text_en == "Original note"


def test_writers_cannot_add_corrections(client):
    writer = make_role_user("writer")
    with pytest.raises(Exception, match="not allowed"):
        services.correction_append(article=make_article(), by=writer, text_en="x")


def test_a_correction_needs_text_in_some_language():
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.correction_append(article=make_article(), by=make_role_user("editor"), text_en="  ")


def test_article_page_shows_corrections_of_its_language_only(client):
    editor = make_role_user("editor")
    article = make_article()
    services.correction_append(article=article, by=editor, text_en="Both languages", text_ar="باللغتين")
    services.correction_append(article=article, by=editor, text_en="English only")
    english = client.get(article.get_absolute_url("en")).content.decode()
    arabic = client.get(article.get_absolute_url("ar")).content.decode()
    assert "Both languages" in english
    assert "English only" in english
    assert "Corrections" in english
    assert "باللغتين" in arabic
    assert "English only" not in arabic
    assert 'class="correction__date"' in arabic


def test_article_page_without_corrections_has_no_corrections_block(client):
    article = make_article()
    assert 'class="corrections"' not in client.get(article.get_absolute_url("en")).content.decode()


def test_translator_gets_no_corrections_inline(client):
    client.force_login(make_role_user("translator"))
    page = client.get(change_url(make_article(languages=("en",)))).content.decode()
    assert "corrections-TOTAL_FORMS" not in page
    assert reverse("admin:articles_article_changelist")
