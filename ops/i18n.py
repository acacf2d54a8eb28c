"""Compile (and check) the gettext catalogues without GNU gettext.

``python -m ops.i18n`` turns every ``locale/<lang>/LC_MESSAGES/django.po`` of the project
into its ``.mo`` with Babel, so a fresh machine needs nothing but Python. It fails, naming the
file and line, on a catalogue that does not parse or whose translations drop or change a
placeholder (``%(name)s``, ``{name}``): such a catalogue would break pages at run time.
"""

import sys
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
SKIP = {".venv", ".worktrees", "var", "node_modules", ".git"}


def catalogues():
    for po in sorted(ROOT.glob("**/locale/*/LC_MESSAGES/django.po")):
        if not SKIP.intersection(po.relative_to(ROOT).parts):
            yield po


def compile_catalogue(po: Path) -> list[str]:
    with po.open("rb") as handle:
        catalog = read_po(handle, abort_invalid=True)
    problems = [
        f"{po.relative_to(ROOT)}:{message.lineno}: {error}"
        for message, errors in catalog.check()
        for error in errors
    ]
    if not problems:
        with po.with_suffix(".mo").open("wb") as handle:
            write_mo(handle, catalog, use_fuzzy=False)
    return problems


def main() -> int:
    problems = []
    count = 0
    for po in catalogues():
        count += 1
        try:
            problems += compile_catalogue(po)
        except Exception as error:  # babel reports syntax errors as various exception types
            problems.append(f"{po.relative_to(ROOT)}: {error}")
    for problem in problems:
        print(problem, file=sys.stderr)
    if not count:
        print("No catalogues found.", file=sys.stderr)
        return 1
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
