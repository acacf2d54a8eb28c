"""What readers see: approved comments only, threaded, paginated, escaped; counts; query budget."""

import re
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from comments.models import Comment, Status
from comments.templatetags.comments import comment_counts, count_for
from comments.text import render_comment_body
from tests.comments.factories import make_comment, rules
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def render(article, query="", language="en"):
    with translation.override(language):
        request = RequestFactory().get(f"/{language}/news/x/{query}")
        return Template("{% load comments %}{% render_comments article %}").render(
            Context({"article": article, "request": request})
        )


def comment_ids(html):
    return [int(pk) for pk in re.findall(r'<article id="comment-(\d+)"', html)]


def test_only_approved_comments_are_shown():
    article = make_article()
    shown = make_comment(article=article, body="Approved words")
    for status in (Status.PENDING, Status.REJECTED, Status.SPAM):
        make_comment(article=article, status=status, body=f"Hidden {status}")
    html = render(article)
    assert comment_ids(html) == [shown.pk]
    assert "Hidden" not in html


def test_comments_are_shown_oldest_first_with_replies_under_their_parent():
    article = make_article()
    now = timezone.now()
    first = make_comment(article=article, created_at=now - timedelta(hours=3))
    second = make_comment(article=article, created_at=now - timedelta(hours=2))
    reply_to_first = make_comment(article=article, parent=first, created_at=now - timedelta(hours=1))
    make_comment(article=article, parent=first, status=Status.PENDING)
    assert comment_ids(render(article)) == [first.pk, reply_to_first.pk, second.pk]


def test_replies_to_a_comment_taken_down_are_hidden_too():
    article = make_article()
    parent = make_comment(article=article, status=Status.REJECTED)
    make_comment(article=article, parent=parent)
    assert comment_ids(render(article)) == []
    assert Comment.objects.visible().count() == 0


def test_each_language_edition_has_its_own_discussion():
    article = make_article()
    english = make_comment(article=article, language="en")
    arabic = make_comment(article=article, language="ar")
    assert comment_ids(render(article, language="en")) == [english.pk]
    assert comment_ids(render(article, language="ar")) == [arabic.pk]


def test_staff_reply_is_marked_as_the_newsrooms():
    article = make_article()
    parent = make_comment(article=article)
    make_comment(article=article, parent=parent, is_staff_reply=True, consent_at=None, name="Desk")
    assert "comment--staff" in render(article)
    assert "Newsroom" in render(article)


def test_more_than_fifty_comments_are_paginated():
    article = make_article()
    comments = [make_comment(article=article) for _ in range(51)]
    first_page = render(article)
    assert comment_ids(first_page) == [c.pk for c in comments[:50]]
    assert 'href="?page=2#comments"' in first_page
    assert comment_ids(render(article, "?page=2")) == [comments[50].pk]
    assert comment_ids(render(article, "?page=abc")) == [c.pk for c in comments[:50]]
    assert comment_ids(render(article, "?page=99")) == [comments[50].pk]


def test_html_in_a_comment_is_shown_as_text():
    article = make_article()
    make_comment(
        article=article, name='<img src=x onerror="alert(1)">', body="<script>alert('x')</script><b>hi</b>"
    )
    html = render(article)
    assert "<script>alert" not in html
    assert "<b>hi</b>" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;&lt;b&gt;hi&lt;/b&gt;" in html
    assert "<img src=x" not in html


def test_line_breaks_are_kept():
    assert str(render_comment_body("one\ntwo\n\nthree")) == "<p>one<br>two</p><p>three</p>"


def test_addresses_become_inert_links():
    html = str(render_comment_body("See https://example.org/a?b=1&c=2. Or www.example.com, ok"))
    assert (
        '<a href="https://example.org/a?b=1&amp;c=2" rel="nofollow ugc noopener">https://example.org/a?b=1&amp;c=2</a>.'
        in html
    )
    assert '<a href="https://www.example.com" rel="nofollow ugc noopener">www.example.com</a>,' in html


@pytest.mark.parametrize(
    "text",
    [
        "javascript:alert(1)",
        'http://x.example/"onmouseover="alert(1)',
        "https://x.example/<script>alert(1)</script>",
        "data:text/html;base64,PHNjcmlwdD4=",
    ],
)
def test_nothing_a_reader_types_becomes_markup_or_a_script_link(text):
    html = str(render_comment_body(text))
    assert "<script" not in html
    assert 'href="javascript' not in html
    assert 'href="data' not in html
    assert '"onmouseover' not in html


def test_arabic_punctuation_and_closing_brackets_are_not_part_of_links():
    html = str(render_comment_body("(انظر https://example.org/page)، شكراً؟"))
    assert 'href="https://example.org/page"' in html


def test_comment_count_and_counts_for_a_listing():
    a, b, c = make_article(), make_article(), make_article()
    make_comment(article=a)
    make_comment(article=a)
    make_comment(article=a, status=Status.PENDING)
    make_comment(article=b, language="ar")
    with translation.override("en"):
        with CaptureQueriesContext(connection) as queries:
            counts = comment_counts([a, b, c])
        assert len(queries) == 1
        assert count_for(counts, a) == 2
        assert count_for(counts, b) == 0
        assert count_for(counts, c) == 0
        html = Template("{% load comments %}{% comment_count a as n %}{{ n }}").render(Context({"a": a}))
        assert html == "2"
    with translation.override("ar"):
        assert comment_counts([a, b, c]) == {b.pk: 1}


