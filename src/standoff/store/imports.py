"""Bring event data coded elsewhere into the store: GDELT 2.0 event files, KEDS series, PLOVER JSON lines.

Imported events go into the events table with ``origin`` set to their format and ids prefixed
with it, so the same queries, series and exports work on them. A bad line becomes a failure
row and the import goes on; importing the same file again adds nothing.
"""

from __future__ import annotations

import csv
import gzip
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from itertools import chain
from importlib.metadata import version
from pathlib import Path
from typing import Any

from standoff.errors import BadDate, InputNotFound, MalformedRecord, StandoffError, UnsupportedInput
from standoff.model import Failure
from standoff.progress import SILENT, Progress
from standoff.ontology import CameoCode, load_ontology, parent_of, quad_class_of_root, root_of
from standoff.ontology.codes import UnknownCode
from standoff.store.codes import GDELT_PREFIX, feature_of_gdelt_type, iso3_of
from standoff.store.db import Store
from standoff.store.exports import GDELT_COLUMNS
from standoff.store.rows import LOCATION_COLUMNS, Row

FORMATS = ("gdelt", "keds", "plover")
BATCH_ROWS = 50_000
DATE_BASIS = "dataset"  # the date the imported data set gives
_KEDS_COLUMNS = ("date", "source", "target", "code")
_PLOVER_QUAD = {("verbal", "cooperation"): 1, ("material", "cooperation"): 2, ("verbal", "conflict"): 3, ("material", "conflict"): 4}

_Reader = Callable[[Path], Iterator[Row | Failure]]


@dataclass(slots=True)
class ImportSummary:
    run_id: int
    read: int = 0  # data lines read
    added: int = 0  # events stored
    skipped: int = 0  # events whose id was stored already (by an earlier import, or earlier in the file)
    failures: int = 0

    def counts(self) -> dict[str, int]:
        return {"read": self.read, "added": self.added, "skipped": self.skipped, "failures": self.failures}

    def line(self) -> str:
        return (
            f"run {self.run_id}: {self.read} lines read, {self.added} events added, "
            f"{self.skipped} already stored, {self.failures} failures"
        )


def import_events(store: Store, path: str | Path, fmt: str, progress: Progress = SILENT) -> ImportSummary:
    """Import the events in ``path`` (plain or .gz) written in ``fmt`` (one of FORMATS); ``progress`` counts records read."""
    readers: dict[str, _Reader] = {"gdelt": _read_gdelt, "keds": _read_keds, "plover": _read_plover}
    if fmt not in readers:
        raise UnsupportedInput(f"cannot import {fmt!r}; choose one of {', '.join(FORMATS)}")
    file = Path(path)
    if not file.is_file():
        raise InputNotFound("no such file; check the path", file=str(file))
    items = readers[fmt](file)
    first = next(items, None)  # a file the format cannot read at all fails here, before a run is recorded
    versions = {"standoff": version("standoff"), "ontology": load_ontology().version}
    run_id = store.start_run("import-events", versions, {"file": str(file), "format": fmt})
    summary = ImportSummary(run_id)
    progress.start()
    rows: list[Row] = []
    failures: list[Failure] = []
    for item in chain([first] if first is not None else [], items):
        if isinstance(item, Failure):
            failures.append(item)
            summary.failures += 1
        else:
            rows.append({**item, "complete": item.get("source") is not None})
        summary.read += 1
        if len(rows) + len(failures) >= BATCH_ROWS:
            _flush(store, summary, rows, failures, progress)
            rows, failures = [], []
    _flush(store, summary, rows, failures, progress)
    progress.stop()
    store.finish_run(run_id, summary.counts())
    return summary


def _flush(store: Store, summary: ImportSummary, rows: list[Row], failures: list[Failure], progress: Progress) -> None:
    added = store.add_events(summary.run_id, rows, failures, summary.counts())
    summary.added += added
    summary.skipped += len(rows) - added
    progress.advance(len(rows) + len(failures), added=summary.added, failures=summary.failures)


# ---------------------------------------------------------------- shared


def _lines(file: Path) -> Iterator[tuple[int, str | Failure]]:
    """(line number, text) for each line, or a Failure for a line that is not UTF-8."""
    opener = gzip.open if file.suffix == ".gz" else open
    try:
        with opener(file, "rb") as stream:
            for number, raw in enumerate(stream, start=1):
                try:
                    yield number, raw.decode("utf-8-sig" if number == 1 else "utf-8").rstrip("\r\n")
                except UnicodeDecodeError:
                    yield number, _failure(file, number, MalformedRecord("the line is not UTF-8; convert the file"))
    except (OSError, EOFError) as exc:  # a truncated or corrupt .gz
        raise UnsupportedInput(f"cannot read the file ({exc})", file=str(file)) from None


