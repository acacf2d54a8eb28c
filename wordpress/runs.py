"""Imports started from the admin: the uploaded files, a run record, its task, progress, report.

The upload only stores the files in a private folder (never served), makes an ``ImportRun`` and
enqueues ``import_uploaded_export`` on the ``imports`` task backend (Django's task framework,
django-tasks-db: a row in PostgreSQL). A worker (``manage.py db_worker --backend imports``;
``make run`` starts one beside the development server) runs ``wordpress_import`` on the files:

- progress is written to the run from a database connection of its own, since the import's
  single transaction keeps its other writes invisible until it commits;
- the worker holds an advisory lock named after the run while it works, so the admin can tell
  a running import from one whose worker died (``run_settle`` marks that one failed);
- a failed run keeps its files and can be retried (``import_run_retry``); nothing of it was
  saved, since the import is one transaction. A finished run's folder is deleted, as is a
  deleted run's;
- two uploads at once are two folders and two runs; ``wordpress_import`` itself makes runs
  take turns (one advisory lock for all imports), so they never write the same rows together.

Pictures come as a .zip of the uploads folder (``wordpress.archive``), unpacked for each
attempt into the run's folder. For a newsroom's whole archive the command is the better tool:
it needs no upload.
"""

from __future__ import annotations

import json
import logging
import secrets
import shutil
import time
import zipfile
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import DEFAULT_DB_ALIAS, connection, connections, transaction
from django.tasks import task
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from wordpress.archive import extract_pictures
from wordpress.importer import wordpress_import
from wordpress.models import ImportRun, RunStatus
from wordpress.wxr import WXRError

logger = logging.getLogger(__name__)

IMPORTS_BACKEND = "imports"
# pg_advisory_lock(RUN_LOCK, run id): held by the worker running that import.
RUN_LOCK = 0x5752  # "WR"
ARCHIVE_NAME = "uploads.zip"


def _folder(run: ImportRun) -> Path:
    return Path(settings.WORDPRESS_IMPORT_DIR) / run.folder


def _store(upload, path: Path) -> None:
    with path.open("wb") as handle:
        for chunk in upload.chunks():
            handle.write(chunk)


def _enqueue(run: ImportRun) -> None:
    result = import_uploaded_export.enqueue(run_pk=run.pk)
    ImportRun.objects.filter(pk=run.pk).update(task_id=str(result.id))
    run.task_id = str(result.id)


def import_run_start(
    *,
    files,
    by,
    language: str = "auto",
    default_section: str | None = None,
    dry_run: bool = False,
    uploads=None,
) -> ImportRun:
    """Keep the uploaded exports (and the pictures' .zip, checked by ``check_archive``) in the
    run's private folder and enqueue their import; returns the queued run."""
    name = secrets.token_hex(8)
    folder = Path(settings.WORDPRESS_IMPORT_DIR) / name
    folder.mkdir(parents=True, exist_ok=True)
    for n, upload in enumerate(files, start=1):
        _store(upload, folder / f"export-{n}.xml")
    names = [f.name for f in files]
    if uploads is not None:
        _store(uploads, folder / ARCHIVE_NAME)
        names.append(uploads.name)
    options = {
        "language": language,
        "default_section": default_section,
        "dry_run": dry_run,
        "exports": len(files),
        "report_language": translation.get_language(),
    }
    with transaction.atomic():  # the run and its task row, or neither
        run = ImportRun.objects.create(
            files=", ".join(names)[:2000], dry_run=dry_run, by=by, folder=name, options=options
        )
        _enqueue(run)
    return run


def run_is_retryable(run: ImportRun) -> bool:
    return run.status == RunStatus.FAILED and bool(run.folder) and _folder(run).is_dir()


def import_run_retry(*, run: ImportRun) -> bool:
    """Queue a failed run again with the files it kept; False if it cannot be retried."""
    if not run_is_retryable(run):
        return False
    with transaction.atomic():
        updated = ImportRun.objects.filter(pk=run.pk, status=RunStatus.FAILED).update(
            status=RunStatus.QUEUED, finished_at=None, report={}, posts_done=0, posts_total=0
        )
        if not updated:
            return False
        _enqueue(run)
    run.refresh_from_db()
    return True


def run_discard(*, run: ImportRun) -> None:
    """Delete the run's kept files (the run is being deleted)."""
    if run.folder:
        shutil.rmtree(_folder(run), ignore_errors=True)


def _worker_holds(run_pk: int) -> bool:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted "
            "AND classid = %s AND objid = %s AND objsubid = 2)",
            [RUN_LOCK, run_pk],
        )
        return cursor.fetchone()[0]


def run_settle(run: ImportRun) -> ImportRun:
    """A run shown as running whose worker is gone (killed, machine restarted) is marked failed:
    its transaction died with it, so nothing was saved, and it can be retried."""
    if run.status == RunStatus.RUNNING and not _worker_holds(run.pk):
        _failed(
            run.pk,
            _("The import was interrupted: its worker stopped. Nothing was imported; you can retry it."),
            status=RunStatus.RUNNING,
        )
        run.refresh_from_db()
    return run


