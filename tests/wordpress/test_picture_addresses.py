"""Old picture addresses (wp-content/uploads/…) lead to the imported picture's renditions."""

import pytest

from articles.models import Image, ImageRendition
from redirects.models import MissedAddress, Redirect, Source
from tests.wordpress.builders import cdata, post, write, wxr
from tests.wordpress.test_media import attachment
from wordpress.importer import wordpress_import

pytestmark = pytest.mark.django_db

# WordPress's serialised metadata of a 900×600 upload with two resized copies and, since 5.3,
# the original behind a "-scaled" copy.
METADATA = (
    'a:5:{s:5:"width";i:900;s:6:"height";i:600;s:4:"file";s:19:"2017/03/palmyra.jpg";'
    's:5:"sizes";a:2:{s:9:"thumbnail";a:4:{s:4:"file";s:19:"palmyra-150x150.jpg";s:5:"width";i:150;'
    's:6:"height";i:150;s:9:"mime-type";s:10:"image/jpeg";}s:5:"large";a:4:{s:4:"file";'
    's:19:"palmyra-600x400.jpg";s:5:"width";i:600;s:6:"height";i:400;s:9:"mime-type";s:10:"image/jpeg";}}'
    's:14:"original_image";s:15:"palmyra-raw.jpg";}'
)


def rendition(width):
    return ImageRendition.objects.get(format="jpeg", width=width).file.url


def location(client, path):
    response = client.get(path)
    assert response.status_code == 301, (path, response.status_code)
    return response["Location"]


@pytest.fixture
def with_metadata(tmp_path, fixtures):
    meta = f"<wp:postmeta><wp:meta_key>_wp_attachment_metadata</wp:meta_key><wp:meta_value>{cdata(METADATA)}</wp:meta_value></wp:postmeta>"
    item = attachment(9, "https://site.example/wp-content/uploads/2017/03/palmyra.jpg", "2017/03/palmyra.jpg")
    export = wxr(item.replace("</item>", meta + "</item>"))
    return write(tmp_path, export), fixtures / "uploads"


def test_the_old_address_of_a_picture_leads_to_its_widest_rendition(client, import_polylang):
    import_polylang()
    # palmyra.jpg is 900 pixels wide: renditions of 480, 800 and 900.
    assert location(client, "/wp-content/uploads/2017/03/palmyra.jpg") == rendition(900)


def test_a_resized_copy_used_in_a_body_leads_to_a_rendition_at_least_as_wide(client, import_polylang):
    import_polylang()
    assert location(client, "/wp-content/uploads/2017/03/palmyra-300x200.jpg") == rendition(480)


def test_resized_copies_listed_in_the_metadata_lead_to_renditions(client, with_metadata):
    export, media = with_metadata
    wordpress_import(paths=[export], media_dir=media)
    assert location(client, "/wp-content/uploads/2017/03/palmyra-150x150.jpg") == rendition(480)
    assert location(client, "/wp-content/uploads/2017/03/palmyra-600x400.jpg") == rendition(800)
    assert location(client, "/wp-content/uploads/2017/03/palmyra-raw.jpg") == rendition(900)


def test_picture_addresses_answer_in_any_case_and_with_a_query_string(client, import_polylang):
    import_polylang()
    assert location(client, "/WP-Content/Uploads/2017/03/palmyra.jpg?ver=2") == rendition(900)


def test_the_rendition_an_old_address_leads_to_exists(client, import_polylang, settings):
    import_polylang()
    target = location(client, "/wp-content/uploads/2017/03/palmyra.jpg")
    stored = settings.MEDIA_ROOT / target.removeprefix(settings.MEDIA_URL)
    assert stored.is_file()


def test_a_picture_without_renditions_leads_to_its_file(client, with_metadata):
    export, media = with_metadata
    wordpress_import(paths=[export], media_dir=media)
    ImageRendition.objects.all().delete()
    wordpress_import(paths=[export], media_dir=media)  # the next run re-points the addresses
    assert location(client, "/wp-content/uploads/2017/03/palmyra-150x150.jpg") == Image.objects.get().file.url


def test_a_missing_picture_makes_no_redirect_and_its_address_is_logged(client, import_polylang):
    import_polylang()  # lost-photo.jpg is not in the uploads folder
    assert client.get("/wp-content/uploads/2017/05/lost-photo.jpg").status_code == 404
    assert MissedAddress.objects.filter(path="/wp-content/uploads/2017/05/lost-photo.jpg").exists()


def test_a_dry_run_makes_no_picture_redirect(fixtures):
    wordpress_import(paths=[fixtures / "polylang-1.2.xml"], media_dir=fixtures / "uploads", dry_run=True)
    assert not Redirect.objects.exists()


def test_an_editors_redirect_for_a_picture_is_kept_on_reimport(client, import_polylang):
    import_polylang()
    Redirect.objects.filter(old_path="/wp-content/uploads/2017/03/palmyra.jpg").update(
        target_path="/media/chosen.jpg", source=Source.EDITOR
    )
    import_polylang()
    assert location(client, "/wp-content/uploads/2017/03/palmyra.jpg") == "/media/chosen.jpg"


def test_an_address_outside_the_uploads_folder_in_a_body_makes_no_redirect(tmp_path, fixtures):
    body = '<img class="wp-image-9" src="https://cdn.example/elsewhere/palmyra.jpg">'
    item = attachment(9, "https://site.example/wp-content/uploads/2017/03/palmyra.jpg", "2017/03/palmyra.jpg")
    wordpress_import(
        paths=[write(tmp_path, wxr(item, post(1, content=body)))], media_dir=fixtures / "uploads"
    )
    assert not Redirect.objects.filter(old_path__startswith="/elsewhere").exists()
    assert Redirect.objects.filter(old_path="/wp-content/uploads/2017/03/palmyra.jpg").exists()
