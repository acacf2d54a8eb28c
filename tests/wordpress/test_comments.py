"""Readers' comments from WordPress: states, threading, privacy."""

from datetime import timedelta

import pytest
from django.utils import timezone

from comments.models import Comment, Status
from tests.wordpress.builders import comment, post, write, wxr
from wordpress.importer import wordpress_import

pytestmark = pytest.mark.django_db


def test_every_comment_state_maps_and_trash_and_pingbacks_are_skipped(import_polylang):
    report = import_polylang()
    english = {c.name: c.status for c in Comment.objects.filter(language="en")}
    assert english == {
        "Reader One": Status.APPROVED,
        "Reader Two": Status.APPROVED,
        "Reader Three": Status.APPROVED,
        "Held Reader": Status.PENDING,
        "Cheap Pills": Status.SPAM,
    }
    assert report.counts["comments"] == {"imported": 6, "skipped": 1}
    assert report.counts["pingbacks"] == {"skipped": 1}


def test_threading_is_kept_and_deeper_replies_hang_under_the_thread(import_polylang):
    import_polylang()
    one, two, three = (Comment.objects.get(name=f"Reader {n}") for n in ("One", "Two", "Three"))
    assert one.parent is None
    assert two.parent == one
    assert three.parent == one  # replied to Reader Two; one level of replies here


def test_comments_go_to_the_language_edition_of_their_post(import_polylang):
    import_polylang()
    arabic = Comment.objects.get(language="ar")
    assert arabic.name == "قارئ من الرقة"
    assert arabic.article.headline_ar == "داعش يتراجع، وعاصمة جديدة محتملة"


def test_comment_html_becomes_plain_text_and_dates_are_kept(import_polylang):
    import_polylang()
    one = Comment.objects.get(name="Reader One")
    assert one.body == "Thank you for this report."
    assert one.created_at.isoformat() == "2017-03-20T11:00:00+00:00"
    assert one.consent_at == one.created_at


def test_old_comments_lose_their_ip_address_like_new_ones_do(import_polylang):
    import_polylang()
    assert not Comment.objects.filter(ip__isnull=False).exists()


def test_recent_comments_keep_their_ip_address_until_the_purge(tmp_path):
    recent = (timezone.now() - timedelta(days=2)).strftime("%Y-%m-%d %H:%M:%S")
    export = wxr(post(1, comments=[comment(9, date=recent, ip="203.0.113.77")]))
    wordpress_import(paths=[write(tmp_path, export)])
    assert Comment.objects.get().ip == "203.0.113.77"


def test_invalid_email_and_ip_are_dropped_not_fatal(tmp_path):
    export = wxr(post(1, comments=[comment(9, email="not an email", ip="999.1.1.1")]))
    wordpress_import(paths=[write(tmp_path, export)])
    stored = Comment.objects.get()
    assert (stored.email, stored.ip) == ("", None)


def test_moderators_decision_here_survives_a_reimport(tmp_path):
    from comments.services import comment_approve
    from tests.factories import make_user

    wordpress_import(paths=[write(tmp_path, wxr(post(1, comments=[comment(9, approved="0")])))])
    held = Comment.objects.get()
    comment_approve(comment=held, by=make_user())
    newer = wxr(post(1, comments=[comment(9, approved="spam", body="Edited in WordPress")]))
    wordpress_import(paths=[write(tmp_path, newer)])
    held.refresh_from_db()
    assert (held.status, held.body) == (Status.APPROVED, "A comment")


def test_comment_changed_in_wordpress_is_updated_on_reimport(tmp_path):
    wordpress_import(paths=[write(tmp_path, wxr(post(1, comments=[comment(9, approved="0")])))])
    wordpress_import(paths=[write(tmp_path, wxr(post(1, comments=[comment(9, approved="1")])))])
    assert Comment.objects.get().status == Status.APPROVED


def test_the_commenters_website_is_kept(import_polylang):
    import_polylang()
    assert Comment.objects.get(name="Reader One").url == "https://one.example"
    assert Comment.objects.get(name="Reader Two").url == ""


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "ftp://files.example.org/",
        "https://example.org/" + "a" * 200,
        "nonsense",
    ],
)
def test_a_hostile_or_unusable_website_is_dropped_and_the_comment_kept(tmp_path, url):
    report = wordpress_import(paths=[write(tmp_path, wxr(post(1, comments=[comment(9, url=url)])))])
    stored = Comment.objects.get()
    assert (stored.url, stored.body) == ("", "A comment")
    assert report.counts["comments"] == {"imported": 1}


def test_an_imported_website_is_a_nofollow_ugc_link_on_the_article_page(tmp_path, client):
    export = wxr(post(1, comments=[comment(9, author="Omar", url="https://omar.example/")]))
    wordpress_import(paths=[write(tmp_path, export)])
    stored = Comment.objects.get()
    page = client.get(stored.article.get_absolute_url("en")).content.decode()
    assert (
        '<a class="comment__author-link" href="https://omar.example/" rel="nofollow ugc noopener">Omar</a>'
        in page
    )


def test_a_website_added_in_wordpress_reaches_an_earlier_import(tmp_path):
    wordpress_import(paths=[write(tmp_path, wxr(post(1, comments=[comment(9)])))])
    wordpress_import(paths=[write(tmp_path, wxr(post(1, comments=[comment(9, url="https://r.example")])))])
    assert Comment.objects.get().url == "https://r.example"
