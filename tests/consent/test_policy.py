"""The Privacy & Cookies Policy: seeded, shown with the cookie table, versioned on publication."""

import importlib

import pytest
from django.apps import apps as django_apps
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from consent import cookies as consent
from consent.models import PrivacyPolicy
from consent.services import policy_copy_as_draft, policy_publish
from tests.consent.factories import consent_cookie, current_policy, make_policy

pytestmark = pytest.mark.django_db


def policy_page(client, language="en", **params):
    with translation.override(language):
        return client.get(reverse("privacy_policy"), params)


def test_first_version_is_seeded_in_both_languages():
    # Run the data migration's function itself: a reused test database may have been emptied
    # by transactional (browser) tests since it was migrated.
    PrivacyPolicy.objects.all().delete()
    seed_migration = importlib.import_module("consent.migrations.0001_initial")
    seed_migration.seed(django_apps, None)
    seed_migration.seed(django_apps, None)  # idempotent
    assert PrivacyPolicy.objects.count() == 1
    policy = PrivacyPolicy.objects.current()
    assert policy.version == 1
    assert policy.title_en == "Privacy & Cookies Policy"
    assert policy.title_ar == "سياسة الخصوصية وملفات تعريف الارتباط"
    assert "30 days" in policy.body_en
    assert "30 يومًا" in policy.body_ar


def test_policy_page_lives_at_privacy_in_each_language():
    with translation.override("en"):
        assert reverse("privacy_policy") == "/en/privacy/"
    with translation.override("ar"):
        assert reverse("privacy_policy") == "/ar/privacy/"


@pytest.mark.parametrize(
    ("language", "text", "version_line"),
    [
        ("en", "English text of v2.", "Version {v}, in force since"),
        ("ar", "النص العربي للنسخة الثانية.", "النسخة {v}"),
    ],
)
def test_policy_page_shows_the_text_and_every_registered_cookie(client, language, text, version_line):
    policy = make_policy(
        body_en="<p>English text of v2.</p>", body_ar="<p>النص العربي للنسخة الثانية.</p>", publish=True
    )
    html = policy_page(client, language).content.decode()
    assert text in html
    assert version_line.format(v=policy.version) in html
    with translation.override(language):
        for spec in consent.registry():
            assert f'<code dir="ltr">{spec.display_name}</code>' in html
            assert escape(str(spec.purpose)) in html
            assert escape(str(spec.lifetime)) in html
            assert escape(str(spec.category_label)) in html
    assert 'id="cookie-settings"' in html


def test_policy_page_controls_reflect_the_current_choice(client):
    current_policy()
    client.cookies["cookie_consent"] = consent_cookie(("statistics",))
    html = policy_page(client).content.decode()
    assert 'value="statistics" checked' in html
    assert 'value="preferences" aria' in html
    assert 'value="withdraw"' in html
    assert "You currently accept: Statistics." in html


def test_policy_page_without_a_choice_offers_reject(client):
    html = policy_page(client).content.decode()
    assert "You have not made a choice yet" in html
    assert 'value="reject"' in html
    assert 'value="withdraw"' not in html


def test_cookie_settings_link_returns_the_reader_where_they_were(client):
    html = policy_page(client, next="/en/news/some-story/").content.decode()
    assert 'name="next" value="/en/news/some-story/"' in html
    html = policy_page(client, next="https://evil.example/").content.decode()
    assert 'name="next" value="/en/privacy/"' in html
    assert 'value="https://evil.example/"' not in html


def test_publishing_gives_the_next_version_and_keeps_the_old_one():
    first = current_policy()
    draft = policy_copy_as_draft(policy=first)
    assert draft.version is None
    assert draft.body_ar == first.body_ar
    policy_publish(policy=draft)
    assert draft.version == first.version + 1
    assert draft.published_at is not None
    assert PrivacyPolicy.objects.current() == draft
    assert PrivacyPolicy.objects.published().count() == 2
    assert consent.current_policy_version() == draft.version


def test_draft_missing_a_language_cannot_be_published():
    current_policy()
    draft = make_policy(body_ar="")
    with pytest.raises(ValidationError) as error:
        policy_publish(policy=draft)
    assert "body_ar" in error.value.message_dict
    draft.refresh_from_db()
    assert draft.version is None


def test_policy_text_is_sanitised_on_save():
    policy = make_policy(
        body_en='<p onclick="x()">Hi<script>alert(1)</script></p><a href="javascript:x">l</a>'
    )
    policy.refresh_from_db()
    assert "script" not in policy.body_en
    assert "onclick" not in policy.body_en
    assert "javascript" not in policy.body_en


def test_drafts_do_not_change_what_readers_see(client):
    current = current_policy()
    make_policy(title_en="Unpublished rewrite")
    assert "Unpublished rewrite" not in policy_page(client).content.decode()
    assert PrivacyPolicy.objects.current() == current
