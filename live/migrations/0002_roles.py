"""Writers and editors post live updates; editors also run live blogs and breaking alerts."""

from django.db import migrations

ROLE_PERMISSIONS = {
    "writer": ["add_liveupdate", "change_liveupdate", "view_liveupdate", "view_liveblog"],
    "editor": [
        f"{action}_{model}"
        for model in ("liveblog", "liveupdate", "breakingalert")
        for action in ("add", "change", "delete", "view")
    ],
}


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("live")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    grant_roles(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


def grant_roles(Group, Permission):
    """Safe to run again (tests call it after a flush has emptied the groups)."""
    for name, codenames in ROLE_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(*Permission.objects.filter(content_type__app_label="live", codename__in=codenames))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in ROLE_PERMISSIONS.items():
        group = Group.objects.filter(name=name).first()
        if group:
            group.permissions.remove(
                *Permission.objects.filter(content_type__app_label="live", codename__in=codenames)
            )


class Migration(migrations.Migration):
    dependencies = [("live", "0001_initial"), ("articles", "0004_editorial_roles")]
    operations = [migrations.RunPython(grant, revoke)]
