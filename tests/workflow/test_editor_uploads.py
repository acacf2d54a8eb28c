"""Pictures uploaded from the rich-text editor land in the image library, validated by Pillow."""

import html
import json
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from articles.models import Image
from tests.factories import jpeg_bytes
from tests.workflow.factories import make_role_user

pytestmark = pytest.mark.django_db
URL = "admin:articles_image_editor_upload"


def editor_config(page, field_name):
    """The CKEditor configuration the page gives the textarea ``field_name``."""
    match = re.search(rf'<textarea name="{field_name}"[^>]*data-config="([^"]*)"', page)
    assert match, f"no CKEditor textarea for {field_name}"
    return json.loads(html.unescape(match.group(1)))


def upload(client, name, content, **headers):
    return client.post(reverse(URL), {"upload": SimpleUploadedFile(name, content)}, **headers)


def test_writer_uploads_a_picture_into_the_library(client):
    client.force_login(make_role_user("writer"))
    response = upload(client, "photo.JPG", jpeg_bytes())
    data = response.json()
    assert response.status_code == 200
    assert data["uploaded"] == 1
    image = Image.objects.get()
    assert data["url"] == image.file.url
    assert image.file.name.endswith(".jpg")


def test_a_file_that_is_not_a_picture_is_refused_with_a_message(client):
    client.force_login(make_role_user("editor"))
    data = upload(client, "notes.jpg", b"<script>alert(1)</script>").json()
    assert data["uploaded"] == 0
    assert data["error"]["message"]
    assert not Image.objects.exists()


def test_a_picture_named_like_a_web_page_is_never_stored_as_one(client):
    client.force_login(make_role_user("editor"))
    assert upload(client, "page.html", jpeg_bytes()).json()["uploaded"] == 0
    assert upload(client, "photo.png", jpeg_bytes()).json()["uploaded"] == 1
    assert Image.objects.get().file.name.endswith(".jpg")  # the name follows the content


def test_upload_needs_the_permission_and_the_csrf_token():
    moderator = Client()
    moderator.force_login(make_role_user("moderator"))
    assert upload(moderator, "a.jpg", jpeg_bytes()).status_code == 403
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(make_role_user("editor"))
    assert upload(strict, "a.jpg", jpeg_bytes()).status_code == 403
    page = strict.get(reverse("admin:articles_article_add"))
    token = page.cookies["csrftoken"].value
    assert upload(strict, "a.jpg", jpeg_bytes(), HTTP_X_CSRFTOKEN=token).json()["uploaded"] == 1


def test_the_article_editor_posts_uploads_to_the_library(client):
    client.force_login(make_role_user("writer"))
    page = client.get(reverse("admin:articles_article_add")).content.decode()
    for code in ("en", "ar"):
        config = editor_config(page, f"body_{code}")
        assert config["uploadUrl"] == reverse(URL)
        assert config["filebrowserImageUploadUrl"] == reverse(URL)
    assert "articles/editor-uploads.js" in page
