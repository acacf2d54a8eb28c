"""Pictures through the admin: a .zip of the uploads folder beside the export, checked, unpacked
for the run only, then deleted."""

import io
import stat
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles.models import Article, Image
from tests.factories import make_user
from tests.wordpress.workers import run_import_worker
from wordpress.archive import extract_pictures, safe_member_path
from wordpress.models import ImportRun, RunStatus

pytestmark = pytest.mark.django_db(transaction=True)  # the worker commits, as a real one does


@pytest.fixture(autouse=True)
def _imports_dir(settings, tmp_path):
    settings.WORDPRESS_IMPORT_DIR = tmp_path / "imports"


@pytest.fixture
def palmyra(fixtures):
    return (fixtures / "uploads" / "2017" / "03" / "palmyra.jpg").read_bytes()


def make_zip(entries, method=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, content in entries.items():
            if isinstance(content, zipfile.ZipInfo):
                archive.writestr(content, b"/etc/passwd")
            else:
                archive.writestr(name, content)
    return buffer.getvalue()


def upload(client, fixtures, archive: bytes | None, name="uploads.zip"):
    client.force_login(make_user(is_staff=True, is_superuser=True))
    with (fixtures / "polylang-1.2.xml").open("rb") as export:
        data = {"exports": export, "language": "auto"}
        if archive is not None:
            data["uploads"] = SimpleUploadedFile(name, archive, content_type="application/zip")
        response = client.post(reverse("admin:wordpress_importrun_upload"), data)
    run_import_worker()
    return response


@pytest.mark.parametrize("folder", ["uploads/", "wp-content/uploads/", ""])
def test_pictures_come_through_the_admin_from_a_zip_of_the_uploads_folder(
    client, fixtures, palmyra, tmp_path, folder
):
    response = upload(client, fixtures, make_zip({f"{folder}2017/03/palmyra.jpg": palmyra}))
    run = ImportRun.objects.get()
    assert response.url == reverse("admin:wordpress_importrun_change", args=[run.pk])
    assert run.status == RunStatus.DONE and run.report["counts"]["images"] == {"imported": 1, "skipped": 1}
    article = Article.objects.get(headline_en="ISIS Retreating, new capital possible")
    assert article.lead_image.alt_text == "The ruins of Palmyra at dusk"
    assert "uploads.zip" in run.files


def test_the_unpacked_pictures_and_the_zip_are_deleted_after_the_run(client, fixtures, palmyra, tmp_path):
    upload(client, fixtures, make_zip({"uploads/2017/03/palmyra.jpg": palmyra}))
    assert Image.objects.count() == 1
    assert not [p for p in (tmp_path / "imports").rglob("*") if p.is_file()]


@pytest.mark.parametrize(
    "name",
    ["../../evil.jpg", "uploads/../../../evil.jpg", "/etc/evil.jpg", "C:/evil.jpg", "..\\..\\evil.jpg"],
)
def test_a_zip_naming_a_path_outside_its_folder_is_refused(client, fixtures, palmyra, tmp_path, name):
    response = upload(client, fixtures, make_zip({"2017/03/palmyra.jpg": palmyra, name: palmyra}))
    assert response.status_code == 200
    assert "Refused: the .zip names a path outside its folder" in response.content.decode()
    assert not ImportRun.objects.exists() and not Article.objects.exists()
    assert not list(tmp_path.rglob("evil.jpg"))


def test_a_file_that_is_not_a_zip_is_refused(client, fixtures):
    response = upload(client, fixtures, b"PK\x03\x04 not really a zip")
    assert "This is not a .zip file." in response.content.decode()
    assert not ImportRun.objects.exists()


def test_a_zip_over_the_size_cap_is_refused(client, fixtures, palmyra, settings):
    settings.WORDPRESS_IMPORT_MAX_MEDIA_BYTES = 1024
    response = upload(client, fixtures, make_zip({"2017/03/palmyra.jpg": palmyra}))
    assert "The .zip is larger than" in response.content.decode()
    assert not ImportRun.objects.exists()


def test_a_zip_that_would_unpack_over_the_cap_is_refused(client, fixtures, settings):
    settings.WORDPRESS_IMPORT_MAX_MEDIA_BYTES = 100_000
    bomb = make_zip({"2017/03/zeros.jpg": b"\0" * 1_000_000})  # about 1 kB packed
    response = upload(client, fixtures, bomb)
    assert "Unpacked, the .zip would be larger than" in response.content.decode()
    assert not ImportRun.objects.exists()


def test_an_arabic_administrator_reads_the_refusal_in_arabic(client, fixtures):
    client.force_login(make_user(is_staff=True, is_superuser=True))
    with (fixtures / "polylang-1.2.xml").open("rb") as export:
        response = client.post(
            reverse("admin:wordpress_importrun_upload").replace("/en/", "/ar/", 1),
            {"exports": export, "language": "auto", "uploads": SimpleUploadedFile("u.zip", b"nope")},
        )
    assert "هذا ليس ملفًا بصيغة zip." in response.content.decode()


def test_a_corrupt_picture_in_the_zip_fails_the_run_and_imports_nothing(client, fixtures, palmyra, tmp_path):
    archive = bytearray(make_zip({"2017/03/palmyra.jpg": palmyra}, method=zipfile.ZIP_STORED))
    middle = len(archive) // 2
    archive[middle : middle + 64] = b"\xff" * 64  # the data, not the directory: the check passes
    upload(client, fixtures, bytes(archive))
    run = ImportRun.objects.get()
    assert run.status == RunStatus.FAILED
    assert "The pictures' .zip could not be unpacked" in run.report["error"]
    assert not Article.objects.exists()
    # The export and the .zip are kept for a retry; nothing unpacked is left behind.
    kept = sorted(p.name for p in (tmp_path / "imports").rglob("*") if p.is_file())
    assert kept == ["export-1.xml", "uploads.zip"]


def test_only_pictures_are_unpacked_and_links_are_not_followed(tmp_path, palmyra):
    link = zipfile.ZipInfo("2017/03/link.jpg")
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    source = tmp_path / "u.zip"
    source.write_bytes(
        make_zip({"2017/03/palmyra.jpg": palmyra, "2017/03/shell.php": b"<?php ?>", "link": link})
    )
    media = extract_pictures(source, tmp_path / "media")
    assert sorted(p.relative_to(media).as_posix() for p in media.rglob("*") if p.is_file()) == [
        "2017/03/palmyra.jpg"
    ]


def test_unpacking_stops_when_the_real_size_passes_the_cap(tmp_path, settings):
    # The check trusts the listed sizes; unpacking counts the bytes really written.
    source = tmp_path / "u.zip"
    source.write_bytes(make_zip({f"2017/03/{n}.jpg": b"\0" * 60_000 for n in range(3)}))
    settings.WORDPRESS_IMPORT_MAX_MEDIA_BYTES = 100_000
    with pytest.raises(ValidationError):
        extract_pictures(source, tmp_path / "media")


@pytest.mark.parametrize(
    "name, expected",
    [
        ("uploads/2017/03/a.jpg", "2017/03/a.jpg"),
        ("wp-content/uploads/sites/2/2017/03/a.jpg", "sites/2/2017/03/a.jpg"),
        ("2017/./03/a.jpg", "2017/03/a.jpg"),
        ("2017/../../a.jpg", None),
        ("/a.jpg", None),
        ("D:\\a.jpg", None),
    ],
)
def test_member_paths_are_kept_inside_the_folder(name, expected):
    path = safe_member_path(name)
    assert (path.as_posix() if path is not None else None) == expected
