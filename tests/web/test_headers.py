import pytest

from tests.factories import make_user

pytestmark = pytest.mark.django_db


def test_public_pages_carry_a_strict_content_security_policy(client):
    response = client.get("/en/")
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp
    assert "object-src 'none'" in csp


def test_public_pages_carry_the_hardening_headers(client):
    response = client.get("/en/")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert "geolocation=()" in response.headers["Permissions-Policy"]


def test_admin_gets_only_the_relaxation_ckeditor_needs(client):
    client.force_login(make_user(is_staff=True, is_superuser=True))
    csp = client.get("/en/admin/articles/article/add/").headers["Content-Security-Policy"]
    assert "'unsafe-inline'" in csp
    assert "object-src 'none'" in csp
    assert "https://evil" not in csp


def test_https_settings_when_served_behind_a_tls_proxy(settings, client):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")  # HTTPS=1's default
    settings.SECURE_HSTS_SECONDS = 31536000
    plain = client.get("/en/")
    assert plain.status_code == 301
    assert plain["Location"].startswith("https://")
    proxied = client.get("/en/", headers={"X-Forwarded-Proto": "https"})
    assert proxied.status_code == 200
    assert proxied.headers["Strict-Transport-Security"].startswith("max-age=31536000")


def test_health_probes_are_not_redirected_to_https(settings, client):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/healthz").status_code == 200
