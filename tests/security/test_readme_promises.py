"""README "Security" promises that no other test held: comment posting limited, password length,
staff sessions, cookie flags, and the one silenced system check."""

import pytest
from django.conf import settings as project_settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from tests.comments.factories import post_comment, rules
from tests.factories import make_article, make_user

pytestmark = pytest.mark.django_db


def test_comment_posting_beyond_the_limit_gets_a_translated_429(client, settings):
    from comments.models import Comment

    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "comment_post": (2, 600)}
    rules(flood_interval=0)  # the spam rule would hold back the second remark before the limit
    article = make_article()
    for n in range(2):
        assert post_comment(client, article, ip="203.0.113.9", body=f"Remark number {n}").status_code == 302
    refused = post_comment(client, article, language="ar", ip="203.0.113.9", body="تعليق ثالث")
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert "طلبات كثيرة من اتصالك" in refused.content.decode()
    assert not Comment.objects.filter(body="تعليق ثالث").exists()
    assert post_comment(client, article, ip="203.0.113.10", body="From elsewhere").status_code == 302


@pytest.mark.parametrize(("password", "accepted"), [("short-pw1", False), ("long-enough-pw", True)])
def test_passwords_need_ten_characters(password, accepted):
    user = make_user()
    if accepted:
        validate_password(password, user)
    else:
        with pytest.raises(ValidationError, match="at least 10 characters"):
            validate_password(password, user)


def test_staff_sessions_last_a_working_day_and_end_with_the_browser(client):
    user = make_user(username="desk", is_staff=True, password="correct-horse-battery")
    response = client.post(
        "/en/admin/login/?next=/en/admin/",
        {"username": user.username, "password": "correct-horse-battery"},
    )
    assert response.status_code == 302
    cookie = response.cookies[project_settings.SESSION_COOKIE_NAME]
    assert cookie["max-age"] == ""  # a browser-session cookie: gone when the browser closes
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"
    assert client.session.get_expiry_age() == 8 * 60 * 60


def test_cookies_are_secure_when_served_over_https():
    from newsroom import settings as production

    assert production.SESSION_COOKIE_SECURE == production.HTTPS
    assert production.CSRF_COOKIE_SECURE == production.HTTPS
    assert production.LANGUAGE_COOKIE_SECURE == production.HTTPS


def test_only_ckeditors_end_of_support_notice_is_silenced():
    assert project_settings.SILENCED_SYSTEM_CHECKS == ["ckeditor.W001"]
