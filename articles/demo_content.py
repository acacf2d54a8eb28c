"""Demo content for ``manage.py load_demo``: written for this project, in English and Arabic.

Everything is fictional: the people quoted are invented or anonymous residents, and the
stories only imitate the tone of a small local news site. The texts are original, not
translations of one another word for word.

The content itself is data, in ``articles/demo/`` (TOML: Python reads it without a dependency,
and its multi-line strings keep long bodies readable): ``sections.toml``, ``tags.toml``,
``authors.toml``, ``images.toml``, and one file per article in ``articles/`` (loaded in file
name order; the first is the featured exclusive). Objects refer to one another by ``key``.
"""

import tomllib
from dataclasses import dataclass
from pathlib import Path

DEMO_DIR = Path(__file__).resolve().parent / "demo"
ARTICLE_TEXTS = ("headline", "summary", "source", "body")
LANGUAGES = ("en", "ar")


@dataclass(frozen=True)
class DemoContent:
    sections: list[dict]
    tags: list[dict]
    authors: list[dict]
    images: list[dict]
    articles: list[dict]


def _read(path: Path) -> dict:
    with path.open("rb") as file:
        return tomllib.load(file)


def _article(data: dict) -> dict:
    """An article as the loader uses it: no picture is ``None``, a language left out is empty."""
    article = {"image": None, "label": "", "featured": False, "related": [], **data}
    for code in LANGUAGES:
        texts = article.get(code, {})
        article[code] = {name: texts.get(name, "") for name in ARTICLE_TEXTS}
    return article


def read_demo_content(folder: Path = DEMO_DIR) -> DemoContent:
    """Everything ``load_demo`` loads, read from ``folder``."""
    authors = [{"username": None, **author} for author in _read(folder / "authors.toml")["authors"]]
    images = [
        {**image, "colour": tuple(image["colour"])} for image in _read(folder / "images.toml")["images"]
    ]
    return DemoContent(
        sections=_read(folder / "sections.toml")["sections"],
        tags=_read(folder / "tags.toml")["tags"],
        authors=authors,
        images=images,
        articles=[_article(_read(path)) for path in sorted((folder / "articles").glob("*.toml"))],
    )
