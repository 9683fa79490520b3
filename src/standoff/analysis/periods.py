"""Periods: the full run of day, week (Monday first) or month starts between two dates.

The store buckets events with the same rules (standoff.store.frames); here the empty periods
in between are filled in, because a week without events is a zero, not a missing row.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from standoff.model import FREQS

_PANDAS_FREQ = {"day": "D", "week": "W-MON", "month": "MS"}
PERIODS_PER_YEAR = {"day": 365.25, "week": 365.25 / 7, "month": 12.0}


def period_start(day: date | pd.Timestamp, freq: str) -> pd.Timestamp:
    """The first day of the period that contains ``day``."""
    stamp = pd.Timestamp(day).normalize()
    if freq == "day":
        return stamp
    if freq == "week":
        return stamp - pd.Timedelta(days=stamp.weekday())
    if freq == "month":
        return stamp.replace(day=1)
    raise ValueError(f"unknown period {freq!r}; choose one of {', '.join(FREQS)}")


def period_range(first: date | pd.Timestamp, last: date | pd.Timestamp, freq: str) -> pd.DatetimeIndex:
    """Every period from the one holding ``first`` to the one holding ``last``."""
    return pd.date_range(period_start(first, freq), period_start(last, freq), freq=_PANDAS_FREQ[freq], name="period")


def period_end(start: pd.Timestamp | pd.DatetimeIndex, freq: str) -> pd.Timestamp | pd.DatetimeIndex:
    """The last day of the period that begins on ``start`` (of each, for an index of starts)."""
    return start + pd.tseries.frequencies.to_offset(_PANDAS_FREQ[freq]) - pd.Timedelta(days=1)


def shift_periods(start: pd.Timestamp, n: int, freq: str) -> pd.Timestamp:
    """The start of the period ``n`` periods after (negative: before) the one that begins on ``start``."""
    return start + n * pd.tseries.frequencies.to_offset(_PANDAS_FREQ[freq])


def whole_periods(since: date | None, until: date | None, freq: str) -> tuple[date | None, date | None]:
    """Widen a date range to whole periods, so the first and last periods are not counted in part."""
    first = period_start(since, freq).date() if since is not None else None
    last = period_end(period_start(until, freq), freq).date() if until is not None else None
    return first, last
