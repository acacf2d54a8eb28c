"""The commenter's website: optional on the form, http(s) only, shown as a nofollow ugc link."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation

from comments.models import Comment, Status
from comments.services import comment_create, commenter_export
from tests.comments.factories import make_comment, post_comment, rules
from tests.factories import make_article

pytestmark = pytest.mark.django_db

HOSTILE = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(document.cookie)",
    "data:text/html,<script>alert(1)</script>",
    "ftp://files.example.org/",
    "https://",
    "not a web address",
]


def render(article, language="en"):
    with translation.override(language):
        request = RequestFactory().get(f"/{language}/news/x/")
        return Template("{% load comments %}{% render_comments article %}").render(
            Context({"article": article, "request": request})
        )


def author_markup(html, comment):
    match = re.search(rf'id="comment-{comment.pk}-author"[^>]*>(.*?)</span>', html, re.S)
    return match.group(1)


def test_the_website_is_stored_with_the_comment(client):
    article = make_article()
    post_comment(client, article, url="https://omar.example/blog/")
    assert Comment.objects.get().url == "https://omar.example/blog/"


def test_the_website_is_optional(client):
    article = make_article()
    response = post_comment(client, article, url="")
    assert response.status_code == 302
    assert Comment.objects.get().url == ""


def test_a_website_without_scheme_is_taken_as_https(client):
    post_comment(client, make_article(), url="omar.example")
    assert Comment.objects.get().url == "https://omar.example"


@pytest.mark.parametrize("url", HOSTILE)
def test_a_hostile_or_broken_website_is_refused_with_a_clear_message(client, url):
    article = make_article()
    response = post_comment(client, article, url=url, body="Text I keep")
    assert response.status_code == 400
    assert not Comment.objects.exists()
    page = response.content.decode()
    assert "This web address does not look right; write it like https://example.org." in page
    assert "Text I keep" in page


def test_an_overlong_website_is_refused(client):
    response = post_comment(client, make_article(), url="https://example.org/" + "a" * 200)
    assert response.status_code == 400
    assert "This web address is too long (at most 200 characters)." in response.content.decode()


def test_the_website_error_is_in_the_readers_language(client):
    response = post_comment(client, make_article(), language="ar", url="javascript:alert(1)")
    assert response.status_code == 400
    page = response.content.decode()
    assert "عنوان الموقع هذا لا يبدو صحيحًا" in page
    assert "does not look right" not in page


def test_the_arabic_form_offers_the_website_field_with_its_label(client):
    article = make_article()
    page = client.get(article.get_absolute_url("ar")).content.decode()
    field = re.search(r'<input[^>]*name="url"[^>]*>', page).group(0)
    assert 'type="url"' in field and 'dir="ltr"' in field and "required" not in field
    assert "الموقع الإلكتروني" in page


def test_the_model_refuses_a_script_address_whoever_writes_it():
    comment = make_comment()
    comment.url = "javascript:alert(1)"
    with pytest.raises(ValidationError) as error:
        comment.full_clean()
    assert "url" in error.value.message_dict


def test_the_service_refuses_a_script_address():
    with pytest.raises(ValidationError):
        comment_create(
            article=make_article(),
            name="Omar",
            email="omar@example.org",
            url="javascript:alert(1)",
            body="A comment",
            language="en",
            consent_at=make_comment().consent_at,
        )
    assert Comment.objects.count() == 1  # only the factory's


def test_the_author_name_links_to_the_website_nofollow_ugc():
    article = make_article()
    comment = make_comment(article=article, name="Omar <b>", url="https://omar.example/?a=1&b=2")
    markup = author_markup(render(article), comment)
    assert markup == (
        '<a class="comment__author-link" href="https://omar.example/?a=1&amp;b=2" '
        'rel="nofollow ugc noopener">Omar &lt;b&gt;</a>'
    )


def test_a_comment_without_website_shows_the_name_alone():
    article = make_article()
    comment = make_comment(article=article, name="Omar")
    assert author_markup(render(article), comment) == "Omar"


@pytest.mark.parametrize("url", ["javascript:alert(1)", " javascript:alert(1)", "data:text/html,x"])
def test_a_stored_script_address_never_becomes_a_link(url):
    article = make_article()
    comment = make_comment(article=article, name="Omar")
    Comment.objects.filter(pk=comment.pk).update(url=url)  # past any validation
    html = render(article)
    assert author_markup(html, comment) == "Omar"
    assert "javascript:" not in html and "data:text" not in html


def test_a_quote_in_the_website_cannot_break_out_of_the_attribute():
    article = make_article()
    comment = make_comment(article=article, name="Omar")
    Comment.objects.filter(pk=comment.pk).update(url='https://x.example/"onmouseover="alert(1)')
    markup = author_markup(render(article), comment)
    assert 'href="https://x.example/&quot;onmouseover=&quot;alert(1)"' in markup


def test_a_disallowed_word_in_the_website_files_the_comment_as_spam(client):
    rules(disallowed_words="casino")
    post_comment(client, make_article(), url="https://best-casino.example")
    assert Comment.objects.get().status == Status.SPAM


def test_the_commenters_data_export_includes_the_website():
    make_comment(email="omar@example.org", url="https://omar.example")
    exported = commenter_export(email="omar@example.org")
    assert exported["comments"][0]["website"] == "https://omar.example"
