"""Absolute links come from SITE_URL, never from the request's Host header or scheme.

Canonical links, share cards and JSON-LD live in a cached fragment, feeds and sitemaps in the
page cache: one request arriving under another allowed host name (an alias, an internal name)
or another scheme must not decide the links every later reader, crawler or feed reader gets.
"""

import json
import re
import xml.etree.ElementTree as ET
from datetime import timedelta
from pathlib import Path

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles.models import PreviewLink
from tests.factories import make_article, make_author, make_image, make_tag

pytestmark = pytest.mark.django_db

SITE = "https://news.example.org"
# Another host name the site also answers to, and the two ways a request can differ from a reader's.
POISONING_REQUESTS = [
    pytest.param({"HTTP_HOST": "alias.example.org", "HTTP_X_FORWARDED_PROTO": "https"}, id="other-host"),
    pytest.param({"HTTP_HOST": "news.example.org"}, id="plain-http"),
]
READER = {"HTTP_HOST": "news.example.org", "HTTP_X_FORWARDED_PROTO": "https"}
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture(autouse=True)
def behind_the_proxy(settings):
    """Production as deployed: SITE_URL set, the proxy's X-Forwarded-Proto trusted, caches on."""
    settings.SITE_URL = SITE
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "news.example.org", "alias.example.org"]
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.PUBLIC_PAGE_CACHE_SECONDS = 600
    cache.clear()
    yield
    cache.clear()


def absolute_links(text):
    return set(re.findall(r"""https?://[^\s"'<>\\]+""", text))


def own_links(text):
    """Every absolute link in ``text`` except XML namespaces and schema.org identifiers."""
    foreign = (
        "http://www.w3.org/",
        "http://www.sitemaps.org/",
        "http://www.google.com/",
        "http://purl.org/",
        "https://schema.org",
    )
    return {link for link in absolute_links(text) if not link.startswith(foreign)}


def assert_all_on_site(links):
    assert links, "expected absolute links"
    stray = sorted(link for link in links if not link.startswith(f"{SITE}/"))
    assert not stray, stray


def picture():
    """A lead image with its renditions made now: made during a request, they would move the
    cache generation on and hide what a cached fragment keeps."""
    from articles.images import generate_renditions

    image = make_image()
    generate_renditions(image)
    return image


def json_ld(page):
    return json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1))


@pytest.mark.parametrize("poison", POISONING_REQUESTS)
def test_article_links_stay_on_site_url_whatever_host_or_scheme_came_first(poison):
    author = make_author(display_name_en="Salma Haddad")
    article = make_article(authors=[author], lead_image=picture(), headline_en="Water returns")
    path = article.get_absolute_url("en")
    assert Client().get(path, **poison).status_code == 200  # fills the page's fragments

    page = Client().get(path, **READER).content.decode()
    canonical = f"{SITE}{path}"
    assert f'<link rel="canonical" href="{canonical}">' in page
    assert f'<meta property="og:url" content="{canonical}">' in page
    assert f'hreflang="ar" href="{SITE}{article.get_absolute_url("ar")}"' in page
    data = json_ld(page)
    assert data["url"] == data["mainEntityOfPage"]["@id"] == canonical
    assert data["author"][0]["url"] == f"{SITE}/en/author/{author.slug}/"
    assert data["publisher"]["url"] == f"{SITE}/en/"
    assert data["image"][0]["url"].startswith(f"{SITE}/media/")
    assert_all_on_site(own_links(page))


@pytest.mark.parametrize("poison", POISONING_REQUESTS)
def test_the_request_that_fills_the_cache_gets_site_url_links_too(poison):
    article = make_article(lead_image=picture())
    page = Client().get(article.get_absolute_url("en"), **poison).content.decode()
    assert f'<link rel="canonical" href="{SITE}{article.get_absolute_url("en")}">' in page
    assert_all_on_site(own_links(page))


@pytest.mark.parametrize("poison", POISONING_REQUESTS)
def test_listing_pages_share_links_use_site_url(poison):
    make_article()
    page = Client().get("/en/?page=1", **poison).content.decode()
    assert f'<meta property="og:url" content="{SITE}/en/?page=1">' in page


