"""Imports started from the admin: the uploaded files, a run record, progress, the report.

The import itself is ``wordpress_import``, in a thread of the web process so the page can
come back at once and show progress (kept in the cache, since the import's own writes stay
invisible until its single transaction commits). Pictures come as a .zip of the uploads
folder (``wordpress.archive``), unpacked in the thread into the run's private folder, which is
deleted when the run ends. For a newsroom's whole archive the command is the better tool: it
needs no upload and cannot be cut short by a web worker being recycled.
"""

import logging
import secrets
import shutil
import threading
import zipfile
from functools import partial
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from wordpress.archive import extract_pictures
from wordpress.importer import wordpress_import
from wordpress.models import ImportRun, RunStatus
from wordpress.wxr import WXRError

logger = logging.getLogger(__name__)


def _progress_key(run_pk: int) -> str:
    return f"wordpress-import:{run_pk}:progress"


def run_progress(run: ImportRun) -> dict:
    """{"done": posts read, "total": posts in the files} of a running import."""
    return cache.get(_progress_key(run.pk)) or {"done": 0, "total": 0}


def _report_progress(run_pk: int, done: int, total: int) -> None:
    if done == total or done % max(1, total // 100) == 0:
        cache.set(_progress_key(run_pk), {"done": done, "total": total}, 24 * 3600)


def _execute(
    run_pk: int, folder: Path, paths: list[Path], options: dict, background: bool, language: str
) -> None:
    # The report is written in the language of the administrator who started the import.
    try:
        with translation.override(language):
            _import(run_pk, paths, options)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        cache.delete(_progress_key(run_pk))
        if background:
            connection.close()


def _failed(run_pk: int, message: str) -> None:
    ImportRun.objects.filter(pk=run_pk).update(
        status=RunStatus.FAILED, finished_at=timezone.now(), report={"error": message}
    )


def _unpack(run_pk: int, options: dict) -> bool:
    """The pictures' .zip into the run's folder (``media_dir``); False (run failed) if unusable."""
    archive = options.pop("archive", None)
    if archive is None:
        return True
    try:
        options["media_dir"] = extract_pictures(archive, archive.parent / "media")
    except (ValidationError, zipfile.BadZipFile, OSError, EOFError) as error:
        # Its listed sizes lied, a member is corrupt, or the disk is full.
        problem = "; ".join(error.messages) if isinstance(error, ValidationError) else str(error)
        _failed(
            run_pk,
            _("The pictures' .zip could not be unpacked: %(problem)s Nothing was imported.")
            % {"problem": problem},
        )
        return False
    finally:
        archive.unlink(missing_ok=True)
    return True


def _import(run_pk: int, paths: list[Path], options: dict) -> None:
    if not _unpack(run_pk, options):
        return
    try:
        report = wordpress_import(paths=paths, progress=partial(_report_progress, run_pk), **options)
        ImportRun.objects.filter(pk=run_pk).update(
            status=RunStatus.DONE, finished_at=timezone.now(), report=report.as_dict()
        )
    except WXRError as error:
        _failed(run_pk, _("%(error)s Nothing was imported.") % {"error": error})
    except Exception:
        logger.exception("WordPress import %s failed", run_pk)
        _failed(
            run_pk,
            _("The import stopped on an unexpected error (see the server log). Nothing was imported."),
        )


def import_run_start(
    *,
    files,
    by,
    language: str = "auto",
    default_section: str | None = None,
    dry_run: bool = False,
    uploads=None,
) -> ImportRun:
    """Keep the uploaded exports (and the pictures' .zip, checked by ``check_archive``) in a
    private folder (never served) and import them; the folder is deleted afterwards."""
    folder = Path(settings.WORDPRESS_IMPORT_DIR) / secrets.token_hex(8)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n, upload in enumerate(files, start=1):
        path = folder / f"export-{n}.xml"
        with path.open("wb") as handle:
            for chunk in upload.chunks():
                handle.write(chunk)
        paths.append(path)
    options = {"language": language, "default_section": default_section, "dry_run": dry_run}
    names = [f.name for f in files]
    if uploads is not None:
        archive = folder / "uploads.zip"
        with archive.open("wb") as handle:
            for chunk in uploads.chunks():
                handle.write(chunk)
        options["archive"] = archive
        names.append(uploads.name)
    run = ImportRun.objects.create(files=", ".join(names)[:2000], dry_run=dry_run, by=by)
    background = settings.WORDPRESS_IMPORT_IN_BACKGROUND
    if background:
        threading.Thread(
            target=_execute,
            args=(run.pk, folder, paths, options, True, translation.get_language()),
            daemon=True,
            name=f"wp-import-{run.pk}",
        ).start()
    else:
        _execute(run.pk, folder, paths, options, False, translation.get_language())
        run.refresh_from_db()
    return run
