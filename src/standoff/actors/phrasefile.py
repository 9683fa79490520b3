"""Read many actor phrases from JSON lines (``standoff actor --file phrases.jsonl``).

One object per line: ``{"text": "...", "date": "YYYY-MM-DD", "context": "...", "id": ...}``;
only ``text`` is required. A line's ``date`` and ``context`` override the defaults given on
the command line; its ``id`` (any JSON value) is echoed back with the result.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from standoff.actors.phrase import PhraseQuery
from standoff.errors import BadEncoding, InputNotFound, MalformedRecord, StandoffError
from standoff.text.readers import parse_date


def read_phrase_file(path: Path, day: date | None, context: str | None) -> list[tuple[Any, PhraseQuery]]:
    """(id or None, query) for every line of ``path``."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise InputNotFound("phrase file not found; check the path", file=str(path)) from None
    except UnicodeDecodeError as exc:
        raise BadEncoding(f"not UTF-8 text (byte {exc.start}); save the file as UTF-8", file=str(path)) from None
    items = []
    for number, line in enumerate(lines, start=1):
        if line.strip():
            items.append(_item(line, str(path), number, day, context))
    return items


def _item(line: str, file: str, number: int, day: date | None, context: str | None) -> tuple[Any, PhraseQuery]:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise MalformedRecord(f"not valid JSON ({exc.msg}, column {exc.colno})", file=file, line=number) from None
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str) or not obj["text"].strip():
        raise MalformedRecord('each line must be an object with a non-empty "text"', file=file, line=number)
    line_context = obj.get("context")
    if line_context is not None and not isinstance(line_context, str):
        raise MalformedRecord('"context" must be a string', file=file, line=number)
    line_day = day
    if obj.get("date"):
        if not isinstance(obj["date"], str):
            raise MalformedRecord('"date" must be a string written YYYY-MM-DD', file=file, line=number)
        try:
            line_day = parse_date(obj["date"])
        except StandoffError as exc:
            raise MalformedRecord(exc.message, file=file, line=number) from None
    return obj.get("id"), PhraseQuery(obj["text"], line_day, line_context if line_context is not None else context)
