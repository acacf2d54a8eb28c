"""A WordPress 6.x news site's export as `wp export --max_file_size` writes it, for an end-to-end
trial of the importer (README, "Importing from WordPress": "Walked end to end").

    python -m tests.wordpress.sitegen OUT_DIR [--posts 1500] [--files 3]

writes ``OUT_DIR/export/thenewsroom.wordpress.2026-12-03.000.xml`` … (each file with the whole
header, as WP-CLI's split writer does) and ``OUT_DIR/uploads/YYYY/MM/…`` (a copy of
``wp-content/uploads``: every original and the resized copies WordPress makes, ``-150x150``,
``-300x200``, ``-1024x683``), and prints a JSON summary of what to check.

The shape follows WordPress's ``wp-admin/includes/export.php``: every value in CDATA
(``]]>`` split as ``wxr_cdata`` does), titles in CDATA, ``post_date_gmt`` of drafts
``0000-00-00 00:00:00`` and their ``post_name`` empty, trashed posts' ``__trashed`` slugs and
``_wp_trash_meta_*``, attachments with ``wp:attachment_url``, ``_wp_attached_file`` and the PHP-
serialised ``_wp_attachment_metadata``; comments with ``comment_type`` ``comment``/``pingback``/
``trackback`` and ``comment_approved`` ``1``/``0``/``spam``/``trash``. Polylang stores languages as
the ``language`` taxonomy, pairs as ``post_translations`` terms (description: a serialised
``{"en": id, "ar": id}``) and translates categories and tags (``term_language``,
``term_translations``). Arabic slugs are percent-encoded lower case, as ``sanitize_title`` does.
"""

from __future__ import annotations

import argparse
import io
import json
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import quote

SITE = "https://thenewsroom.example"
NOW = datetime(2026, 12, 3, 6, 0, tzinfo=UTC)
LOCAL_OFFSET = timedelta(hours=3)  # the site's timezone: post_date is local, post_date_gmt UTC


def cdata(value) -> str:
    return "<![CDATA[" + str(value).replace("]]>", "]]]]><![CDATA[>") + "]]>"


def slug_of(text: str) -> str:
    """``sanitize_title`` for our titles: lower case, hyphens, UTF-8 percent-encoded lower case."""
    words = "".join(c if c.isalnum() or c in " -" else " " for c in text.lower()).split()
    return quote("-".join(words), safe="-").lower()


def php(value) -> str:
    """PHP's serialize() for the types WordPress meta uses."""
    if isinstance(value, bool):
        return f"b:{int(value)};"
    if isinstance(value, int):
        return f"i:{value};"
    if isinstance(value, dict):
        inner = "".join(php(k) + php(v) for k, v in value.items())
        return f"a:{len(value)}:{{{inner}}}"
    text = str(value)
    return f's:{len(text.encode())}:"{text}";'


def wp_date(moment: datetime | None, local=False) -> str:
    if moment is None:
        return "0000-00-00 00:00:00"
    return (moment + LOCAL_OFFSET if local else moment).strftime("%Y-%m-%d %H:%M:%S")


