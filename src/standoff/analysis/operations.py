"""The analyses as the commands and the API run them: one function each, and every check on a
request made here, once. Callers parse their input, call one of these and present the result."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from standoff.analysis.alerts import Surge, SurgeSettings, load_surges
from standoff.analysis.coverage import LeftOut, left_out
from standoff.analysis.periods import period_end, period_range, period_start, whole_periods
from standoff.analysis.series import Selection, build_series, load_counts
from standoff.analysis.settings import DEFAULT_FREQ, EVIDENCE, TOP
from standoff.analysis.tension import Movers, Scores, TensionSettings, tension_index, what_moved
from standoff.errors import AnalysisError
from standoff.store.api_queries import store_summary
from standoff.store.db import Store
from standoff.store.frames import event_frame
from standoff.store.queries import Dyad, EventFilter, check_range


def selection(dyad: str | None = None, actor: str | None = None, origin: str | None = None) -> Selection:
    """What to count, as a user writes it: a dyad (USA-PRK, USA->PRK), an actor or country code, an origin."""
    return Selection(Dyad.parse(dyad) if dyad else None, actor.upper() if actor else None, origin)


def series_length(store: Store, freq: str, since: date | None, until: date | None) -> int:
    """How many periods a series from ``since`` to ``until`` lists (an open end is the store's first or last event)."""
    summary = store_summary(store) if since is None or until is None else {}
    first, last = since or summary.get("first_date"), until or summary.get("last_date")
    if first is None or last is None or first > last:
        return 0
    return len(period_range(first, last, freq))


@dataclass(frozen=True, slots=True)
class SeriesResult:
    selection: Selection
    freq: str
    series: pd.DataFrame  # per period: the columns of standoff.analysis.series
    tension: pd.DataFrame  # per period: the columns of standoff.analysis.tension.tension_index
    left_out: LeftOut  # the matching events no period counts, and why


def series(
    store: Store, chosen: Selection, freq: str = DEFAULT_FREQ, since: date | None = None, until: date | None = None,
    tension: TensionSettings = TensionSettings(),
) -> SeriesResult:
    """The series of ``chosen`` over whole periods from ``since`` to ``until``, and its tension index."""
    check_range(since, until)
    since, until = whole_periods(since, until, freq)
    counts = load_counts(store, chosen, freq, since, until)
    index = tension_index(Scores.of(counts.events), counts.periods, tension)
    return SeriesResult(chosen, freq, build_series(counts), index, left_out(store, chosen.where(since, until), freq))


@dataclass(frozen=True, slots=True)
class TensionResult:
    selection: Selection
    freq: str
    settings: TensionSettings
    index: pd.DataFrame  # per period: standoff.analysis.tension.tension_index
    moved: Movers  # what changed it in the chosen period
    left_out: LeftOut  # the matching events no period counts, and why


def tension(
    store: Store, chosen: Selection, freq: str = DEFAULT_FREQ, since: date | None = None, until: date | None = None,
    settings: TensionSettings = TensionSettings(), period: date | None = None, top: int = int(TOP.default),
) -> TensionResult:
    """The tension index of ``chosen``, and the events that moved it most in the period holding
    ``period`` (default: the last)."""
    check_range(since, until)
    TOP.check(top)
    since, until = whole_periods(since, until, freq)
    counts = load_counts(store, chosen, freq, since, until)
    periods = counts.periods
    if periods.empty:
        raise AnalysisError("no dated events in this range")
    index = tension_index(Scores.of(counts.events), periods, settings)
    at = period_start(period, freq) if period else periods[-1]
    if at not in index.index:
        raise AnalysisError(f"{at.date()} is outside the range of the series ({periods[0].date()} to {periods[-1].date()})")
    events = event_frame(store, chosen.where(at.date(), period_end(at, freq).date()), freq, with_text=True)
    moved = what_moved(events, index, at, settings, top)
    return TensionResult(chosen, freq, settings, index, moved, left_out(store, chosen.where(since, until), freq))


@dataclass(frozen=True, slots=True)
class AlertsResult:
    surges: list[Surge]  # the first ``limit``, each with its evidence
    truncated: bool  # there were more than ``limit``
    left_out: LeftOut  # the events of the range (of ``dyad``, if given) no period counts, and why


def alerts(
    store: Store, freq: str = DEFAULT_FREQ, settings: SurgeSettings = SurgeSettings(), since: date | None = None,
    until: date | None = None, origin: str | None = None, dyad: str | None = None, evidence: int = int(EVIDENCE.default),
    limit: int | None = None,
) -> AlertsResult:
    """Surge alerts in the latest period (up to ``until``), or in every period from ``since`` on;
    only those of ``dyad`` if given (USA-PRK: either direction)."""
    check_range(since, until)
    EVIDENCE.check(evidence)
    wanted = Dyad.parse(dyad) if dyad else None
    surges = load_surges(store, freq, settings, since, until, origin, evidence, wanted, None if limit is None else limit + 1)
    first, last = whole_periods(since, until, freq)
    missing = left_out(store, EventFilter(dyad=wanted, since=first, until=last, origin=origin), freq)
    return AlertsResult(surges[:limit], limit is not None and len(surges) > limit, missing)
