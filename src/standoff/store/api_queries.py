"""Read-only queries behind the HTTP API: pages of events (by date, or in stored order after a cursor),
one event with its article, actors and incident, incidents, and counts per actor and per dyad.

Every value that comes from a request is passed as a parameter. Column names in the SQL come only
from the events table's own column list, checked here, never from the request's text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from standoff.store.db import Store
from standoff.store.queries import DISTINCT_INCIDENTS, ORDER, BadQuery, Dyad, EventFilter
from standoff.store.schema import EVENTS

if TYPE_CHECKING:
    import pyarrow as pa

EVENT_COLUMNS: tuple[str, ...] = EVENTS.names
NEWEST_FIRST = " ORDER BY event_date DESC NULLS LAST, article_id NULLS LAST, sentence_index, id"
STORED_ORDER = " ORDER BY coalesce(run_id, 0), id"
ACTOR_LEVELS = ("code", "country")

_CURSOR = re.compile(r"^(\d{1,18})(?::(.{1,300}))?$", re.DOTALL)


@dataclass(frozen=True, slots=True)
class Cursor:
    """A position in the order events were stored: after all of run ``run_id``, or after one of
    its events. Runs only grow, so events stored by later ingests or imports come after every
    cursor handed out before them."""

    run_id: int
    event_id: str | None = None  # None: past the whole run

    @classmethod
    def parse(cls, text: str) -> Cursor:
        """``0`` is the start, ``<run>`` the end of a run, ``<run>:<event id>`` an event, as earlier answers gave."""
        found = _CURSOR.match(text)
        if found is None:
            raise BadQuery(f"cannot read the cursor {text[:40]!r}; pass 0 to start, or the cursor of an earlier answer")
        return cls(int(found[1]), found[2])

    def __str__(self) -> str:
        return str(self.run_id) if self.event_id is None else f"{self.run_id}:{self.event_id}"


START = Cursor(0)


@dataclass(frozen=True, slots=True)
class EventQuery:
    """What the API can ask of the events table: the CLI's filter plus a few more, and a cursor."""

    base: EventFilter = field(default_factory=EventFilter)  # dyad, actor, CAMEO root, dates, origin
    country: str | None = None  # a country code on either side
    location: str | None = None  # the country the event happened in
    plover: str | None = None
    quad_class: int | None = None
    modality: str | None = None
    text: str | None = None  # words in the sentence, any case
    after: Cursor | None = None  # only events stored after this position (and in stored order)

    def where(self) -> tuple[str, list[Any]]:
        sql, params = self.base.where()
        clauses = [sql.removeprefix(" WHERE ")] if sql else []
        for clause, value in (
            ("? IN (source_country, target_country)", self.country),
            ("location_country = ?", self.location),
            ("plover = ?", self.plover),
            ("quad_class = ?", self.quad_class),
            ("modality = ?", self.modality),
        ):
            if value is not None:
                clauses.append(clause)
                params.append(value)
        if self.text:
            clauses.append("contains(lower(text), ?)")
            params.append(self.text.lower())
        if self.after is not None and self.after.event_id is None:
            clauses.append("coalesce(run_id, 0) > ?")
            params.append(self.after.run_id)
        elif self.after is not None:
            clauses.append("(coalesce(run_id, 0) > ? OR (coalesce(run_id, 0) = ? AND id > ?))")
            params += [self.after.run_id, self.after.run_id, self.after.event_id]
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


@dataclass(frozen=True, slots=True)
class EventPage:
    rows: list[dict[str, Any]]
    total: int  # events matching (after the cursor, in cursor mode)
    cursor: Cursor  # cursor mode: the last event on the page; else the end of the newest run with a match


def check_columns(columns: tuple[str, ...]) -> tuple[str, ...]:
    """The columns, checked against the events table; ``id`` always comes first."""
    unknown = [c for c in columns if c not in EVENT_COLUMNS]
    if unknown:
        raise BadQuery(f"unknown field {unknown[0][:40]!r}; choose from: {', '.join(EVENT_COLUMNS)}")
    return ("id", *dict.fromkeys(c for c in columns if c != "id"))


def _order(query: EventQuery, newest_first: bool) -> str:
    if query.after is not None:
        return STORED_ORDER
    return NEWEST_FIRST if newest_first else ORDER


