"""Full-text search: text normalisation, query parsing, ranking and highlighted excerpts.

Arabic is written with optional diacritics (tashkeel), decorative elongation (tatweel) and
interchangeable spellings of alef, yaa and taa marbuta. Both sides fold them the same way:
the trigger with ``articles_ar_normalize()`` (migration 0002), queries and comment word rules
with ``normalize_arabic()`` below. Keep the two in step.

Search documents (``search_en`` / ``search_ar``, GIN-indexed) are kept by that trigger; a
query is parsed by PostgreSQL's ``websearch_to_tsquery`` (quotes, ``or`` and ``-word`` work as
on a web search engine and nothing a reader types can be a syntax error), its newest
``SEARCH_CANDIDATES`` matches ranked with ``ts_rank_cd`` and excerpted with ``ts_headline``. Excerpts are built so that only our own
``<mark>`` tags are live: the article text is escaped, the highlight positions come from
private-use markers that cannot occur in it.
"""

import html
import re
import unicodedata
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import F
from django.utils.functional import cached_property
from django.utils.html import escape
from django.utils.safestring import mark_safe

from web.cache import public_memo

# Tashkeel (U+064B–U+065F), superscript alef (U+0670) and tatweel (U+0640).
_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})

# PostgreSQL text-search configuration of each site language.
SEARCH_CONFIGS = {"en": "english", "ar": "arabic"}
# Longer queries are cut (at a word boundary): nobody types more, and tsquery work stays small.
MAX_QUERY_LENGTH = 200
# Matches ranked per search: the newest ones (see ``apply_search``).
SEARCH_CANDIDATES = 200
# Private-use characters: never in article text (removed below), so they safely mark highlights.
_START, _STOP, _GAP = "\ue000", "\ue001", "\ue002"
_PRIVATE = re.compile("[\ue000-\uf8ff]")
_HEADLINE_OPTIONS = f'StartSel="{_START}", StopSel="{_STOP}", MaxFragments=2, MaxWords=28, MinWords=12, FragmentDelimiter="{_GAP}"'
_TITLE_OPTIONS = f'StartSel="{_START}", StopSel="{_STOP}", HighlightAll=true'


# Every character _MARKS matches, for per-character tests without a regex call.
_MARK_CHARS = frozenset(chr(code) for code in [*range(0x064B, 0x0660), 0x0670, 0x0640])
assert all(len(value) == 1 for value in _FOLD.values()), "folding must keep positions"


_FOLD_PAIRS = [(chr(code), letter) for code, letter in _FOLD.items()]


def _fold_letters(text: str) -> str:
    """``text.translate(_FOLD)``, many times faster on long Arabic text: six C-speed replaces."""
    for letter, folded in _FOLD_PAIRS:
        text = text.replace(letter, folded)
    return text


def normalize_arabic(text: str) -> str:
    """Drop diacritics and tatweel, unify alef/yaa/taa-marbuta variants, fold Latin case."""
    return _MARKS.sub("", text or "").translate(_FOLD).casefold()


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


def apply_search(queryset, query: str, language: str):
    """The newest ``SEARCH_CANDIDATES`` matches of ``query``, best first, then newest.

    Ranking reads every ranked article's whole search document, so ranking every match of a
    word found in most articles took a tenth of a second and more as the archive grew. Only
    the newest matches are ranked (a newsroom's readers want recent stories first anyway): a
    common word costs what a rare one does, at any archive size.
    """
    newest = matching(queryset, query, language).order_by("-publish_at", "-pk").values("pk")
    return ranked(queryset, newest[:SEARCH_CANDIDATES], query, language)


def newest_matches(queryset, query: str, language: str) -> list[int]:
    """Ids of the newest ``SEARCH_CANDIDATES`` matches and one more (which says there are more
    than are ranked), newest first: what a search's count and every page of it start from."""
    newest = matching(queryset, query, language).order_by("-publish_at", "-pk")
    return list(newest.values_list("pk", flat=True)[: SEARCH_CANDIDATES + 1])


def ranked(queryset, candidates, query: str, language: str):
    """The ``candidates`` (ids, or a query of them) of ``queryset``, best match first, then newest."""
    rank = SearchRank(F(f"search_{language}"), search_query(query, language), cover_density=True)
    return (
        queryset.filter(pk__in=candidates)
        .annotate(search_rank=rank)
        .order_by("-search_rank", "-publish_at", "-pk")
    )


class SearchPaginator(Paginator):
    """Pages of the ranked matches of ``queryset`` (live articles in ``language``).

    The newest matches' ids are looked up once per words and publication generation
    (memoised for every reader and every page of the results, like a count): a page then ranks
    those candidates only, and a search counts no further than one past ``SEARCH_CANDIDATES``
    (``capped`` then says there were more than the ranked ones).
    """

    def __init__(self, queryset, per_page, *, query, language, request, **kwargs):
        self.query, self.language, self.request = query, language, request
        super().__init__(queryset, per_page, **kwargs)

    @property
    def object_list(self):
        """The ranked candidates: Django's ``page()`` slices this query, run when a template reads
        the page (a kept results fragment never does)."""
        return ranked(self.live, self.candidates[:SEARCH_CANDIDATES], self.query, self.language)

    @object_list.setter
    def object_list(self, queryset):
        self.live = queryset

    @cached_property
    def candidates(self) -> list[int]:
        return public_memo(
            self.request,
            "search-candidates",
            self.language,
            self.query,
            compute=lambda: newest_matches(self.live, self.query, self.language),
        )

    @cached_property
    def count(self):
        return min(len(self.candidates), SEARCH_CANDIDATES)

    @property
    def capped(self):
        return len(self.candidates) > SEARCH_CANDIDATES


