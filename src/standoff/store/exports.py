"""Write stored events for other tools: Parquet and CSV of the events table, GDELT 2.0 TSV, PLOVER JSON lines."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from standoff.errors import UnsupportedInput
from standoff.progress import SILENT, Progress
from standoff.store.codes import fips_of, gdelt_event_id, gdelt_geo_type
from standoff.store.db import Store
from standoff.store.queries import ORDER, EventFilter
from standoff.store.rows import LOCATION_COLUMNS

FORMATS = ("parquet", "csv", "gdelt", "plover")
PROGRESS_LINES = 10_000  # lines written between two reports of progress

_ACTOR_FIELDS = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code")
_GEO_FIELDS = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")

# The 61 columns of a GDELT 2.0 event table, in file order.
GDELT_COLUMNS: tuple[str, ...] = (
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{f}" for f in _ACTOR_FIELDS),
    *(f"Actor2{f}" for f in _ACTOR_FIELDS),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{f}" for f in _GEO_FIELDS),
    *(f"Actor2Geo_{f}" for f in _GEO_FIELDS),
    *(f"ActionGeo_{f}" for f in _GEO_FIELDS),
    "DATEADDED", "SOURCEURL",
)

# Fields a PLOVER line carries beyond the PLOVER core (id, date, actor, recipient, event, mode,
# context, event_text, event_loc), so that a re-import loses nothing standoff knows.
PLOVER_EXTRAS = ("actor_country", "recipient_country", "cameo")


@dataclass(frozen=True, slots=True)
class ExportResult:
    written: int
    skipped: int = 0  # events the format cannot hold (PLOVER: no PLOVER type for the CAMEO code)


def export_events(
    store: Store, fmt: str, out: str | Path, where: EventFilter = EventFilter(), progress: Progress = SILENT
) -> ExportResult:
    """Write the events matching ``where`` to ``out`` in ``fmt`` (one of FORMATS). ``progress`` counts the
    GDELT and PLOVER lines; Parquet and CSV are one DuckDB COPY, with nothing to count on the way."""
    sql, params = where.where()
    out = str(out)
    if fmt in ("parquet", "csv"):
        options = "FORMAT parquet" if fmt == "parquet" else "FORMAT csv, HEADER true"
        store.copy(f"SELECT * FROM events{sql}{ORDER}", params, out, options)
        return ExportResult(store.fetch(f"SELECT count(*) AS n FROM events{sql}", params).column("n")[0].as_py())
    if fmt == "gdelt":
        return _write_lines(out, (_gdelt_line(row) for row in _joined(store, sql, params)), progress)
    if fmt == "plover":
        return _write_lines(out, (_plover_line(row) for row in _joined(store, sql, params)), progress)
    raise UnsupportedInput(f"cannot export to {fmt!r}; choose one of {', '.join(FORMATS)}")


def _joined(store: Store, sql: str, params: list[Any]) -> Iterator[dict[str, Any]]:
    """Each event with what the exchange formats take from its article, run and incident."""
    query = f"""
        SELECT e.*, a.url AS article_url, r.started AS added,
               i.mentions AS incident_mentions, i.sources AS incident_sources, i.articles AS incident_articles
        FROM (SELECT * FROM events{sql}) e
        LEFT JOIN articles a ON a.id = e.article_id
        LEFT JOIN runs r ON r.id = e.run_id
        LEFT JOIN incidents i ON i.id = e.incident_id
        {ORDER}
    """
    for batch in store.batches(query, params):
        yield from batch.to_pylist()


def _write_lines(out: str, lines: Iterator[str | None], progress: Progress) -> ExportResult:
    written = skipped = 0
    progress.start()
    with open(out, "w", encoding="utf-8", newline="\n") as stream:
        for line in lines:
            if line is None:
                skipped += 1
            else:
                stream.write(line + "\n")
                written += 1
            if (written + skipped) % PROGRESS_LINES == 0:
                progress.advance(PROGRESS_LINES, written=written, skipped=skipped)
    progress.stop()
    return ExportResult(written, skipped)


def _flat(value: Any) -> str:
    """A GDELT field: empty when unknown, never a tab or line break inside."""
    if value is None:
        return ""
    return " ".join(str(value).split()) if isinstance(value, str) else str(value)


def _actor(row: dict[str, Any], role: str) -> list[str]:
    sector = row[f"{role}_sector"] or ""
    types = [sector[i : i + 3] for i in range(0, len(sector), 3)][:3]
    types += [""] * (3 - len(types))
    return [_flat(row[role]), _flat(row[f"{role}_text"]), _flat(row[f"{role}_country"]), "", "", "", "", *types]


def _gdelt_line(row: dict[str, Any]) -> str:
    day: date | None = row["event_date"]
    cameo: str | None = row["cameo"]
    native = row["origin"] == "standoff"
    counts = (row["incident_mentions"], row["incident_sources"], row["incident_articles"])
    if row["incident_id"] is None:
        counts = (1, 1, 1) if native else (None, None, None)
    has_place = row["location_name"] is not None or row["location_lat"] is not None
    action_geo = [
        gdelt_geo_type(row["location_feature"], row["location_country"]),
        _flat(row["location_name"]),
        _flat(fips_of(row["location_country"])),
        _flat(row["location_admin1"]),
        "",
        _flat(row["location_lat"]),
        _flat(row["location_lon"]),
        "",
    ] if has_place else [""] * 8
    added: datetime | None = row["added"]
    fields = [
        str(gdelt_event_id(row["id"])),
        day.strftime("%Y%m%d") if day else "",
        day.strftime("%Y%m") if day else "",
        str(day.year) if day else "",
        f"{day.year + day.timetuple().tm_yday / 365:.4f}" if day else "",
        *_actor(row, "source"),
        *_actor(row, "target"),
        "" if row["sentence_index"] is None else ("1" if row["sentence_index"] == 0 else "0"),
        _flat(cameo),
        _flat(cameo[:3] if cameo else None),
        _flat(row["cameo_root"]),
        _flat(row["quad_class"]),
        _flat(row["goldstein"]),
        *(_flat(c) for c in counts),
        "",  # AvgTone: standoff does not measure tone
        *[""] * 8,
        *[""] * 8,
        *action_geo,
        added.strftime("%Y%m%d%H%M%S") if added else "",
        _flat(row["url"] or row["article_url"]),
    ]
    return "\t".join(fields)


def _plover_line(row: dict[str, Any]) -> str | None:
    if not row["plover"]:
        return None
    day: date | None = row["event_date"]
    record: dict[str, Any] = {
        "id": row["id"],
        "date": day.isoformat() if day else None,
        "actor": row["source"],
        "recipient": row["target"],
        "event": row["plover"],
        "mode": row["plover_mode"],
        "context": row["plover_context"],
        "event_text": row["text"],
        "actor_country": row["source_country"],
        "recipient_country": row["target_country"],
        "cameo": row["cameo"],
    }
    if row["location_name"] is not None:
        record["event_loc"] = {key: row[column] for key, column in LOCATION_COLUMNS.items()}
    return json.dumps(record, ensure_ascii=False)
