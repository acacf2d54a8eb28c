"""The choice form (banner and settings), its proof, and the banner's coming and going."""

import pytest
from django.urls import reverse
from django.utils import translation

from consent.models import ConsentRecord
from tests.consent.factories import consent_cookie, current_policy, make_policy

pytestmark = pytest.mark.django_db

SAME_ORIGIN = {"Origin": "http://testserver"}
FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"


@pytest.fixture(autouse=True)
def _policy():
    current_policy()


def choose(client, action, *, language="en", headers=None, remote_addr="127.0.0.1", **data):
    with translation.override(language):
        url = reverse("cookie_consent")
    return client.post(
        url, {"action": action, **data}, headers={**SAME_ORIGIN, **(headers or {})}, REMOTE_ADDR=remote_addr
    )


def home(client, language="en"):
    with translation.override(language):
        return client.get(reverse("articles:home"))


def stored_choice(client):
    from consent import cookies as consent

    value = client.cookies["cookie_consent"].value
    return consent.decode_consent(
        value, policy_version=consent.current_policy_version(), max_age=consent.max_age()
    )


def test_banner_shows_until_the_reader_chooses(client):
    assert b"data-consent-banner" in home(client).content
    choose(client, "reject")
    assert b"data-consent-banner" not in home(client).content


def test_accept_all_stores_every_offered_category_and_returns_to_the_page(client):
    response = choose(client, "accept", next="/en/section/world/?page=2")
    assert response.status_code == 302
    assert response["Location"] == "/en/section/world/?page=2"
    assert stored_choice(client).categories == {"preferences", "statistics"}
    morsel = client.cookies["cookie_consent"]
    assert morsel["httponly"]
    assert morsel["samesite"] == "Lax"
    assert int(morsel["max-age"]) == 182 * 24 * 60 * 60


def test_reject_all_stores_no_optional_category(client):
    choose(client, "reject")
    assert stored_choice(client).categories == frozenset()


def test_customised_choice_keeps_only_known_ticked_categories(client):
    choose(client, "save", categories=["statistics", "marketing-of-everything"])
    assert stored_choice(client).categories == {"statistics"}


def test_every_choice_is_recorded_without_any_address(client):
    choose(
        client, "save", categories=["preferences"], headers={"User-Agent": FIREFOX}, remote_addr="203.0.113.9"
    )
    record = ConsentRecord.objects.get()
    assert record.action == "custom"
    assert record.categories == ["preferences"]
    assert record.policy_version == current_policy().version
    assert record.language == "en"
    assert record.user_agent_family == "Firefox"
    assert record.consent_id == stored_choice(client).consent_id
    stored = " ".join(str(getattr(record, field.attname)) for field in ConsentRecord._meta.fields)
    assert "203.0.113" not in stored
    assert "Gecko" not in stored


def test_changing_the_choice_keeps_the_consent_id(client):
    choose(client, "accept")
    choose(client, "withdraw")
    first, second = ConsentRecord.objects.order_by("pk")
    assert first.consent_id == second.consent_id
    assert [first.action, second.action] == ["accept_all", "withdraw"]


def test_withdrawal_expires_optional_cookies_at_once(client):
    choose(client, "accept")
    client.cookies["django_language"] = "ar"
    client.cookies["visitor_id"] = "a" * 22
    response = choose(client, "withdraw")
    assert response.cookies["django_language"]["max-age"] == 0
    assert response.cookies["visitor_id"]["max-age"] == 0
    assert stored_choice(client).categories == frozenset()


@pytest.mark.parametrize("next_url", ["https://evil.example/", "//evil.example/x", "javascript:alert(1)", ""])
def test_next_outside_the_site_falls_back_to_the_home_page(client, next_url):
    assert choose(client, "reject", next=next_url)["Location"] == "/en/"


def test_arabic_form_returns_to_the_arabic_home_page_by_default(client):
    assert choose(client, "reject", language="ar")["Location"] == "/ar/"
    assert ConsentRecord.objects.get().language == "ar"


