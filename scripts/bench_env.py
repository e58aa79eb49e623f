"""The environment every benchmark runs in: production settings on a scratch database.

DEBUG is off, as in production, and forced off even under `make`, whose targets turn it on for
development: with DEBUG on, Django keeps every query in memory, which inflates both the timings
and the peak memory a benchmark reports. Production settings want a secret key and redirect
plain HTTP; a benchmark serves loopback only, so a throwaway key and no redirect stand in.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def use_production_settings(scratch_db: str) -> None:
    """Set the environment before ``django.setup()``; ``scratch_db`` names a fresh SQLite file
    under ``var/`` unless DATABASE_URL already names a database."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    os.environ["DJANGO_DEBUG"] = "0"
    os.environ.setdefault("DJANGO_SECRET_KEY", "benchmark-" + secrets.token_urlsafe(40))
    os.environ.setdefault("DJANGO_SSL_REDIRECT", "0")
    if "DATABASE_URL" not in os.environ:
        db = ROOT / "var" / scratch_db
        db.parent.mkdir(exist_ok=True)
        db.unlink(missing_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{db}"
