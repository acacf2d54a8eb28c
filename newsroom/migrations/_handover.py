"""Operations for handing a model from the project package to an app, with its table and rows.

Used by ``consent``, ``readership`` and ``web`` 0001 (the underscore keeps Django's migration
loader from taking this module for a migration). A table keeps its rows, ids, identity sequence
and indexes; only its name changes. The model's ``django_content_type`` row changes app label,
so everything that points at it (permissions, group and user grants, admin log entries,
django-reversion versions) follows.
"""

from functools import partial

from django.db import migrations


def rename_tables(old_label: str, new_label: str, models: list[str]) -> list:
    return [
        migrations.RunSQL(
            f'ALTER TABLE "{old_label}_{model}" RENAME TO "{new_label}_{model}"',
            f'ALTER TABLE "{new_label}_{model}" RENAME TO "{old_label}_{model}"',
        )
        for model in models
    ]


def _relabel(apps, schema_editor, *, old_label: str, new_label: str, models: list[str]) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    for model in models:
        # A row under the new label exists only if something created it by hand: keep both
        # rather than guess which one the data points at.
        if not ContentType.objects.using(db).filter(app_label=new_label, model=model).exists():
            ContentType.objects.using(db).filter(app_label=old_label, model=model).update(app_label=new_label)


def move_content_types(old_label: str, new_label: str, models: list[str]) -> migrations.RunPython:
    return migrations.RunPython(
        partial(_relabel, old_label=old_label, new_label=new_label, models=models),
        partial(_relabel, old_label=new_label, new_label=old_label, models=models),
    )
