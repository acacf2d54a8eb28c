import pytest
from django.urls import reverse

from api.models import ApiKey
from api.services import api_key_revoke
from tests.api.factories import make_api_key
from tests.factories import make_article, make_user

pytestmark = pytest.mark.django_db


def test_a_valid_key_reads_the_api_and_its_use_is_recorded(client):
    make_article()
    key, plain = make_api_key()
    assert key.last_used_at is None
    response = client.get("/api/v1/articles", headers={"X-API-Key": plain})
    assert response.status_code == 200
    key.refresh_from_db()
    assert key.last_used_at is not None


def test_a_key_may_come_as_a_bearer_token(client):
    _key, plain = make_api_key()
    assert client.get("/api/v1/sections", headers={"Authorization": f"Bearer {plain}"}).status_code == 200


def test_keys_are_stored_only_as_hashes(client):
    key, plain = make_api_key()
    stored = ApiKey.objects.filter(pk=key.pk).values().get()
    assert plain not in str(stored)
    # The secret may itself contain "_": take everything after the prefix.
    assert plain.split("_", 2)[2] not in str(stored)


@pytest.mark.parametrize("bad", ["nrk_000000000000_nope", "not-a-key", "nrk__"])
def test_an_unknown_key_is_refused_not_served_anonymously(client, bad):
    response = client.get("/api/v1/articles", headers={"X-API-Key": bad})
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["code"] == "invalid_key"


def test_a_revoked_key_stops_working_at_once(client):
    key, plain = make_api_key()
    assert client.get("/api/v1/articles", headers={"X-API-Key": plain}).status_code == 200
    api_key_revoke(key=key, by=make_user(is_staff=True))
    response = client.get("/api/v1/articles", headers={"X-API-Key": plain})
    assert response.status_code == 401


def test_a_key_over_its_own_limit_gets_429_with_retry_after(client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "api": (1, 60)}  # anonymous limit does not apply
    _key, plain = make_api_key(rate_limit=3)
    for _ in range(3):
        assert client.get("/api/v1/sections", headers={"X-API-Key": plain}).status_code == 200
    response = client.get("/api/v1/sections", headers={"X-API-Key": plain})
    assert response.status_code == 429
    assert int(response["Retry-After"]) >= 1
    assert response.json()["code"] == "rate_limited"
    # Another key has its own count.
    _other, other_plain = make_api_key(rate_limit=3)
    assert client.get("/api/v1/sections", headers={"X-API-Key": other_plain}).status_code == 200


def test_anonymous_readers_are_limited_per_address_even_on_cache_hits(client, settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 600
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "api": (2, 60)}
    assert client.get("/api/v1/sections", REMOTE_ADDR="198.51.100.7").status_code == 200
    assert client.get("/api/v1/sections", REMOTE_ADDR="198.51.100.7")["X-Cache"] == "HIT"
    limited = client.get("/api/v1/sections", REMOTE_ADDR="198.51.100.7", headers={"Accept-Language": "ar"})
    assert limited.status_code == 429
    assert limited["Content-Language"] == "ar"
    assert "طلبات" in limited.json()["title"]
    assert client.get("/api/v1/sections", REMOTE_ADDR="198.51.100.8").status_code == 200


def test_an_editor_makes_a_key_in_the_admin_and_sees_it_once(client):
    client.force_login(make_user(is_staff=True, is_superuser=True))
    response = client.post(reverse("admin:api_apikey_add"), {"name": "Mobile app", "rate_limit": 300})
    assert response.status_code == 200
    key = ApiKey.objects.get(name="Mobile app")
    plain = response.context["plain_key"]
    assert plain.startswith(f"nrk_{key.prefix}_") and key.matches(plain)
    assert plain.encode() in response.content
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies.get("messages")
    page = client.get(reverse("admin:api_apikey_change", args=[key.pk]))
    assert plain.encode() not in page.content
    client.logout()
    assert client.get("/api/v1/sections", headers={"X-API-Key": plain}).status_code == 200


def test_an_editor_revokes_keys_from_the_list(client):
    admin_user = make_user(is_staff=True, is_superuser=True)
    client.force_login(admin_user)
    key, _plain = make_api_key()
    client.post(
        reverse("admin:api_apikey_changelist"),
        {"action": "revoke", "_selected_action": [key.pk]},
        follow=True,
    )
    key.refresh_from_db()
    assert key.revoked_at is not None and key.revoked_by == admin_user
