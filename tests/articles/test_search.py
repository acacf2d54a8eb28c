import tomllib
from datetime import timedelta
from pathlib import Path

import pytest
from django.db import connection
from django.utils import translation
from django.utils.timezone import now

from articles.excerpts import highlight
from articles.models import Article, Status
from articles.search import (
    MAX_QUERY_LENGTH,
    clean_query,
    in_order,
    normalize_arabic,
    rank_with_page,
    results_queryset,
)
from tests.factories import make_article

pytestmark = pytest.mark.django_db

# "المدرسة الجديدة" written with full tashkeel, a tatweel and a hamza on the alef.
VOCALISED = "المَدْرَسَةُ الجَدِيـــدَةُ أَمامَ النَّهْرِ"


def found(query, language):
    return list(Article.objects.search(query, language))


def test_arabic_query_without_diacritics_finds_a_vocalised_text():
    article = make_article(headline_ar="افتتاح " + VOCALISED, body_ar="<p>نص الخبر</p>")
    assert found("المدرسة", "ar") == [article]
    assert found("الجديدة", "ar") == [article]


def test_arabic_query_with_diacritics_finds_a_plain_text():
    article = make_article(headline_ar="افتتاح المدرسة الجديدة أمام النهر", body_ar="<p>نص</p>")
    assert found("المَدْرَسَةُ", "ar") == [article]
    assert found("الجَدِيـــدَةُ", "ar") == [article]


@pytest.mark.parametrize(
    ("written", "typed"),
    [
        ("أحمد", "احمد"),  # alef with hamza above / bare alef
        ("إسلام", "اسلام"),  # alef with hamza below
        ("آثار", "اثار"),  # alef madda
        ("مستشفى", "مستشفي"),  # alef maqsura / yaa
        ("مدرسة", "مدرسه"),  # taa marbuta / haa
        ("مدرسه", "مدرسة"),
        ("كـــبير", "كبير"),  # tatweel
    ],
)
def test_arabic_spelling_variants_match_each_other(written, typed):
    article = make_article(headline_ar=f"خبر عن {written} اليوم", body_ar="<p>تفاصيل</p>")
    assert found(typed, "ar") == [article]


# Real spellings as they reach a newsroom: fully vocalised, Quranic, typed on Persian keyboards,
# with hamza seats, tatweel, tanween, presentation forms and Latin mixed in.
SPELLINGS = [
    "أَحْمَدُ إلى مُسْتَشْفَى المدينـــة",
    "إِسْلَامٌ",
    "القُرْآنُ الكَرِيمُ",
    "آثارُ تَدْمُر",
    "ٱلْحَمْدُ لِلَّهِ رَبِّ ٱلْعَٰلَمِينَ",
    "بِسْمِ اللَّهِ الرَّحْمٰنِ الرَّحِيمِ",
    "هٰذا وَذٰلِكَ",
    "على مستشفى الشفاء حتّى المساء",
    "جامعةٌ ومدرسةٌ وكليّة",
    "مؤتمرٌ صحفيٌّ",
    "مسؤول مسئول سؤال شيء بيئة رئيس",
    "لأن لإعادة لآخر",
    "ﻷن ﻹعادة",  # lam-alef presentation forms, as some old systems store them
    "دير الزُّور والفُرات والرَّقَّة",
    "الـقـدس الشـريف",
    "فارسی کتاب گزارش",  # Persian yeh, keheh and gaf from a Persian keyboard
    "كوفيد-19 COVID-19 في ٢٠٢٦",
    "ءامن",
    "عُمّان وعَمّان",
    "",
]


def demo_arabic_texts():
    """Every Arabic text of the demo content (articles/demo/**.toml): headlines, summaries, bodies."""
    texts = []

    def collect(value, arabic=False):
        if isinstance(value, dict):
            for key, item in value.items():
                collect(item, arabic or key == "ar" or key.endswith("_ar"))
        elif isinstance(value, list):
            for item in value:
                collect(item, arabic)
        elif isinstance(value, str) and arabic:
            texts.append(value)

    for path in sorted((Path(__file__).parents[2] / "articles" / "demo").rglob("*.toml")):
        collect(tomllib.loads(path.read_text(encoding="utf-8")))
    return texts


