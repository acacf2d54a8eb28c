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

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.search import SearchQuery
from django.core.paginator import Paginator
from django.db import connection, models
from django.db.models import F, Func, Value
from django.utils.functional import cached_property

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


@dataclass(frozen=True)
class Ranking:
    """A search's newest ``SEARCH_CANDIDATES`` matches, best first: all its count and its pages need.

    Only the newest matches are ranked (a newsroom's readers want recent stories first anyway),
    so a word found in most articles costs what a rare one does, at any archive size. They are
    ranked as WordPress ranks (the site a newsroom comes from): the words in the headline first,
    then in the summary, then the rest, newest first within each. That reads each candidate's
    teaser document, a few hundred bytes found in the row the index scan fetches anyway, instead
    of its whole document (kilobytes, read back from TOAST, for each of 200 candidates).
    """

    ids: tuple[int, ...]
    more: bool  # there are older matches than the ranked ones

    @classmethod
    def of(cls, queryset, query: str, language: str) -> "Ranking":
        # values_list(), not values(found=…): modeltranslation's values() with expressions
        # alone selects every column of the model besides them, documents and bodies included.
        newest = (
            matching(queryset, query, language)
            .order_by("-publish_at", "-pk")
            .values_list("pk", "publish_at", f"search_teaser_{language}")[: SEARCH_CANDIDATES + 1]
        )
        sql, params = newest.query.get_compiler(using=newest.db).as_sql()
        with connection.cursor() as cursor:
            # Ranked outside the LIMIT: PostgreSQL would rank every match before keeping 201.
            cursor.execute(
                f"SELECT pk, ts_rank_cd(search_teaser_{language}, websearch_to_tsquery(%s::regconfig, %s)) "
                f"FROM ({sql}) AS newest ORDER BY publish_at DESC, pk DESC",
                [SEARCH_CONFIGS[language], search_terms(query, language), *params],
            )
            newest_first = cursor.fetchall()
        ranked = sorted(newest_first[:SEARCH_CANDIDATES], key=lambda row: row[1], reverse=True)  # stable
        return cls(ids=tuple(row[0] for row in ranked), more=len(newest_first) > SEARCH_CANDIDATES)


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


class SearchPaginator(Paginator):
    """Pages of the ranked matches of ``queryset`` (live articles in ``language``).

    The ranking is looked up once per words and publication generation (memoised for every
    reader and every page of the results, like a count): its pages are slices of the ranked
    ids, whose articles the view fetches when the results' fragment is not kept.
    """

    def __init__(self, queryset, per_page, *, query, language, request, **kwargs):
        self.query, self.language, self.request = query, language, request
        super().__init__(queryset, per_page, **kwargs)

    @property
    def object_list(self):
        """The ranked ids: Django's ``page()`` slices them."""
        return self.ranking.ids

    @object_list.setter
    def object_list(self, queryset):
        self.live = queryset

    @cached_property
    def ranking(self) -> Ranking:
        return public_memo(
            self.request,
            "search-ranking",
            self.language,
            self.query,
            compute=lambda: Ranking.of(self.live, self.query, self.language),
        )

    @property
    def capped(self):
        return self.ranking.more
