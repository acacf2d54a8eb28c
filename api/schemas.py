"""The shapes the API answers with: one source for validation, serialisation and the OpenAPI schema."""

from datetime import datetime

from ninja import Schema
from pydantic import Field


class Link(Schema):
    id: int
    slug: str
    name: str
    url: str = Field(description="The public page, in the requested language.")


class SectionOut(Link):
    order: int


class AuthorOut(Link):
    bio: str
    photo_url: str | None = None


class LanguageUrls(Schema):
    en: str | None = Field(None, description="Public page in English, if the article is live in English.")
    ar: str | None = Field(None, description="Public page in Arabic, if the article is live in Arabic.")


class Rendition(Schema):
    url: str
    width: int
    height: int
    format: str = Field(description="webp, jpeg or png")
    bytes: int


class LeadImage(Schema):
    alt_text: str
    caption: str
    credit: str
    width: int | None
    height: int | None
    renditions: list[Rendition]


class ArticleSummary(Schema):
    id: int
    language: str
    headline: str
    summary: str
    label: str = Field(description="exclusive, breaking, analysis, opinion, interview, report or empty")
    label_display: str
    url: str = Field(description="Canonical public page in the requested language.")
    urls: LanguageUrls
    section: Link
    authors: list[Link]
    tags: list[Link]
    lead_image: LeadImage | None
    published_at: datetime
    updated_at: datetime


class Correction(Schema):
    date: datetime
    text: str


class RelatedStory(Schema):
    id: int
    headline: str
    url: str
    published_at: datetime
    lead_image: LeadImage | None


class ArticleDetail(ArticleSummary):
    body_html: str = Field(description="Sanitised HTML, as the public page shows it.")
    source: str
    comments_open: bool
    corrections: list[Correction]
    related: list[RelatedStory]


class ArticlePage(Schema):
    items: list[ArticleSummary]
    next_cursor: str | None = Field(description="Pass as ?cursor= for the next page; null on the last.")
    next: str | None = Field(description="The next page's full address; null on the last.")


class SectionList(Schema):
    items: list[SectionOut]


class TagPage(Schema):
    items: list[Link]
    next_cursor: str | None
    next: str | None


class AuthorPage(Schema):
    items: list[AuthorOut]
    next_cursor: str | None
    next: str | None


class SearchHit(ArticleSummary):
    excerpt_html: str = Field(description="Matching passages, escaped, with <mark> around the words found.")


class SearchPage(Schema):
    query: str
    items: list[SearchHit]
    page: int
    next: str | None


class Problem(Schema):
    """RFC 9457 problem details."""

    type: str
    title: str
    status: int
    detail: str
    instance: str
    code: str
