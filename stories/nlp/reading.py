"""Turning the bytes of an uploaded or stored file into article text, or saying clearly why not."""

from __future__ import annotations

_BOM = b"\xef\xbb\xbf"
# Control characters that never occur in prose; tab, newline and carriage return are fine.
_CONTROL = {c for c in range(32) if c not in (9, 10, 13)}


class UnreadableArticle(ValueError):
    """The file cannot be read as an article; the message names the file and the reason."""


def read_article_text(data: bytes, name: str, max_bytes: int = 2_000_000) -> str:
    """Decode ``data`` as UTF-8 article text with "\\n" newlines.

    Every offset the pipeline reports refers to the string returned here, so newlines are
    normalised before anything else looks at the text.
    """
    if len(data) > max_bytes:
        raise UnreadableArticle(
            f"{name}: file is too large ({len(data):,} bytes; the limit is {max_bytes:,})"
        )
    if b"\x00" in data:
        raise UnreadableArticle(f"{name}: looks like a binary file (it contains NUL bytes)")
    if data.startswith(_BOM):
        data = data[len(_BOM) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UnreadableArticle(
            f"{name}: is not UTF-8 text (invalid byte at position {exc.start}); "
            "save it as UTF-8 and try again"
        ) from exc
    if not text.strip():
        raise UnreadableArticle(f"{name}: is empty (no text besides whitespace)")
    control = sum(1 for ch in text if ord(ch) in _CONTROL)
    if control > max(3, len(text) // 100):
        raise UnreadableArticle(f"{name}: looks like a binary file (mostly non-text characters)")
    return text.replace("\r\n", "\n").replace("\r", "\n")