AUTHORS = [
    (1, "admindiaa", "admindiaa", "diaa@thenewsroom.example", "Diaa", "Haddad"),
    (2, "layla", "Layla Hassan", "layla@thenewsroom.example", "Layla", "Hassan"),
    (3, "omar.k", "عمر خليل", "omar@thenewsroom.example", "Omar", "Khalil"),
    (4, "sarah_j", "Sarah Jones", "sarah@thenewsroom.example", "Sarah", "Jones"),
    (5, "desk", "News Desk", "desk@thenewsroom.example", "", ""),
]
# (term id, nicename, name, parent nicename, language, translation of)
CATEGORIES = [
    (10, "news", "News", "", "en", None),
    (11, "middle-east", "Middle East", "news", "en", None),
    (12, "syria", "Syria", "middle-east", "en", None),
    (13, "opinion", "Opinion", "", "en", None),
    (14, "sport", "Sport", "", "en", None),
    (20, slug_of("أخبار"), "أخبار", "", "ar", 10),
    (21, slug_of("الشرق الأوسط"), "الشرق الأوسط", slug_of("أخبار"), "ar", 11),
    (22, slug_of("سوريا"), "سوريا", slug_of("الشرق الأوسط"), "ar", 12),
    (23, slug_of("رأي"), "رأي", "", "ar", 13),
    (24, "sport-ar", "رياضة", "", "ar", 14),
]
TAGS_EN = ["Water", "Elections", "Refugees", "Economy", "Football", "Climate", "Q&A"]
TAGS_AR = ["مياه", "انتخابات", "لاجئون", "اقتصاد", "كرة القدم", "مناخ", "أسئلة وأجوبة"]
WORDS_EN = "river water city council market drought harvest school minister report border camp".split()
WORDS_AR = "النهر المياه المدينة المجلس السوق الجفاف الحصاد المدرسة الوزير التقرير الحدود المخيم".split()


