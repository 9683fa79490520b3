"""Read gold-standard event files (JSON lines) into plain records.

One JSON object per line: ``{"id", "text", "date", "events": [{"source", "target", "code",
"plover", "penta_class"}, ...], "expect"}``. Every field but ``id`` and ``text`` may be
missing or null, so one reader serves coded sets (PETRARCH), class-only sets (ConfliBERT)
and anything written in the same shape.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Iterable

from standoff.errors import BadDate, BadGoldFile, InputNotFound
from standoff.model import Article
from standoff.text.readers import parse_date

# `expect` values that say "nothing may be coded here" (spellings used by the gold sets).
NO_EVENT_EXPECTS = frozenset({"noevents", "no_events", "no_events_implicit"})


@dataclass(frozen=True, slots=True)
class GoldEvent:
    source: str | None
    target: str | None
    code: str | None
    plover: str | None
    penta_class: int | None
    source_text: tuple[str, ...] = ()  # the words the gold marks as the source, where it does


@dataclass(frozen=True, slots=True)
class GoldRecord:
    id: str
    text: str
    date: date | None
    events: tuple[GoldEvent, ...]
    expect: str | None

    @property
    def expects_no_event(self) -> bool:
        return not self.events and self.expect in NO_EVENT_EXPECTS

    @property
    def source_texts(self) -> tuple[str, ...]:
        return tuple(text for event in self.events for text in event.source_text)


@dataclass(frozen=True, slots=True)
class GoldLine:
    """A record with the line it came from and its whole JSON object, for sets whose records
    carry more than the common fields (PLOVER's original coding, the codebook's flags)."""

    number: int
    data: dict[str, Any]
    record: GoldRecord


def read_gold(path: Path) -> list[GoldRecord]:
    """Read a gold JSONL file. Records marked ``"evaluated": false`` were switched off by
    their authors and are left out."""
    return [line.record for line in read_gold_lines(path)]


def read_gold_lines(path: Path) -> list[GoldLine]:
    """``read_gold`` with each record's line number and JSON object."""
    path = Path(path)
    if not path.is_file():
        raise InputNotFound("gold file not found; check the path", file=str(path))
    lines: list[GoldLine] = []
    seen: set[str] = set()
    try:
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                obj = _load_object(line, path, number)
                if obj.get("evaluated") is False:
                    continue
                record = _record(obj, path, number)
                if record.id in seen:
                    raise BadGoldFile(f"duplicate record id {record.id!r}", file=str(path), line=number)
                seen.add(record.id)
                lines.append(GoldLine(number, obj, record))
    except UnicodeDecodeError as exc:
        raise BadGoldFile(f"not UTF-8 text ({exc.reason}); re-save the file as UTF-8", file=str(path)) from exc
    return lines


def to_articles(records: Iterable[GoldRecord]) -> list[Article]:
    return [Article(id=r.id, text=r.text, published=r.date) for r in records]


def _load_object(line: str, path: Path, number: int) -> dict[str, Any]:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise BadGoldFile(f"not valid JSON ({exc.msg}, column {exc.colno})", file=str(path), line=number) from exc
    if not isinstance(obj, dict):
        raise BadGoldFile("each line must be a JSON object", file=str(path), line=number)
    return obj


def _record(obj: dict[str, Any], path: Path, number: int) -> GoldRecord:
    def bad(message: str) -> BadGoldFile:
        return BadGoldFile(message, file=str(path), line=number)

    record_id = obj.get("id")
    if not isinstance(record_id, str) or not record_id:
        raise bad('"id" must be a non-empty string')
    text = obj.get("text")
    if not isinstance(text, str):
        raise bad('"text" must be a string')
    events = obj.get("events") or []
    if not isinstance(events, list) or not all(isinstance(e, dict) for e in events):
        raise bad('"events" must be a list of objects')
    expect = obj.get("expect")
    if expect is not None and not isinstance(expect, str):
        raise bad('"expect" must be a string or null')
    try:
        published = _parse_date(obj.get("date"))
        gold_events = tuple(_event(e) for e in events)
    except ValueError as exc:
        raise bad(str(exc)) from exc
    return GoldRecord(id=record_id, text=text, date=published, events=gold_events, expect=expect)


def _event(obj: dict[str, Any]) -> GoldEvent:
    penta = obj.get("penta_class")
    # bool is an int subclass: reject it explicitly.
    if penta is not None and (isinstance(penta, bool) or not isinstance(penta, int) or not 0 <= penta <= 4):
        raise ValueError(f'"penta_class" must be an integer 0-4 or null, not {penta!r}')
    return GoldEvent(
        # PETRARCH writes raw noun-phrase text where no actor code exists; that is no code.
        source=None if obj.get("source_is_text") else _code(obj, "source"),
        target=None if obj.get("target_is_text") else _code(obj, "target"),
        code=_code(obj, "code"),
        plover=_code(obj, "plover"),
        penta_class=penta,
        source_text=tuple(t for t in obj.get("source_text") or () if isinstance(t, str)),
    )


def _code(obj: dict[str, Any], key: str) -> str | None:
    value = obj.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f'event "{key}" must be a string or null, not {value!r}')
    return value.strip() or None


def _parse_date(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValueError(f'"date" must be a string or null, not {value!r}')
    try:
        return parse_date(value)
    except BadDate:
        raise ValueError(f'"date" {value!r} is neither YYYYMMDD nor an ISO date') from None