def event_page(
    store: Store, query: EventQuery, columns: tuple[str, ...], limit: int, offset: int = 0, *, newest_first: bool = False
) -> EventPage:
    """One page of matching events (only ``columns``), how many match, and a cursor to go on from."""
    columns = check_columns(columns)
    sql, params = query.where()
    select = ", ".join(f'"{c}"' for c in columns)
    with store.snapshot():  # the page and its count from one moment, though a writer may commit between them
        growing = _run_in_progress(store)
        if growing is not None and query.after is not None:  # a cursor must not pass events still to come
            sql, params = (f"{sql} AND" if sql else " WHERE") + " coalesce(run_id, 0) < ?", [*params, growing]
        table = store.fetch(
            f'SELECT {select}, coalesce(run_id, 0) AS "_run" FROM events{sql}{_order(query, newest_first)} LIMIT ? OFFSET ?',
            [*params, limit, offset],
        )
        rows = table.to_pylist()
        summary = store.fetch(f"SELECT count(*) AS n, max(coalesce(run_id, 0)) AS run FROM events{sql}", params).to_pylist()[0]
    if query.after is not None:
        cursor = Cursor(rows[-1]["_run"], rows[-1]["id"]) if rows else query.after
    else:  # the next pull starts after the newest run seen here, or before one still being written
        newest = summary["run"] or 0
        cursor = Cursor(newest if growing is None else min(newest, growing - 1))
    for row in rows:
        del row["_run"]
    return EventPage(rows, summary["n"], cursor)


def _run_in_progress(store: Store) -> int | None:
    """The run a writer in this process may still be adding events to: the newest, if unfinished.
    (In a store nobody writes to, an unfinished run is one that was stopped: all it will ever hold.)"""
    if not store.beside_writer:
        return None
    found = store.fetch("SELECT id FROM runs WHERE finished IS NULL AND id = (SELECT max(id) FROM runs)").column("id")
    return found[0].as_py() if len(found) else None


def count_matching(store: Store, query: EventQuery) -> int:
    sql, params = query.where()
    return store.fetch(f"SELECT count(*) AS n FROM events{sql}", params).column("n")[0].as_py()


def event_table(
    store: Store, query: EventQuery, columns: tuple[str, ...], limit: int, offset: int = 0, *, newest_first: bool = False
) -> pa.Table:
    """Matching events as an Arrow table (for downloads)."""
    columns = check_columns(columns)
    sql, params = query.where()
    select = ", ".join(f'"{c}"' for c in columns)
    return store.fetch(
        f"SELECT {select} FROM events{sql}{_order(query, newest_first)} LIMIT ? OFFSET ?", [*params, limit, offset]
    )


def event_detail(store: Store, event_id: str) -> dict[str, Any] | None:
    """The event row, its article (None for imported events), its actor mentions and its incident."""
    found = store.fetch("SELECT * FROM events WHERE id = ?", [event_id]).to_pylist()
    if not found:
        return None
    event = found[0]
    articles = store.fetch(
        "SELECT id, source, url, title, published, text FROM articles WHERE id = ?", [event["article_id"]]
    ).to_pylist()
    actors = store.fetch(
        'SELECT role, code, country, sector, text, "start", "end", kind, method, confidence,'
        " antecedent_text, antecedent_start, antecedent_end FROM actors WHERE event_id = ? ORDER BY role DESC",
        [event_id],
    ).to_pylist()
    incident = None
    if event["incident_id"] is not None:
        incident = (store.fetch("SELECT * FROM incidents WHERE id = ?", [event["incident_id"]]).to_pylist() or [None])[0]
    return {"event": event, "article": articles[0] if articles else None, "actors": actors, "incident": incident}


@dataclass(frozen=True, slots=True)
class IncidentFilter:
    dyad: Dyad | None = None
    root: str | None = None
    since: date | None = None  # incidents that last into or past this day
    until: date | None = None
    min_sources: int = 1

    def where(self) -> tuple[str, list[Any]]:
        sql, params = EventFilter(dyad=self.dyad, root=self.root).where()
        clauses = [sql.removeprefix(" WHERE ")] if sql else []
        clauses.append("coalesce(sources, 0) >= ?")
        params.append(self.min_sources)
        if self.since is not None:
            clauses.append("last_date >= ?")
            params.append(self.since)
        if self.until is not None:
            clauses.append("first_date <= ?")
            params.append(self.until)
        return " WHERE " + " AND ".join(clauses), params


