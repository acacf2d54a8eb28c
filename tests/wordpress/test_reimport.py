"""Running the import again: no duplicates, updates what changed, never overwrites editors."""

import pytest
from django.db import connection

from articles.models import Article
from redirects.models import Redirect
from tests.wordpress.builders import post, write, wxr
from wordpress.importer import wordpress_import
from wordpress.models import ImportRecord, Kind

pytestmark = pytest.mark.django_db


def row_counts():
    """Rows in every table of the database (the whole state an import could touch)."""
    counts = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f'SELECT count(*) FROM "{table}"')
            counts[table] = cursor.fetchone()[0]
    return counts


def test_importing_the_same_export_again_changes_nothing(import_polylang):
    import_polylang()
    before = row_counts()
    report = import_polylang()
    assert row_counts() == before
    assert report.counts["posts"] == {"unchanged": 10}
    assert set(report.counts["comments"]) <= {"unchanged", "skipped"}


def test_a_newer_export_updates_what_changed(tmp_path):
    wordpress_import(paths=[write(tmp_path, wxr(post(1, title="First title"), post(2, title="Other")))])
    report = wordpress_import(
        paths=[write(tmp_path, wxr(post(1, title="Better title"), post(2, title="Other")))]
    )
    assert Article.objects.count() == 2
    assert Article.objects.filter(headline_en="Better title").exists()
    assert report.counts["posts"] == {"updated": 1, "unchanged": 1}


def test_an_editors_change_here_survives_a_reimport(tmp_path):
    wordpress_import(paths=[write(tmp_path, wxr(post(1, title="From WordPress")))])
    article = Article.objects.get()
    article.headline_en = "Corrected by our editor"
    article.save()
    report = wordpress_import(paths=[write(tmp_path, wxr(post(1, title="Changed in WordPress too")))])
    article.refresh_from_db()
    assert article.headline_en == "Corrected by our editor"
    assert report.counts["posts"] == {"skipped": 1}
    assert "changed here since the last import" in report.warnings[0]["message"]


def test_an_editors_change_to_one_language_protects_the_pair(import_polylang, fixtures, tmp_path):
    import_polylang()
    record = ImportRecord.objects.get(kind=Kind.POST, wp_id="102")
    article = Article.objects.get(pk=record.object_id)
    article.summary_ar = "ملخص كتبه المحرر"
    article.save()
    newer = (
        (fixtures / "polylang-1.2.xml")
        .read_text()
        .replace("ISIS Retreating, new capital possible", "Updated")
    )
    from wordpress.importer import wordpress_import as run

    report = run(paths=[write(tmp_path, newer)], media_dir=fixtures / "uploads")
    article.refresh_from_db()
    assert article.headline_en == "ISIS Retreating, new capital possible"
    assert article.summary_ar == "ملخص كتبه المحرر"
    assert any(w["wp_id"] == "101" and "changed here" in w["message"] for w in report.warnings)


def test_second_member_of_a_pair_does_not_count_as_an_editors_change(import_polylang, fixtures, tmp_path):
    import_polylang()
    newer = (
        (fixtures / "polylang-1.2.xml")
        .read_text()
        .replace("ISIS Retreating, new capital possible", "Updated")
    )
    report = wordpress_import(paths=[write(tmp_path, newer)], media_dir=fixtures / "uploads")
    assert Article.objects.filter(headline_en="Updated").exists()
    assert report.counts["posts"]["updated"] == 1


def test_redirects_are_not_duplicated_by_a_reimport(import_polylang):
    import_polylang()
    count = Redirect.objects.count()
    import_polylang()
    assert Redirect.objects.count() == count > 0