class Site:
    def __init__(self, posts: int, seed: int = 2026):
        self.rng = random.Random(seed)
        self.pairs = posts
        self.next_id = 1000
        self.next_comment = 1
        self.items: list[str] = []
        self.groups: list[tuple[str, dict]] = []
        self.tag_terms: list[tuple] = []
        self.attachments: list[dict] = []
        self.summary: dict = {"posts": [], "comments": {}, "attachments": [], "pages": []}

    def new_id(self) -> int:
        self.next_id += 1
        return self.next_id

    # -- header --------------------------------------------------------------------------------
    def header(self) -> str:
        out = [
            '<?xml version="1.0" encoding="UTF-8" ?>',
            "<!-- This is a WordPress eXtended RSS file generated by WordPress as an export of your site. -->",
            "<!-- It contains information about your site's posts, pages, comments, categories, and other content. -->",
            "<!-- You may use this file to transfer that content from one site to another. -->",
            '<!-- generator="WordPress/6.7.1" created="2026-12-03 06:00" -->',
            '<rss version="2.0"\n\txmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"\n'
            '\txmlns:content="http://purl.org/rss/1.0/modules/content/"\n'
            '\txmlns:wfw="http://wellformedweb.org/CommentAPI/"\n'
            '\txmlns:dc="http://purl.org/dc/elements/1.1/"\n'
            '\txmlns:wp="http://wordpress.org/export/1.2/"\n>',
            "",
            "<channel>",
            "\t<title>The Newsroom</title>",
            f"\t<link>{SITE}</link>",
            "\t<description>News in English and Arabic</description>",
            "\t<pubDate>Thu, 03 Dec 2026 06:00:00 +0000</pubDate>",
            "\t<language>en-US</language>",
            "\t<wp:wxr_version>1.2</wp:wxr_version>",
            f"\t<wp:base_site_url>{SITE}</wp:base_site_url>",
            f"\t<wp:base_blog_url>{SITE}</wp:base_blog_url>",
            "",
        ]
        for wp_id, login, name, email, first, last in AUTHORS:
            out.append(
                f"\t\t<wp:author><wp:author_id>{wp_id}</wp:author_id><wp:author_login>{cdata(login)}"
                f"</wp:author_login><wp:author_email>{cdata(email)}</wp:author_email>"
                f"<wp:author_display_name>{cdata(name)}</wp:author_display_name>"
                f"<wp:author_first_name>{cdata(first)}</wp:author_first_name>"
                f"<wp:author_last_name>{cdata(last)}</wp:author_last_name></wp:author>\n"
            )
        for term_id, nicename, name, parent, _lang, _of in CATEGORIES:
            out.append(
                f"\t<wp:category>\n\t\t<wp:term_id>{term_id}</wp:term_id>\n"
                f"\t\t<wp:category_nicename>{cdata(nicename)}</wp:category_nicename>\n"
                f"\t\t<wp:category_parent>{cdata(parent)}</wp:category_parent>\n"
                f"\t\t<wp:cat_name>{cdata(name)}</wp:cat_name>\n\t</wp:category>"
            )
        for term_id, slug, name, _lang in self.tag_terms:
            out.append(
                f"\t<wp:tag>\n\t\t<wp:term_id>{term_id}</wp:term_id>\n\t\t<wp:tag_slug>{cdata(slug)}</wp:tag_slug>\n"
                f"\t\t<wp:tag_name>{cdata(name)}</wp:tag_name>\n\t</wp:tag>"
            )
        terms = [
            (2, "language", "en", "English", php({"locale": "en_US", "rtl": 0, "flag_code": "us"})),
            (3, "language", "ar", "العربية", php({"locale": "ar", "rtl": 1, "flag_code": "arab"})),
            (4, "term_language", "pll_en", "English", ""),
            (5, "term_language", "pll_ar", "العربية", ""),
        ]
        term_id = 500
        term_pairs = [(c[5], c[0]) for c in CATEGORIES if c[5]]
        term_pairs += [
            (en[0], ar[0]) for en, ar in zip(self.tag_terms[::2], self.tag_terms[1::2], strict=True)
        ]
        for en_id, ar_id in term_pairs:
            term_id += 1
            name = f"pll_{term_id:013x}"
            terms.append((term_id, "term_translations", name, name, php({"en": en_id, "ar": ar_id})))
        for name, group in self.groups:
            term_id += 1
            terms.append((term_id, "post_translations", name, name, php(group)))
        for term_id, taxonomy, slug, name, description in terms:
            out.append(
                f"\t<wp:term><wp:term_id>{term_id}</wp:term_id><wp:term_taxonomy>{cdata(taxonomy)}</wp:term_taxonomy>"
                f"<wp:term_slug>{cdata(slug)}</wp:term_slug><wp:term_parent>{cdata('')}</wp:term_parent>"
                f"<wp:term_name>{cdata(name)}</wp:term_name><wp:term_description>{cdata(description)}"
                "</wp:term_description></wp:term>"
            )
        out.append("\n\t<generator>https://wordpress.org/?v=6.7.1</generator>\n")
        return "\n".join(out)

    FOOTER = "</channel>\n</rss>\n"

    # -- items ---------------------------------------------------------------------------------
    def item(
        self,
        *,
        wp_id,
        title,
        link,
        content,
        slug,
        status,
        date,
        post_type="post",
        creator="admindiaa",
        excerpt="",
        categories=(),
        meta=(),
        comments=(),
        sticky=False,
        password="",
        parent=0,
        attachment_url="",
        modified=None,
    ) -> str:
        gmt = None if status in ("draft", "pending") else date
        modified = modified or date
        pub = date.strftime("%a, %d %b %Y %H:%M:%S +0000") if gmt else "Mon, 30 Nov -0001 00:00:00 +0000"
        lines = [
            "\t<item>",
            f"\t\t<title>{cdata(title)}</title>",
            f"\t\t<link>{link}</link>",
            f"\t\t<pubDate>{pub}</pubDate>",
            f"\t\t<dc:creator>{cdata(creator)}</dc:creator>",
            f'\t\t<guid isPermaLink="false">{attachment_url or f"{SITE}/?p={wp_id}"}</guid>',
            "\t\t<description></description>",
            f"\t\t<content:encoded>{cdata(content)}</content:encoded>",
            f"\t\t<excerpt:encoded>{cdata(excerpt)}</excerpt:encoded>",
            f"\t\t<wp:post_id>{wp_id}</wp:post_id>",
            f"\t\t<wp:post_date>{cdata(wp_date(date, local=True))}</wp:post_date>",
            f"\t\t<wp:post_date_gmt>{cdata(wp_date(gmt))}</wp:post_date_gmt>",
            f"\t\t<wp:post_modified>{cdata(wp_date(modified, local=True))}</wp:post_modified>",
            f"\t\t<wp:post_modified_gmt>{cdata(wp_date(modified))}</wp:post_modified_gmt>",
            f"\t\t<wp:comment_status>{cdata('open' if post_type != 'attachment' else 'closed')}</wp:comment_status>",
            f"\t\t<wp:ping_status>{cdata('open')}</wp:ping_status>",
            f"\t\t<wp:post_name>{cdata(slug)}</wp:post_name>",
            f"\t\t<wp:status>{cdata(status)}</wp:status>",
            f"\t\t<wp:post_parent>{parent}</wp:post_parent>",
            "\t\t<wp:menu_order>0</wp:menu_order>",
            f"\t\t<wp:post_type>{cdata(post_type)}</wp:post_type>",
            f"\t\t<wp:post_password>{cdata(password)}</wp:post_password>",
            f"\t\t<wp:is_sticky>{int(sticky)}</wp:is_sticky>",
        ]
        if attachment_url:
            lines.append(f"\t\t<wp:attachment_url>{cdata(attachment_url)}</wp:attachment_url>")
        for domain, nicename, name in categories:
            lines.append(f'\t\t<category domain="{domain}" nicename="{nicename}">{cdata(name)}</category>')
        for key, value in meta:
            lines.append(
                f"\t\t<wp:postmeta>\n\t\t<wp:meta_key>{cdata(key)}</wp:meta_key>\n"
                f"\t\t<wp:meta_value>{cdata(value)}</wp:meta_value>\n\t\t</wp:postmeta>"
            )
        lines.extend(comments)
        lines.append("\t</item>")
        return "\n".join(lines)

    def comment(self, *, author, email, url, date, body, approved="1", kind="comment", parent=0) -> tuple:
        cid = self.next_comment
        self.next_comment += 1
        text = (
            "\t\t<wp:comment>\n"
            f"\t\t\t<wp:comment_id>{cid}</wp:comment_id>\n"
            f"\t\t\t<wp:comment_author>{cdata(author)}</wp:comment_author>\n"
            f"\t\t\t<wp:comment_author_email>{cdata(email)}</wp:comment_author_email>\n"
            f"\t\t\t<wp:comment_author_url>{url}</wp:comment_author_url>\n"
            f"\t\t\t<wp:comment_author_IP>{cdata(f'203.0.113.{cid % 250}')}</wp:comment_author_IP>\n"
            f"\t\t\t<wp:comment_date>{cdata(wp_date(date, local=True))}</wp:comment_date>\n"
            f"\t\t\t<wp:comment_date_gmt>{cdata(wp_date(date))}</wp:comment_date_gmt>\n"
            f"\t\t\t<wp:comment_content>{cdata(body)}</wp:comment_content>\n"
            f"\t\t\t<wp:comment_approved>{cdata(approved)}</wp:comment_approved>\n"
            f"\t\t\t<wp:comment_type>{cdata(kind)}</wp:comment_type>\n"
            f"\t\t\t<wp:comment_parent>{parent}</wp:comment_parent>\n"
            "\t\t\t<wp:comment_user_id>0</wp:comment_user_id>\n"
        )
        if approved == "spam":
            text += (
                f"\t\t\t<wp:commentmeta>\n\t\t\t\t<wp:meta_key>{cdata('akismet_result')}</wp:meta_key>\n"
                f"\t\t\t\t<wp:meta_value>{cdata('true')}</wp:meta_value>\n\t\t\t</wp:commentmeta>\n"
            )
        return cid, text + "\t\t</wp:comment>"

    # -- media ---------------------------------------------------------------------------------
    def make_attachment(self, uploads: Path, n: int, parent: int, date: datetime) -> dict:
        from PIL import Image as PILImage

        wp_id = self.new_id()
        folder = f"{date:%Y/%m}"
        name = f"photo-{n:03d}"
        width, height = 1200, 800
        target = uploads / folder
        target.mkdir(parents=True, exist_ok=True)
        color = (self.rng.randrange(256), self.rng.randrange(256), self.rng.randrange(256))
        picture = PILImage.new("RGB", (width, height), color)
        sizes = {}
        for size_name, (w, h) in {
            "thumbnail": (150, 150),
            "medium": (300, 200),
            "large": (1024, 683),
        }.items():
            copy = picture.resize((w, h))
            file_name = f"{name}-{w}x{h}.jpg"
            copy.save(target / file_name, "JPEG", quality=70)
            sizes[size_name] = {"file": file_name, "width": w, "height": h, "mime-type": "image/jpeg"}
        buffer = io.BytesIO()
        picture.save(buffer, "JPEG", quality=80)
        (target / f"{name}.jpg").write_bytes(buffer.getvalue())
        credit = "Reuters" if n % 3 == 0 else ""
        metadata = {
            "width": width,
            "height": height,
            "file": f"{folder}/{name}.jpg",
            "filesize": len(buffer.getvalue()),
            "sizes": sizes,
            "image_meta": {"aperture": "0", "credit": credit, "camera": "", "caption": "", "title": ""},
        }
        url = f"{SITE}/wp-content/uploads/{folder}/{name}.jpg"
        return {
            "id": wp_id,
            "url": url,
            "name": name,
            "folder": folder,
            "alt": f"Photo {n}: the river at dusk",
            "caption": f"Caption of photo {n}",
            "credit": credit,
            "parent": parent,
            "date": date,
            "metadata": php(metadata),
        }

    def attachment_item(self, a: dict, parent_link: str) -> str:
        link = f"{parent_link}{a['name']}/" if parent_link else f"{SITE}/?attachment_id={a['id']}"
        return self.item(
            wp_id=a["id"],
            title=a["name"],
            link=link,
            content="",
            excerpt=a["caption"],
            slug=a["name"],
            status="inherit",
            date=a["date"],
            post_type="attachment",
            parent=a["parent"],
            attachment_url=a["url"],
            meta=[
                ("_wp_attached_file", f"{a['folder']}/{a['name']}.jpg"),
                ("_wp_attachment_metadata", a["metadata"]),
                ("_wp_attachment_image_alt", a["alt"]),
            ],
        )


