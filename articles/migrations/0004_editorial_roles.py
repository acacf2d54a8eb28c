"""The newsroom's roles as groups, and the language bookkeeping of articles written before them.

Roles (get_or_create by name: the comments app adds its own permissions to "moderator" and
"editor" in its migrations, whichever runs first):

* writer: writes articles and submits them for review; edits only their own drafts; never publishes.
* editor: everything on articles, sections, tags, authors and images; publishes, schedules,
  unpublishes, archives; curates related stories and the home page; appends corrections.
* translator: fills in the other language of existing articles; no status changes.
* moderator: nothing in articles (comments only).

Which fields and transitions each role may use per article is decided in articles/services.py.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ARTICLE_MODELS = [
    "article",
    "section",
    "tag",
    "author",
    "image",
    "correction",
    "previewlink",
    "articletransition",
]

ROLE_PERMISSIONS = {
    "writer": [
        "articles.add_article",
        "articles.change_article",
        "articles.view_article",
        "articles.review_article",
        "articles.view_section",
        "articles.view_tag",
        "articles.view_author",
        "articles.add_image",
        "articles.view_image",
        "articles.view_articletransition",
    ],
    "editor": [
        *[
            f"articles.{action}_{model}"
            for model in ARTICLE_MODELS
            for action in ("add", "change", "delete", "view")
        ],
        "articles.publish_article",
        "articles.review_article",
        "articles.translate_article",
        "articles.edit_published_article",
    ],
    "translator": [
        "articles.change_article",
        "articles.view_article",
        "articles.translate_article",
        "articles.view_section",
        "articles.view_tag",
        "articles.view_author",
        "articles.view_image",
        "articles.view_articletransition",
    ],
    "moderator": [],
}


def ensure_permissions(apps):
    """Permissions are normally created after all migrations; this one needs them now."""
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def create_roles(apps, schema_editor):
    ensure_permissions(apps)
    grant_roles(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


def grant_roles(Group, Permission):
    """Create the groups (if missing) and give them their permissions; safe to run again
    (tests call it after a flush has emptied the tables)."""
    for name, perms in ROLE_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=name)
        for perm in perms:
            app_label, codename = perm.split(".")
            permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
            group.permissions.add(permission)


def remove_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, perms in ROLE_PERMISSIONS.items():
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        codenames = [perm.split(".")[1] for perm in perms]
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="articles", codename__in=codenames)
        )
        if not group.permissions.exists() and not group.user_set.exists():
            group.delete()


def backfill_languages(apps, schema_editor):
    """Original language and edit stamps for articles saved before they existed."""
    Article = apps.get_model("articles", "Article")
    for article in Article.objects.filter(original_language="").iterator():
        written = [code for code in ("en", "ar") if getattr(article, f"headline_{code}")]
        article.original_language = written[0] if written else ""
        for code in written:
            if getattr(article, f"edited_{code}_at") is None:
                setattr(article, f"edited_{code}_at", article.updated_at)
        Article.objects.filter(pk=article.pk).update(
            original_language=article.original_language,
            edited_en_at=article.edited_en_at,
            edited_ar_at=article.edited_ar_at,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0003_workflow"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(create_roles, remove_roles),
        migrations.RunPython(backfill_languages, migrations.RunPython.noop),
    ]
