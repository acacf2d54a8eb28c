"""Full-text search: text normalisation, query parsing and ranking.

Arabic is written with optional diacritics (tashkeel), decorative elongation (tatweel) and
interchangeable spellings of alef, yaa and taa marbuta. Both sides fold them the same way:
the trigger with ``articles_ar_normalize()`` (migration 0002), queries and comment word rules
with ``normalize_arabic()`` below. Keep the two in step.

Search documents are kept by that trigger (migration 0007): ``search_en`` / ``search_ar``, the
whole article, GIN-indexed, find the matches; ``search_teaser_en`` / ``search_teaser_ar``, its
headline and summary, rank them. A query is parsed by PostgreSQL's ``websearch_to_tsquery``
(quotes, ``or`` and ``-word`` work as on a web search engine and nothing a reader types can be
a syntax error). Highlighted excerpts are cut in ``articles/excerpts.py``.
"""

import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.search import SearchQuery
from django.core.exceptions import ImproperlyConfigured
from django.core.paginator import Paginator
from django.db import connections, models, router
from django.db.models import F, Func, Value
from django.db.models.expressions import RawSQL
from django.utils import timezone
from django.utils.functional import cached_property

from articles.listings import shown_extras_key, with_shown_extras
from articles.models import Article
from web.cache import public_memo

# Tashkeel (U+064B–U+065F), superscript alef (U+0670) and tatweel (U+0640).
ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")
# Every character ARABIC_MARKS matches, for per-character tests without a regex call.
ARABIC_MARK_CHARS = frozenset(chr(code) for code in [*range(0x064B, 0x0660), 0x0670, 0x0640])
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
assert all(len(value) == 1 for value in _FOLD.values()), "folding must keep positions"
_FOLD_PAIRS = [(chr(code), letter) for code, letter in _FOLD.items()]

# PostgreSQL text-search configuration of each site language.
SEARCH_CONFIGS = {"en": "english", "ar": "arabic"}
# Longer queries are cut (at a word boundary): nobody types more, and tsquery work stays small.
MAX_QUERY_LENGTH = 200
# Matches ranked per search: the newest ones (see ``Ranking``).
SEARCH_CANDIDATES = 200


def fold_arabic_letters(text: str) -> str:
    """``text.translate(_FOLD)``, many times faster on long Arabic text: six C-speed replaces."""
    for letter, folded in _FOLD_PAIRS:
        text = text.replace(letter, folded)
    return text


def normalize_arabic(text: str) -> str:
    """Drop diacritics and tatweel, unify alef/yaa/taa-marbuta variants, fold Latin case."""
    return ARABIC_MARKS.sub("", text or "").translate(_FOLD).casefold()


def clean_query(raw) -> str:
    """What the reader typed, made safe to hand to PostgreSQL and shown back to them.

    Control characters (PostgreSQL refuses NUL in text), private-use characters and runs of
    white space are removed; the result is capped at ``MAX_QUERY_LENGTH`` characters.
    """
    text = "".join(
        " " if unicodedata.category(ch) in {"Cc", "Zl", "Zp"} else ch
        for ch in str(raw or "")
        if unicodedata.category(ch) not in {"Cs", "Co", "Cn"}
    )
    text = " ".join(text.split())
    if len(text) > MAX_QUERY_LENGTH:
        cut = text[:MAX_QUERY_LENGTH]
        text = cut.rsplit(" ", 1)[0] if " " in cut else cut
    return text


def search_terms(query: str, language: str) -> str:
    """The text given to ``websearch_to_tsquery``: Arabic folded exactly as the index is."""
    return normalize_arabic(query) if language == "ar" else query


def search_query(query: str, language: str) -> SearchQuery:
    return SearchQuery(
        search_terms(query, language), config=SEARCH_CONFIGS[language], search_type="websearch"
    )


def matching(queryset, query: str, language: str):
    """Articles of ``queryset`` matching ``query`` in ``language``, in no particular order.

    Uses the GIN-indexed document of that language only, so an article is found in the
    language a reader searches in, never through its other translation.
    """
    return queryset.filter(**{f"search_{language}": search_query(query, language)})


# What a search result shows (templates/articles/search.html): its label, date, section and
# address, its headline, and an excerpt of its summary, in the reader's language. The body is
# read only for a result whose excerpt must come from it (articles/excerpts.py).
RESULT_FIELDS = ("label", "publish_at", "section")
RESULT_TRANSLATED_FIELDS = ("headline", "summary", "slug")

# The newest matches of the words, ranked: ``newest`` and ``ranked`` are named for the query
# that follows them. Ranked as WordPress ranks (the site a newsroom comes from): the words in
# the headline first, then in the summary, then the rest, newest first within each (row_number()
# is the position in the results). Ranked outside the LIMIT: PostgreSQL would otherwise rank
# every match before keeping the newest. ``head`` is the whole ranking in one row.
_RANKED = """
newest AS MATERIALIZED ({newest}),
ranked AS (
    SELECT pk, row_number() OVER (
        ORDER BY ts_rank_cd(search_teaser_{language}, websearch_to_tsquery(%s::regconfig, %s)) DESC,
                 publish_at DESC, pk DESC
    ) AS position
    FROM (SELECT * FROM newest ORDER BY publish_at DESC, pk DESC LIMIT {candidates}) AS candidates
),
head AS (
    SELECT coalesce((SELECT array_agg(pk ORDER BY position) FROM ranked), '{{}}') AS ranking,
           (SELECT count(*) FROM newest) > {candidates} AS more
)"""


