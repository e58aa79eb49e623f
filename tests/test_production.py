"""The production way: settings that pass Django's deploy checks, gunicorn serving with DEBUG
off, hashed and compressed static files, security headers, no debug page, throttled logins."""

from __future__ import annotations

import gzip
import re
import sqlite3
import subprocess
import sys

import pytest
from django.urls import reverse

from tests.conftest import ROOT, manage, production_env


def test_the_documented_production_settings_pass_check_deploy_without_a_warning(tmp_path):
    done = manage(production_env(tmp_path), "check", "--deploy", "--fail-level", "WARNING")
    assert done.returncode == 0, done.stderr
    assert "System check identified no issues" in done.stdout
    assert "WARNINGS" not in done.stderr


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    env = production_env(tmp_path)
    del env["DJANGO_SECRET_KEY"]
    done = manage(env, "check")
    assert done.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in done.stderr
    assert "Traceback" not in done.stderr
    served = subprocess.run(
        [sys.executable, "-c", "import newsroom.wsgi"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert served.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in served.stderr


def test_debug_is_off_unless_asked_for(tmp_path):
    env = production_env(tmp_path)
    del env["DJANGO_DEBUG"]
    shown = "from django.conf import settings; print(settings.DEBUG)"
    done = manage(env, "shell", "-c", shown)
    assert done.stdout.strip().splitlines()[-1] == "False", done.stderr


def test_the_development_key_is_one_private_file_however_many_processes_start(tmp_path):
    key = tmp_path / "var" / "secret_key"
    code = (
        "import sys; from pathlib import Path; from newsroom.secret_key import local_secret_key;"
        "print(local_secret_key(Path(sys.argv[1])))"
    )
    starts = [
        subprocess.Popen(
            [sys.executable, "-c", code, str(key)], cwd=ROOT, stdout=subprocess.PIPE, text=True
        )
        for _ in range(6)
    ]
    keys = {p.communicate(timeout=60)[0].strip() for p in starts}
    assert len(keys) == 1 and len(keys.pop()) >= 50
    assert key.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in key.parent.iterdir()] == ["secret_key"]


# --- served by gunicorn --------------------------------------------------------------------


def test_pages_are_served_with_their_hashed_static_files(production_server):
    status, _, body = production_server.get("/stories/summit/")
    assert status == 200
    html = body.decode()
    assets = re.findall(r'(?:href|src)="(/static/[^"]+)"', html)
    assert any(re.fullmatch(r"/static/css/newsroom\.[0-9a-f]{12}\.css", a) for a in assets)
    assert any(re.fullmatch(r"/static/js/newsroom\.[0-9a-f]{12}\.js", a) for a in assets)
    assert any("/static/vendor/htmx" in a for a in assets)
    for asset in assets:
        status, headers, body = production_server.get(asset, headers={"Accept-Encoding": "gzip"})
        assert status == 200, asset
        # Hashed names never change content: browsers may keep them for good.
        assert (
            "immutable" in headers["Cache-Control"]
            and "max-age=315360000" in (headers["Cache-Control"])
        )
        if asset.endswith((".css", ".js")):
            assert headers.get("Content-Encoding") == "gzip"
            assert gzip.decompress(body)


def test_the_admins_static_files_are_served_too(production_server):
    status, _, body = production_server.get("/admin/login/")
    assert status == 200
    css = re.findall(r'href="(/static/admin/css/[^"]+\.css)"', body.decode())
    assert css
    assert all(production_server.get(c)[0] == 200 for c in css)


def test_security_headers_and_a_csp_without_unsafe_inline(production_server):
    status, headers, _ = production_server.get("/stories/summit/")
    assert status == 200
    csp = headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert headers["Strict-Transport-Security"].startswith("max-age=31536000")
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"


def test_reader_pages_set_no_cookie(production_server):
    for path in ("/", "/stories/summit/", "/stories/summit/quotes/", "/stories/summit/coverage/"):
        status, headers, _ = production_server.get(path)
        assert status == 200
        assert "Set-Cookie" not in headers, path


def test_the_admin_login_cookie_is_sent_over_https_only(production_server):
    _, headers, _ = production_server.get("/admin/login/")
    cookie = headers["Set-Cookie"]
    assert cookie.startswith("csrftoken=") and "Secure" in cookie


def test_plain_http_is_redirected_to_https(production_server):
    status, headers, _ = production_server.get("/stories/summit/", https=False)
    assert status == 301
    assert headers["Location"].startswith("https://")


def test_a_404_and_a_500_show_no_debug_page(production_server):
    status, _, body = production_server.get("/stories/no-such-story/")
    assert status == 404
    assert b"URLconf" not in body and b"DEBUG = True" not in body
    # Break the database under the running server: its error page must give nothing away.
    with sqlite3.connect(production_server.database) as db:
        db.execute("ALTER TABLE stories_story RENAME TO stories_story_away")
    try:
        status, _, body = production_server.get("/stories/summit/")
    finally:
        with sqlite3.connect(production_server.database) as db:
            db.execute("ALTER TABLE stories_story_away RENAME TO stories_story")
    assert status == 500
    for secret in ("Traceback", "DATABASE_URL", "SECRET_KEY", "sqlite", "stories_story"):
        assert secret.encode() not in body, secret


# --- login throttling (in process) ---------------------------------------------------------


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user(
        "editor", password="a long pass phrase 42", is_staff=True
    )


def login(client, password: str):
    return client.post(
        reverse("admin:login"),
        {"username": "editor", "password": password, "next": "/admin/"},
        REMOTE_ADDR="203.0.113.7",
    )


def test_the_right_password_is_refused_after_five_wrong_ones(client, editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert login(client, "wrong").status_code == 200  # the form again, with its error
    assert login(client, "wrong").status_code == 429
    response = login(client, "a long pass phrase 42")
    assert response.status_code == 429
    assert "Too many failed logins" in response.text
    assert "15 minutes" in response.text
    assert "_auth_user_id" not in client.session


def test_a_few_wrong_passwords_then_the_right_one_logs_in_and_clears_the_count(client, editor):
    for _ in range(3):
        login(client, "wrong")
    assert login(client, "a long pass phrase 42").status_code == 302
    client.logout()
    for _ in range(3):
        login(client, "wrong")
    # Three more, not six: the successful login cleared the count.
    assert login(client, "a long pass phrase 42").status_code == 302


def test_no_template_asks_htmx_to_evaluate_code_or_inline_styles():
    """The CSP refuses eval and inline styles: an hx-trigger filter (change[...]), hx-on, a js:
    hx-vals or a style attribute would fail in the browser, only at run time."""
    offending = []
    for template in (ROOT / "templates").rglob("*.html"):
        html = template.read_text()
        for pattern in (r'hx-trigger="[^"]*\[', r"hx-on", r'hx-vals=["\']\s*js:', r"\sstyle="):
            if re.search(pattern, html):
                offending.append(f"{template.relative_to(ROOT)}: {pattern}")
    assert not offending, offending


def test_browser_tests_never_wait_on_a_string_predicate():
    """page.wait_for_function("...") is eval in the page, which the CSP refuses: the test would
    fail for a reason no reader meets. expect(page.locator(...)) waits the same way."""
    offending = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "tests" / "e2e").glob("*.py")
        if "wait_for_function(" in path.read_text()
    ]
    assert not offending, offending
