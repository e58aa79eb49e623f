"""The development secret key: generated once per checkout, readable by its owner only."""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path


def local_secret_key(path: Path) -> str:
    """The key stored at ``path``, created if missing.

    Several processes may start at once (a server, an ingest, test workers); the key is written to
    a private temporary file and linked into place, which fails if another process got there
    first, so they all end up reading the one key and none reads a half-written file.
    """
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(fd, "w") as f:
                f.write(secrets.token_urlsafe(50))
            with contextlib.suppress(FileExistsError):
                os.link(tmp, path)
        finally:
            tmp.unlink(missing_ok=True)
    if path.stat().st_mode & 0o077:
        # A key file left readable by others by an earlier version: keep the key, close it off.
        path.chmod(0o600)
    return path.read_text().strip()
