"""Files that cannot be imported stop with one clear message and leave the database as it was."""

import pytest

from tests.wordpress.builders import post, write, wxr
from tests.wordpress.test_reimport import row_counts
from wordpress.importer import wordpress_import
from wordpress.wxr import WXRError

pytestmark = pytest.mark.django_db

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel><wp:wxr_version>1.2</wp:wxr_version>
<item><title>&lol4;</title><wp:post_type>post</wp:post_type></item></channel></rss>"""

EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel><wp:wxr_version>1.2</wp:wxr_version>
<item><title>&secret;</title><wp:post_type>post</wp:post_type></item></channel></rss>"""


def huge_text_node(tmp_path):
    """A post body larger than the parser's limit for one text node (10 MB), written in pieces."""
    path = tmp_path / "huge.xml"
    head, tail = wxr(post(1, content="@@BODY@@")).split("@@BODY@@")
    with path.open("w") as handle:
        handle.write(head)
        for _ in range(11):
            handle.write("A" * 1_000_000)
        handle.write(tail)
    return path


CASES = {
    "billion laughs": (lambda tmp: write(tmp, BILLION_LAUGHS), "declares a document type"),
    "external entity": (lambda tmp: write(tmp, EXTERNAL_ENTITY), "declares a document type"),
    "huge text node": (huge_text_node, "not well-formed XML"),
    "malformed": (lambda tmp: write(tmp, wxr(post(1))[:-40]), "not well-formed XML"),
    "not xml": (lambda tmp: write(tmp, "this is, in fact, a CSV file\n1,2,3\n"), "not well-formed XML"),
    "plain rss": (
        lambda tmp: write(tmp, '<?xml version="1.0"?><rss version="2.0"><channel><item/></channel></rss>'),
        "no WordPress export namespace",
    ),
    "not rss": (lambda tmp: write(tmp, '<?xml version="1.0"?><html><body/></html>'), "not an RSS feed"),
    "unsupported version": (
        lambda tmp: write(tmp, wxr(post(1), version="2.0")),
        "version 2.0 is not supported",
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_unusable_file_stops_with_one_message_and_changes_nothing(tmp_path, case, import_polylang):
    import_polylang()  # an earlier import is in the database: it must stay as it is
    make, message = CASES[case]
    before = row_counts()
    with pytest.raises(WXRError, match=message):
        wordpress_import(paths=[make(tmp_path)])
    assert row_counts() == before


def test_a_bad_second_file_undoes_the_first(tmp_path):
    good = write(tmp_path, wxr(post(1)), "part1.xml")
    bad = write(tmp_path, wxr(post(2))[:-40], "part2.xml")
    before = row_counts()
    with pytest.raises(WXRError, match="part2.xml"):
        wordpress_import(paths=[good, bad])
    assert row_counts() == before


def test_the_command_says_what_is_wrong_and_that_nothing_was_imported(tmp_path):
    from django.core.management import CommandError, call_command

    with pytest.raises(CommandError, match=r"declares a document type.*Nothing was imported"):
        call_command("import_wordpress", str(write(tmp_path, EXTERNAL_ENTITY)))


def test_a_media_path_outside_the_media_folder_is_never_read(tmp_path):
    from tests.wordpress.builders import cdata

    secret = tmp_path / "secret.jpg"
    secret.write_bytes(b"not for you")
    media = tmp_path / "uploads"
    media.mkdir()
    attachment = f"""<item><title>x</title><wp:post_id>9</wp:post_id><wp:post_type>attachment</wp:post_type>
<wp:attachment_url>https://site.example/wp-content/uploads/x.jpg</wp:attachment_url>
<wp:postmeta><wp:meta_key>_wp_attached_file</wp:meta_key><wp:meta_value>{cdata("../secret.jpg")}</wp:meta_value></wp:postmeta></item>"""
    report = wordpress_import(paths=[write(tmp_path, wxr(attachment))], media_dir=media)
    assert report.counts["images"] == {"skipped": 1}
    assert "not found in the media folder" in report.warnings[0]["message"]
