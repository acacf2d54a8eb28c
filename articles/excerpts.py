"""Search results as readers see them: the headline with the reader's words marked, and an excerpt.

The excerpt is the summary, as listings show it and as WordPress, Ghost and the big news sites
show results, when the words are in the headline or in the summary itself (marked there);
otherwise, the words being in the body only, it is the passages of the body where they are.
Passages are chosen and words found by PostgreSQL's ``ts_headline``, with the same stemming and
Arabic folding as the search itself; it parses every character it is given, so a body is sent
only when the summary will not do, and only around the first of the words.

Excerpts are built so that only our own ``<mark>`` tags are live: the article text is escaped,
the highlight positions come from private-use markers that cannot occur in it.
"""

import html
import re
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import mark_safe

from articles.models import Article
from articles.search import (
    ARABIC_MARK_CHARS,
    ARABIC_MARKS,
    SEARCH_CONFIGS,
    TEASER_MARKS,
    fold_arabic_letters,
    read_cursor,
    search_terms,
)

# Private-use characters: never in article text (removed below), so they safely mark highlights.
_START, _STOP, _GAP = "\ue000", "\ue001", "\ue002"
_PRIVATE = re.compile("[\ue000-\uf8ff]")
_PASSAGES = f'StartSel="{_START}", StopSel="{_STOP}", MaxFragments=2, MaxWords=28, MinWords=12, FragmentDelimiter="{_GAP}"'
_WHOLE = f'StartSel="{_START}", StopSel="{_STOP}", HighlightAll=true'
# A lexeme in querytree()'s text ('word', quotes doubled), "!" before it when excluded.
_LEXEMES = re.compile(r"(!?)'((?:[^']|'')*)'")
# The body around its first matching word given to ts_headline (see _around), in characters.
_BEFORE, _AFTER = 200, 600
# What _Folded.of() makes of a headline or summary, in SQL: private-use characters dropped, the
# ends trimmed, Arabic folded by the search trigger's own function (migration 0002), markup
# characters blanked. A text that folds otherwise here (white space Python trims and
# PostgreSQL's \s does not) is marked again by highlight(), never shown differently.
_FOLD_SQL = (
    "translate({normalize}(regexp_replace(regexp_replace(coalesce({column}, ''), "
    f"'[{_START}-\uf8ff]', '', 'g'), '^\\s+|\\s+$', '', 'g')), '<>&', '   ')"
)


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
        if language != "ar" or not ARABIC_MARKS.search(text):
            # Folding maps every character to exactly one: positions do not move.
            folded = text if language != "ar" else fold_arabic_letters(text)
            index = range(len(text))
        else:
            index = [position for position, char in enumerate(text) if char not in ARABIC_MARK_CHARS]
            folded = fold_arabic_letters(ARABIC_MARKS.sub("", text))
        # ts_headline's parser drops what looks like markup ("<b>", "&amp;"); one-for-one
        # blanks keep positions aligned with the original, which is what readers see.
        return cls(text, folded.replace("<", " ").replace(">", " ").replace("&", " "), index)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Original indices of folded[start:end], diacritics after the last letter included."""
        begin = self.index[start] if start < len(self.index) else len(self.original)
        finish = self.index[end] if end < len(self.index) else len(self.original)
        return begin, finish


_MARKERS = re.compile(f"([{_START}{_STOP}])")


def _parse_marked(fragment: str) -> tuple[str, list[tuple[int, int]]]:
    """Split a ``ts_headline`` fragment into its plain text and the highlighted spans."""
    plain, spans, start = [], [], None
    length = 0
    for piece in _MARKERS.split(fragment):
        if piece == _START:
            start = length
        elif piece == _STOP:
            if start is not None:
                spans.append((start, length))
            start = None
        elif piece:
            plain.append(piece)
            length += len(piece)
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


def teaser_marks_sql(language: str, columns: list[str], query: str) -> tuple[list[str], list]:
    """SQL expressions marking the words of ``query`` (an SQL tsquery expression) in each of
    ``columns`` (SQL: a headline, a summary) as ``highlight()`` marks them, and their parameters.

    The search statement selects them with the page it fetches (``articles.search``), so that a
    new search's teasers need no query of their own to be highlighted.
    """
    normalize = "articles_ar_normalize" if language == "ar" else ""
    expressions = [
        f"ts_headline(%s::regconfig, {_FOLD_SQL.format(normalize=normalize, column=column)}, {query}, %s)"
        for column in columns
    ]
    return expressions, [SEARCH_CONFIGS[language], _WHOLE] * len(columns)


def _lexemes(tree: str) -> list[str]:
    """The words a query looks for, from its ``querytree()`` (stemmed, as the index holds them;
    words it excludes left out)."""
    return [word.replace("''", "'") for negated, word in _LEXEMES.findall(tree or "") if not negated]


def _marked(texts: list[str], query: str, language: str, options: str) -> tuple[list[str], list[str]]:
    """``ts_headline`` of each text (folded), in one query, and the words the query looks for
    (lexemes: stemmed, as the index holds them; words it excludes left out)."""
    config = SEARCH_CONFIGS[language]
    with read_cursor() as cursor:
        cursor.execute(
            """
            SELECT ts_headline(%s::regconfig, text, query, %s), querytree(query)
            FROM unnest(%s::text[]) WITH ORDINALITY AS item(text, n),
                 websearch_to_tsquery(%s::regconfig, %s) AS query
            ORDER BY n
            """,
            [config, options, texts, config, search_terms(query, language)],
        )
        rows = cursor.fetchall()
    return [marked or "" for marked, _tree in rows], _lexemes(rows[0][1] if rows else "")


def _around(text: str, lexemes: list[str], language: str) -> str:
    """The part of ``text`` (folded) around the first of ``lexemes`` found in it, or all of it.

    ``ts_headline`` parses every character it is given: a long body costs it milliseconds,
    and an excerpt shows two short passages. Lexemes are stems, found where they are spelled
    as written (at a word's start in English; inside one in Arabic, whose words carry their
    prefixes); when none is (happy, stemmed happi), the whole text goes.
    """
    if not lexemes:
        return text
    boundary = r"(?<!\w)" if language != "ar" else ""
    found = re.search(boundary + "(?:" + "|".join(map(re.escape, lexemes)) + ")", text, re.IGNORECASE)
    if found is None:
        return text
    begin = max(0, found.start() - _BEFORE)
    begin = text.rfind(" ", 0, begin) + 1 if begin else 0
    end = text.find(" ", found.start() + _AFTER)
    return text[begin:] if end < 0 else text[begin:end]


def _fetch_deferred_bodies(articles, language: str) -> None:
    """Read the bodies the articles were fetched without (search results are), in one query."""
    field = f"body_{language}"
    deferred = {article.pk for article in articles if field in article.get_deferred_fields()}
    if deferred:
        bodies = dict(Article.objects.filter(pk__in=deferred).values_list("pk", field))
        for article in articles:
            if article.pk in deferred:
                setattr(article, field, bodies.get(article.pk, ""))  # "": deleted meanwhile


def _teaser_marks(articles, texts: list[_Folded]) -> tuple[list[str], list[str]] | None:
    """The marked headlines and summaries (in ``texts``' order) and the query's lexemes that the
    search statement brought with ``articles``; None unless every article came with them and they
    mark exactly the texts folded here."""
    brought = [getattr(article, TEASER_MARKS, None) for article in articles]
    if not all(brought):
        return None
    marked = [headline or "" for _tree, headline, _summary in brought]
    marked += [summary or "" for _tree, _headline, summary in brought]
    for text, marks in zip(texts, marked, strict=True):
        if marks.replace(_START, "").replace(_STOP, "") != text.folded:
            return None
    return marked, _lexemes(brought[0][0])


def highlight(articles, query: str, language: str) -> None:
    """Set ``search_headline`` and ``search_excerpt`` (safe HTML) on each article.

    The headlines and summaries of a whole page are marked in one query, or in none when the
    search statement brought them marked (a new search's page). For the articles whose headline
    and summary do not hold the words (they rank last: a first page of results seldom has any),
    one query marks their passages, and one before it reads their bodies if they came without.
    """
    articles = list(articles)
    if not articles:
        return

    def folded(article, field):
        return _Folded.of(_PRIVATE.sub("", getattr(article, f"{field}_{language}") or "").strip(), language)

    titles = [folded(article, "headline") for article in articles]
    summaries = [folded(article, "summary") for article in articles]
    kept = _teaser_marks(articles, titles + summaries)
    marked, lexemes = kept or _marked([text.folded for text in titles + summaries], query, language, _WHOLE)
    in_body = []
    for article, title, title_marked, summary, summary_marked in zip(
        articles, titles, marked[: len(articles)], summaries, marked[len(articles) :], strict=True
    ):
        article.search_headline = mark_safe(_render(title, title_marked, whole=True))  # noqa: S308 - escaped in _render
        article.search_excerpt = mark_safe(_render(summary, summary_marked, whole=True))  # noqa: S308 - escaped in _render
        if not summary.original or _START not in title_marked + summary_marked:
            in_body.append(article)
    if not in_body:
        return
    _fetch_deferred_bodies(in_body, language)
    bodies = [_Folded.of(plain_text(getattr(article, f"body_{language}")), language) for article in in_body]
    passages, _lexemes = _marked(
        [_around(body.folded, lexemes, language) for body in bodies], query, language, _PASSAGES
    )
    for article, body, body_marked in zip(in_body, bodies, passages, strict=True):
        if _START in body_marked or not article.search_excerpt:
            # Found in the whole body: _render places the passages where they are in it.
            article.search_excerpt = mark_safe(_render(body, body_marked))  # noqa: S308 - escaped in _render
