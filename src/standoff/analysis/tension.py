"""A tension index per dyad, with an uncertainty band and the events that moved it.

Formula (documented in docs/analysis.md). For period t, every earlier or current event j of
the dyad with a Goldstein score g_j gets the weight w_j = 0.5 ** ((t - s_j) / h), s_j being its
period and h the half-life in periods. With W_t = sum of w_j and G_t = sum of w_j * g_j:

    T_t = -G_t / (W_t + k)

that is minus the discounted mean Goldstein score (so conflict is positive, -10..+10), pulled
towards 0 ("no sign of tension or of warmth") by k pseudo-events when few events stand behind it.
It is a mean, so it does not grow with the volume of news; the volume only narrows the band.
Reading the discounted events as W_t independent observations of spread sigma (the standard
deviation of the dyad's Goldstein scores) with a prior of k observations at 0 gives

    band = T_t +/- z * sigma / sqrt(W_t + k)

which is wide when few events stand behind the index and narrows as they accumulate.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from standoff.analysis.jsonable import plain, records
from standoff.analysis.settings import HALF_LIFE, PRIOR, TOP

# Spread of Goldstein scores when a dyad has too few scored events to measure its own:
# about the standard deviation of the scale's values over the CAMEO event codes.
FALLBACK_SIGMA = 5.0


@dataclass(frozen=True, slots=True)
class TensionSettings:
    half_life: float = HALF_LIFE.default  # periods after which an event counts half
    prior_events: float = PRIOR.default  # k: pseudo-events at Goldstein 0
    z: float = 1.96  # band half-width in standard errors (95% under the normal approximation)

    def __post_init__(self) -> None:
        HALF_LIFE.check(self.half_life)
        PRIOR.check(self.prior_events)

    @property
    def decay(self) -> float:
        return 0.5 ** (1.0 / self.half_life)


@dataclass(frozen=True, slots=True)
class Scores:
    """The Goldstein scores of a selection's events: per period how many and their sum, and their spread."""

    count: pd.Series  # scored events, by period
    total: pd.Series  # sum of their scores, by period
    spread: float  # sample standard deviation of every score (FALLBACK_SIGMA below two scores)

    @classmethod
    def of(cls, counts: pd.DataFrame) -> Scores:
        """From the counts of standoff.store.frames.period_counts_frame."""
        per_period = counts[counts["level"] == "period"].set_index("period")
        spread = counts.loc[counts["level"] == "all", "goldstein_sd"].dropna()
        return cls(per_period["scored"], per_period["goldstein_sum"], float(spread.iloc[0]) if len(spread) else FALLBACK_SIGMA)


def tension_index(scores: Scores, periods: pd.DatetimeIndex, settings: TensionSettings = TensionSettings()) -> pd.DataFrame:
    """Per period: tension, low, high, weight (W_t, the discounted event count), balance (G_t), events (scored, new)."""
    new_events = scores.count.reindex(periods, fill_value=0).fillna(0).to_numpy(dtype=float)
    new_sum = scores.total.reindex(periods, fill_value=0.0).fillna(0.0).to_numpy(dtype=float)
    weight, balance = np.zeros(len(periods)), np.zeros(len(periods))
    w, g = 0.0, 0.0
    for i in range(len(periods)):
        w, g = settings.decay * w + new_events[i], settings.decay * g + new_sum[i]
        weight[i], balance[i] = w, g
    k = settings.prior_events
    tension = -balance / (weight + k)
    half = settings.z * scores.spread / np.sqrt(weight + k)
    return pd.DataFrame(
        {
            "tension": tension,
            "low": tension - half,
            "high": tension + half,
            "weight": weight,
            "balance": balance,
            "events": new_events.astype("int64"),
        },
        index=periods,
    )


@dataclass(frozen=True, slots=True)
class Movers:
    """Why the index changed in one period: earlier events fading, and the period's own events."""

    period: pd.Timestamp
    before: float  # index in the previous period
    after: float
    fading: float  # change if the period had had no events
    new_events: float  # change the period's events made on top of that
    events: list[dict[str, Any]]  # the period's events with most influence, each with "influence"

    def to_dict(self) -> dict[str, Any]:
        return {
            "period": plain(self.period),
            "before": self.before,
            "after": self.after,
            "change": self.after - self.before,
            "fading": self.fading,
            "new_events": self.new_events,
            "events": self.events,
        }


def what_moved(
    events: pd.DataFrame, index: pd.DataFrame, period: pd.Timestamp, settings: TensionSettings = TensionSettings(), top: int = int(TOP.default)
) -> Movers:
    """The change of the index in ``period`` and the ``top`` events of that period that moved it most.

    An event's influence is the index with it minus the index without it (leave one out), so
    a positive influence raised the tension.
    """
    at = index.index.get_loc(period)
    k = settings.prior_events
    now = index.iloc[at]
    w_before, g_before = (index.iloc[at - 1]["weight"], index.iloc[at - 1]["balance"]) if at > 0 else (0.0, 0.0)
    before = -g_before / (w_before + k)  # the previous period's index (0 before the first)
    faded = -settings.decay * g_before / (settings.decay * w_before + k)
    rows = events[(events["period"] == period) & events["goldstein"].notna()].copy()
    without = -(now["balance"] - rows["goldstein"]) / (now["weight"] - 1.0 + k)
    rows["influence"] = now["tension"] - without
    rows = rows.reindex(rows["influence"].abs().sort_values(ascending=False, kind="stable").index).head(top)
    return Movers(
        period=period,
        before=float(before),
        after=float(now["tension"]),
        fading=float(faded - before),
        new_events=float(now["tension"] - faded),
        events=records(rows.drop(columns=["period"])),
    )

