"""Dyad, actor and country series: counts by QuadClass and CAMEO root, Goldstein, conflict share,
each count also per 1,000 of all events (or incidents) stored for the same period.

Coverage changes over time (more sources, fewer sources, a busy news week elsewhere), so a raw
count can rise while the dyad's share of the news falls; the ``_per1k`` columns show the share.
Means and shares (``goldstein_mean``, ``conflict_share``) are already free of volume and are not
normalised again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from standoff.analysis.periods import period_range, whole_periods
from standoff.store.db import Store
from standoff.store.frames import CONFLICT_CLASSES, event_frame, totals_frame
from standoff.store.queries import Dyad, EventFilter

QUADS = (1, 2, 3, 4)
ROOTS = tuple(f"{n:02d}" for n in range(1, 21))
PER = 1000.0  # normalised counts are per this many events of all dyads in the period


@dataclass(frozen=True, slots=True)
class Selection:
    """Which events a series counts: a dyad (on country codes), or an actor or country on either side."""

    dyad: Dyad | None = None
    actor: str | None = None
    origin: str | None = None  # only events of this origin, in the counts and in the totals

    def where(self, since: date | None = None, until: date | None = None) -> EventFilter:
        return EventFilter(dyad=self.dyad, actor=self.actor, since=since, until=until, origin=self.origin)

    @property
    def label(self) -> str:
        parts = []
        if self.dyad is not None:
            parts.append(f"{self.dyad.a}{'->' if self.dyad.directed else '-'}{self.dyad.b}")
        if self.actor:
            parts.append(self.actor.upper())
        return " ".join(parts) or "all events"


def count_columns() -> list[str]:
    """The count columns of a series, in order (each also has a ``_per1k`` twin)."""
    columns = ["events", "incidents", "conflict"]
    columns += [f"events_q{q}" for q in QUADS] + [f"incidents_q{q}" for q in QUADS]
    columns += [f"events_r{r}" for r in ROOTS] + [f"incidents_r{r}" for r in ROOTS]
    return columns


def build_series(events: pd.DataFrame, totals: pd.DataFrame, periods: pd.DatetimeIndex) -> pd.DataFrame:
    """The series over ``periods`` from an event frame and a totals frame (see standoff.store.frames)."""
    quad, root = events["quad_class"], events["cameo_root"]
    out: dict[str, pd.Series] = {
        "events": _count(events, periods),
        "incidents": _count(events, periods, distinct=True),
        "conflict": _count(events[quad.isin(CONFLICT_CLASSES)], periods),
    }
    for q in QUADS:
        out[f"events_q{q}"] = _count(events[quad == q], periods)
        out[f"incidents_q{q}"] = _count(events[quad == q], periods, distinct=True)
    for r in ROOTS:
        out[f"events_r{r}"] = _count(events[root == r], periods)
        out[f"incidents_r{r}"] = _count(events[root == r], periods, distinct=True)
    classified = sum(out[f"events_q{q}"] for q in QUADS)
    # share among events whose QuadClass is known (an imported event may lack one)
    out["conflict_share"] = (out["conflict"] / classified).where(classified > 0)
    scored = events.dropna(subset=["goldstein"]).groupby("period")["goldstein"]
    out["goldstein_sum"] = scored.sum().reindex(periods, fill_value=0.0).astype(float)
    out["goldstein_mean"] = scored.mean().reindex(periods).astype(float)
    by_period = totals.set_index("period")
    out["total_events"] = by_period["events"].reindex(periods, fill_value=0).astype("int64")
    out["total_incidents"] = by_period["incidents"].reindex(periods, fill_value=0).astype("int64")
    for column in count_columns():
        base = out["total_incidents"] if column.startswith("incidents") else out["total_events"]
        out[f"{column}_per1k"] = _per(out[column], base)
    out["goldstein_sum_per1k"] = _per(out["goldstein_sum"], out["total_events"])
    return pd.DataFrame(out, index=periods).rename_axis("period")


def _count(events: pd.DataFrame, periods: pd.DatetimeIndex, *, distinct: bool = False) -> pd.Series:
    grouped = events.groupby("period")
    counts = grouped["incident"].nunique() if distinct else grouped.size()
    return counts.reindex(periods, fill_value=0).astype("int64")


def _per(values: pd.Series, base: pd.Series) -> pd.Series:
    return (values * PER / base).where(base > 0)


def series_range(totals: pd.DataFrame, freq: str, since: date | None, until: date | None) -> pd.DatetimeIndex:
    """From the period of ``since`` (else the first stored event) to that of ``until`` (else the last)."""
    if totals.empty and (since is None or until is None):
        return pd.DatetimeIndex([], name="period")
    first = since if since is not None else totals["period"].min()
    last = until if until is not None else totals["period"].max()
    return period_range(first, last, freq)


def load_series(
    store: Store, selection: Selection, freq: str, since: date | None = None, until: date | None = None
) -> pd.DataFrame:
    """The series of ``selection`` at ``freq`` from the store, with every period in range (zeros included);
    the range is widened to whole periods."""
    since, until = whole_periods(since, until, freq)
    events = event_frame(store, selection.where(since, until), freq)
    totals = totals_frame(store, freq, since, until, selection.origin)
    return build_series(events, totals, series_range(totals, freq, since, until))
