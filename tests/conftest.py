"""Suite-wide set-up: the test database and the cache."""

import pytest
from django.core.cache import cache


@pytest.fixture(scope="session")
def django_db_modify_db_settings(tmp_path_factory, django_db_modify_db_settings_parallel_suffix):
    """On SQLite, a test database in a file rather than in memory.

    Background workers (a thread in the browser tests) open connections of their own; to an
    in-memory database shared between threads SQLite answers "table is locked" at once instead
    of waiting, while a file waits for the writer as in production.
    """
    from django.conf import settings

    db = settings.DATABASES["default"]
    if db["ENGINE"] == "django.db.backends.sqlite3":
        db.setdefault("TEST", {})["NAME"] = str(tmp_path_factory.mktemp("db") / "test.sqlite3")


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: a rolled-back test's story id may come back."""
    cache.clear()
    yield
    cache.clear()
