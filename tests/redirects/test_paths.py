import pytest

from redirects.paths import feed_base, looks_like_wordpress, normalize_path


@pytest.mark.parametrize(
    "given",
    [
        "/2019/05/%D8%B3%D9%88%D8%B1%D9%8A%D8%A7/",
        "/2019/05/%d8%b3%d9%88%d8%b1%d9%8a%d8%a7",
        "/2019/05/سوريا",
        "/2019/05/سوريا/amp/",
        "/index.php/2019/05/سوريا/",
        "https://old.example/2019/05/سوريا/",
        "//2019//05/سوريا/",
    ],
)
def test_every_spelling_of_an_address_has_one_normal_form(given):
    assert normalize_path(given) == "/2019/05/سوريا"


def test_only_wordpress_routing_parameters_are_kept_and_sorted():
    assert normalize_path("/", "utm_source=x&p=12&amp=1") == "/?p=12"
    assert normalize_path("/", "page_id=3&cat=5") == "/?cat=5&page_id=3"
    assert normalize_path("https://old.example/?p=12") == "/?p=12"


def test_ascii_is_lowercased():
    assert normalize_path("/Category/News/") == "/category/news"


def test_feed_address_names_its_page():
    assert feed_base("/category/news/feed") == "/category/news"
    assert feed_base("/2019/05/story/feed/atom") == "/2019/05/story"
    assert feed_base("/category/news") is None


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("/2019/05/07/story", True),
        ("/category/news", True),
        ("/?p=12", True),
        ("/feed", True),
        ("/wp-content/uploads/2019/05/a.jpg", True),
        ("/en/news/story", False),
        ("/favicon.ico", False),
        ("/wp-content/plugins/revslider/readme.txt", False),  # a bot's probe, not an old link
        ("/wp-login.php", False),
    ],
)
def test_wordpress_looking_addresses(key, expected):
    assert looks_like_wordpress(key) is expected