def incident_page(store: Store, where: IncidentFilter, limit: int, offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    """Incidents, newest first, and how many match."""
    sql, params = where.where()
    rows = store.fetch(
        f"SELECT * FROM incidents{sql} ORDER BY first_date DESC NULLS LAST, id LIMIT ? OFFSET ?", [*params, limit, offset]
    ).to_pylist()
    total = store.fetch(f"SELECT count(*) AS n FROM incidents{sql}", params).column("n")[0].as_py()
    return rows, total


def incident_detail(store: Store, incident_id: str, columns: tuple[str, ...], limit: int) -> dict[str, Any] | None:
    """The incident and its events (at most ``limit``, in date order)."""
    found = store.fetch("SELECT * FROM incidents WHERE id = ?", [incident_id]).to_pylist()
    if not found:
        return None
    select = ", ".join(f'"{c}"' for c in check_columns(columns))
    events = store.fetch(f"SELECT {select} FROM events WHERE incident_id = ?{ORDER} LIMIT ?", [incident_id, limit])
    return {"incident": found[0], "events": events.to_pylist()}


def actor_counts(
    store: Store, where: EventFilter, level: str = "code", prefix: str | None = None, limit: int = 50, offset: int = 0
) -> tuple[list[dict[str, Any]], int]:
    """Actors (full codes, or countries) by the events they are in, with the name they are most often
    written as; and how many actors there are."""
    if level not in ACTOR_LEVELS:
        raise BadQuery(f"count actors by 'code' or 'country', not {level!r}")
    sql, params = where.where()
    key = {"code": ("source", "target"), "country": ("source_country", "target_country")}[level]
    sides = (
        f"SELECT {key[0]} AS code, source_country AS country, source_text AS name, 1 AS s, 0 AS t FROM events{sql}"
        f" UNION ALL SELECT {key[1]}, target_country, target_text, 0, 1 FROM events{sql}"
    )
    having = "code IS NOT NULL" + (" AND starts_with(code, ?)" if prefix else "")
    inner_params = [*params, *params, *([prefix.upper()] if prefix else [])]
    grouped = (
        f"SELECT code, any_value(country) AS country, count(*) AS events, sum(s)::BIGINT AS as_source,"
        f" sum(t)::BIGINT AS as_target, mode(name) AS name FROM ({sides}) WHERE {having} GROUP BY code"
    )
    rows = store.fetch(f"{grouped} ORDER BY events DESC, code LIMIT ? OFFSET ?", [*inner_params, limit, offset]).to_pylist()
    total = store.fetch(f"SELECT count(*) AS n FROM ({grouped})", inner_params).column("n")[0].as_py()
    return rows, total


def dyad_counts(
    store: Store, where: EventFilter, *, directed: bool = False, min_events: int = 1, limit: int = 50
) -> list[dict[str, Any]]:
    """The busiest country dyads (two different countries): events, conflict (QuadClass 3-4) and
    cooperation (1-2) events, distinct incidents and the mean Goldstein score."""
    sql, params = where.where()
    sides = ("source_country", "target_country") if directed else (
        "least(source_country, target_country)", "greatest(source_country, target_country)"
    )
    known = "source_country IS NOT NULL AND target_country IS NOT NULL AND source_country <> target_country"
    return store.fetch(
        f"SELECT {sides[0]} AS a, {sides[1]} AS b, count(*) AS events,"
        " count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflict,"
        " count(*) FILTER (WHERE quad_class IN (1, 2)) AS cooperation,"
        f" {DISTINCT_INCIDENTS} AS incidents, avg(goldstein) AS goldstein_mean"
        f" FROM events{sql}{' AND ' if sql else ' WHERE '}{known}"
        " GROUP BY ALL HAVING count(*) >= ? ORDER BY events DESC, a, b LIMIT ?",
        [*params, min_events, limit],
    ).to_pylist()


def store_summary(store: Store) -> dict[str, Any]:
    """Rows per table and the range of event dates."""
    dates = store.fetch("SELECT min(event_date) AS first, max(event_date) AS last FROM events").to_pylist()[0]
    return {**store.counts(), "first_date": dates["first"], "last_date": dates["last"]}
