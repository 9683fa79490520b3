"""An analysis of nothing says so: a selection without events is an error that names dyads which have some."""

from __future__ import annotations

from datetime import date

from standoff.errors import AnalysisError
from standoff.store.api_queries import dyad_counts
from standoff.store.db import Store
from standoff.store.queries import EventFilter, check_range, count_events

SUGGESTED = 5  # dyads named when a selection has no events


def require_events(store: Store, where: EventFilter, label: str) -> None:
    """Raise AnalysisError unless some dated event matches ``where``; the message names the busiest dyads in its range."""
    check_range(where.since, where.until)  # a range that runs backwards is that error, not an empty one
    # a lower bound on the date also leaves out undated events, which no series counts
    dated = EventFilter(where.dyad, where.actor, where.root, where.since or date.min, where.until, where.origin)
    if count_events(store, dated):
        return
    span = " ".join(part for part in (f"from {where.since}" if where.since else "", f"to {where.until}" if where.until else "") if part)
    others = dyad_counts(store, EventFilter(since=where.since, until=where.until, origin=where.origin), limit=SUGGESTED)
    hint = (
        "dyads with events: " + ", ".join(f"{row['a']}-{row['b']} ({row['events']})" for row in others)
        if others else "the store has no dated events between two countries" + (" in this range" if span else "")
    )
    raise AnalysisError(f"no dated events for {label}{' ' + span if span else ''}; {hint}")