def _body(rng, words, n: int, style: str, picture: dict | None, gallery: list) -> str:
    sentences = [" ".join(rng.choice(words) for _ in range(12)).capitalize() + "." for _ in range(6)]
    if style == "block":
        parts = [f"<!-- wp:paragraph -->\n<p>{s}</p>\n<!-- /wp:paragraph -->" for s in sentences[:3]]
        parts.append(
            '<!-- wp:heading -->\n<h2 class="wp-block-heading">Background</h2>\n<!-- /wp:heading -->'
        )
        if picture:
            src = picture["url"].replace(".jpg", "-1024x683.jpg")
            parts.append(
                f'<!-- wp:image {{"id":{picture["id"]},"sizeSlug":"large","linkDestination":"none"}} -->\n'
                f'<figure class="wp-block-image size-large"><img src="{src}" alt="{picture["alt"]}" '
                f'class="wp-image-{picture["id"]}"/><figcaption class="wp-element-caption">'
                f"{picture['caption']}</figcaption></figure>\n<!-- /wp:image -->"
            )
        parts.append(
            '<!-- wp:quote -->\n<blockquote class="wp-block-quote"><!-- wp:paragraph -->\n'
            f"<p>{sentences[3]}</p>\n<!-- /wp:paragraph --></blockquote>\n<!-- /wp:quote -->"
        )
        parts.append(f"<!-- wp:paragraph -->\n<p>{sentences[4]}</p>\n<!-- /wp:paragraph -->")
        return "\n\n".join(parts)
    parts = [sentences[0] + "\n" + sentences[1], sentences[2]]
    if picture:
        src = picture["url"].replace(".jpg", "-300x200.jpg")
        parts.append(
            f'[caption id="attachment_{picture["id"]}" align="aligncenter" width="300"]<img '
            f'class="size-medium wp-image-{picture["id"]}" src="{src}" alt="{picture["alt"]}" width="300" '
            f'height="200" /> {picture["caption"]}[/caption]'
        )
    if gallery:
        parts.append(f'[gallery ids="{",".join(str(g["id"]) for g in gallery)}"]')
    if n % 7 == 0:
        parts.append('[contact-form-7 id="42" title="Tip us off"]')
    if n % 11 == 0:
        parts.append("[embed]https://www.youtube.com/watch?v=dQw4w9WgXcQ[/embed]")
    if n % 13 == 0:
        parts.append("<pre>if (a[b[0]]> 1) { return; }</pre>")  # "]]>" inside CDATA
    parts.append(sentences[3] + " <strong>" + sentences[4] + "</strong>")
    return "\n\n".join(parts)


