"""The uploads folder sent through the admin as a .zip, checked and unpacked for one import.

``check_archive`` runs on the upload itself, before anything is stored, and refuses with one
message a file that is not a zip, is too big (sent or unpacked), holds too many files, or
names a path that would land outside the folder it is unpacked into (``../``, absolute paths,
drive letters: "zip slip"). ``extract_pictures`` then unpacks only the pictures (every other
file is useless to the import) into the run's private folder, counting the bytes it really
writes, never following a link, and never writing a single file over the picture upload limit.
The run deletes the folder when it ends, whatever happened.

Either the contents of ``uploads`` or the folder itself (``uploads/2017/03/…``, even
``wp-content/uploads/2017/03/…``) may be zipped: the path is taken from the year folders on.
"""

from __future__ import annotations

import re
import stat
import zipfile
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from articles.uploads import max_upload_bytes
from wordpress.media import IMAGE_SUFFIXES

_DRIVE = re.compile(r"^[A-Za-z]:")
_CHUNK = 1024 * 1024


def max_archive_bytes() -> int:
    """Largest .zip accepted, and largest total of the pictures unpacked from it."""
    return getattr(settings, "WORDPRESS_IMPORT_MAX_MEDIA_BYTES", 2 * 1024**3)


def max_archive_files() -> int:
    return getattr(settings, "WORDPRESS_IMPORT_MAX_MEDIA_FILES", 200_000)


def _megabytes(size: int) -> int:
    return size // (1024 * 1024)


def safe_member_path(name: str) -> PurePosixPath | None:
    """Where a member goes inside the folder (from the year folders on); None if it would leave it."""
    name = name.replace("\\", "/")
    if not name or name.startswith("/") or _DRIVE.match(name) or "\x00" in name:
        return None
    parts = [part for part in name.split("/") if part not in ("", ".")]
    if ".." in parts:
        return None
    if "uploads" in parts:
        parts = parts[parts.index("uploads") + 1 :]
    return PurePosixPath(*parts) if parts else PurePosixPath(".")


def _is_link(info: zipfile.ZipInfo) -> bool:
    return stat.S_ISLNK(info.external_attr >> 16)


def check_archive(upload) -> None:
    """Refuse, with a message for the administrator, an upload that must not be unpacked."""
    limit = max_archive_bytes()
    if upload.size > limit:
        raise ValidationError(
            _("The .zip is larger than %(limit)d MB.") % {"limit": _megabytes(limit)}, code="too_big"
        )
    upload.seek(0)
    if not zipfile.is_zipfile(upload):
        raise ValidationError(_("This is not a .zip file."), code="not_zip")
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise ValidationError(
            _("The .zip cannot be read (%(problem)s).") % {"problem": error}, code="bad_zip"
        ) from error
    finally:
        upload.seek(0)
    if len(members) > max_archive_files():
        raise ValidationError(
            _("The .zip holds more than %(count)d files.") % {"count": max_archive_files()}, code="too_many"
        )
    unsafe = next((m.filename for m in members if safe_member_path(m.filename) is None), None)
    if unsafe is not None:
        raise ValidationError(
            _("Refused: the .zip names a path outside its folder (%(path)s).") % {"path": unsafe[:200]},
            code="traversal",
        )
    if sum(m.file_size for m in members if not m.is_dir()) > limit:
        raise ValidationError(
            _("Unpacked, the .zip would be larger than %(limit)d MB.") % {"limit": _megabytes(limit)},
            code="too_big_unpacked",
        )


def extract_pictures(archive_path: Path, target: Path) -> Path:
    """Unpack the pictures of ``archive_path`` under ``target``; returns the media folder.

    Raises ``ValidationError`` when the archive turns out to be unsafe or too big while it is
    being read (its listed sizes can lie): the caller stops the import.
    """
    target.mkdir(parents=True, exist_ok=True)
    root = target.resolve()
    budget, per_file = max_archive_bytes(), max_upload_bytes()
    with zipfile.ZipFile(archive_path) as archive:
        for info in archive.infolist():
            relative = safe_member_path(info.filename)
            if relative is None:
                raise ValidationError(_("Refused: the .zip names a path outside its folder."))
            if info.is_dir() or _is_link(info) or relative.suffix.lower() not in IMAGE_SUFFIXES:
                continue
            if info.file_size > per_file:
                continue  # refused as an upload anyway; the import reports the picture missing
            destination = (root / relative).resolve()
            if not destination.is_relative_to(root):
                raise ValidationError(_("Refused: the .zip names a path outside its folder."))
            destination.parent.mkdir(parents=True, exist_ok=True)
            written = 0
            with archive.open(info) as source, destination.open("wb") as sink:
                while chunk := source.read(_CHUNK):
                    written += len(chunk)
                    budget -= len(chunk)
                    if written > per_file or budget < 0:
                        raise ValidationError(
                            _("Unpacked, the .zip would be larger than %(limit)d MB.")
                            % {"limit": _megabytes(max_archive_bytes())}
                        )
                    sink.write(chunk)
    return root