def plain_text(body_html: str) -> str:
    """Readable text of a stored (already sanitised) rich-text body."""
    text = re.sub(r"<[^>]*>", " ", body_html or "")
    text = html.unescape(text)
    return " ".join(_PRIVATE.sub("", text).split())


@dataclass
class _Folded:
    """A text folded for matching, with each folded character's index in the original."""

    original: str
    folded: str
    index: list[int] | range

    @classmethod
    def of(cls, text: str, language: str) -> "_Folded":
        if language != "ar" or not _MARKS.search(text):
            # Folding maps every character to exactly one: positions do not move.
            folded = text if language != "ar" else _fold_letters(text)
            index = range(len(text))
        else:
            index = [position for position, char in enumerate(text) if char not in _MARK_CHARS]
            folded = _fold_letters(_MARKS.sub("", text))
        # ts_headline's parser drops what looks like markup ("<b>", "&amp;"); one-for-one
        # blanks keep positions aligned with the original, which is what readers see.
        return cls(text, folded.replace("<", " ").replace(">", " ").replace("&", " "), index)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Original indices of folded[start:end], diacritics after the last letter included."""
        begin = self.index[start] if start < len(self.index) else len(self.original)
        finish = self.index[end] if end < len(self.index) else len(self.original)
        return begin, finish


def _parse_marked(fragment: str) -> tuple[str, list[tuple[int, int]]]:
    """Split a ``ts_headline`` fragment into its plain text and the highlighted spans."""
    plain, spans, start = [], [], None
    length = 0
    for char in fragment:
        if char == _START:
            start = length
        elif char == _STOP:
            if start is not None:
                spans.append((start, length))
            start = None
        else:
            plain.append(char)
            length += 1
    return "".join(plain), spans


def _render(source: _Folded, marked: str, *, whole: bool = False) -> str:
    """Escaped original text of each marked fragment, with ``<mark>`` around the matches.

    Fragments are joined with an ellipsis, and one marks text left out at either end.
    """
    pieces = []  # (begin, finish, html) in the original text
    search_from = 0
    for fragment in marked.split(_GAP):
        plain, spans = _parse_marked(fragment)
        if not plain.strip():
            continue
        at = source.folded.find(plain, search_from)
        if at < 0:
            at = source.folded.find(plain)
        if at < 0:  # Not found (should not happen): show the folded fragment, still escaped.
            pieces.append((0, len(source.original), _marked_html(plain, spans)))
            continue
        search_from = at + len(plain)
        begin, finish = source.original_span(at, at + len(plain))
        if any(begin < done_finish and finish > done_begin for done_begin, done_finish, _html in pieces):
            continue  # the same passage twice
        mapped = [tuple(x - begin for x in source.original_span(at + s, at + e)) for s, e in spans if e > s]
        pieces.append((begin, finish, _marked_html(source.original[begin:finish], mapped)))
    if not pieces:
        return ""
    text = " … ".join(html for _begin, _finish, html in pieces)
    if whole:
        return text
    if pieces[0][0] > 0:
        text = "… " + text
    if pieces[-1][1] < len(source.original):
        text = text + " …"
    return text


def _marked_html(text: str, spans) -> str:
    out, position = [], 0
    for start, end in sorted(spans):
        if start < position:
            continue
        out.append(escape(text[position:start]))
        out.append("<mark>" + escape(text[start:end]) + "</mark>")
        position = end
    out.append(escape(text[position:]))
    return "".join(out)


def highlight(articles, query: str, language: str) -> None:
    """Set ``search_headline`` and ``search_excerpt`` (safe HTML) on each article, in one query."""
    articles = list(articles)
    if not articles:
        return
    titles = [
        _Folded.of(_PRIVATE.sub("", getattr(a, f"headline_{language}") or ""), language) for a in articles
    ]
    bodies = []
    for article in articles:
        summary = getattr(article, f"summary_{language}") or ""
        body = plain_text(getattr(article, f"body_{language}") or "")
        bodies.append(
            _Folded.of(" ".join(part for part in (_PRIVATE.sub("", summary).strip(), body) if part), language)
        )
    config = SEARCH_CONFIGS[language]
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT ts_headline(%s::regconfig, title, query, %s), ts_headline(%s::regconfig, body, query, %s)
            FROM unnest(%s::text[], %s::text[]) WITH ORDINALITY AS item(title, body, n),
                 websearch_to_tsquery(%s::regconfig, %s) AS query
            ORDER BY n
            """,
            [
                config,
                _TITLE_OPTIONS,
                config,
                _HEADLINE_OPTIONS,
                [t.folded for t in titles],
                [b.folded for b in bodies],
                config,
                search_terms(query, language),
            ],
        )
        rows = cursor.fetchall()
    for article, title, body, (title_marked, body_marked) in zip(articles, titles, bodies, rows, strict=True):
        article.search_headline = mark_safe(_render(title, title_marked or "", whole=True))  # noqa: S308 - escaped in _render
        article.search_excerpt = mark_safe(_render(body, body_marked or ""))  # noqa: S308 - escaped in _render
