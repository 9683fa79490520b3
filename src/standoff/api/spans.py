"""Where an event sits in its article's text: the spans the dashboard highlights."""

from __future__ import annotations

from typing import Any


def _span(row: dict[str, Any], start: str, end: str) -> list[int] | None:
    first, last = row.get(start), row.get(end)
    return [first, last] if first is not None and last is not None else None


def event_spans(row: dict[str, Any]) -> dict[str, list[int] | None]:
    """Spans of a stored event row (or of an event record, whose sentence span is start/end)."""
    sentence = _span(row, "sentence_start", "sentence_end") or _span(row, "start", "end")
    return {
        "sentence": sentence,
        "trigger": _span(row, "trigger_start", "trigger_end"),
        "source": _span(row, "source_start", "source_end"),
        "target": _span(row, "target_start", "target_end"),
    }