@pytest.mark.parametrize("poison", POISONING_REQUESTS)
@pytest.mark.parametrize("feed", ["/en/feed/", "/en/feed/atom/", "/en/tag/{tag}/feed/"])
def test_feed_links_stay_on_site_url(poison, feed):
    tag = make_tag(name_en="Euphrates")
    make_article(tags=[tag], lead_image=picture())
    url = feed.format(tag=tag.slug_en)
    Client().get(url, **poison)
    for client_kwargs in (poison, READER):
        body = Client().get(url, **client_kwargs).content.decode()
        root = ET.fromstring(body)
        links = own_links(body)
        assert f"{SITE}{url}" in links  # the feed's own address (atom:link rel=self)
        assert any("/media/" in link for link in links)  # the picture enclosure
        assert len([e for e in root.iter() if e.tag in ("link", f"{ATOM}link")]) >= 2
        assert_all_on_site(links)


@pytest.mark.parametrize("poison", POISONING_REQUESTS)
def test_sitemap_index_and_sections_stay_on_site_url(poison):
    make_article(headline_en="Both", headline_ar="كلاهما", publish_at=timezone.now() - timedelta(hours=1))
    for url in ("/sitemap.xml", "/sitemap-articles-en.xml", "/sitemap-sections-ar.xml", "/sitemap-news.xml"):
        Client().get(url, **poison)
        body = Client().get(url, **READER).content.decode()
        locations = [e.text for e in ET.fromstring(body).iter(f"{SITEMAP}loc")]
        assert locations, url
        assert_all_on_site(own_links(body))
    index = Client().get("/sitemap.xml", **poison).content.decode()
    assert f"<loc>{SITE}/sitemap-articles-en.xml</loc>" in index


@pytest.mark.parametrize("poison", POISONING_REQUESTS)
def test_robots_txt_names_the_sitemap_on_site_url(poison):
    body = Client().get("/robots.txt", **poison).content.decode()
    assert f"Sitemap: {SITE}/sitemap.xml\n" in body


def test_moderator_and_commenter_emails_link_to_site_url(django_capture_on_commit_callbacks):
    from comments import services
    from comments.models import Status
    from tests.comments.factories import make_comment, make_moderator

    moderator = make_moderator(email="mod@example.org")
    held = make_comment(status=Status.PENDING, notify_on_approval=True, email="reader@example.org")
    from comments.notifications import notify_moderators

    notify_moderators(held.pk)
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_approve(comment=held, by=moderator)
    assert len(mail.outbox) == 2
    for message in mail.outbox:
        assert_all_on_site(absolute_links(message.body))
    assert services.commenter_export(email="reader@example.org")["comments"][0]["article"]["url"].startswith(
        f"{SITE}/en/"
    )


def test_preview_share_links_shown_to_staff_use_site_url(client):
    from tests.workflow.factories import make_draft, make_role_user

    article = make_draft(languages=("en",))
    client.force_login(make_role_user("editor"))
    client.post(reverse("admin:articles_article_share", args=[article.pk]), {"hours": "24"}, **READER)
    link = PreviewLink.objects.get(article=article)
    page = client.get(
        reverse("admin:articles_article_preview", args=[article.pk]), HTTP_HOST="alias.example.org"
    )
    assert f"{SITE}{link.get_absolute_url('en')}" in page.content.decode()


def test_no_code_builds_absolute_links_from_the_request():
    root = Path(__file__).resolve().parents[2]
    offenders = [
        str(path.relative_to(root))
        for folder in (
            "api",
            "articles",
            "comments",
            "consent",
            "live",
            "newsroom",
            "readership",
            "redirects",
            "templates",
            "web",
            "wordpress",
        )
        for path in (root / folder).rglob("*")
        if path.suffix in {".py", ".html", ".txt", ".xml"} and "build_absolute_uri" in path.read_text("utf-8")
    ]
    assert offenders == []
