"""Which gold set a path holds, told from its content rather than its name.

A directory is a whole-article set (``<id>.txt`` + ``<id>.yaml`` pairs). A JSON-lines file is
told by its first record:

- ``actors``: NGEC actor tests, records with ``method`` and ``expect`` and no ``events``;
- ``plover``: PLOVER gold-standard records, with the original coding under ``plover.event``;
- ``codebook``: CAMEO codebook examples, flagged ``usable`` true or false;
- ``petrarch``: PETRARCH unit-test records, each saying what it ``expect``s (events, none, an error);
- ``sentences``: anything else in the common shape (``id``, ``text``, ``events``), such as the
  ConfliBERT sentences.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

SETS = ("sentences", "actors", "plover", "codebook", "petrarch", "articles")
# The breakdowns each set's report can add (--by), and the sets that list their failures.
BREAKDOWNS = {
    "sentences": ("root", "class", "calibration"),
    "actors": (),
    "plover": ("type",),
    "codebook": ("root",),
    "petrarch": ("root", "class", "calibration"),
    "articles": ("article",),
}
LISTS_FAILURES = frozenset({"plover", "codebook", "petrarch", "articles"})


def check_breakdown(name: str, by: str | None) -> None:
    """Raise ValueError when the ``name`` set's report has no ``by`` breakdown."""
    if by is not None and by not in BREAKDOWNS[name]:
        offered = BREAKDOWNS[name]
        raise ValueError(f"--by {by} does not apply to the {name} set" + (f"; use {', '.join(offered)}" if offered else ""))


def detect_set(path: Path) -> str:
    """The name of the set at ``path`` (one of ``SETS``)."""
    path = Path(path)
    if path.is_dir():
        return "articles"
    record = _first_record(path)
    if record is None:
        return "sentences"  # the reader reports what is wrong with the file
    if "method" in record and "expect" in record and "events" not in record:
        return "actors"
    if isinstance(record.get("plover"), dict) and "event" in record["plover"]:
        return "plover"
    if isinstance(record.get("usable"), bool):
        return "codebook"
    if isinstance(record.get("expect"), str):
        return "petrarch"
    return "sentences"


def _first_record(path: Path) -> dict[str, Any] | None:
    try:
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    record = json.loads(line)
                    return record if isinstance(record, dict) else None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return None
    return None
