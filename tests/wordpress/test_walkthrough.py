"""A WordPress 6.x site's export as `wp export --max_file_size` writes it (tests/wordpress/sitegen.py:
three files, Polylang pairs, every status, attachments with resized copies, threaded comments in
every state), imported with the command and read as a reader would; and the defects the
end-to-end walk found, each with its regression test."""

import json
from datetime import UTC, datetime

import pytest
from django.core.management import call_command

from articles.models import Article, Status
from comments.models import Comment
from tests.wordpress import sitegen
from wordpress.models import ImportRecord, Kind

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(tmp_path):
    """46 stories (one of each status in the generator's cycle), 4 pictures, three files."""
    summary = sitegen.build(tmp_path, posts=46, files=3, pictures=4)
    exports = sorted((tmp_path / "export").glob("*.xml"))
    assert len(exports) == 3

    def run():
        call_command("import_wordpress", *exports, "--media-dir", str(tmp_path / "uploads"), verbosity=0)

    run()
    return summary, run


def article_for(wp_id):
    record = ImportRecord.objects.get(site=sitegen.SITE, kind=Kind.POST, wp_id=str(wp_id))
    return Article.objects.get(pk=record.object_id)


def story(summary, status, *, password=False, lang="en"):
    return next(
        p
        for p in summary["posts"]
        if p["status"] == status and p["password"] == password and p["lang"] == lang
    )


def follow(client, path):
    response = client.get(path)
    assert response.status_code == 301, (path, response.status_code)
    return response["Location"]


def test_a_split_export_imports_whole_and_again_without_duplicates(site):
    summary, run = site
    stories = {p["n"] for p in summary["posts"]}
    assert Article.objects.count() == len(stories)
    counts = (Article.objects.count(), Comment.objects.count(), ImportRecord.objects.count())
    run()
    assert (Article.objects.count(), Comment.objects.count(), ImportRecord.objects.count()) == counts


def test_old_addresses_of_a_pair_lead_to_each_language(site, client):
    summary, _run = site
    en = story(summary, "publish")
    ar = next(p for p in summary["posts"] if p["id"] == en["pair"])
    article = article_for(en["id"])
    en_url, ar_url = article.get_absolute_url("en"), article.get_absolute_url("ar")
    assert follow(client, f"/?p={en['id']}") == en_url
    assert follow(client, en["link"].removeprefix(sitegen.SITE)) == en_url
    assert follow(client, ar["link"].removeprefix(sitegen.SITE)) == ar_url  # /ar/…/%d9%82…/
    assert follow(client, f"/?p={ar['id']}") == ar_url
    assert client.get(en_url).status_code == client.get(ar_url).status_code == 200


def test_comments_keep_their_threads_and_only_approved_ones_show(site, client):
    summary, _run = site
    article = article_for(summary["comments"]["posts"][0])
    comments = Comment.objects.filter(article=article)
    # approved, reply, reply to the reply, held, spam (trash and the pingback are skipped), Arabic
    assert comments.count() == 6
    deep = comments.get(body="A reply to the reply.")
    assert deep.parent == comments.get(body="First!\nA second line.") and deep.url == ""
    page = client.get(article.get_absolute_url("en")).content.decode()
    assert "A reply to the reply." in page and "A comment in state 0." not in page


def test_a_password_protected_pair_imports_both_languages_unpublished(site):
    """Found in the walk: both posts of a protected pair were skipped as "not imported"."""
    summary, _run = site
    protected = story(summary, "publish", password=True)
    article = article_for(protected["id"])
    assert article.status == Status.UNPUBLISHED
    assert article.headline_en and article.headline_ar
    assert article_for(protected["pair"]) == article


def test_readers_are_not_told_an_imported_article_was_updated_at_the_import(site, client):
    """Found in the walk: every imported article said "Updated" with the time of the import."""
    summary, _run = site
    article = article_for(story(summary, "publish")["id"])
    assert article.edited_en_at == datetime(2024, 9, 24, 19, 0, tzinfo=UTC)  # WordPress's post_modified_gmt
    page = client.get(article.get_absolute_url("en")).content.decode()
    assert "article__dates" in page and "Updated" not in page


def test_attachment_pages_lead_to_the_article_they_were_attached_to(site, client):
    """Found in the walk: attachment pages and ?attachment_id= answered 404."""
    summary, _run = site
    picture = next(a for a in summary["attachments"] if a.get("parent_link"))
    article = article_for(picture["parent"])
    page = picture["parent_link"].removeprefix(sitegen.SITE) + picture["name"] + "/"
    assert follow(client, page) == article.get_absolute_url("en")
    assert follow(client, f"/?attachment_id={picture['id']}") == article.get_absolute_url("en")


def test_a_picture_attached_to_nothing_has_its_page_lead_to_the_picture(tmp_path, client):
    from tests.wordpress.builders import author, write, wxr

    site = sitegen.Site(posts=0)
    picture = site.make_attachment(tmp_path / "uploads", 1, 0, sitegen.NOW)
    export = write(tmp_path, wxr(site.attachment_item(picture, ""), header=author(), site=sitegen.SITE))
    call_command("import_wordpress", export, "--media-dir", str(tmp_path / "uploads"), verbosity=0)
    assert follow(client, f"/?attachment_id={picture['id']}").startswith("/media/")


def test_gallery_pictures_keep_their_alternative_text(site):
    """Found in the walk: pictures of a [gallery] came with alt=\"\"."""
    summary, _run = site
    with_gallery = next(p for p in summary["posts"] if p["n"] == 34 and p["lang"] == "en")
    body = article_for(with_gallery["id"]).body_en
    assert body.count('alt="Photo ') >= 4  # the caption's picture and the gallery's three
    assert 'alt=""' not in body


def test_a_trashed_post_keeps_its_slug_without_wordpress_trash_suffix(site):
    """Found in the walk: trashed posts were archived as "…__trashed"."""
    summary, _run = site
    trashed = article_for(story(summary, "trash")["id"])
    assert trashed.status == Status.ARCHIVED
    assert not trashed.slug_en.endswith("trashed") and not trashed.slug_ar.endswith("trashed")


def test_the_generator_writes_what_wordpress_writes(tmp_path):
    """Split files each carry the whole header; drafts have no slug and no GMT date; ]]> is split."""
    sitegen.build(tmp_path, posts=46, files=3, pictures=2)
    texts = [p.read_text() for p in sorted((tmp_path / "export").glob("*.xml"))]
    assert all("<wp:author_login><![CDATA[admindiaa]]>" in t and t.rstrip().endswith("</rss>") for t in texts)
    joined = "".join(texts)
    assert "<wp:post_date_gmt><![CDATA[0000-00-00 00:00:00]]></wp:post_date_gmt>" in joined
    assert "]]]]><![CDATA[>" in joined
    assert json.loads((tmp_path / "summary.json").read_text())["pages"]["privacy_en"]
