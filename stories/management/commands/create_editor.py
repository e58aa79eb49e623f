"""Create (or promote) an editor: a staff account in the Editor group, never a superuser."""

from __future__ import annotations

import getpass
import os

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from stories.models import EDITOR_GROUP

PASSWORD_ENV = "NEWSROOM_EDITOR_PASSWORD"


class Command(BaseCommand):
    help = (
        "Create an editor account (staff, in the Editor group) or add an existing user to the "
        f"group. The password is read from ${PASSWORD_ENV} or asked for; there is no default."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("username")
        parser.add_argument("--email", default="")

    def handle(self, *args, username: str, email: str, **opts) -> None:
        try:
            group = Group.objects.get(name=EDITOR_GROUP)
        except Group.DoesNotExist as exc:
            raise CommandError("the Editor group is missing: run `manage.py migrate`") from exc
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        with transaction.atomic():
            if user is None:
                user = User(username=username, email=email, is_staff=True)
                password = self._password(user)
                user.set_password(password)
                user.save()
                verb = "Created editor"
            else:
                user.is_staff = True
                user.save(update_fields=["is_staff"])
                verb = "Made editor of existing user"
            user.groups.add(group)
        self.stdout.write(self.style.SUCCESS(f"{verb} {username!r}."))

    def _password(self, user) -> str:
        password = os.environ.get(PASSWORD_ENV)
        if password is None:
            if not self.stdin_is_interactive():
                raise CommandError(f"no password: set ${PASSWORD_ENV} or run interactively")
            password = getpass.getpass("Password: ")
            if password != getpass.getpass("Password (again): "):
                raise CommandError("the two passwords differ")
        try:
            validate_password(password, user)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        return password

    @staticmethod
    def stdin_is_interactive() -> bool:
        import sys

        return sys.stdin.isatty()