def test_the_demo_corpus_has_arabic_to_compare():
    assert len(demo_arabic_texts()) >= 20


@pytest.mark.parametrize("corpus", ["spellings", "demo content"])
def test_normalize_arabic_matches_the_databases_articles_ar_normalize(corpus):
    texts = SPELLINGS if corpus == "spellings" else demo_arabic_texts()
    with connection.cursor() as cursor:
        # lower(): to_tsvector lowercases after the normaliser, normalize_arabic folds case itself.
        cursor.execute(
            "SELECT array_agg(lower(articles_ar_normalize(t)) ORDER BY i) "
            "FROM unnest(%s::text[]) WITH ORDINALITY AS u(t, i)",
            [texts],
        )
        in_database = cursor.fetchone()[0]
    differ = [
        (t, py, db)
        for t, py, db in zip(texts, map(normalize_arabic, texts), in_database, strict=True)
        if py != db
    ]
    assert differ == []


def test_english_search_uses_stemming_and_ignores_case():
    article = make_article(headline_en="Farmers irrigate the fields", body_en="<p>Wheat harvest.</p>")
    assert found("farmer irrigating", "en") == [article]


def test_search_is_per_language_and_only_live_articles():
    english_only = make_article(languages=("en",), headline_en="Bridge reopens", body_en="<p>Bridge.</p>")
    make_article(headline_en="Bridge draft", status=Status.DRAFT)
    assert found("bridge", "en") == [english_only]
    assert found("bridge", "ar") == []
    # The Arabic document never matches English words and vice versa.
    both = make_article(headline_en="Water", headline_ar="الماء والجسر", body_ar="<p>الجسر</p>")
    assert found("الجسر", "ar") == [both]
    assert found("الجسر", "en") == []


def test_headline_matches_rank_above_body_matches():
    in_body = make_article(headline_en="Council meets", body_en="<p>The dam was discussed at length.</p>")
    in_headline = make_article(headline_en="The dam is full", body_en="<p>Nothing else.</p>")
    assert found("dam", "en") == [in_headline, in_body]


def test_results_rank_headline_then_summary_then_body_newest_first_within_each():
    def story(hours_ago, **text):
        return make_article(publish_at=now() - timedelta(hours=hours_ago), **text)

    old_body = story(9, headline_en="Council", summary_en="Budget", body_en="<p>The dam.</p>")
    new_body = story(1, headline_en="Council", summary_en="Budget", body_en="<p>The dam.</p>")
    summary = story(8, headline_en="Council", summary_en="The dam leaks", body_en="<p>x</p>")
    old_headline = story(7, headline_en="The dam", summary_en="Budget", body_en="<p>x</p>")
    new_headline = story(2, headline_en="The dam", summary_en="Budget", body_en="<p>x</p>")
    assert found("dam", "en") == [new_headline, old_headline, summary, new_body, old_body]


def test_an_edited_summary_is_ranked_by_its_new_words():
    older = make_article(
        headline_en="Council",
        summary_en="Budget",
        body_en="<p>The dam.</p>",
        publish_at=now() - timedelta(days=1),
    )
    newer = make_article(
        headline_en="Council",
        summary_en="Budget",
        body_en="<p>A dam.</p>",
        publish_at=now() - timedelta(hours=1),
    )
    assert found("dam", "en") == [newer, older]
    Article.objects.filter(pk=older.pk).update(summary_en="The dam is full")  # the trigger, not save()
    assert found("dam", "en") == [older, newer]


