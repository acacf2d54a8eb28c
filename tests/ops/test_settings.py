"""Production settings: refuse to start misconfigured, and pass Django's deployment checks."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def manage(*args, **env):
    drop = {
        "DEBUG",
        "SECRET_KEY",
        "ALLOWED_HOSTS",
        "HTTPS",
        "SITE_URL",
        "TRUST_X_FORWARDED_PROTO",
        "DJANGO_ALLOW_ASYNC_UNSAFE",
    }
    base = {k: v for k, v in os.environ.items() if k not in drop}
    base["DJANGO_SETTINGS_MODULE"] = "newsroom.settings"
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def production_env():
    return {
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "news.example.org",
        "SITE_URL": "https://news.example.org",
    }


def test_check_deploy_reports_nothing_with_production_settings():
    result = manage("check", "--deploy", "--fail-level", "DEBUG", **production_env())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_secret_key():
    env = production_env()
    del env["SECRET_KEY"]
    result = manage("check", **env)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    env = production_env()
    del env["ALLOWED_HOSTS"]
    result = manage("check", **env)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set" in result.stderr


def test_production_refuses_to_start_without_site_url():
    env = production_env()
    del env["SITE_URL"]
    result = manage("check", **env)
    assert result.returncode != 0
    assert "SITE_URL must be set" in result.stderr


@pytest.mark.parametrize(
    ("site_url", "extra"),
    [
        ("news.example.org", {}),  # no scheme
        ("https://news.example.org/en/", {}),  # a path: links would be built twice over
        ("ftp://news.example.org", {}),
        ("http://news.example.org", {}),  # HTTPS is on: every link would be redirected
    ],
)
def test_production_refuses_a_malformed_site_url(site_url, extra):
    result = manage("check", **{**production_env(), "SITE_URL": site_url, **extra})
    assert result.returncode != 0
    assert "SITE_URL" in result.stderr


def test_a_plain_http_trial_may_use_an_http_site_url():
    env = {**production_env(), "HTTPS": "0", "SITE_URL": "http://127.0.0.1:8000/"}
    assert setting("SITE_URL", **env) == "http://127.0.0.1:8000"


@pytest.mark.parametrize(
    ("https", "trust", "header"),
    [
        ("1", None, "('HTTP_X_FORWARDED_PROTO', 'https')"),  # behind the TLS proxy: needed
        ("0", None, "None"),  # served directly: nobody overwrites what a client sends
        ("0", "1", "('HTTP_X_FORWARDED_PROTO', 'https')"),
        ("1", "0", "None"),
    ],
)
def test_x_forwarded_proto_is_trusted_by_default_only_behind_the_tls_proxy(https, trust, header):
    env = {**production_env(), "HTTPS": https}
    if https == "0":
        env["SITE_URL"] = "http://127.0.0.1:8000"
    if trust is not None:
        env["TRUST_X_FORWARDED_PROTO"] = trust
    assert setting("SECURE_PROXY_SSL_HEADER", **env) == header


def setting(name, **env):
    result = manage(
        "shell", "--no-imports", "-c", f"from django.conf import settings; print(settings.{name})", **env
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()
