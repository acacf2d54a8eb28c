"""Uploads on object storage (S3 API), addressed by public URLs, and what an outage looks like.

``PublicMediaStorage`` is django-storages' S3 backend with two changes:

* ``url()`` builds ``MEDIA_URL + key`` without asking the store: unsigned, permanent addresses
  that the proxy or CDN in front may cache for a year (names are random and never reused).
  News pictures are public; a signed URL would change at every render, so no shared cache
  could keep it and every reader would go to the store;
* the store's failures (refused connection, timeout, 5xx) become ``StorageUnavailable``, an
  ``OSError`` as a full disk would raise with ``FileSystemStorage``: code that already copes with
  an unreadable file (renditions, sizes) copes with a store that is down, and the project's
  ``handler500`` (``newsroom.views.server_error``) turns an upload that could not be stored into
  a 503 page that says so (the admin's transaction rolls the database back, so nothing
  half-saved remains).
"""

from __future__ import annotations

from botocore.exceptions import BotoCoreError, ClientError
from django.conf import settings
from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage
from storages.utils import clean_name


class StorageUnavailable(OSError):
    """The object store did not answer (or answered with a server error)."""


def _is_outage(error: Exception) -> bool:
    if isinstance(error, ClientError):
        return error.response.get("ResponseMetadata", {}).get("HTTPStatusCode", 0) >= 500
    return isinstance(error, BotoCoreError)


class _OutagesAsOSError:
    def __init__(self, operation: str):
        self.operation = operation

    def __enter__(self):
        return self

    def __exit__(self, kind, error, traceback):
        if error is not None and _is_outage(error):
            raise StorageUnavailable(f"object store: {self.operation} failed ({error})") from error
        return False


class PublicMediaStorage(S3Storage):
    querystring_auth = False
    file_overwrite = False

    def url(self, name, parameters=None, expire=None, http_method=None):
        return settings.MEDIA_URL + filepath_to_uri(clean_name(name).lstrip("/"))

    def _open(self, name, mode="rb"):
        with _OutagesAsOSError(f"reading {name}"):
            return super()._open(name, mode)

    def _save(self, name, content):
        with _OutagesAsOSError(f"storing {name}"):
            return super()._save(name, content)

    def delete(self, name):
        with _OutagesAsOSError(f"deleting {name}"):
            return super().delete(name)

    def exists(self, name):
        with _OutagesAsOSError(f"looking up {name}"):
            return super().exists(name)

    def size(self, name):
        with _OutagesAsOSError(f"the size of {name}"):
            return super().size(name)
