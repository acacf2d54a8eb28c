"""make backup / make restore: a round trip gives back the same articles, comments and images."""

from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection

from articles.models import Article, Image
from ops import backup
from tests.factories import make_article, make_image

pytestmark = pytest.mark.django_db(transaction=True)


def current_database_url() -> str:
    s = connection.settings_dict
    auth = quote(s["USER"] or "") + (f":{quote(s['PASSWORD'])}" if s["PASSWORD"] else "")
    host = s["HOST"] or ""
    if host.startswith("/"):
        return f"postgresql://{auth}@/{s['NAME']}?host={quote(host)}"
    return f"postgresql://{auth}@{host}:{s['PORT'] or 5432}/{s['NAME']}"


def snapshot():
    return {
        "articles": sorted(Article.objects.values_list("headline_en", "headline_ar", "body_ar", "status")),
        "images": sorted(Image.objects.values_list("file", "alt_text_ar")),
    }


def test_backup_then_restore_gives_back_the_same_content(settings, tmp_path):
    image = make_image()
    make_article(lead_image=image, headline_en="Kept safe", headline_ar="محفوظ")
    make_article()
    before = snapshot()
    image_bytes = Path(image.file.path).read_bytes()

    folder = backup.create(
        tmp_path / "b1", database_url=current_database_url(), media_root=settings.MEDIA_ROOT
    )
    assert (folder / "database.dump").stat().st_size > 0
    assert (folder / "media.tar.gz").exists()

    # Disaster: content deleted, files lost.
    Article.objects.all().delete()
    Image.objects.all().delete()
    Path(image.file.path).unlink()
    connection.close()

    backup.restore(folder, database_url=current_database_url(), media_root=settings.MEDIA_ROOT)
    assert snapshot() == before
    assert Path(Image.objects.get().file.path).read_bytes() == image_bytes
    # The search trigger came back too: a restored article is still found.
    assert Article.objects.filter(search_ar__isnull=False, headline_ar="محفوظ").exists()


def test_restore_refuses_a_folder_that_is_not_a_backup(tmp_path):
    with pytest.raises(SystemExit):
        backup.restore(tmp_path, database_url=current_database_url(), media_root=tmp_path / "media")
