"""Writers edit and delete their own live updates; editors anyone's (``change_any_liveupdate``).

The rule itself is ``LiveUpdate.objects.editable_by`` / ``LiveUpdate.is_editable_by``: a writer's
``change_liveupdate`` and ``delete_liveupdate`` only reach the updates they posted.
"""

from django.db import migrations

ROLE_PERMISSIONS = {
    "writer": ["delete_liveupdate"],
    "editor": ["change_any_liveupdate"],
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
    dependencies = [("live", "0003_change_any_liveupdate"), ("live", "0002_roles")]
    operations = [migrations.RunPython(grant, revoke)]
