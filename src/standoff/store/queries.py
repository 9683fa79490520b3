"""Look at stored events: filter by dyad, actor, CAMEO root and dates; list them or count them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from standoff.errors import BadQuery
from standoff.store.db import Store

_DYAD = re.compile(r"^([A-Z0-9]+)\s*(->|-)\s*([A-Z0-9]+)$")


@dataclass(frozen=True, slots=True)
class Dyad:
    a: str
    b: str
    directed: bool

    @classmethod
    def parse(cls, text: str) -> Dyad:
        """``USA-PRK`` is either direction, ``USA->PRK`` only USA acting on PRK."""
        found = _DYAD.match(text.strip().upper())
        if found is None:
            raise BadQuery(f"cannot read the dyad {text!r}; write two country codes as USA-PRK (either way) or USA->PRK")
        return cls(found[1], found[3], found[2] == "->")


def check_range(since: date | None, until: date | None) -> None:
    """A date range from ``since`` to ``until`` (both included, either open) must not run backwards."""
    if since is not None and until is not None and since > until:
        raise BadQuery(f"the start ({since}) is after the end ({until})")


@dataclass(frozen=True, slots=True)
class EventFilter:
    dyad: Dyad | None = None  # matched on country codes
    actor: str | None = None  # a country code or a full actor code, on either side
    root: str | None = None  # CAMEO root, "13" or "3"
    since: date | None = None  # event dates, both ends included
    until: date | None = None
    origin: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if self.dyad is not None:
            forward = "(source_country = ? AND target_country = ?)"
            if self.dyad.directed:
                clauses.append(forward)
                params += [self.dyad.a, self.dyad.b]
            else:
                clauses.append(f"({forward} OR {forward})")
                params += [self.dyad.a, self.dyad.b, self.dyad.b, self.dyad.a]
        if self.actor:
            clauses.append("? IN (source_country, target_country, source, target)")
            params.append(self.actor.upper())
        if self.root:
            if not (self.root.isdigit() and 1 <= int(self.root) <= 20):
                raise BadQuery(f"a CAMEO root is a number from 01 to 20, not {self.root!r}")
            clauses.append("cameo_root = ?")
            params.append(f"{int(self.root):02d}")
        if self.since:
            clauses.append("event_date >= ?")
            params.append(self.since)
        if self.until:
            clauses.append("event_date <= ?")
            params.append(self.until)
        if self.origin:
            clauses.append("origin = ?")
            params.append(self.origin)
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


ORDER = " ORDER BY event_date NULLS LAST, article_id NULLS LAST, sentence_index, id"
# Distinct incidents among the events counted, an event in no incident counting as its own (a
# distinct count of incident ids only: far cheaper than one over every event id).
DISTINCT_INCIDENTS = "(count(DISTINCT incident_id) + count(*) FILTER (WHERE incident_id IS NULL))"


def find_events(store: Store, where: EventFilter = EventFilter(), limit: int | None = None) -> list[dict[str, Any]]:
    """Stored events as dicts of the events table's columns (``text`` is the sentence), in date order."""
    sql, params = where.where()
    sql += ORDER
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return store.fetch(f"SELECT * FROM events{sql}", params).to_pylist()


def count_events(store: Store, where: EventFilter = EventFilter(), unit: str = "events") -> int:
    """How many events match, or how many incidents they report (an event in no incident counts as one)."""
    sql, params = where.where()
    if unit == "events":
        measure = "count(*)"
    elif unit == "incidents":
        measure = DISTINCT_INCIDENTS
    else:
        raise BadQuery(f"count 'events' or 'incidents', not {unit!r}")
    return store.fetch(f"SELECT {measure} AS n FROM events{sql}", params).column("n")[0].as_py()