def test_teasers_stay_in_the_row_of_a_long_article():
    """Ranking reads every candidate's teaser: out of line it would cost TOAST reads (0008)."""
    if connection.pg_version < 170000:
        pytest.skip("pg_column_toast_chunk_id() is PostgreSQL 17's")
    words = [f"word{n}" for n in range(400)]
    arabic = [f"كلمة{n}" for n in range(400)]
    article = make_article(
        headline_en=" ".join(words[:20]),
        summary_en=" ".join(words[20:120]),
        body_en="<p>" + " ".join(words) * 3 + "</p>",
        headline_ar=" ".join(arabic[:20]),
        summary_ar=" ".join(arabic[20:120]),
        body_ar="<p>" + " ".join(arabic) * 3 + "</p>",
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_column_toast_chunk_id(search_teaser_en), pg_column_toast_chunk_id(search_teaser_ar),"
            " pg_column_toast_chunk_id(search_ar) IS NOT NULL FROM articles_article WHERE id = %s",
            [article.pk],
        )
        *teasers, document_moved_out = cursor.fetchone()
    assert teasers == [None, None]  # compressed at most, when the row is still too big
    assert document_moved_out  # the row was too big: the whole document went instead


def test_websearch_syntax_phrases_or_and_exclusion():
    red = make_article(headline_en="Red river rises", body_en="<p>x</p>")
    blue = make_article(headline_en="Blue river falls", body_en="<p>x</p>")
    assert found('"red river"', "en") == [red]
    assert set(found("red or blue", "en")) == {red, blue}
    assert found("river -blue", "en") == [red]


def test_clean_query_strips_control_characters_and_caps_length():
    assert clean_query("  water\x00 \x07levels\n ") == "water levels"
    assert clean_query(None) == ""
    long = clean_query("word " * 100)
    assert len(long) <= MAX_QUERY_LENGTH
    assert not long.endswith(" ")


def test_highlight_marks_matches_and_escapes_article_text():
    article = make_article(
        headline_en="Tom & Jerry <b>river</b> show",
        summary_en="",  # the excerpt comes from the body
        body_en="<p>The river &lt;script&gt;alert(1)&lt;/script&gt; rose &amp; fell.</p>",
    )
    article = Article.objects.get(pk=article.pk)
    highlight([article], "river", "en")
    assert "<mark>river</mark>" in article.search_headline
    assert "&amp; Jerry &lt;b&gt;<mark>river</mark>&lt;/b&gt;" in article.search_headline
    assert "<script" not in article.search_excerpt
    assert "&lt;script&gt;" in article.search_excerpt
    assert "<mark>river</mark>" in article.search_excerpt
    assert article.search_excerpt.count("<mark>") == article.search_excerpt.count("</mark>")


def test_arabic_highlight_keeps_the_original_spelling_and_diacritics():
    article = make_article(headline_ar="خبر", body_ar=f"<p>زار الوزير {VOCALISED} صباحاً.</p>")
    article = Article.objects.get(pk=article.pk)
    with translation.override("ar"):
        highlight([article], "المدرسه", "ar")
    # The matched word is shown as written (tashkeel, taa marbuta), wrapped in <mark>.
    assert "<mark>المَدْرَسَةُ</mark>" in article.search_excerpt


def test_highlight_reads_only_the_bodies_of_results_whose_teaser_lacks_the_words(django_assert_num_queries):
    in_teasers = [make_article(headline_en=f"River story {n}", body_en="<p>Text.</p>") for n in range(6)]
    articles = list(Article.objects.filter(pk__in=[a.pk for a in in_teasers]))
    with django_assert_num_queries(1):  # headlines and summaries only
        highlight(articles, "river", "en")
    assert all(a.search_excerpt.startswith("Summary ") for a in articles)
    in_bodies = [make_article(headline_en=f"Story {n}", body_en="<p>The river.</p>") for n in range(3)]
    articles = list(Article.objects.filter(pk__in=[a.pk for a in in_teasers + in_bodies]))
    with django_assert_num_queries(2):  # and the bodies of those three
        highlight(articles, "river", "en")
    assert sum("<mark>river</mark>" in a.search_excerpt for a in articles) == 3


