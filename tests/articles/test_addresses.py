import pytest
from django.urls import NoReverseMatch, reverse, set_script_prefix
from django.utils import translation

from articles import addresses
from articles.addresses import slug_address, slug_addresses

NAMES = ["articles:detail", "articles:section", "articles:tag", "articles:author"]
SLUGS = ["water-prices", "مياه-الشرب", "Quarter_2", "a"]


@pytest.fixture(autouse=True)
def fresh_patterns():
    addresses._around_slug.cache_clear()
    yield
    addresses._around_slug.cache_clear()


@pytest.mark.parametrize("language", ["en", "ar"])
def test_every_slug_address_is_what_reverse_gives(language):
    for name in NAMES:
        for slug in SLUGS:
            with translation.override(language):
                expected = reverse(name, kwargs={"slug": slug})
                assert slug_address(name, slug) == expected
            assert slug_address(name, slug, language) == expected
            assert slug_addresses(name, language)(slug) == expected


@pytest.mark.parametrize("slug", ["", "two words", "a/b", "semi;colon"])
def test_a_slug_reverse_refuses_still_raises(slug):
    with pytest.raises(NoReverseMatch):
        slug_address("articles:detail", slug, "en")


def test_the_script_prefix_a_site_is_mounted_under_is_kept():
    set_script_prefix("/paper/")
    try:
        assert slug_address("articles:detail", "water", "en") == "/paper/en/news/water/"
    finally:
        set_script_prefix("/")
    assert slug_address("articles:detail", "water", "en") == "/en/news/water/"


def test_patterns_are_reversed_once_per_language_not_per_slug(monkeypatch):
    calls = []

    def counting_reverse(*args, **kwargs):
        calls.append(args[0])
        return reverse(*args, **kwargs)

    monkeypatch.setattr(addresses, "reverse", counting_reverse)
    for number in range(50):
        slug_address("articles:detail", f"story-{number}", "en")
        slug_address("articles:detail", f"story-{number}", "ar")
        slug_address("articles:section", "world", "en")
    assert sorted(calls) == ["articles:detail", "articles:detail", "articles:section"]