def test_cross_site_post_is_refused_and_nothing_is_stored(client):
    response = client.post(
        reverse("cookie_consent"), {"action": "accept"}, headers={"Origin": "https://evil.example"}
    )
    assert response.status_code == 403
    assert "cookie_consent" not in response.cookies
    assert not ConsentRecord.objects.exists()


def test_get_is_not_a_choice(client):
    assert client.get(reverse("cookie_consent")).status_code == 405


def test_unknown_action_is_explained_and_stores_nothing(client):
    response = choose(client, "maybe-later")
    assert response.status_code == 400
    assert "not understood" in response.content.decode()
    assert not ConsentRecord.objects.exists()


def test_unknown_action_is_explained_in_arabic(client):
    response = choose(client, "maybe-later", language="ar")
    assert response.status_code == 400
    assert "لم يُفهم" in response.content.decode()


def test_script_gets_json_and_no_message_cookie(client):
    response = choose(client, "accept", headers={"Accept": "application/json"})
    assert response.status_code == 200
    assert response.json()["categories"] == ["preferences", "statistics"]
    assert "saved" in response.json()["message"]
    assert "messages" not in response.cookies
    assert "cookie_consent" in response.cookies


def test_reader_without_script_sees_a_confirmation(client):
    response = choose(client, "reject", next="/en/")
    page = client.get(response["Location"])
    assert "Your cookie choices have been saved" in page.content.decode()


def test_gpc_turns_accept_all_into_preferences_only_and_says_so(client):
    response = choose(client, "accept", headers={"Sec-GPC": "1"})
    assert stored_choice(client).categories == {"preferences"}
    record = ConsentRecord.objects.get()
    assert record.gpc
    assert record.categories == ["preferences"]
    assert "Global Privacy Control" in client.get(response["Location"]).content.decode()


def test_new_policy_version_brings_the_banner_back(client):
    choose(client, "accept")
    assert b"data-consent-banner" not in home(client).content
    make_policy(publish=True)
    assert b"data-consent-banner" in home(client).content


def test_expired_choice_brings_the_banner_back(client, settings):
    client.cookies["cookie_consent"] = consent_cookie()
    assert b"data-consent-banner" not in home(client).content
    settings.COOKIE_CONSENT_MAX_AGE_DAYS = 0
    assert b"data-consent-banner" in home(client).content


def test_tampered_choice_brings_the_banner_back(client):
    client.cookies["cookie_consent"] = consent_cookie()[:-4] + "AAAA"
    assert b"data-consent-banner" in home(client).content


def test_accept_and_reject_are_equal_buttons_and_read_more_links_the_policy(client):
    html = home(client).content.decode()
    assert (
        '<button type="submit" class="consent-button" name="action" value="reject">Reject all</button>'
        in html
    )
    assert (
        '<button type="submit" class="consent-button" name="action" value="accept">Accept all</button>'
        in html
    )
    assert f'href="{reverse("privacy_policy")}">Read more' in html
    assert "<details" in html
    assert "<summary>Customise</summary>" in html


def test_banner_returns_the_reader_to_the_page_they_are_on(client):
    with translation.override("en"):
        url = reverse("privacy_policy")
    html = client.get(url).content.decode()
    assert f'<input type="hidden" name="next" value="{url}">' in html


def test_banner_and_footer_are_in_arabic_on_arabic_pages(client):
    html = home(client, "ar").content.decode()
    assert 'dir="rtl"' in html
    assert "رفض الكل" in html
    assert "قبول الكل" in html
    assert "إعدادات ملفات تعريف الارتباط" in html


def test_every_page_footer_links_the_policy_and_cookie_settings(client):
    html = home(client).content.decode()
    assert (
        'href="/en/privacy/">Privacy &amp; Cookies Policy</a>' in html
        or 'href="/en/privacy/">Privacy & Cookies Policy' in html
    )
    assert 'href="/en/privacy/?next=/en/#cookie-settings">Cookie settings</a>' in html
