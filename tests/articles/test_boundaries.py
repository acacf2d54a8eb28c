"""articles/ knows nothing of comments/: comments plug into the article page, never the reverse."""

import ast
import re
from pathlib import Path

import articles

ARTICLES_DIR = Path(articles.__file__).resolve().parent
LOAD_COMMENTS = re.compile(r"\{%\s*load\s[^%]*\bcomments\b")


def imported_modules(path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module


def test_no_module_of_articles_imports_comments():
    offenders = [
        f"{path.relative_to(ARTICLES_DIR)}: {module}"
        for path in sorted(ARTICLES_DIR.rglob("*.py"))
        for module in imported_modules(path)
        if module == "comments" or module.startswith("comments.")
    ]
    assert offenders == []


def test_templates_of_articles_do_not_load_comment_tags():
    offenders = [
        str(path.relative_to(ARTICLES_DIR))
        for path in sorted(ARTICLES_DIR.rglob("*.html"))
        if LOAD_COMMENTS.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
