"""Uploads' storage from the environment, and the media view reading through the storage API."""

import json
import os
import subprocess
import sys

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import Http404
from django.test import RequestFactory

from newsroom import views
from ops.cluster import ROOT
from tests.factories import jpeg_bytes

PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "newsroom.settings",
    "DEBUG": "0",
    "SECRET_KEY": "settings-test-key-0123456789-0123456789-0123456789",
    "ALLOWED_HOSTS": "news.example.org",
    "SITE_URL": "https://news.example.org",
}
PROBE = (
    "import json, django; django.setup(); from django.conf import settings; "
    "from django.core.files.storage import default_storage as s; "
    "print(json.dumps({'backend': settings.STORAGES['default']['BACKEND'], 'serve': settings.SERVE_MEDIA, "
    "'url': s.url('images/2026/12/a b.jpg'), 'img_src': settings.SECURE_CSP['img-src'], "
    "'bucket': getattr(s, 'bucket_name', None), 'endpoint': getattr(s, 'endpoint_url', None)}))"
)


def settings_with(**variables) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "MEDIA_", "SERVE_MEDIA"))}
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        env={**env, **PRODUCTION, **variables},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_a_bucket_in_the_environment_puts_uploads_on_object_storage_with_public_urls():
    found = settings_with(
        AWS_STORAGE_BUCKET_NAME="newsroom-media",
        AWS_S3_ENDPOINT_URL="http://rgw.internal:7480",
        AWS_ACCESS_KEY_ID="KEY",
        AWS_SECRET_ACCESS_KEY="SECRET",
        MEDIA_PUBLIC_URL="https://cdn.example.org/media",
    )
    assert found["backend"] == "newsroom.storage.PublicMediaStorage"
    assert (found["bucket"], found["endpoint"]) == ("newsroom-media", "http://rgw.internal:7480")
    assert found["serve"] is False
    # Unsigned and permanent: no query string, so a proxy or CDN may keep the picture.
    assert found["url"] == "https://cdn.example.org/media/images/2026/12/a%20b.jpg"
    assert "https://cdn.example.org" in found["img_src"]


def test_without_a_bucket_uploads_stay_in_the_media_folder():
    found = settings_with()
    assert found["backend"] == "django.core.files.storage.FileSystemStorage"
    assert found["url"] == "/media/images/2026/12/a%20b.jpg"
    assert found["img_src"] == ["'self'", "data:"]


def test_the_media_view_reads_through_the_default_storage():
    name = default_storage.save("images/test/view.jpg", ContentFile(jpeg_bytes()))
    response = views.media(RequestFactory().get(f"/media/{name}"), name)
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
    assert b"".join(response.streaming_content) == jpeg_bytes()


@pytest.mark.parametrize("path", ["../settings.py", "images/../../etc/passwd", "", "images/none.jpg"])
def test_the_media_view_refuses_what_is_not_a_stored_file(path):
    with pytest.raises(Http404):
        views.media(RequestFactory().get("/media/x"), path)
