"""Cursor (keyset) pagination: stable while articles are being published.

A cursor holds the sort key of the last item served, e.g. (publish time, id) for articles; the
next page is what sorts after it. An article published meanwhile sorts before the cursor (its
time is newer), so no item is skipped or served twice, which offset pagination cannot promise.
"""

import base64
import json
from datetime import datetime

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from api.problems import ApiProblem


def encode_cursor(values) -> str:
    plain = [value.isoformat() if isinstance(value, datetime) else value for value in values]
    return base64.urlsafe_b64encode(json.dumps(plain, separators=(",", ":")).encode()).decode().rstrip("=")


def decode_cursor(cursor: str, kinds) -> list:
    """The values of a cursor, typed as ``kinds`` (datetime or int); a 400 problem if malformed."""
    try:
        raw = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        if not isinstance(raw, list) or len(raw) != len(kinds):
            raise ValueError
        values = []
        for kind, value in zip(kinds, raw, strict=True):
            if kind is datetime:
                values.append(datetime.fromisoformat(value))
            elif isinstance(value, int) and not isinstance(value, bool):
                values.append(value)
            else:
                raise ValueError
        return values
    except (ValueError, TypeError, json.JSONDecodeError, UnicodeDecodeError):
        raise ApiProblem(
            400, "invalid_cursor", _("This cursor is not valid. Start again from the first page.")
        ) from None


def after(fields, values) -> Q:
    """Rows sorting after ``values`` in descending order of ``fields`` (a lexicographic keyset)."""
    condition = Q()
    for position in range(len(fields) - 1, -1, -1):
        step = Q(**{f"{fields[position]}__lt": values[position]})
        equal = Q(**{fields[i]: values[i] for i in range(position)})
        condition = (equal & step) | condition if position else step | condition
    return condition


def page(queryset, *, fields, kinds, cursor, limit):
    """(items, next cursor or None): ``limit`` items of ``queryset`` after ``cursor``."""
    queryset = queryset.order_by(*[f"-{field}" for field in fields])
    if cursor:
        queryset = queryset.filter(after(fields, decode_cursor(cursor, kinds)))
    items = list(queryset[: limit + 1])
    if len(items) <= limit:
        return items, None
    items = items[:limit]
    last = items[-1]
    return items, encode_cursor([getattr(last, field) for field in fields])