def _compile(queryset) -> tuple[str, list]:
    sql, params = queryset.query.get_compiler(using=queryset.db).as_sql()
    return sql, list(params)


def _ranked(queryset, query: str, language: str, candidates: int) -> tuple[str, list]:
    """``_RANKED`` for the newest ``candidates`` matches of ``query`` in ``queryset``, and the
    parameters it takes."""
    # values_list(), not values(found=…): modeltranslation's values() with expressions
    # alone selects every column of the model besides them, documents and bodies included.
    newest = (
        matching(queryset, query, language)
        .order_by("-publish_at", "-pk")
        .values_list("pk", "publish_at", f"search_teaser_{language}")[: candidates + 1]
    )
    sql, params = _compile(newest)
    ranked = _RANKED.format(newest=sql, language=language, candidates=candidates)
    return ranked, [*params, SEARCH_CONFIGS[language], search_terms(query, language)]


def read_cursor():
    """A cursor on the database articles are read from (a replica for public pages)."""
    return connections[router.db_for_read(Article)].cursor()


@dataclass(frozen=True)
class Ranking:
    """A search's newest ``SEARCH_CANDIDATES`` matches, best first: all its count and its pages need.

    Only the newest matches are ranked (a newsroom's readers want recent stories first anyway),
    so a word found in most articles costs what a rare one does, at any archive size. Ranking
    reads each candidate's teaser document (headline and summary), a few hundred bytes found in
    the row the index scan fetches anyway, instead of its whole document (kilobytes, read back
    from TOAST, for each of 200 candidates).
    """

    ids: tuple[int, ...]
    more: bool  # there are older matches than the ranked ones

    @classmethod
    def of(cls, queryset, query: str, language: str) -> "Ranking":
        ranked, params = _ranked(queryset, query, language, SEARCH_CANDIDATES)
        with read_cursor() as cursor:
            cursor.execute(f"WITH {ranked} SELECT ranking, more FROM head", params)
            ids, more = cursor.fetchone()
        return cls(ids=tuple(ids), more=more)


def result_fields(language: str) -> list[str]:
    return [*RESULT_FIELDS, *(f"{name}_{language}" for name in RESULT_TRANSLATED_FIELDS)]


def results_queryset(language: str, *, at=None):
    """Articles live in ``language`` (now, or at ``at``) with what a result shows, and what
    other apps show with every listed article (such as its count of comments)."""
    live = Article.objects.live(language, at=at).only(*result_fields(language))
    return with_shown_extras(live, language)


def in_order(queryset, ids) -> list:
    """The articles of ``queryset`` with these ``ids``, in their order, in one query; one that has
    left ``queryset`` since the ids were ranked (unpublished) is left out."""
    found = queryset.in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]


def apply_search(queryset, query: str, language: str):
    """The ranked matches of ``query`` in ``queryset``, as a queryset in the ranking's order."""
    ids = list(Ranking.of(queryset, query, language).ids)
    position = Func(
        Value(ids, output_field=ArrayField(models.BigIntegerField())), F("pk"), function="array_position"
    )
    return queryset.filter(pk__in=ids).order_by(position)


# The attribute of each article a new search fetched: (the query's querytree(), its headline and
# its summary marked by ts_headline), which articles.excerpts.highlight() uses instead of a query.
TEASER_MARKS = "search_teaser_marks"

# Stand-ins for a search's own moment, words and page in the statement compiled once per
# language (``_ranking_with_page``): values no search has, replaced by each search's own.
_AT = datetime(1, 1, 1, tzinfo=UTC)
_WORDS = "\ue000words\ue000"
_BOTTOM, _TOP = object(), object()


@dataclass(frozen=True)
class _RankingWithPage:
    sql: str
    params: list  # with the stand-ins where each search puts its moment, words and page
    fields: list[str]  # attnames of the page's columns, in the model's order
    extras: list[str]  # then what other apps show with each listed article

    def execute(self, query: str, language: str, bottom: int, top: int):
        own = {id(_BOTTOM): bottom, id(_TOP): top}
        at, words = timezone.now(), search_terms(query, language)
        params = [own.get(id(p), at if p == _AT else words if p == _WORDS else p) for p in self.params]
        with read_cursor() as cursor:
            cursor.execute(self.sql, params)
            return cursor.db.alias, cursor.fetchall()


