"""The Editor group: exactly the permissions correcting the machine needs (see EDITOR_PERMISSIONS).

Permissions are normally created after all migrations ran; they are created here first so that a
fresh database gets a complete group. Re-running the migration forward sets the group's
permissions to the listed ones.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_GROUP = "Editor"
# A copy, not an import: a migration must keep meaning what it meant when it was written.
EDITOR_PERMISSIONS = {
    "story": ("view",),
    "outlet": ("view", "add", "change"),
    "article": ("view", "change"),
    "actor": ("view", "change"),
    "actoralias": ("view", "add", "change", "delete"),
    "actordecision": ("view", "add", "delete"),
    "topic": ("view",),
    "event": ("view", "change"),
    "eventsource": ("view", "add", "change"),
    "quote": ("view", "change"),
}


def create_editor_group(apps, schema_editor):
    app_config = apps.get_app_config("stories")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    codenames = [
        f"{action}_{model}" for model, actions in EDITOR_PERMISSIONS.items() for action in actions
    ]
    perms = list(
        Permission.objects.filter(content_type__app_label="stories", codename__in=codenames)
    )
    missing = set(codenames) - {p.codename for p in perms}
    if missing:
        raise RuntimeError(f"permissions not found: {sorted(missing)}")
    group, _ = Group.objects.get_or_create(name=EDITOR_GROUP)
    group.permissions.set(perms)


def remove_editor_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=EDITOR_GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_editor_group, remove_editor_group)]
