"""A folder's manifest: what it says about each article, checked whole before any extraction.

A JSON list of ``{"file", "outlet", "url", "published", "author"}``; only ``file`` is required.
A value of the wrong type is refused naming the file and the key (rather than failing after
minutes of extraction, or being stored as the text of a Python list); a blank string means
the same as ``null``.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

# The longest value each text field is stored with (stories.models).
LIMITS = {"outlet": 200, "author": 200, "url": 500}
FIELDS = ("file", "outlet", "url", "published", "author")
MAX_MANIFEST_BYTES = 5_000_000


class ManifestError(ValueError):
    """The manifest cannot be used; the message names the manifest, the file and the key."""


def read_manifest(path: Path) -> dict[str, dict]:
    """Each article's entry by file name, every value checked and blanks made ``None``."""
    try:
        if path.stat().st_size > MAX_MANIFEST_BYTES:
            raise ManifestError(
                f"{path}: the manifest is larger than {MAX_MANIFEST_BYTES:,} bytes; "
                "is this the right file?"
            )
        entries = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ManifestError(f"{path}: cannot read the manifest ({exc})") from exc
    except json.JSONDecodeError as exc:
        raise ManifestError(f"{path}: the manifest is not valid JSON ({exc})") from exc
    if not isinstance(entries, list):
        raise ManifestError(
            f'{path}: the manifest must be a JSON list of objects with a "file", '
            f"not {_kind(entries)}"
        )
    manifest: dict[str, dict] = {}
    for n, entry in enumerate(entries, 1):
        where = f"{path}: entry {n}"
        if not isinstance(entry, dict):
            raise ManifestError(f'{where} must be an object with a "file", not {_kind(entry)}')
        name = entry.get("file")
        if not isinstance(name, str) or not name.strip():
            raise ManifestError(f'{where} needs a "file": the article\'s file name, as text')
        name = name.strip()
        where = f'{path}: "{name}"'
        unknown = sorted(set(entry) - set(FIELDS))
        if unknown:
            raise ManifestError(
                f"{where} has unknown keys {', '.join(map(repr, unknown))}; "
                f"the keys are {', '.join(FIELDS)}"
            )
        if name in manifest:
            raise ManifestError(f"{where} is listed twice")
        manifest[name] = {
            "file": name,
            **{key: _text(where, key, entry.get(key)) for key in LIMITS},
            "published": _published(where, entry.get("published")),
        }
        url = manifest[name]["url"]
        if url and not url.lower().startswith(("http://", "https://")):
            # Shown as a link to readers: anything but a web address (javascript:, data:) is out.
            raise ManifestError(f'{where} has a "url" that is not http(s): {url!r}')
    return manifest


def _text(where: str, key: str, value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ManifestError(f'{where}: "{key}" must be text or null, not {_kind(value)}')
    value = " ".join(value.split()) if key != "url" else value.strip()
    if len(value) > LIMITS[key]:
        raise ManifestError(
            f'{where}: "{key}" is longer than {LIMITS[key]} characters ({len(value)})'
        )
    return value or None


def _published(where: str, value: object) -> date | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ManifestError(
            f'{where}: "published" must be a date as text (YYYY-MM-DD) or null, not {_kind(value)}'
        )
    if not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError as exc:
        raise ManifestError(
            f'{where}: "published" is not a date in the form YYYY-MM-DD: {value!r}'
        ) from exc


def _kind(value: object) -> str:
    kinds = {
        bool: "true/false",
        int: "a number",
        float: "a number",
        list: "a list",
        dict: "an object",
    }
    shown = json.dumps(value)[:40]
    return f"{kinds.get(type(value), type(value).__name__)} ({shown})"