@cache
def _ranking_with_page(language: str, extras_key, candidates: int) -> _RankingWithPage:
    """The ranking and one page of its results in one statement, compiled once per language
    (and set of extras, ``extras_key``, and number of candidates).

    Django compiles a queryset again on every evaluation (about half a millisecond for each of
    the two this replaces), so the statement is compiled from the querysets once, with
    stand-ins for the moment and the words, which ``execute()`` replaces. The page's headlines
    and summaries come marked for their excerpts (``TEASER_MARKS``), with the query's lexemes.
    """
    # excerpts.py builds on this module: imported here, once per compiled statement.
    from articles.excerpts import teaser_marks_sql  # noqa: PLC0415

    ranked, ranked_params = _ranked(Article.objects.live(language, at=_AT), _WORDS, language, candidates)
    results = results_queryset(language, at=_AT)
    extras = list(results.query.annotations)
    wanted = {"id", *(Article._meta.get_field(name).attname for name in result_fields(language))}
    fields = [field.attname for field in Article._meta.concrete_fields if field.attname in wanted]
    # The page's rows are picked inside their query, so that what is shown with them (a
    # correlated count) is computed for those rows only.
    on_page = RawSQL("SELECT pk FROM ranked WHERE position > %s AND position <= %s", (_BOTTOM, _TOP))
    rows_sql, rows_params = _compile(results.filter(pk__in=on_page).values_list(*fields, *extras))
    columns = ", ".join(f'page."{name}"' for name in [*fields, *extras])  # values_list() orders them its way
    marks, marks_params = teaser_marks_sql(
        language, [f'page."headline_{language}"', f'page."summary_{language}"'], "words.query"
    )
    sql = (
        f"WITH {ranked}, words AS (SELECT websearch_to_tsquery(%s::regconfig, %s) AS query) "
        # The ranking (hundreds of ids) in the first row only: the others would each bring a copy.
        f"SELECT CASE WHEN row_number() OVER (ORDER BY ranked.position) = 1 THEN head.ranking END, "
        f"head.more, querytree(words.query), {columns}, {', '.join(marks)} "
        f"FROM head CROSS JOIN words LEFT JOIN ("
        f"({rows_sql}) AS page JOIN ranked ON ranked.pk = page.id"
        ") ON true ORDER BY ranked.position"
    )
    params = [*ranked_params, SEARCH_CONFIGS[language], _WORDS, *marks_params, *rows_params]
    if _AT not in params or _WORDS not in params:  # pragma: no cover - a change to the querysets
        raise ImproperlyConfigured("The search statement must take its moment and words as parameters.")
    return _RankingWithPage(sql, params, fields, extras)


def rank_with_page(query: str, language: str, bottom: int, top: int) -> tuple[Ranking, list]:
    """The ranking of ``query``'s matches in ``language``, and its results ``bottom:top`` (as
    ``results_queryset`` gives them), in one statement."""
    statement = _ranking_with_page(language, shown_extras_key(), SEARCH_CANDIDATES)
    alias, rows = statement.execute(query, language, bottom, top)
    ranking = Ranking(ids=tuple(rows[0][0]), more=rows[0][1])
    start, extras = 3, 3 + len(statement.fields)
    marks = extras + len(statement.extras)
    articles = []
    for row in rows:
        if row[start] is None:  # no result on that page
            continue
        article = Article.from_db(alias, statement.fields, row[start:extras])
        for name, value in zip(statement.extras, row[extras:marks], strict=True):
            setattr(article, name, value)
        setattr(article, TEASER_MARKS, (row[2], *row[marks:]))
        articles.append(article)
    return ranking, articles


class SearchPaginator(Paginator):
    """Pages of the ranked matches of ``query`` in ``language``.

    The ranking is looked up once per words and publication generation (memoised for every
    reader and every page of the results, like a count): its pages are slices of the ranked
    ids. When it is not kept, it comes with the articles of the page asked for (``requested``)
    in one statement; otherwise the view fetches them by id, and only when the results'
    fragment is not kept either.
    """

    def __init__(self, per_page, *, query, language, request, requested=1, **kwargs):
        self.query, self.language, self.request = query, language, request
        self.fetched = None  # the articles of the page asked for, when they came with the ranking
        try:
            self.requested = max(int(requested), 1)
        except (TypeError, ValueError):
            self.requested = 1
        self.page_size = int(per_page)  # Django's __init__ reads the ranking before it sets per_page
        super().__init__((), per_page, **kwargs)

    @property
    def object_list(self):
        """The ranked ids: Django's ``page()`` slices them."""
        return self.ranking.ids

    @object_list.setter
    def object_list(self, _ids):
        pass  # the ranking is the list

    @cached_property
    def ranking(self) -> Ranking:
        def rank():
            bottom = (self.requested - 1) * self.page_size
            ranking, self.fetched = rank_with_page(self.query, self.language, bottom, bottom + self.page_size)
            return ranking

        return public_memo(self.request, "search-ranking", self.language, self.query, compute=rank)

    @property
    def capped(self):
        return self.ranking.more

    def articles(self, page) -> list:
        """The articles of ``page``, in the ranking's order, as ``results_queryset`` gives them."""
        ids = list(page.object_list)
        if self.fetched is not None and [article.pk for article in self.fetched] == ids:
            return self.fetched
        return in_order(results_queryset(self.language), ids)