def test_results_fetched_without_their_bodies_read_them_in_one_query_when_needed(django_assert_num_queries):
    in_bodies = [make_article(headline_en=f"Story {n}", body_en="<p>The river rose.</p>") for n in range(3)]
    articles = list(results_queryset("en").filter(pk__in=[a.pk for a in in_bodies]))
    assert all("body_en" in article.get_deferred_fields() for article in articles)
    with django_assert_num_queries(3):  # headlines and summaries, the three bodies, their passages
        highlight(articles, "river", "en")
    assert all("<mark>river</mark> rose" in article.search_excerpt for article in articles)


def test_the_excerpt_is_the_summary_when_it_holds_the_words(django_assert_num_queries):
    article = make_article(
        headline_en="Dam opens",
        summary_en="The new river dam & its <locks> open today.",
        body_en="<p>Engineers say the dam will hold.</p>",
    )
    article = Article.objects.get(pk=article.pk)
    with django_assert_num_queries(1):  # no body is read when the summary will do
        highlight([article], "dams", "en")
    assert article.search_headline == "<mark>Dam</mark> opens"
    assert article.search_excerpt == "The new river <mark>dam</mark> &amp; its &lt;locks&gt; open today."


def test_the_excerpt_is_the_summary_when_only_the_headline_holds_the_words():
    article = make_article(
        headline_en="Dam opens", summary_en="Engineers celebrate.", body_en="<p>Nothing about it.</p>"
    )
    article = Article.objects.get(pk=article.pk)
    highlight([article], "dam", "en")
    assert article.search_excerpt == "Engineers celebrate."


def test_a_long_body_is_excerpted_around_the_words_wherever_they_are():
    before = " ".join(f"filler{n}" for n in range(800))
    after = " ".join(f"closing{n}" for n in range(800))
    article = make_article(
        headline_en="Report",
        summary_en="A summary.",
        body_en=f"<p>{before}</p><p>The studies of the harbour &amp; its cranes.</p><p>{after}</p>",
    )
    article = Article.objects.get(pk=article.pk)
    highlight([article], "harbours crane", "en")
    assert "<mark>harbour</mark> &amp; its <mark>cranes</mark>" in article.search_excerpt
    assert article.search_excerpt.startswith("… ") and article.search_excerpt.endswith(" …")
    # A word stemmed unlike its spelling (studies: studi) is still found: the whole body goes.
    highlight([article], "study", "en")
    assert "<mark>studies</mark>" in article.search_excerpt


def test_search_page_lists_ranked_results_with_excerpts(client):
    article = make_article(
        headline_ar="المياه تعود إلى القنوات", body_ar="<p>ارتفع منسوب المياه في النهر.</p>"
    )
    response = client.get("/ar/search/", {"q": "المِيَاه"})
    page = response.content.decode()
    assert response.status_code == 200
    assert article.get_absolute_url("ar") in page
    assert "<mark>المياه</mark>" in page
    assert 'name="robots" content="noindex, follow"' in page


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        '"',
        '"""',
        "!!!",
        "&|!():*<->",
        "'; DROP TABLE articles_article; --",
        "water OR",
        "-",
        "\x00",
        "a" * 5000,
        "ء" * 300,
        "🙂",
        "the and of",
    ],
)
def test_odd_queries_answer_calmly(client, query):
    make_article(headline_en="Water levels", body_en="<p>River.</p>")
    response = client.get("/en/search/", {"q": query})
    assert response.status_code == 200


def test_overlong_query_is_shortened_with_a_note(client):
    response = client.get("/en/search/", {"q": "river " * 100})
    assert response.status_code == 200
    assert response.context["shortened"]
    assert len(response.context["query"]) <= MAX_QUERY_LENGTH


def test_search_results_are_paginated_and_keep_the_query(client):
    for n in range(12):
        make_article(headline_en=f"Harvest report {n}", body_en="<p>harvest</p>")
    response = client.get("/en/search/", {"q": "harvest"})
    page = response.content.decode()
    assert len(response.context["results"]) == 10
    assert "?q=harvest&amp;page=2" in page
    second = client.get("/en/search/", {"q": "harvest", "page": 2})
    assert len(second.context["results"]) == 2
    assert client.get("/en/search/", {"q": "harvest", "page": 9}).status_code == 404


