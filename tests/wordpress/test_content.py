"""Post content into clean article HTML: WordPress's paragraph rule, shortcodes, blocks."""

import pytest

from wordpress.autop import wpautop
from wordpress.content import convert_content, guess_language


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("One.\n\nTwo.", "<p>One.</p>\n<p>Two.</p>\n"),
        ("Line one\nline two", "<p>Line one<br />\nline two</p>\n"),
        ("Para\n\n\n\nAfter many blank lines", "<p>Para</p>\n<p>After many blank lines</p>\n"),
        ("<h2>Title</h2>\nText under it", "<h2>Title</h2>\n<p>Text under it</p>\n"),
        ("<blockquote>Quoted</blockquote>", "<blockquote><p>Quoted</p></blockquote>\n"),
        ("<ul>\n<li>a</li>\n<li>b</li>\n</ul>", "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n"),
        ('<a\nhref="x">link</a> in text', '<p><a\nhref="x">link</a> in text</p>\n'),
        ("", ""),
    ],
)
def test_wpautop_matches_wordpress(text, html):
    assert wpautop(text) == html


def test_wpautop_leaves_preformatted_text_alone():
    assert "<pre>a\n\nb</pre>" in wpautop("Before\n\n<pre>a\n\nb</pre>\n\nAfter")


def test_caption_shortcode_becomes_a_figure_with_its_caption():
    html = convert_content(
        '[caption id="attachment_5" width="300"]<img src="https://x.example/a.jpg" alt="A" /> The caption[/caption]'
    ).html
    assert (
        html
        == '<figure><img src="https://x.example/a.jpg" alt="A"><figcaption>The caption</figcaption></figure>'
    )


def test_caption_given_as_an_attribute_is_kept():
    html = convert_content(
        '[caption caption="From the attribute"]<img src="https://x.example/a.jpg" />[/caption]'
    ).html
    assert "<figcaption>From the attribute</figcaption>" in html


def test_gallery_shows_the_imported_pictures_and_reports_the_rest():
    result = convert_content(
        '[gallery ids="1,2"]', images=lambda pk, url: "/media/r/1.jpg" if pk == 1 else None
    )
    assert result.html == '<figure><img src="/media/r/1.jpg" alt=""></figure>'
    assert result.missing_images == ["2"]


def test_embed_becomes_a_link():
    html = convert_content("[embed]https://www.youtube.com/watch?v=abc[/embed]").html
    assert '<a href="https://www.youtube.com/watch?v=abc" rel="noopener noreferrer">' in html


def test_unknown_shortcodes_are_kept_as_text_and_named_but_brackets_are_not_shortcodes():
    result = convert_content('Call us [contact-form-7 id="5"] or [poll]x[/poll]; he said [sic] it.')
    assert result.unknown_shortcodes == ["contact-form-7", "poll"]
    assert '[contact-form-7 id="5"]' in result.html and "[sic]" in result.html


def test_block_content_is_not_given_paragraphs_twice():
    result = convert_content("<!-- wp:paragraph -->\n<p>Only one</p>\n<!-- /wp:paragraph -->")
    assert result.html == "<p>Only one</p>"


def test_pictures_of_the_old_site_point_at_ours_by_class_or_address():
    def lookup(pk, url):
        return "/media/ours.jpg" if pk == 7 or url.endswith("/uploads/b.jpg") else None

    html = convert_content(
        '<img class="wp-image-7" src="https://x.example/wp-content/uploads/a-300x200.jpg">'
        '<img src="https://x.example/wp-content/uploads/b.jpg">',
        images=lookup,
    ).html
    assert html.count('src="/media/ours.jpg"') == 2


def test_scripts_and_event_handlers_never_survive():
    html = convert_content(
        '<p onclick="x()">Hi</p><script>alert(1)</script><a href="javascript:alert(1)">l</a>'
    ).html
    assert "onclick" not in html and "script" not in html and "javascript" not in html


@pytest.mark.parametrize(
    ("texts", "language"),
    [
        (("خبر عاجل من الرقة",), "ar"),
        (("Breaking news",), "en"),
        (("Raqqa", "نص عربي أطول من الكلمة"), "ar"),
        (("123 456",), None),
    ],
)
def test_language_is_guessed_from_the_script(texts, language):
    assert guess_language(*texts) == language