def build(out: Path, posts: int = 1500, files: int = 3, pictures: int = 40) -> dict:
    rng = random.Random(2026)
    site = Site(posts)
    uploads = out / "uploads"
    tag_id = 300
    for en, ar in zip(TAGS_EN, TAGS_AR, strict=True):
        site.tag_terms.append((tag_id, slug_of(en), en, "en"))
        site.tag_terms.append((tag_id + 1, slug_of(ar), ar, "ar"))
        tag_id += 2
    en_cats = [c for c in CATEGORIES if c[4] == "en"]
    ar_of = {c[5]: c for c in CATEGORIES if c[5]}
    count = pictures
    pictures = [
        site.make_attachment(uploads, n, 0, NOW - timedelta(days=700 - n)) for n in range(1, count + 1)
    ]
    pictures.append(  # a file the uploads copy lacks
        {**site.make_attachment(uploads, 99, 0, NOW - timedelta(days=30)), "missing": True}
    )
    (uploads / pictures[-1]["folder"] / f"{pictures[-1]['name']}.jpg").unlink()
    items: list[str] = []
    summary = site.summary
    statuses = ["publish"] * 40 + ["future", "draft", "pending", "private", "trash", "publish-password"]
    for n in range(1, posts + 1):
        date = NOW - timedelta(days=800) + timedelta(hours=13 * n)
        status = statuses[n % len(statuses)]
        password = "secret" if status == "publish-password" else ""
        status = "publish" if password else status
        if status == "future":
            date = NOW + timedelta(days=3 + n % 20)
        en_id, ar_id = site.new_id(), site.new_id()
        pair = n % 10 != 0  # one story in ten is English only
        cat = en_cats[n % len(en_cats)]
        tag = n % len(TAGS_EN)
        picture = pictures[n % len(pictures)] if n % 3 else None
        gallery = [pictures[(n + k) % count] for k in range(3)] if n % 17 == 0 else []
        style = "block" if n % 2 else "classic"
        title_en = f"Story {n}: " + " ".join(rng.choice(WORDS_EN) for _ in range(5)).title()
        if n % 29 == 0:
            title_en = f"Q&A {n}: what the council’s vote means"
        title_ar = f"قصة {n}: " + " ".join(rng.choice(WORDS_AR) for _ in range(5))
        slug_en = "" if status in ("draft", "pending") else slug_of(title_en)
        slug_ar = "" if status in ("draft", "pending") else slug_of(title_ar)
        if status == "trash":
            slug_en, slug_ar = f"{slug_of(title_en)}__trashed", f"{slug_of(title_ar)}__trashed"
        local = date + LOCAL_OFFSET
        path = f"{local:%Y/%m/%d}"
        link_en = f"{SITE}/{path}/{slug_en}/" if slug_en and status == "publish" else f"{SITE}/?p={en_id}"
        link_ar = f"{SITE}/ar/{path}/{slug_ar}/" if slug_ar and status == "publish" else f"{SITE}/?p={ar_id}"
        group = f"pll_{n:013x}"
        creator = AUTHORS[n % len(AUTHORS)][1]
        meta = [("_edit_last", "1")]
        if picture:
            meta.append(("_thumbnail_id", str(picture["id"])))
        if status == "trash":
            meta += [("_wp_trash_meta_status", "publish"), ("_wp_trash_meta_time", "1764000000")]
            meta.append(("_wp_desired_post_slug", slug_of(title_en)))
        comments_en, comments_ar = [], []
        if n % 4 == 1 and status == "publish" and not password:
            first, text = site.comment(
                author="Reader One",
                email="one@example.org",
                url="https://one.example.org/",
                date=date + timedelta(hours=1),
                body="First!\nA second line.",
            )
            comments_en.append(text)
            reply, text = site.comment(
                author="Layla Hassan",
                email="layla@thenewsroom.example",
                url="",
                date=date + timedelta(hours=2),
                body="Thanks for reading.",
                parent=first,
            )
            comments_en.append(text)
            _deep, text = site.comment(
                author="Reader One",
                email="one@example.org",
                url="javascript:alert(1)",
                date=date + timedelta(hours=3),
                body="A reply to the reply.",
                parent=reply,
            )
            comments_en.append(text)
            for state in ("0", "spam", "trash"):
                _cid, text = site.comment(
                    author=f"Someone {state}",
                    email="x@example.org",
                    url="",
                    date=date + timedelta(hours=4),
                    body=f"A comment in state {state}.",
                    approved=state,
                )
                comments_en.append(text)
            _cid, text = site.comment(
                author="Other Blog",
                email="",
                url="https://other.example/2024/a-post/",
                date=date + timedelta(hours=5),
                body="[&#8230;] they wrote about it [&#8230;]",
                kind="pingback",
            )
            comments_en.append(text)
            _cid, text = site.comment(
                author="قارئ",
                email="reader@example.org",
                url="",
                date=date + timedelta(hours=6),
                body="شكراً على هذا التقرير.",
            )
            comments_ar.append(text)
            summary["comments"].setdefault("posts", []).append(en_id)
        categories_en = [
            ("category", cat[1], cat[2]),
            ("post_tag", site.tag_terms[2 * tag][1], site.tag_terms[2 * tag][2]),
            ("language", "en", "English"),
        ]
        if pair:
            categories_en.append(("post_translations", group, group))
        items.append(
            site.item(
                wp_id=en_id,
                title=title_en,
                link=link_en,
                slug=slug_en,
                status=status,
                date=date,
                content=_body(rng, WORDS_EN, n, style, picture, gallery),
                creator=creator,
                excerpt=f"Summary of story {n}." if n % 5 == 0 else "",
                categories=categories_en,
                meta=meta,
                comments=comments_en,
                sticky=n in (3, 5),
                password=password,
            )
        )
        summary["posts"].append(
            {
                "n": n,
                "id": en_id,
                "lang": "en",
                "status": status,
                "password": bool(password),
                "slug": slug_en,
                "link": link_en,
                "pair": ar_id if pair else None,
                "picture": picture["id"] if picture else None,
                "date": wp_date(date, True),
            }
        )
        if pair:
            site.groups.append((group, {"en": en_id, "ar": ar_id}))
            ar_cat = ar_of[cat[0]]
            categories_ar = [
                ("category", ar_cat[1], ar_cat[2]),
                ("post_tag", site.tag_terms[2 * tag + 1][1], site.tag_terms[2 * tag + 1][2]),
                ("language", "ar", "العربية"),
                ("post_translations", group, group),
            ]
            items.append(
                site.item(
                    wp_id=ar_id,
                    title=title_ar,
                    link=link_ar,
                    slug=slug_ar,
                    status=status,
                    date=date,
                    content=_body(rng, WORDS_AR, n, style, picture, []),
                    creator=creator,
                    categories=categories_ar,
                    comments=comments_ar,
                    password=password,
                    meta=[(k, slug_of(title_ar) if k == "_wp_desired_post_slug" else v) for k, v in meta],
                )
            )
            summary["posts"].append(
                {
                    "n": n,
                    "id": ar_id,
                    "lang": "ar",
                    "status": status,
                    "password": bool(password),
                    "slug": slug_ar,
                    "link": link_ar,
                    "pair": en_id,
                    "date": wp_date(date, True),
                }
            )
        if picture and picture.get("parent") == 0:
            picture["parent"] = en_id
            picture["parent_link"] = link_en if status == "publish" and slug_en else ""
    # The privacy policy page WordPress creates (and its Arabic translation), and another page.
    privacy_en, privacy_ar, about = site.new_id(), site.new_id(), site.new_id()
    site.groups.append(("pll_privacy", {"en": privacy_en, "ar": privacy_ar}))
    date = NOW - timedelta(days=900)
    items.append(
        site.item(
            wp_id=privacy_en,
            title="Privacy Policy",
            link=f"{SITE}/privacy-policy/",
            slug="privacy-policy",
            status="publish",
            date=date,
            post_type="page",
            content='<!-- wp:heading -->\n<h2 class="wp-block-heading">Who we are</h2>\n<!-- /wp:heading -->\n\n'
            f"<!-- wp:paragraph -->\n<p>Our website address is: {SITE}.</p>\n<!-- /wp:paragraph -->",
            categories=[("language", "en", "English"), ("post_translations", "pll_privacy", "pll_privacy")],
            meta=[("_wp_page_template", "default")],
        )
    )
    items.append(
        site.item(
            wp_id=privacy_ar,
            title="سياسة الخصوصية",
            link=f"{SITE}/ar/{slug_of('سياسة الخصوصية')}/",
            slug=slug_of("سياسة الخصوصية"),
            status="publish",
            date=date,
            post_type="page",
            content="<p>عنوان موقعنا هو: " + SITE + ".</p>",
            categories=[("language", "ar", "العربية"), ("post_translations", "pll_privacy", "pll_privacy")],
        )
    )
    items.append(
        site.item(
            wp_id=about,
            title="About us",
            link=f"{SITE}/about/",
            slug="about",
            status="publish",
            date=date,
            post_type="page",
            content="<p>We are a newsroom.</p>",
            categories=[("language", "en", "English")],
        )
    )
    summary["pages"] = {"privacy_en": privacy_en, "privacy_ar": privacy_ar, "about": about}
    # Attachments come first in WordPress's export (ordered by id), then posts.
    attachment_items = [site.attachment_item(p, p.get("parent_link", "")) for p in pictures]
    summary["attachments"] = [{k: v for k, v in p.items() if k not in ("metadata", "date")} for p in pictures]
    everything = attachment_items + items
    header = site.header()
    export = out / "export"
    export.mkdir(parents=True, exist_ok=True)
    per_file = -(-len(everything) // files)
    for number in range(files):
        chunk = everything[number * per_file : (number + 1) * per_file]
        name = f"thenewsroom.wordpress.2026-12-03.{number:03d}.xml"
        (export / name).write_text(header + "\n".join(chunk) + "\n" + Site.FOOTER, encoding="utf-8")
    (out / "summary.json").write_text(json.dumps(summary, indent=1, ensure_ascii=False), encoding="utf-8")
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--posts", type=int, default=1500, help="stories (nine in ten also in Arabic)")
    parser.add_argument("--files", type=int, default=3)
    parser.add_argument("--pictures", type=int, default=40)
    options = parser.parse_args()
    summary = build(options.out, options.posts, options.files, options.pictures)
    print(json.dumps({"posts": len(summary["posts"]), "attachments": len(summary["attachments"])}))


if __name__ == "__main__":
    main()