def _failure(file: Path, line: int, error: StandoffError) -> Failure:
    return Failure(None, "import", error.code, error.message, file=str(file), line=line)


def _stem(file: Path) -> str:
    name = file.name
    for suffix in (".gz", ".csv", ".tsv", ".txt", ".jsonl", ".json"):
        name = name.removesuffix(suffix)
    return name


@cache
def _known(code: str) -> CameoCode | None:
    """The ontology entry of a code, or of its nearest ancestor the ontology has."""
    ontology = load_ontology()
    current: str | None = code
    while current is not None:
        found = ontology.get(current)
        if found is not None:
            return found
        current = parent_of(current)
    return None


def _cameo_fields(code: str) -> dict[str, Any]:
    """Root, Goldstein, QuadClass and PLOVER of a CAMEO code; raises MalformedRecord if it is no code."""
    try:
        root = root_of(code)
    except UnknownCode as exc:
        raise MalformedRecord(str(exc)) from None
    known = _known(code)
    exact = known is not None and known.code == code
    return {
        "cameo": code,
        "cameo_root": root,
        "goldstein": known.goldstein if known else None,
        "quad_class": quad_class_of_root(root),
        "plover": known.plover if exact else None,
        "plover_mode": known.plover_mode if exact else None,
        "plover_context": known.plover_context if exact else None,
    }


def _actor(prefix: str, code: str | None, country: str | None = None, sector: str | None = None) -> dict[str, Any]:
    code = code or None
    return {
        prefix: code,
        f"{prefix}_country": country if country is not None else (code[:3] if code else None),
        f"{prefix}_sector": sector if sector is not None else (code[3:] or None if code else None),
    }


def _day(text: str, parse: Callable[[str], date]) -> date:
    try:
        return parse(text)
    except ValueError:
        raise BadDate(f"cannot read the date {text!r}") from None


# ---------------------------------------------------------------- KEDS


def _read_keds(file: Path) -> Iterator[Row | Failure]:
    """KEDS/TABARI series as CSV: date, source, target, code (all text; leading zeros matter)."""
    lines = _lines(file)
    header = next(lines, None)
    columns = next(csv.reader([header[1]])) if header and isinstance(header[1], str) else []
    if not set(_KEDS_COLUMNS) <= set(columns):
        raise MalformedRecord(f"a KEDS series needs the columns {', '.join(_KEDS_COLUMNS)}", file=str(file), line=1)
    at = {name: columns.index(name) for name in _KEDS_COLUMNS}
    stem = _stem(file)
    for number, line in lines:
        if isinstance(line, Failure):
            yield line
            continue
        if not line.strip():
            continue
        fields = next(csv.reader([line]))
        try:
            if len(fields) != len(columns):
                raise MalformedRecord(f"expected {len(columns)} fields, got {len(fields)}")
            yield {
                "id": f"keds:{stem}:{number}",
                "event_date": _day(fields[at["date"]], date.fromisoformat),
                "date_basis": DATE_BASIS,
                **_actor("source", fields[at["source"]].strip()),
                **_actor("target", fields[at["target"]].strip()),
                **_cameo_fields(fields[at["code"]].strip()),
                "origin": "keds",
            }
        except StandoffError as exc:
            yield _failure(file, number, exc)


# ---------------------------------------------------------------- GDELT 2.0


def _read_gdelt(file: Path) -> Iterator[Row | Failure]:
    """A GDELT 2.0 event table: 61 tab-separated columns, no header."""
    for number, line in _lines(file):
        if isinstance(line, Failure):
            yield line
        elif line.strip():
            try:
                yield _gdelt_row(line.split("\t"))
            except StandoffError as exc:
                yield _failure(file, number, exc)