class _Progress:
    """Writes the run's progress through a connection of its own (autocommit), at most twice a
    second, so the admin sees it while the import's transaction is still open."""

    def __init__(self, run_pk: int):
        self.run_pk = run_pk
        self.last = 0.0
        self.wrapper = None

    def _write(self, assignments: str, params: list) -> None:
        try:
            if self.wrapper is None:
                self.wrapper = connections.create_connection(DEFAULT_DB_ALIAS)
            with self.wrapper.cursor() as cursor:
                cursor.execute(
                    f"UPDATE {ImportRun._meta.db_table} SET {assignments} WHERE id = %s",  # noqa: S608
                    [*params, self.run_pk],
                )
        except Exception:  # progress is a courtesy: never let it stop the import
            logger.warning("Progress of import %s not written", self.run_pk, exc_info=True)

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done != total and now - self.last < 0.5:
            return
        self.last = now
        self._write("posts_done = %s, posts_total = %s", [done, total])

    def waiting(self) -> None:
        self._write("report = %s::jsonb", [json.dumps({"waiting": True})])

    def close(self) -> None:
        if self.wrapper is not None:
            self.wrapper.close()


def _failed(run_pk: int, message: str, *, status: str | None = None) -> None:
    runs = ImportRun.objects.filter(pk=run_pk)
    if status:
        runs = runs.filter(status=status)
    runs.update(status=RunStatus.FAILED, finished_at=timezone.now(), report={"error": message})


def _unpack(run: ImportRun) -> Path | None:
    """The pictures' .zip unpacked into the run's folder; raises ValidationError if unusable."""
    archive = _folder(run) / ARCHIVE_NAME
    if not archive.exists():
        return None
    target = _folder(run) / "media"
    shutil.rmtree(target, ignore_errors=True)  # a retry starts from the .zip again
    try:
        return extract_pictures(archive, target)
    except (zipfile.BadZipFile, OSError, EOFError) as error:  # corrupt member, disk full
        raise ValidationError(str(error)) from error


@contextmanager
def _run_lock(run_pk: int):
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s, %s)", [RUN_LOCK, run_pk])
        held = cursor.fetchone()[0]
    try:
        yield held
    finally:
        if held:
            try:
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_unlock(%s, %s)", [RUN_LOCK, run_pk])
            except Exception:  # the connection is gone, and the lock with it
                logger.warning("Lock of import %s not released", run_pk, exc_info=True)


def _import(run: ImportRun, progress: _Progress) -> str:
    folder = _folder(run)
    options = run.options
    paths = [folder / f"export-{n}.xml" for n in range(1, int(options.get("exports", 1)) + 1)]
    try:
        media_dir = _unpack(run)
    except ValidationError as error:
        _failed(
            run.pk,
            _("The pictures' .zip could not be unpacked: %(problem)s Nothing was imported.")
            % {"problem": "; ".join(error.messages)},
        )
        return RunStatus.FAILED
    try:
        report = wordpress_import(
            paths=paths,
            media_dir=media_dir,
            language=options.get("language", "auto"),
            default_section=options.get("default_section"),
            dry_run=bool(options.get("dry_run")),
            progress=progress,
            waiting=progress.waiting,
        )
    except WXRError as error:
        _failed(run.pk, _("%(error)s Nothing was imported.") % {"error": error})
        return RunStatus.FAILED
    ImportRun.objects.filter(pk=run.pk).update(
        status=RunStatus.DONE, finished_at=timezone.now(), report=report.as_dict()
    )
    shutil.rmtree(folder, ignore_errors=True)
    return RunStatus.DONE


def execute_run(*, run_pk: int) -> str:
    """Import a queued run's files (what the task does); returns the run's status."""
    run = ImportRun.objects.filter(pk=run_pk).first()
    if run is None or run.status != RunStatus.QUEUED:
        return "skipped"  # deleted meanwhile, or already taken by another task
    with _run_lock(run_pk) as held:
        if not held:
            return "skipped"
        taken = ImportRun.objects.filter(pk=run_pk, status=RunStatus.QUEUED).update(
            status=RunStatus.RUNNING, started_at=timezone.now(), report={}, posts_done=0, posts_total=0
        )
        if not taken:
            return "skipped"
        progress = _Progress(run_pk)
        # The report is written in the language of the administrator who started the import.
        with translation.override(run.options.get("report_language") or settings.LANGUAGE_CODE):
            try:
                return _import(run, progress)
            except BaseException:
                # An unexpected error, or the worker told to stop at once: the import's
                # transaction was rolled back; the run says so (if the database still answers).
                logger.exception("WordPress import %s failed", run_pk)
                try:
                    _failed(
                        run_pk,
                        _(
                            "The import stopped on an unexpected error (see the server log). "
                            "Nothing was imported; you can retry it."
                        ),
                    )
                except Exception:
                    logger.warning("Import %s not marked failed", run_pk, exc_info=True)
                raise
            finally:
                progress.close()
                shutil.rmtree(_folder(run) / "media", ignore_errors=True)  # unpacked again on a retry


@task(backend=IMPORTS_BACKEND)
def import_uploaded_export(run_pk: int) -> str:
    return execute_run(run_pk=run_pk)
