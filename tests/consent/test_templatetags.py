"""Template helpers: snippets by consent, and markup that never depends on the individual reader."""

import pytest
from django.template import Context, Template, TemplateSyntaxError
from django.test import RequestFactory

from consent.cookies import consent_cache_key_part
from tests.consent.factories import consent_cookie, current_policy

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _policy():
    current_policy()


def request_with(cookie=None, **headers):
    request = RequestFactory().get("/en/", headers=headers)
    if cookie is not None:
        request.COOKIES["cookie_consent"] = cookie
    return request


def render(source, request):
    return Template("{% load consent %}" + source).render(Context({"request": request}))


IF_STATS = '{% if_consent "statistics" %}counter{% else %}nothing{% endif_consent %}'


@pytest.mark.parametrize(
    ("cookie", "headers", "expected"),
    [
        (None, {}, "nothing"),
        (("preferences",), {}, "nothing"),
        (("statistics",), {}, "counter"),
        (("preferences", "statistics"), {"Sec-GPC": "1"}, "nothing"),
    ],
)
def test_if_consent_renders_the_snippet_only_when_accepted(cookie, headers, expected):
    request = request_with(consent_cookie(cookie) if cookie is not None else None, **headers)
    assert render(IF_STATS, request) == expected


def test_if_consent_without_else_renders_nothing_when_refused():
    assert render('{% if_consent "preferences" %}x{% endif_consent %}', request_with()) == ""


def test_if_consent_needs_exactly_one_category():
    with pytest.raises(TemplateSyntaxError):
        Template("{% load consent %}{% if_consent %}x{% endif_consent %}")


def test_consent_accepted_gives_a_boolean():
    request = request_with(consent_cookie(("preferences",)))
    source = '{% consent_accepted "preferences" as pref %}{% consent_accepted "statistics" as stats %}{{ pref }} {{ stats }}'
    assert render(source, request) == "True False"


@pytest.mark.parametrize(
    ("cookie", "headers", "part"),
    [
        (None, {}, "none"),
        ((), {}, "necessary"),
        (("statistics", "preferences"), {}, "preferences+statistics"),
        (("statistics", "preferences"), {"Sec-GPC": "1"}, "preferences"),
        (("statistics",), {"Sec-GPC": "1"}, "necessary"),
    ],
)
def test_cache_key_part_names_how_the_page_looks(cookie, headers, part):
    request = request_with(consent_cookie(cookie) if cookie is not None else None, **headers)
    assert consent_cache_key_part(request) == part


def test_cache_key_part_is_the_same_for_two_readers_with_the_same_choice():
    first = request_with(consent_cookie(("preferences",), consent_id="aaaa1111"))
    second = request_with(consent_cookie(("preferences",), consent_id="bbbb2222"))
    assert consent_cache_key_part(first) == consent_cache_key_part(second)


def test_banner_markup_is_identical_for_readers_in_the_same_state():
    """Cached pages are shared: the banner must carry nothing of the individual reader."""
    plain = render("{% consent_banner %}", request_with())
    gpc = render("{% consent_banner %}", request_with(**{"Sec-GPC": "1", "User-Agent": "Other/1.0"}))
    outdated = render("{% consent_banner %}", request_with(consent_cookie(version=0)))
    assert plain == gpc == outdated
    assert "data-consent-banner" in plain


def test_banner_is_absent_once_a_valid_choice_exists():
    assert render("{% consent_banner %}", request_with(consent_cookie(()))).strip() == ""
