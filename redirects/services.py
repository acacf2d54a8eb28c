"""Writes to redirects made by other apps (the WordPress importer)."""

from django.contrib.contenttypes.models import ContentType
from django.db import models

from redirects.lookup import forget_redirects
from redirects.models import Redirect, Source
from redirects.paths import normalize_path


def redirects_point(*, old_paths, target: models.Model, language: str) -> int:
    """Make every one of ``old_paths`` lead to ``target`` in ``language``; returns how many.

    Two queries whatever the number of paths. A redirect an editor made or changed by hand
    (source "editor") is left as it is: the editor knows better than the export.
    """
    keys = {normalize_path(path) for path in old_paths if path}
    keys.discard("/")
    keys = {key for key in keys if len(key) <= 500}
    if not keys:
        return 0
    kept = set(
        Redirect.objects.filter(old_path__in=keys, source=Source.EDITOR).values_list("old_path", flat=True)
    )
    content_type = ContentType.objects.get_for_model(target)
    rows = [
        Redirect(
            old_path=key,
            language=language,
            content_type=content_type,
            object_id=target.pk,
            target_path="",
            source=Source.IMPORT,
        )
        for key in sorted(keys - kept)
    ]
    Redirect.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["old_path"],
        update_fields=["language", "content_type", "object_id", "target_path", "updated_at"],
    )
    forget_redirects()
    return len(rows)


def redirect_path(*, old_path: str, target_path: str, language: str) -> bool:
    """Make ``old_path`` lead to a fixed path of this site (unless an editor set it already)."""
    key = normalize_path(old_path)
    if key == "/" or Redirect.objects.filter(old_path=key, source=Source.EDITOR).exists():
        return False
    Redirect.objects.update_or_create(
        old_path=key,
        defaults={"target_path": target_path, "language": language, "content_type": None, "object_id": None},
        create_defaults={
            "target_path": target_path,
            "language": language,
            "source": Source.IMPORT,
        },
    )
    forget_redirects()
    return True


def redirect_paths(*, targets: dict, language: str) -> int:
    """Make each old path of ``targets`` ({old path: path or address here}) lead to its target;
    returns how many. Two queries whatever the number; an editor's own redirects are kept."""
    rows = {}
    for old, target in targets.items():
        key = normalize_path(old)
        if key != "/" and len(key) <= 500 and target and len(target) <= 500:
            rows[key] = target
    if not rows:
        return 0
    kept = set(
        Redirect.objects.filter(old_path__in=rows, source=Source.EDITOR).values_list("old_path", flat=True)
    )
    made = [
        Redirect(old_path=key, language=language, target_path=target, source=Source.IMPORT)
        for key, target in sorted(rows.items())
        if key not in kept
    ]
    Redirect.objects.bulk_create(
        made,
        update_conflicts=True,
        unique_fields=["old_path"],
        update_fields=["language", "content_type", "object_id", "target_path", "updated_at"],
    )
    forget_redirects()
    return len(made)
