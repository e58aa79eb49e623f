"""Suite-wide set-up: the test database, the cache, and a server started the production way."""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.core.cache import cache

ROOT = Path(__file__).resolve().parent.parent
SUMMIT = ROOT / "fixtures" / "articles" / "summit"


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


@dataclass
class ProductionServer:
    url: str
    env: dict[str, str]
    database: Path

    def get(
        self, path: str, *, https: bool = True, headers: dict | None = None
    ) -> tuple[int, dict[str, str], bytes]:
        """One request, as the HTTPS proxy in front would pass it on (unless https=False)."""
        request = urllib.request.Request(self.url + path, headers=headers or {})
        if https:
            request.add_header("X-Forwarded-Proto", "https")
        opener = urllib.request.build_opener(_NoRedirect)
        try:
            with opener.open(request, timeout=30) as response:
                return response.status, dict(response.headers), response.read()
        except urllib.error.HTTPError as exc:
            return exc.code, dict(exc.headers), exc.read()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def production_env(tmp: Path) -> dict[str, str]:
    """The production settings the README documents, on a database of the test's own."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    env.update(
        DJANGO_SETTINGS_MODULE="newsroom.settings",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_BEHIND_HTTPS_PROXY="1",
        DJANGO_STATIC_ROOT=str(tmp / "static"),
        DATABASE_URL=f"sqlite:///{tmp / 'db.sqlite3'}",
    )
    return env


def manage(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def production_server(tmp_path_factory) -> ProductionServer:
    """gunicorn on 127.0.0.1 with DEBUG off, after `collectstatic`, as `make serve` runs it,
    serving the summit story. SQLite: what is tested here does not depend on the database."""
    tmp = tmp_path_factory.mktemp("production")
    env = production_env(tmp)
    for args in (
        ("migrate", "--noinput"),
        ("collectstatic", "--noinput", "-v0"),
        ("ingest", str(SUMMIT), "--story", "summit"),
    ):
        done = manage(env, *args)
        assert done.returncode == 0, done.stderr
    port = _free_port()
    log = (tmp / "gunicorn.log").open("wb")
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "newsroom.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
        ],
        env=env,
        cwd=ROOT,
        stdout=log,
        stderr=log,
    )
    live = ProductionServer(f"http://127.0.0.1:{port}", env, tmp / "db.sqlite3")
    deadline = time.monotonic() + 60
    while True:
        try:
            live.get("/")
            break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                log.close()
                tail = (tmp / "gunicorn.log").read_text()[-2000:]
                pytest.fail(f"gunicorn did not start: {tail}")
            time.sleep(0.2)
    yield live
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
    log.close()
