"""WPML's translation data, read like Polylang's.

WPML keeps languages and translation groups in tables of its own, which WordPress's export
leaves out; its "WPML Export and Import" add-on writes them into the export as meta of each
post (and term) instead:

* ``_wpml_import_language_code``: the language of this post (``en``, ``ar``, ``pt-br``…);
* ``_wpml_import_source_language_code``: the language it was translated from (empty for the
  original);
* ``_wpml_import_translation_group``: the same value on every translation of one post.

The posts of one group become one Article with both languages, exactly as a Polylang pair
does; when a post is in both kinds of data, Polylang's wins. The group is only known once every
file has been read (a translation may come before its original, or in another file of a split
export), so the first pass notes each post here and ``close_groups`` joins them afterwards.
"""

from __future__ import annotations

from wordpress.context import LANGUAGES, Context, visible_status
from wordpress.wxr import Record

LANGUAGE_KEY = "_wpml_import_language_code"
SOURCE_KEY = "_wpml_import_source_language_code"
GROUP_KEY = "_wpml_import_translation_group"


def _code(value: str) -> str | None:
    """``ar``, ``en-US`` or ``en_GB`` as one of our languages; None for any other language."""
    code = (value or "").strip().replace("_", "-").split("-")[0].lower()
    return code if code in LANGUAGES else None


def language(meta: dict) -> str | None:
    """The post's (or term's) language according to WPML, when it is one of ours."""
    return _code(meta.get(LANGUAGE_KEY, ""))


def source_language(meta: dict) -> str | None:
    """The language the post was translated from (None for an original)."""
    return _code(meta.get(SOURCE_KEY, ""))


def _group_key(kind: str, meta: dict) -> tuple[str, str] | None:
    group = (meta.get(GROUP_KEY) or "").strip()
    return (kind, group) if group else None


def note_post(ctx: Context, record: Record) -> None:
    """First pass: remember which group and language a post or page belongs to."""
    key = _group_key(record.get("wp:post_type"), record.meta)
    code = language(record.meta)
    if key is None or code is None:
        return
    members = ctx.wpml_groups.setdefault(key, {})
    members.setdefault(code, record.int("wp:post_id"))
    ctx.group_status[record.int("wp:post_id")] = visible_status(record)


def close_groups(ctx: Context) -> None:
    """After the first pass: the groups with two languages join Polylang's in ``ctx.groups``."""
    for members in ctx.wpml_groups.values():
        if len(members) < 2:
            continue
        for pk in members.values():
            ctx.groups.setdefault(pk, members)


def term_groups(header: list[Record]) -> dict:
    """{term id: {language: term id}} for the categories and tags WPML grouped (term meta)."""
    groups: dict = {}
    for record in header:
        key = _group_key(record.kind, record.meta)
        code = language(record.meta)
        if key is not None and code is not None and record.int("wp:term_id"):
            groups.setdefault(key, {}).setdefault(code, record.int("wp:term_id"))
    return {pk: members for members in groups.values() if len(members) > 1 for pk in members.values()}
