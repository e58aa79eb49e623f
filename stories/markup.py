"""An article's raw text as safe HTML: its blocks, with evidence sentences and quotes marked.

Everything taken from the text goes through ``escape``; the only markup is ours. Spans may
overlap (a quote inside an evidence sentence, two events from one sentence) or cross a block's
edge: the text is cut at every span edge, and each piece opens and closes its own wrappers, so
the HTML is always well nested. A span's links (its event, its speaker) are notes beside the
paragraph where it ends, never chips inside the sentence, which a reader has to read around;
the span itself names them on hover.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

# What each block kind is rendered as: (tag, css class, label shown to the reader or "").
BLOCK_KINDS = {
    "headline": ("p", "blk-headline", ""),
    "subheadline": ("p", "blk-subheadline", ""),
    "byline": ("p", "blk-byline", "Byline"),
    "dateline": ("p", "blk-dateline", "Dateline"),
    "heading": ("h3", "blk-heading", ""),
    "caption": ("p", "blk-caption", "Caption"),
    "boilerplate": ("p", "blk-boilerplate", "Not part of the story"),
    "body": ("p", "blk-body", ""),
}


@dataclass
class Span:
    """A marked stretch of the text: ``kind`` is "evidence" or "quote"."""

    kind: str
    start: int
    end: int
    anchor: str = ""  # an id for the span's first piece, e.g. "s-120"
    links: list[tuple[str, str]] = field(default_factory=list)  # (url, text) shown after it
    title: str = ""


def _open(span: Span, first: bool) -> str:
    css = "ev" if span.kind == "evidence" else "qt"
    id_attr = format_html(' id="{}"', span.anchor) if first and span.anchor else ""
    hover = span.title or "; ".join(text for _, text in span.links)
    title = format_html(' title="{}"', hover) if hover else ""
    return format_html('<span class="{}"{}{}>', css, id_attr, title)


def _notes(spans: list[Span]) -> str:
    items = "".join(
        format_html(
            '<li><a class="{}" href="{}">{}</a></li>',
            "ev-ref" if span.kind == "evidence" else "qt-ref",
            url,
            text,
        )
        for span in spans
        for url, text in span.links
    )
    if not items:
        return ""
    return format_html(
        '<div class="blk-notes"><ul>{}</ul></div>',
        mark_safe(items),  # noqa: S308 - built by format_html above
    )


def render_blocks(raw_text: str, blocks: list[dict], spans: list[Span]) -> list[SafeString]:
    """The article's blocks as HTML, in text order, with ``spans`` marked inside them."""
    if not blocks:
        blocks = [{"kind": "body", "start": 0, "end": len(raw_text)}]
    spans = [s for s in spans if 0 <= s.start < s.end <= len(raw_text)]
    ordered = []
    for block in sorted(blocks, key=lambda b: (int(b["start"]), int(b["end"]))):
        b_start, b_end = max(0, int(block["start"])), min(len(raw_text), int(block["end"]))
        if b_start < b_end:
            ordered.append((block, b_start, b_end))
    # A span's links go after its last piece: in the last block it reaches into.
    last_block = {}
    for n, (_, b_start, b_end) in enumerate(ordered):
        for s in spans:
            if s.start < b_end and s.end > b_start:
                last_block[id(s)] = n
    out = []
    opened: set[int] = set()  # spans whose first piece (and so their id) was already written
    for n, (block, b_start, b_end) in enumerate(ordered):
        inside = [s for s in spans if s.start < b_end and s.end > b_start]
        cuts = {b_start, b_end}
        for s in inside:
            cuts.add(max(s.start, b_start))
            cuts.add(min(s.end, b_end))
        points = sorted(cuts)
        pieces = []
        for a, b in zip(points, points[1:], strict=False):
            text = escape(raw_text[a:b])
            active = [s for s in inside if s.start <= a and s.end >= b]
            # Wider spans outside, so a quote sits inside its sentence.
            active.sort(key=lambda s: (s.start, -s.end, s.kind))
            html = text
            for s in reversed(active):
                first = id(s) not in opened
                opened.add(id(s))
                html = _open(s, first) + html + "</span>"
            pieces.append(html)
        tag, css, label = BLOCK_KINDS.get(block.get("kind", "body"), BLOCK_KINDS["body"])
        label_html = format_html('<span class="blk-label">{}</span> ', label) if label else ""
        # Every piece above is escaped text or markup built by format_html.
        content = mark_safe("".join(pieces))  # noqa: S308
        paragraph = format_html('<{} class="blk {}">{}{}</{}>', tag, css, label_html, content, tag)
        notes = _notes([s for s in inside if last_block[id(s)] == n])
        if notes:
            paragraph = format_html('<div class="blk-row">{}{}</div>', paragraph, notes)
        out.append(paragraph)
    return out
