"""What reader pages reuse: cache entries and HTTP validators keyed by the story's version.

A story's version changes with every write to it (stories/versions.py), so nothing here is ever
invalidated: an entry of an older version is simply never asked for again and ages out.

- ``cached`` keeps computed values (facet counts, rendered event lists) in Django's cache.
- ``story_page`` wraps a reader view: it loads the story once, answers a conditional GET with
  304 Not Modified when the reader already has this version of the page (a reload, a Back), and
  otherwise sends the page with its ETag and Last-Modified.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import datetime
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date

from stories import models as m

T = TypeVar("T")

# Entries outlive no edit (the version is in the key); the timeout only bounds memory.
TIMEOUT = 60 * 60
# The request headers a reader page's content depends on besides its URL (htmx asks for a
# fragment, the history cache asks for the whole page, a link's swap also refreshes the form).
_VARY = ("HX-Request", "HX-History-Restore-Request", "HX-Trigger", "HX-Target")


def _release() -> tuple[str, float]:
    """A digest and time of the code and templates that render pages: a deploy is a new page."""
    root = Path(__file__).resolve().parent.parent
    files = sorted(
        p
        for folder in (root / "stories", root / "templates")
        for p in folder.rglob("*")
        if p.suffix in {".py", ".html"} and "nlp" not in p.parts
    )
    digest = hashlib.sha1()
    latest = 0.0
    for path in files:
        stat = path.stat()
        digest.update(f"{path.relative_to(root)}:{stat.st_mtime_ns}:{stat.st_size}".encode())
        latest = max(latest, stat.st_mtime)
    return digest.hexdigest()[:12], latest


RELEASE, RELEASED_AT = _release()


def key(story: m.Story, *parts: object) -> str:
    """A cache key for this version of the story; long parts (query strings) are digested."""
    text = "\x1f".join(str(p) for p in parts)
    digest = hashlib.sha1(text.encode()).hexdigest()
    # The creation time keeps a recreated database (a reused id) from meeting old entries.
    return f"story:{story.pk}:{story.created.timestamp()}:{story.version}:{RELEASE}:{digest}"


def cached(story: m.Story, parts: tuple, compute: Callable[[], T]) -> T:
    """The value computed for ``parts`` of this story version, computing it at most once."""
    k = key(story, *parts)
    value = cache.get(k)
    if value is None:
        value = compute()
        cache.set(k, value, TIMEOUT)
    return value


def page_etag(request: HttpRequest, story: m.Story) -> str:
    headers = [request.headers.get(h, "") for h in _VARY]
    # Staff see "Edit" links the same page lacks for readers: a login is a new page.
    staff = bool(getattr(request, "user", None) and request.user.is_staff)
    digest = hashlib.sha1(key(story, request.get_full_path(), *headers, staff).encode()).hexdigest()
    return f'"{digest}"'  # quoted, as If-None-Match compares it


def story_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Give ``view(request, story, ...)`` the story for ``slug`` and conditional GET."""

    @wraps(view)
    def wrapper(request: HttpRequest, slug: str, **kwargs: Any) -> HttpResponse:
        story = get_object_or_404(m.Story, slug=slug)
        etag = page_etag(request, story)
        changed: datetime = story.changed
        last_modified = max(changed.timestamp(), RELEASED_AT)
        response = get_conditional_response(request, etag=etag, last_modified=int(last_modified))
        if response is None:
            response = view(request, story, **kwargs)
            if request.method not in ("GET", "HEAD") or response.status_code != 200:
                return response
        response["ETag"] = etag
        response["Last-Modified"] = http_date(last_modified)
        patch_vary_headers(response, _VARY)
        # The reader's browser keeps the page but asks (a cheap 304) before showing it again.
        patch_cache_control(response, private=True, no_cache=True)
        return response

    return wrapper
