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
from standoff.store.frames import CONFLICT_CLASSES, period_counts_frame, totals_frame
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


@dataclass(frozen=True, slots=True)
class Counts:
    """What a series is built from: the selection's counts (standoff.store.frames.period_counts_frame)
    and the totals of all events per period (totals_frame), over ``periods``."""

    events: pd.DataFrame
    totals: pd.DataFrame
    periods: pd.DatetimeIndex


def build_series(counts: Counts) -> pd.DataFrame:
    """The series over ``counts.periods``: every count column, shares, Goldstein and per-1k twins."""
    periods, frame = counts.periods, counts.events
    whole = frame[frame["level"] == "period"].set_index("period").reindex(periods)
    quads = {unit: _wide(frame, "quad", "quad_class", QUADS, unit, periods) for unit in ("events", "incidents")}
    roots = {unit: _wide(frame, "root", "cameo_root", ROOTS, unit, periods) for unit in ("events", "incidents")}
    out: dict[str, pd.Series] = {
        "events": _counts(whole["events"]),
        "incidents": _counts(whole["incidents"]),
        "conflict": sum(quads["events"][q] for q in CONFLICT_CLASSES),
    }
    for q in QUADS:
        out[f"events_q{q}"], out[f"incidents_q{q}"] = quads["events"][q], quads["incidents"][q]
    for r in ROOTS:
        out[f"events_r{r}"], out[f"incidents_r{r}"] = roots["events"][r], roots["incidents"][r]
    classified = sum(out[f"events_q{q}"] for q in QUADS)
    # share among events whose QuadClass is known (an imported event may lack one)
    out["conflict_share"] = (out["conflict"] / classified).where(classified > 0)
    out["goldstein_sum"] = whole["goldstein_sum"].fillna(0.0).astype(float)
    out["goldstein_mean"] = (whole["goldstein_sum"] / whole["scored"]).where(whole["scored"] > 0).astype(float)
    by_period = counts.totals.set_index("period")
    out["total_events"] = _counts(by_period["events"].reindex(periods))
    out["total_incidents"] = _counts(by_period["incidents"].reindex(periods))
    for column in count_columns():
        base = out["total_incidents"] if column.startswith("incidents") else out["total_events"]
        out[f"{column}_per1k"] = _per(out[column], base)
    out["goldstein_sum_per1k"] = _per(out["goldstein_sum"], out["total_events"])
    return pd.DataFrame(out, index=periods).rename_axis("period")


def _wide(frame: pd.DataFrame, level: str, key: str, values: tuple[object, ...], unit: str, periods: pd.DatetimeIndex) -> pd.DataFrame:
    """One count per period (rows) and value of ``key`` (columns), zeros where there were none."""
    rows = frame[frame["level"] == level]
    return _counts(rows.pivot(index="period", columns=key, values=unit).reindex(index=periods, columns=list(values)))


def _counts(values: pd.Series | pd.DataFrame) -> pd.Series | pd.DataFrame:
    return values.fillna(0).astype("int64")


def _per(values: pd.Series, base: pd.Series) -> pd.Series:
    return (values * PER / base).where(base > 0)


def series_range(totals: pd.DataFrame, freq: str, since: date | None, until: date | None) -> pd.DatetimeIndex:
    """From the period of ``since`` (else the first stored event) to that of ``until`` (else the last)."""
    if totals.empty and (since is None or until is None):
        return pd.DatetimeIndex([], name="period")
    first = since if since is not None else totals["period"].min()
    last = until if until is not None else totals["period"].max()
    return period_range(first, last, freq)


def load_counts(store: Store, selection: Selection, freq: str, since: date | None = None, until: date | None = None) -> Counts:
    """The counts behind the series of ``selection`` (``since`` and ``until`` already whole periods)."""
    events = period_counts_frame(store, selection.where(since, until), freq)
    totals = totals_frame(store, freq, since, until, selection.origin)
    return Counts(events, totals, series_range(totals, freq, since, until))


def load_series(
    store: Store, selection: Selection, freq: str, since: date | None = None, until: date | None = None
) -> pd.DataFrame:
    """The series of ``selection`` at ``freq`` from the store, with every period in range (zeros included);
    the range is widened to whole periods."""
    since, until = whole_periods(since, until, freq)
    return build_series(load_counts(store, selection, freq, since, until))
