"""What one import run knows and shares between its parts (small maps only, never content)."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from django.utils import timezone

from wordpress.models import ImportRecord
from wordpress.report import Report
from wordpress.wxr import Site

LANGUAGES = ("en", "ar")


@dataclass
class Options:
    media_dir: Path | None = None
    dry_run: bool = False
    fetch_media: bool = False
    language: str = "auto"
    default_section: str | None = None
    progress: Callable[[int, int], None] | None = None


@dataclass
class Context:
    """What one run knows while it goes: small maps only (ids and slugs, never content)."""

    options: Options
    report: Report
    site: Site = field(default_factory=Site)
    authors: dict = field(default_factory=dict)  # login -> Author pk
    sections: dict = field(default_factory=dict)  # category nicename -> Section pk
    category_paths: dict = field(default_factory=dict)  # nicename -> "parent/child"
    tags: dict = field(default_factory=dict)  # tag nicename -> Tag pk
    groups: dict = field(default_factory=dict)  # post id -> {language: post id} (Polylang)
    term_groups: dict = field(default_factory=dict)  # term id -> {language: term id}
    wpml_groups: dict = field(default_factory=dict)  # (post type, WPML group) -> {language: post id}
    group_status: dict = field(default_factory=dict)  # post id -> WordPress status
    attachments: dict = field(default_factory=dict)  # attachment id -> Image pk
    attachment_urls: dict = field(default_factory=dict)  # file address (size suffix off) -> Image pk
    image_urls: dict = field(default_factory=dict)  # Image pk -> address used in bodies
    image_sizes: dict = field(default_factory=dict)  # Image pk -> [(width, rendition address)]
    image_alts: dict = field(default_factory=dict)  # Image pk -> alternative text (galleries)
    attachment_pages: dict = field(default_factory=dict)  # attachment id -> (its page, parent post id)
    seen_header: set = field(default_factory=set)  # (kind, id) already read (split exports repeat it)
    default_section_pk: int | None = None
    posts_total: int = 0
    posts_done: int = 0

    def record(self, kind: str, wp_id) -> ImportRecord | None:
        return ImportRecord.objects.filter(site=self.site.key, kind=kind, wp_id=str(wp_id)).first()

    def remember(self, kind: str, wp_id, obj_id: int, checksum: str, **extra) -> None:
        ImportRecord.objects.update_or_create(
            site=self.site.key,
            kind=kind,
            wp_id=str(wp_id),
            defaults={"object_id": obj_id, "checksum": checksum, "updated_at": timezone.now(), **extra},
            create_defaults={"object_id": obj_id, "checksum": checksum, **extra},
        )

    def site_language(self) -> str:
        code = (self.site.language or "").split("-")[0].lower()
        return code if code in LANGUAGES else "en"


def checksum(*parts) -> str:
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()


def decode_slug(value: str) -> str:
    """A WordPress slug (percent-encoded UTF-8 for Arabic) as a slug of ours."""
    slug = unquote(value or "", errors="replace").strip().lower()
    return re.sub(r"[^-\w]+", "-", slug).strip("-_")[:240]


def visible_status(record) -> str:
    """A post's WordPress status as readers met it: a published post behind a password was not
    public (``"password"``). Both posts of a pair are judged by it."""
    status = record.get("wp:status")
    return "password" if status == "publish" and record.get("wp:post_password") else status
