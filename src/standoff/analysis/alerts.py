"""Surge alerts: a dyad's conflict events in a period against its own recent and long-run baselines.

For each directed country dyad and checked period t, with x the conflict events (QuadClass 3
and 4) in t, and b4 and b52 the mean of the 4 and of the 52 periods before t (the long one over
as many as the data has, at least 4):

    ratio = (x + 1) / (b + 1)

(the +1 keeps a dyad that was silent from reaching any ratio with a single event). A surge is
x >= min_events and both ratios >= threshold: more conflict than in the last weeks and than
usual. This describes what happened; it forecasts nothing (see docs/backtest.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from standoff.analysis.jsonable import plain
from standoff.analysis.periods import period_end, period_range, period_start, shift_periods
from standoff.analysis.settings import DEFAULT_FREQ, EVIDENCE, MIN_EVENTS, THRESHOLD
from standoff.store.db import Store
from standoff.store.frames import dyad_counts_frame, totals_frame, worst_events
from standoff.store.queries import Dyad

EVIDENCE_COLUMNS = ("event_date", "source", "cameo", "target", "goldstein", "quad_class", "id", "text")


@dataclass(frozen=True, slots=True)
class SurgeSettings:
    threshold: float = THRESHOLD.default  # ratio to reach against both baselines
    min_events: int = int(MIN_EVENTS.default)  # fewer conflict events than this are never a surge
    short: int = 4  # periods in the recent baseline
    long: int = 52  # periods in the long-run baseline

    def __post_init__(self) -> None:
        THRESHOLD.check(self.threshold)
        MIN_EVENTS.check(self.min_events)


@dataclass(slots=True)
class Surge:
    source: str
    target: str
    period: pd.Timestamp
    events: int  # conflict events in the period
    baseline_short: float
    baseline_long: float
    ratio_short: float
    ratio_long: float
    evidence: list[dict[str, Any]] = field(default_factory=list)  # the period's conflict events, most hostile first

    @property
    def dyad(self) -> str:
        return f"{self.source}->{self.target}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "dyad": self.dyad,
            "period": plain(self.period),
            "events": self.events,
            "baseline_short": self.baseline_short,
            "baseline_long": self.baseline_long,
            "ratio_short": self.ratio_short,
            "ratio_long": self.ratio_long,
            "evidence": self.evidence,
        }


def find_surges(
    counts: pd.DataFrame, periods: pd.DatetimeIndex, check: pd.DatetimeIndex, settings: SurgeSettings = SurgeSettings()
) -> list[Surge]:
    """Surges in the ``check`` periods, from per-dyad conflict counts over ``periods`` (which must
    reach back ``settings.long`` periods before the first checked one to give full baselines)."""
    if counts.empty or check.empty:
        return []
    wide = counts.pivot_table(
        index="period", columns=["source_country", "target_country"], values="events", aggfunc="sum", fill_value=0
    ).reindex(periods, fill_value=0)
    checked = wide.index.isin(check)
    x = wide[checked]
    b4 = wide.rolling(settings.short, min_periods=settings.short).mean().shift(1)[checked]
    b52 = wide.rolling(settings.long, min_periods=settings.short).mean().shift(1)[checked]
    r4, r52 = (x + 1) / (b4 + 1), (x + 1) / (b52 + 1)
    hit = (x >= settings.min_events) & (r4 >= settings.threshold) & (r52 >= settings.threshold)
    values, dyads, periods_checked = [frame.to_numpy() for frame in (x, b4, b52, r4, r52)], list(x.columns), list(x.index)
    surges = []
    for row, column in zip(*np.nonzero(hit.to_numpy())):
        events, short, long, ratio_short, ratio_long = (array[row, column] for array in values)
        source, target = dyads[column]
        surges.append(Surge(source, target, periods_checked[row], int(events), float(short), float(long), float(ratio_short), float(ratio_long)))
    return sorted(surges, key=lambda s: (s.period, -s.ratio_long, s.dyad))


def load_surges(
    store: Store,
    freq: str = DEFAULT_FREQ,
    settings: SurgeSettings = SurgeSettings(),
    since: date | None = None,
    until: date | None = None,
    origin: str | None = None,
    evidence: int = int(EVIDENCE.default),
    dyad: Dyad | None = None,
    limit: int | None = None,
) -> list[Surge]:
    """Surges in the latest period with events (up to ``until``), or in every period from ``since`` on
    (the first ``limit`` of them), each with up to ``evidence`` of its conflict events; only those of
    ``dyad`` if given."""
    totals = totals_frame(store, freq, until=until, origin=origin)
    if totals.empty:
        return []
    last = period_start(until, freq) if until is not None else pd.Timestamp(totals["period"].max())
    first = period_start(since, freq) if since is not None else last
    # baselines reach back no further than the first stored period: before it, nothing is known, not zero
    start = max(shift_periods(first, -settings.long, freq), pd.Timestamp(totals["period"].min()))
    counts = dyad_counts_frame(store, freq, since=start.date(), until=period_end(last, freq).date(), origin=origin)
    found = find_surges(counts, period_range(start, last, freq), period_range(first, last, freq), settings)
    surges = [surge for surge in found if _of(surge, dyad)][:limit]
    if surges and evidence > 0:
        _add_evidence(store, surges, freq, origin, evidence)
    return surges


def _of(surge: Surge, dyad: Dyad | None) -> bool:
    if dyad is None:
        return True
    if dyad.directed:
        return (surge.source, surge.target) == (dyad.a, dyad.b)
    return {surge.source, surge.target} == {dyad.a, dyad.b}


def _add_evidence(store: Store, surges: list[Surge], freq: str, origin: str | None, limit: int) -> None:
    """Each surge's conflict events, most hostile first, all from one query."""
    import pyarrow as pa

    starts = pd.DatetimeIndex([s.period for s in surges])
    cells = pa.table({
        "cell": range(len(surges)),
        "source_country": [s.source for s in surges],
        "target_country": [s.target for s in surges],
        "first": pa.array(starts.date, pa.date32()),
        "last": pa.array(period_end(starts, freq).date, pa.date32()),
    })
    for row in worst_events(store, cells, freq, origin, limit, EVIDENCE_COLUMNS).to_pylist():
        surges[row.pop("cell")].evidence.append({key: plain(value) for key, value in row.items()})