def _gdelt_row(fields: list[str]) -> Row:
    if len(fields) != len(GDELT_COLUMNS):
        raise MalformedRecord(f"a GDELT 2.0 event line has {len(GDELT_COLUMNS)} tab-separated fields, not {len(fields)}")
    f = dict(zip(GDELT_COLUMNS, fields))
    if not f["GlobalEventID"].isdigit():
        raise MalformedRecord(f"GlobalEventID must be a number, not {f['GlobalEventID']!r}")
    row: Row = {
        "id": GDELT_PREFIX + f["GlobalEventID"],
        "event_date": _day(f["Day"], lambda s: datetime.strptime(s, "%Y%m%d").date()) if f["Day"] else None,
        "date_basis": DATE_BASIS,
        "origin": "gdelt",
        "url": f["SOURCEURL"] or None,
    }
    for number, role in (("1", "source"), ("2", "target")):
        p = f"Actor{number}"
        sector = "".join(f[f"{p}Type{i}Code"] for i in (1, 2, 3))
        row.update(_actor(role, f[f"{p}Code"], f[f"{p}CountryCode"] or None, sector or None))
        row[f"{role}_text"] = f[f"{p}Name"] or None
    row.update(_cameo_fields(f["EventCode"]))
    if f["QuadClass"]:
        row["quad_class"] = _number(f["QuadClass"], int, "QuadClass")
    if f["GoldsteinScale"]:
        row["goldstein"] = _number(f["GoldsteinScale"], float, "GoldsteinScale")
    if f["ActionGeo_Type"] or f["ActionGeo_FullName"]:
        row.update(
            location_name=f["ActionGeo_FullName"] or None,
            location_country=iso3_of(f["ActionGeo_CountryCode"]),
            location_admin1=f["ActionGeo_ADM1Code"] or None,
            location_lat=_number(f["ActionGeo_Lat"], float, "ActionGeo_Lat") if f["ActionGeo_Lat"] else None,
            location_lon=_number(f["ActionGeo_Long"], float, "ActionGeo_Long") if f["ActionGeo_Long"] else None,
            location_feature=feature_of_gdelt_type(f["ActionGeo_Type"]),
        )
    return row


def _number(text: str, kind: type[int] | type[float], name: str) -> Any:
    try:
        return kind(text)
    except ValueError:
        raise MalformedRecord(f"{name} must be a number, not {text!r}") from None


# ---------------------------------------------------------------- PLOVER


def _read_plover(file: Path) -> Iterator[Row | Failure]:
    """PLOVER JSON lines: id, date, actor, recipient, event, mode, context, event_text (event_loc if known)."""
    for number, line in _lines(file):
        if isinstance(line, Failure):
            yield line
        elif line.strip():
            try:
                yield _plover_row(line)
            except StandoffError as exc:
                yield _failure(file, number, exc)


def _plover_row(line: str) -> Row:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise MalformedRecord(f"not valid JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(record, dict):
        raise MalformedRecord("each line must be a JSON object")
    event_id, event = record.get("id"), record.get("event")
    if isinstance(event_id, bool) or not isinstance(event_id, str | int) or str(event_id) == "":
        raise MalformedRecord("the record needs an 'id' (a string or number)")
    ontology = load_ontology()
    try:
        kind = ontology.plover_type(event) if isinstance(event, str) else None
    except UnknownCode:
        kind = None
    if kind is None:
        raise MalformedRecord(f"'event' must be a PLOVER event type, not {event!r}")
    row: Row = {
        "id": f"plover:{event_id}",
        "event_date": _day(_text(record, "date"), lambda s: date.fromisoformat(s[:10])) if record.get("date") else None,
        "date_basis": DATE_BASIS,
        **_actor("source", _text(record, "actor"), _text(record, "actor_country")),
        **_actor("target", _text(record, "recipient"), _text(record, "recipient_country")),
        "text": _text(record, "event_text"),
        "origin": "plover",
    }
    cameo = _text(record, "cameo")
    row.update(_cameo_fields(cameo) if cameo else {"quad_class": _PLOVER_QUAD.get((kind.kind, kind.orientation))})
    context = record.get("context")
    row.update(
        plover=kind.name,
        plover_mode=_text(record, "mode"),
        plover_context=",".join(map(str, context)) or None if isinstance(context, list) else _text(record, "context"),
    )
    place = record.get("event_loc")
    if isinstance(place, dict):
        for key, column in LOCATION_COLUMNS.items():
            row[column] = _text(place, key) if key in _PLACE_TEXT else _number_field(place, key)
    return row


_PLACE_TEXT = frozenset({"name", "country", "admin1", "feature"})


def _number_field(place: dict[str, Any], key: str) -> float | int | None:
    value = place.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or (key == "geonames_id" and not isinstance(value, int)):
        raise MalformedRecord(f"event_loc '{key}' must be a number")
    return value if key == "geonames_id" else float(value)


def _text(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise MalformedRecord(f"'{key}' must be a string")
    return value
