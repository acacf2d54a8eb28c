import pytest
from django.urls import reverse

from tests.factories import make_user

pytestmark = pytest.mark.django_db


def test_admin_add_page_offers_english_and_arabic_fields(client):
    client.force_login(make_user(is_staff=True, is_superuser=True))
    response = client.get(reverse("admin:articles_article_add"))
    page = response.content.decode()
    assert response.status_code == 200
    for field in ("headline_en", "headline_ar", "body_en", "body_ar", "summary_ar", "slug_ar"):
        assert f'name="{field}"' in page
    assert "ckeditor" in page


def test_admin_add_page_loads_tab_assets_locally(client):
    client.force_login(make_user(is_staff=True, is_superuser=True))
    page = client.get(reverse("admin:articles_article_add")).content.decode()
    assert "vendor/jquery-ui/jquery-ui.min.js" in page
    assert "googleapis" not in page
