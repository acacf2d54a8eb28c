"""Pictures: from the uploads folder, or fetched from their address when asked to."""

import functools
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

from articles.models import Article, Image
from tests.wordpress.builders import cdata, post, write, wxr
from wordpress.importer import wordpress_import

pytestmark = pytest.mark.django_db


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def old_site(tmp_path, fixtures):
    """The old WordPress site's uploads, served over HTTP on 127.0.0.1."""
    root = tmp_path / "site"
    shutil.copytree(fixtures / "uploads", root / "wp-content" / "uploads")
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def attachment(wp_id, url, relative):
    return f"""<item><title>picture</title><wp:post_id>{wp_id}</wp:post_id><wp:post_type>attachment</wp:post_type>
<wp:attachment_url>{cdata(url)}</wp:attachment_url>
<wp:postmeta><wp:meta_key>_wp_attached_file</wp:meta_key><wp:meta_value>{cdata(relative)}</wp:meta_value></wp:postmeta></item>"""


def featured(wp_id):
    return f"<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>{wp_id}</wp:meta_value></wp:postmeta>"


def test_pictures_missing_from_the_folder_are_fetched_when_asked(tmp_path, old_site):
    url = f"{old_site}/wp-content/uploads/2017/03/palmyra.jpg"
    export = wxr(attachment(9, url, "2017/03/palmyra.jpg"), post(1, extra=featured(9)))
    report = wordpress_import(paths=[write(tmp_path, export)], fetch_media=True)
    assert report.counts["images"] == {"imported": 1}
    assert Article.objects.get().lead_image.width == 900


def test_pictures_are_not_fetched_unless_asked(tmp_path, old_site):
    url = f"{old_site}/wp-content/uploads/2017/03/palmyra.jpg"
    report = wordpress_import(paths=[write(tmp_path, wxr(attachment(9, url, "2017/03/palmyra.jpg")))])
    assert report.counts["images"] == {"skipped": 1}


def test_an_unreachable_picture_is_a_warning(tmp_path, old_site):
    url = f"{old_site}/wp-content/uploads/2017/03/gone.jpg"
    export = wxr(attachment(9, url, "2017/03/gone.jpg"), post(1, extra=featured(9)))
    report = wordpress_import(paths=[write(tmp_path, export)], fetch_media=True)
    assert report.counts["images"] == {"skipped": 1}
    assert Article.objects.get().lead_image is None


def test_a_file_that_is_not_a_picture_is_refused(tmp_path):
    media = tmp_path / "uploads"
    media.mkdir()
    (media / "evil.jpg").write_text("<?php system($_GET['c']); ?>")
    report = wordpress_import(
        paths=[write(tmp_path, wxr(attachment(9, "https://x.example/evil.jpg", "evil.jpg")))], media_dir=media
    )
    assert report.counts["images"] == {"skipped": 1}
    assert "picture refused" in report.warnings[0]["message"]
    assert not Image.objects.exists()


def test_a_dry_run_writes_no_picture_file(tmp_path, fixtures, settings):
    export = wxr(attachment(9, "https://x.example/palmyra.jpg", "2017/03/palmyra.jpg"))
    report = wordpress_import(paths=[write(tmp_path, export)], media_dir=fixtures / "uploads", dry_run=True)
    assert report.counts["images"] == {"imported": 1}
    assert not settings.MEDIA_ROOT.exists() or not any(p.is_file() for p in settings.MEDIA_ROOT.rglob("*"))