def test_listed_articles_bring_their_visible_comment_counts_and_cost_no_query():
    from articles.listings import with_shown_extras
    from articles.models import Article

    a, b, c = make_article(), make_article(), make_article()
    hidden_parent = make_comment(article=a, status=Status.PENDING)
    make_comment(article=a, parent=hidden_parent)  # approved, but under a comment nobody sees
    for _ in range(3):
        make_comment(article=a)
    make_comment(article=b, status=Status.SPAM)
    make_comment(article=c, language="ar")
    with translation.override("en"):
        listed = list(with_shown_extras(Article.objects.filter(pk__in=[a.pk, b.pk, c.pk]), "en"))
        with CaptureQueriesContext(connection) as queries:
            counts = comment_counts(listed)
        assert len(queries) == 0
        assert counts == Comment.objects.approved_counts([a.pk, b.pk, c.pk], "en") == {a.pk: 3}
        again = list(with_shown_extras(Article.objects.filter(pk__in=[a.pk, c.pk]), "en"))
        assert comment_counts(again) == {a.pk: 3}
        # Articles that were not listed with their counts still get them, in one query.
        other = make_article()
        make_comment(article=other)
        with CaptureQueriesContext(connection) as queries:
            assert comment_counts([*listed, other]) == {a.pk: 3, other.pk: 1}
        assert len(queries) == 1
    with translation.override("ar"):
        listed = list(with_shown_extras(Article.objects.filter(pk__in=[a.pk, b.pk, c.pk]), "ar"))
        assert comment_counts(listed) == {c.pk: 1}


def test_what_listed_articles_show_is_compiled_once_per_language_for_every_listing(monkeypatch):
    from articles import listings
    from articles.models import Article

    article = make_article()
    make_comment(article=article)
    make_comment(article=article, language="ar")
    built = []

    def build(language):
        built.append(language)
        return Comment.objects.count_per_article(language)

    monkeypatch.setattr(listings, "_SHOWN_WITH_LISTED", {"probe": build})
    listings._compiled.cache_clear()
    try:
        for _ in range(3):
            # A listing's query (sections joined, as teasers have them) and a search's.
            [teaser] = listings.with_shown_extras(Article.objects.select_related("section"), "en")
            [found] = listings.with_shown_extras(Article.objects.filter(pk__in=[article.pk]), "ar")
            assert (teaser.probe, found.probe) == (1, 1)
        assert built == ["en", "ar"]
    finally:
        listings._compiled.cache_clear()


def test_count_for_tolerates_missing_counts():
    assert count_for(None, make_article()) == 0
    assert count_for({}, None) == 0


@pytest.mark.parametrize(
    ("language", "total", "phrase"),
    [
        ("en", 1, "1 comment"),
        ("en", 12, "12 comments"),
        ("ar", 1, "تعليق واحد"),
        ("ar", 2, "تعليقان"),
        ("ar", 7, "7 تعليقات"),
        ("ar", 11, "11 تعليقًا"),
        ("ar", 1500, "1500 تعليق"),
    ],
)
def test_the_comments_phrase_reads_as_the_blocktranslate_it_replaces(language, total, phrase):
    blocktranslate = Template(
        "{% load i18n %}{% blocktranslate trimmed count counter=total %}{{ counter }} comment"
        "{% plural %}{{ counter }} comments{% endblocktranslate %}"
    )
    with translation.override(language):
        assert (
            Template("{% load comments %}{{ total|comments_phrase }}").render(Context({"total": total}))
            == phrase
        )
        assert blocktranslate.render(Context({"total": total})) == phrase


def _queries_to_render(article):
    with CaptureQueriesContext(connection) as queries:
        render(article)
    return len(queries)


def test_the_list_costs_a_fixed_number_of_queries_whatever_the_number_of_comments(
    django_assert_max_num_queries,
):
    rules()  # the settings row exists, as in production
    small, big = make_article(), make_article()
    make_comment(article=small)
    threads = [make_comment(article=big) for _ in range(100)]
    Comment.objects.bulk_create(
        [
            Comment(
                article=big,
                parent=thread,
                name=f"Replier {n}",
                email=f"replier{n}@example.org",
                body="A reply",
                language="en",
                status=Status.APPROVED,
                consent_at=timezone.now(),
            )
            for thread in threads
            for n in range(2)
        ]
    )
    assert Comment.objects.visible().filter(article=big).count() == 300
    assert _queries_to_render(big) == _queries_to_render(small)
    with django_assert_max_num_queries(6):
        html = render(big)
    assert len(comment_ids(html)) == 50 + 100  # 50 threads on the first page, 2 replies each


def test_whole_article_page_costs_the_same_with_300_comments(client):
    rules()
    article = make_article()
    make_comment(article=article)
    url = article.get_absolute_url("en")
    cache.clear()  # whatever page cache there is must not answer for us
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    Comment.objects.bulk_create(
        [
            Comment(
                article=article,
                name=f"N{n}",
                email=f"n{n}@example.org",
                body=f"Body {n}",
                language="en",
                status=Status.APPROVED,
                consent_at=timezone.now(),
            )
            for n in range(299)
        ]
    )
    cache.clear()
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    assert response.status_code == 200
    assert len(many) == len(few)
