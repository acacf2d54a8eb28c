"""Arrows point one way: each app imports only the rooms below it (README, "Layout").

`newsroom/` wires the apps together and may import any of them; no app imports `newsroom/`
(settings come through ``django.conf``), except migrations that name the history the moved
models came from. `ops/` holds the operations tools and may use the apps; no app uses it.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# What each app may import besides itself and third-party code.
ALLOWED = {
    "web": set(),
    "articles": {"web"},
    "comments": {"articles", "web"},
    "consent": {"articles", "web"},
    "readership": {"articles", "consent", "web"},
    "redirects": {"web"},
    "api": {"articles", "web"},
    "live": {"articles", "consent", "web"},
    "wordpress": {"articles", "comments", "consent", "redirects", "web"},
}
ROOMS = set(ALLOWED) | {"newsroom", "ops"}


def imports_of(path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module


def crossings(app):
    """(file, imported room) for every import of another room in ``app``'s own code."""
    for path in sorted((ROOT / app).rglob("*.py")):
        migration = "migrations" in path.parts
        for module in imports_of(path):
            room = module.split(".")[0]
            if room == app or room not in ROOMS:
                continue
            if migration and module.startswith("newsroom.migrations"):
                continue  # the history moved models came from
            yield str(path.relative_to(ROOT)), module


@pytest.mark.parametrize("app", sorted(ALLOWED))
def test_app_imports_only_the_rooms_below_it(app):
    offenders = [
        f"{path}: {module}" for path, module in crossings(app) if module.split(".")[0] not in ALLOWED[app]
    ]
    assert offenders == []


def test_the_allowed_arrows_have_no_cycle():
    seen, done = set(), set()

    def visit(app, trail):
        assert app not in seen - done, f"cycle: {' -> '.join([*trail, app])}"
        if app in done:
            return
        seen.add(app)
        for below in ALLOWED[app]:
            visit(below, [*trail, app])
        done.add(app)

    for app in ALLOWED:
        visit(app, [])
