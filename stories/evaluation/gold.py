"""Reading a gold file: its evidence, its actors, its page furniture, and what is wrong with it."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from .text import as_list, file_key, normalize_name, normalize_text

_DATE_LABEL = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def event_evidence(event: Mapping[str, Any]) -> dict[str, list[str]]:
    return {
        file_key(f): [normalize_text(s) for s in as_list(v) if normalize_text(s)]
        for f, v in (event.get("evidence") or {}).items()
    }


def _split_furniture(text: str, entries: Iterable[Any]) -> tuple[str, str]:
    """(body, furniture) of one file; furniture spans are blanked out of the body."""
    covered = [False] * len(text)
    for entry in entries:
        if isinstance(entry, str):
            if not entry:
                continue
            start = text.find(entry)
            while start != -1:
                covered[start : start + len(entry)] = [True] * len(entry)
                start = text.find(entry, start + 1)
        else:
            start = text.find(entry.get("from") or "")
            if start == -1 or not entry.get("from"):
                continue
            end_marker = entry.get("to")
            if end_marker:
                end = text.find(end_marker, start)
                end = len(text) if end == -1 else end + len(end_marker)
            else:
                end = len(text)
            covered[start:end] = [True] * (end - start)
    body = "".join("\n" if c else ch for ch, c in zip(text, covered, strict=True))
    furniture = "".join(ch if c else "\n" for ch, c in zip(text, covered, strict=True))
    return normalize_text(body), normalize_text(furniture)


class Furniture:
    def __init__(self, gold: Mapping[str, Any], texts: Mapping[str, str] | None) -> None:
        self.parts: dict[str, tuple[str, str]] = {}
        if texts is None:
            return
        furniture = {file_key(f): v for f, v in (gold.get("furniture") or {}).items()}
        for name, text in texts.items():
            key = file_key(name)
            self.parts[key] = _split_furniture(text, furniture.get(key, ()))

    @property
    def known(self) -> bool:
        return bool(self.parts)

    def only_in_furniture(self, text: str, file: str | None = None) -> bool:
        """The text occurs in some file's furniture and in no file's body."""
        needle = normalize_text(text)
        if not needle or not self.parts:
            return False
        parts = (
            [self.parts[file_key(file)]]
            if file and file_key(file) in self.parts
            else list(self.parts.values())
        )
        in_furniture = any(needle in furniture for _, furniture in parts)
        in_body = any(needle in body for body, _ in parts)
        return in_furniture and not in_body


def actor_keys(actor: Mapping[str, Any]) -> set[str]:
    names = [actor.get("name"), *(actor.get("aliases") or [])]
    return {k for k in (normalize_name(n) for n in names if n) if k}


class GoldActors:
    def __init__(self, gold: Mapping[str, Any]) -> None:
        self.actors = list(gold.get("actors") or [])
        self.keys = [actor_keys(a) for a in self.actors]

    def matching(self, keys: set[str]) -> list[int]:
        return [i for i, gold_keys in enumerate(self.keys) if keys & gold_keys]

    def index_of(self, name: str | None) -> int | None:
        key = normalize_name(name)
        for i, actor in enumerate(self.actors):
            if normalize_name(actor.get("name")) == key:
                return i
        hits = self.matching({key}) if key else []
        return hits[0] if len(hits) == 1 else None


def gold_problems(gold: Mapping[str, Any], texts: Mapping[str, str]) -> tuple[str, ...]:
    """What is wrong with a gold file: evidence that is not an exact substring of its article,
    unknown speakers, bad dates, duplicate ids. Empty when the gold is sound."""
    problems: list[str] = []
    by_key = {file_key(name): text for name, text in texts.items()}

    def check(where: str, file: str, snippet: str) -> None:
        text = by_key.get(file_key(file))
        if text is None:
            problems.append(f"{where}: no text for file {file}")
        elif not snippet or snippet not in text:
            problems.append(f"{where}: not in {file}: {snippet!r}")

    gold_actors = GoldActors(gold)
    for item in ("events", "quotes"):
        ids = Counter(str(x.get("id")) for x in gold.get(item) or [])
        problems.extend(f"duplicate {item[:-1]} id {i}" for i, n in ids.items() if n > 1)
    for event in gold.get("events") or []:
        date = event.get("date")
        if date is not None and not _DATE_LABEL.match(str(date)):
            problems.append(f"{event.get('id')}: bad date {date!r}")
        if not event.get("evidence"):
            problems.append(f"{event.get('id')}: no evidence")
        for file, snippets in (event.get("evidence") or {}).items():
            for snippet in as_list(snippets):
                check(str(event.get("id")), file, snippet)
    for quote in gold.get("quotes") or []:
        speaker = quote.get("speaker")
        if speaker is not None and gold_actors.index_of(speaker) is None:
            problems.append(f"{quote.get('id')}: speaker {speaker!r} is not a gold actor")
        for file, snippet in (quote.get("evidence") or {}).items():
            check(str(quote.get("id")), file, snippet)
    for file, entries in (gold.get("furniture") or {}).items():
        for entry in entries:
            if isinstance(entry, str):
                check("furniture", file, entry)
            else:
                check("furniture", file, entry.get("from") or "")
                if entry.get("to"):
                    check("furniture", file, entry["to"])
    return tuple(problems)


def read_texts(directory: str | Path, files: Iterable[str]) -> dict[str, str]:
    """The articles named in a gold file, read from the story's fixture directory."""
    root = Path(directory)
    return {name: (root / name).read_text(encoding="utf-8") for name in files}
