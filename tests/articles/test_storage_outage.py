"""When the object store is down: uploads are refused with a message, pages are still served.

The store here is the real S3 backend (boto3) pointed at a port nobody listens on: exactly
what an app server sees when the gateway is stopped.
"""

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles.images import generate_renditions
from articles.models import Image
from tests.cluster.processes import free_port
from tests.factories import jpeg_bytes, make_article, make_image
from tests.workflow.factories import make_role_user

pytestmark = pytest.mark.django_db


def bucket_storage(endpoint_url: str) -> dict:
    return {
        "BACKEND": "newsroom.storage.PublicMediaStorage",
        "OPTIONS": {
            "bucket_name": "media",
            "endpoint_url": endpoint_url,
            "access_key": "NEWSROOMTESTKEY",
            "secret_key": "newsroom-test-secret",
            "region_name": "default",
            "addressing_style": "path",
        },
    }


@pytest.fixture
def store_down(settings):
    """Switch the default storage to an S3 endpoint that refuses every connection."""

    def switch():
        settings.STORAGES = {
            **settings.STORAGES,
            "default": bucket_storage(f"http://127.0.0.1:{free_port()}"),
        }
        cache.clear()

    return switch


def test_an_editor_upload_is_refused_with_a_message_when_the_store_is_down(client, store_down):
    store_down()
    client.force_login(make_role_user("editor"))
    response = client.post(
        reverse("admin:articles_image_editor_upload"), {"upload": SimpleUploadedFile("a.jpg", jpeg_bytes())}
    )
    data = response.json()
    assert data["uploaded"] == 0
    assert "picture store is not answering" in data["error"]["message"]
    assert not Image.objects.exists()


def test_an_admin_upload_is_refused_with_a_503_page_and_nothing_half_saved(client, store_down):
    store_down()
    client.force_login(make_role_user("editor"))
    client.raise_request_exception = False  # answered by the project's handler500
    response = client.post(
        reverse("admin:articles_image_add"),
        {"file": SimpleUploadedFile("a.jpg", jpeg_bytes()), "alt_text_en": "A", "alt_text_ar": "أ"},
    )
    assert response.status_code == 503
    assert "picture store is not answering" in response.content.decode()
    assert response["Retry-After"] == "60"
    assert not Image.objects.exists()


def test_published_pages_are_still_served_while_the_store_is_down(client, store_down):
    image = make_image()
    generate_renditions(image)
    article = make_article(lead_image=image)
    store_down()  # the renditions are known to the database; nothing needs the store to render
    response = client.get(article.get_absolute_url("en"))
    assert response.status_code == 200
    assert (
        f'src="/media/{image.renditions.filter(format="jpeg").last().file.name}"' in response.content.decode()
    )