def test_a_common_word_ranks_only_its_newest_matches(monkeypatch, client):
    """Ranking reads each ranked document: a word in most articles must not rank them all."""
    monkeypatch.setattr("articles.search.SEARCH_CANDIDATES", 3)
    make_article(  # the best match, but older than the ranked ones
        headline_en="Harvest harvest harvest",
        body_en="<p>harvest harvest</p>",
        publish_at=now() - timedelta(days=9),
    )
    newer = [
        make_article(
            headline_en=f"Harvest {n}",
            body_en="<p>Text</p>",
            publish_at=now() - timedelta(hours=n + 1),
        )
        for n in range(3)
    ]
    assert set(found("harvest", "en")) == set(newer)
    response = client.get("/en/search/?q=harvest")
    assert "More than 3 results for “harvest”" in response.content.decode()
    assert len(response.context["results"]) == 3


def test_a_rare_word_ranks_every_match_and_counts_them_exactly(monkeypatch, client):
    monkeypatch.setattr("articles.search.SEARCH_CANDIDATES", 3)
    best = make_article(
        headline_en="Cotton cotton",
        body_en="<p>cotton cotton cotton</p>",
        publish_at=now() - timedelta(days=9),
    )
    other = make_article(headline_en="Cotton", body_en="<p>Text</p>", publish_at=now() - timedelta(hours=1))
    assert found("cotton", "en") == [best, other]
    assert "2 results for “cotton”" in client.get("/en/search/?q=cotton").content.decode()


# Headlines and summaries folded in every way highlight() must mark them: Arabic with tashkeel
# and tatweel, markup characters, a private-use character, white space at the ends.
TEASERS = {
    "en": [
        ("River dam opens", "The new river dam & its <locks> open today."),
        ("  Rivers \ue003rise ", "Rain on the rivers, and no dams."),
        ("Dam opens", "Gates close at noon."),
    ],
    "ar": [
        ("افتتاح " + VOCALISED, "النهر & السد <الجديد> اليوم"),
        ("المدرسة قرب النهر ", "  الأنهار والمدارس"),
    ],
}
WORDS = {"en": "river or dam", "ar": "المدرسة or النهر"}


def marks_and_own_query(language):
    """The articles of TEASERS as a new search's statement brings them (marked), and the same
    articles as any other query brings them (unmarked)."""
    for headline, summary in TEASERS[language]:
        make_article(**{f"headline_{language}": headline, f"summary_{language}": summary})
    _ranking, brought = rank_with_page(WORDS[language], language, 0, 10)
    fetched = in_order(results_queryset(language), [article.pk for article in brought])
    return brought, fetched


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_new_searchs_teasers_come_marked_with_its_statement(language, django_assert_num_queries):
    brought, fetched = marks_and_own_query(language)
    assert len(brought) == len(TEASERS[language])
    with translation.override(language), django_assert_num_queries(0):
        highlight(brought, WORDS[language], language)
    with translation.override(language), django_assert_num_queries(1):
        highlight(fetched, WORDS[language], language)
    for marked, own in zip(brought, fetched, strict=True):
        assert "<mark>" in marked.search_headline + marked.search_excerpt
        assert (marked.search_headline, marked.search_excerpt) == (own.search_headline, own.search_excerpt)


def test_a_teaser_the_database_folds_otherwise_is_marked_by_a_query_of_its_own(django_assert_num_queries):
    """Python trims an information separator at a headline's end, PostgreSQL's regular
    expressions do not: the statement's marks do not fit the text, so they are not used."""
    make_article(headline_en="River dam opens\x1f", summary_en="Water rises.")
    _ranking, brought = rank_with_page("river", "en", 0, 10)
    with django_assert_num_queries(1):
        highlight(brought, "river", "en")
    assert brought[0].search_headline == "<mark>River</mark> dam opens"
