"""Editors delete an article added by mistake; its story is then extracted again without it."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_GROUP = "Editor"
# A copy, not an import: a migration must keep meaning what it meant when it was written.
ADDED = ["delete_article"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("stories")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    perms = list(Permission.objects.filter(content_type__app_label="stories", codename__in=ADDED))
    if len(perms) != len(ADDED):
        raise RuntimeError(
            f"permissions not found: {sorted(set(ADDED) - {p.codename for p in perms})}"
        )
    group, _ = Group.objects.get_or_create(name=EDITOR_GROUP)
    group.permissions.add(*perms)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=EDITOR_GROUP).first()
    if group is not None:
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="stories", codename__in=ADDED)
        )


class Migration(migrations.Migration):
    dependencies = [("stories", "0007_article_readings")]

    operations = [migrations.RunPython(grant, revoke)]
