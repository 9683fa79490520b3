"""Rolling-origin back-test of the next-period conflict forecast against two baselines.

The periods are split in three: warm-up (training only), calibration, and test. For every
target period s from the calibration start on, the origin is s-1 and every method sees only
periods up to the origin: the regression is refitted on the rows whose target lies at or
before the origin, the climatology is the distribution of all counts up to the origin, and
persistence is the count at the origin.

Settings are fixed before the test window is scored, from periods before it only:
- the model variant (Poisson or negative binomial, with or without reciprocity terms) with the
  lowest mean CRPS over the calibration window;
- the escalation level q: the calibration window's ``escalation_quantile`` of the counts
  (an escalation is a period with more than q events);
- the dispersion of the persistence forecast (fitted on the pairs of consecutive periods
  before the test window);
- the alert budget: the share of periods an alert may be raised in (by default as many as
  escalations in the calibration window, 10%).

Scores on the test window: MAE of the point forecast (the predictive median; persistence: last
period's count), mean CRPS, Brier score of P(escalation), skill of each against climatology,
and hit rate and false alarms per year when each method spends the same alert budget on the
test periods it gives the highest P(escalation) (a ranking measure, like precision at k).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np
import pandas as pd
from scipy import optimize, stats

from standoff.analysis import scores
from standoff.analysis.forecast import TARGETS, VARIANTS, Fit, Variant, features, fit
from standoff.analysis.jsonable import plain
from standoff.analysis.periods import PERIODS_PER_YEAR, period_range, period_start, shift_periods, whole_periods
from standoff.analysis.settings import DEFAULT_FREQ
from standoff.errors import AnalysisError
from standoff.progress import SILENT, Progress
from standoff.store.db import Store
from standoff.store.frames import directed_counts_frame, totals_frame
from standoff.store.queries import Dyad

METHODS = ("model", "persistence", "climatology")
PERSISTENCE_FLOOR = 0.5  # a quiet period forecasts half an event, not a certain zero


@dataclass(frozen=True, slots=True)
class BacktestSettings:
    freq: str = DEFAULT_FREQ
    target: str = "conflict"  # a key of TARGETS
    calibration_start: date | None = None  # default: the period half way through the data
    test_start: date | None = None  # default: the period 65% of the way through the data
    escalation_quantile: float = 0.9
    budget: float | None = None  # share of periods an alert may be raised in; default 1 - escalation_quantile
    refit_every: int = 1  # periods between refits of the regression
    variants: tuple[Variant, ...] = VARIANTS

    @property
    def alert_share(self) -> float:
        return self.budget if self.budget is not None else 1.0 - self.escalation_quantile


def load_backtest_data(
    store: Store, dyad: Dyad, settings: BacktestSettings, since: date | None = None, until: date | None = None, origin: str | None = None
) -> pd.DataFrame:
    """Per period: y (the dyad's target counts), rec (B->A counts; zeros for an undirected dyad), volume (all events)."""
    if settings.target not in TARGETS:
        raise AnalysisError(f"the target is one of {', '.join(TARGETS)}, not {settings.target!r}")
    since, until = whole_periods(since, until, settings.freq)
    totals = totals_frame(store, settings.freq, since, until, origin)
    if totals.empty:
        raise AnalysisError("no dated events in the store for this range; import or ingest some first")
    periods = period_range(since or totals["period"].min(), until or totals["period"].max(), settings.freq)
    counts = directed_counts_frame(store, dyad, settings.freq, since, until, origin, TARGETS[settings.target])
    counts = counts.set_index("period").reindex(periods, fill_value=0)
    volume = totals.set_index("period")["events"].reindex(periods, fill_value=0)
    y = counts["ab"] if dyad.directed else counts["ab"] + counts["ba"]
    rec = counts["ba"] if dyad.directed else pd.Series(0, index=periods)
    return pd.DataFrame({"y": y.astype(float), "rec": rec.astype(float), "volume": volume.astype(float)}, index=periods)


@dataclass(slots=True)
class MethodScores:
    mae: float
    crps: float
    brier: float
    crps_skill: float = float("nan")  # against climatology
    brier_skill: float = float("nan")
    hit_rate: float = float("nan")
    false_alarms_per_year: float = float("nan")
    alerts_per_year: float = float("nan")


@dataclass(slots=True)
class BacktestResult:
    dyad: str
    settings: BacktestSettings
    variant: Variant
    calibration_crps: dict[str, float]  # mean CRPS of each variant on the calibration window
    escalation_level: float  # an escalation is a period with more than this many events
    periods: dict[str, tuple[pd.Timestamp, pd.Timestamp, int]]  # window -> (first, last, number of periods)
    escalations: int  # in the test window
    scores: dict[str, MethodScores]
    forecasts: pd.DataFrame  # per test period: observed, and each method's point forecast and P(escalation)
    next_period: dict[str, Any] = field(default_factory=dict)  # the model's forecast for the period after the data
    fallbacks: int = 0  # origins at which the regression failed and the training mean stood in

    @property
    def beats_both(self) -> bool:
        """True if the model scores better than persistence and climatology on MAE, CRPS and Brier."""
        model = self.scores["model"]
        return all(
            model.mae < other.mae and model.crps < other.crps and model.brier < other.brier
            for other in (self.scores["persistence"], self.scores["climatology"])
        )

    def verdict(self) -> str:
        """One sentence for the user. The word for an earned forecast is used only when it is earned."""
        if self.beats_both:
            return (
                f"The model beats persistence and climatology on MAE, CRPS and Brier score in this test window: "
                f"its next-period forecast for {self.dyad} has earned the name early warning (for this dyad and window)."
            )
        return (
            f"The model does not beat both persistence and climatology on MAE, CRPS and Brier score in this test window, "
            f"so its output for {self.dyad} is a tension indicator only: it describes, it has not shown it foresees."
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "dyad": self.dyad,
            "freq": self.settings.freq,
            "target": self.settings.target,
            "variant": self.variant.name,
            "calibration_crps": self.calibration_crps,
            "escalation_level": self.escalation_level,
            "windows": {k: {"first": plain(a), "last": plain(b), "periods": n} for k, (a, b, n) in self.periods.items()},
            "escalations": self.escalations,
            "alert_share": self.settings.alert_share,
            "scores": {name: {k: plain(v) for k, v in _fields(s).items()} for name, s in self.scores.items()},
            "beats_both_baselines": self.beats_both,
            "verdict": self.verdict(),
            "next_period": {k: plain(v) for k, v in self.next_period.items()},
            "fallbacks": self.fallbacks,
        }


def _fields(item: MethodScores) -> dict[str, float]:
    return {name: getattr(item, name) for name in MethodScores.__dataclass_fields__}


def _split(periods: pd.DatetimeIndex, settings: BacktestSettings) -> tuple[int, int]:
    def at(day: date | None, share: float) -> int:
        if day is None:
            return int(len(periods) * share)
        return int(periods.searchsorted(period_start(day, settings.freq)))

    calibration, test = at(settings.calibration_start, 0.5), at(settings.test_start, 0.65)
    if not 8 <= calibration < test < len(periods):
        raise AnalysisError(
            f"need at least 8 warm-up periods, then a calibration window, then a test window; got warm-up {calibration},"
            f" calibration {test - calibration}, test {len(periods) - test} periods: move --calibrate/--test or widen --since/--until"
        )
    return calibration, test


class _Model:
    """Rolling-origin forecasts of one variant: refit every ``every`` origins on rows up to the origin."""

    def __init__(self, variant: Variant, rows: pd.DataFrame, y: np.ndarray, every: int) -> None:
        self.variant, self.rows, self.y, self.every = variant, rows, y, every
        self._fit: Fit | None = None
        self._fitted_at: int | None = None
        self.fallbacks = 0

    def forecast(self, origin: int) -> tuple[float, float]:
        """Mean and alpha of the forecast for period origin+1, from periods 0..origin only."""
        if self._fitted_at is None or origin - self._fitted_at >= self.every:
            # rows u = 0..origin-1 with their targets y[u+1] = y[1..origin]
            self._fit = fit(self.variant, self.rows.iloc[:origin], self.y[1 : origin + 1])
            self._fitted_at = origin
            self.fallbacks += self._fit.fallback
        assert self._fit is not None
        return float(self._fit.mean(self.rows.iloc[[origin]])[0]), self._fit.alpha


def _model_forecasts(model: _Model, targets: Sequence[int], shown: Progress) -> tuple[np.ndarray, np.ndarray]:
    pairs = []
    for s in targets:
        pairs.append(model.forecast(s - 1))
        shown.advance(1)
    return np.array([m for m, _ in pairs]), np.array([a for _, a in pairs])


def _persistence_alpha(y: np.ndarray, end: int) -> float:
    """Dispersion of the persistence forecast, by maximum likelihood on consecutive pairs before ``end``."""
    last, following = np.maximum(y[: end - 1], PERSISTENCE_FLOOR), y[1:end]

    def loss(log_alpha: float) -> float:
        size = np.exp(-log_alpha)
        return -float(stats.nbinom.logpmf(following, size, size / (size + last)).sum())

    found = optimize.minimize_scalar(loss, bounds=(-9.0, 5.0), method="bounded")
    return float(np.exp(found.x))


def _distributions(
    y: np.ndarray, targets: np.ndarray, mean: np.ndarray, alpha: np.ndarray, persistence_alpha: float, grid: int
) -> dict[str, np.ndarray]:
    persistence = np.maximum(y[targets - 1], PERSISTENCE_FLOOR)
    return {
        "model": scores.negbin_cdf(mean, alpha, grid),
        "persistence": scores.negbin_cdf(persistence, persistence_alpha, grid),
        "climatology": np.vstack([scores.empirical_cdf(y[:s], grid) for s in targets]),
    }


def _grid(y: np.ndarray, mean: np.ndarray, alpha: np.ndarray, persistence_alpha: float) -> int:
    persistence = np.maximum(y, PERSISTENCE_FLOOR)
    return max(int(y.max()) + 2, scores.negbin_upper(mean, alpha), scores.negbin_upper(persistence, persistence_alpha)) + 1


def run_backtest(
    data: pd.DataFrame, settings: BacktestSettings = BacktestSettings(), dyad: str = "", progress: Progress = SILENT
) -> BacktestResult:
    """Back-test on per-period data (columns y, rec, volume; see load_backtest_data); ``progress`` counts forecasts."""
    periods = pd.DatetimeIndex(data.index)
    cal, test = _split(periods, settings)
    y = data["y"].to_numpy(dtype=float)
    rows = features(data)
    calibration_targets = np.arange(cal, test)
    test_targets = np.arange(test, len(periods))

    # 1. Settings, from periods before the test window only.
    level = float(np.quantile(y[cal:test], settings.escalation_quantile))
    persistence_alpha = _persistence_alpha(y, test)
    # reciprocity terms only where the reverse direction has events before the test window
    variants = tuple(v for v in settings.variants if not v.reciprocity or data["rec"].iloc[:test].any())
    models = {v: _Model(v, rows, y, settings.refit_every) for v in variants}
    progress.start(len(variants) * len(calibration_targets) + len(test_targets))
    calibration = {v: _model_forecasts(m, calibration_targets, progress) for v, m in models.items()}
    observed_cal = y[calibration_targets]
    calibration_crps = {}
    for variant, (mean, alpha) in calibration.items():
        grid = _grid(y[: test], mean, alpha, persistence_alpha)
        calibration_crps[variant] = float(scores.crps(scores.negbin_cdf(mean, alpha, grid), observed_cal).mean())
    chosen = min(variants, key=lambda v: (calibration_crps[v], variants.index(v)))

    # 2. The test window, scored with those settings.
    model = models[chosen]
    mean, alpha = _model_forecasts(model, test_targets, progress)
    progress.stop()
    observed = y[test_targets]
    grid = _grid(y, mean, alpha, persistence_alpha)
    cdfs = _distributions(y, test_targets, mean, alpha, persistence_alpha, grid)
    happened = observed > level
    years = len(test_targets) / PERIODS_PER_YEAR[settings.freq]
    points = {
        "model": scores.median(cdfs["model"]),
        "persistence": y[test_targets - 1],
        "climatology": scores.median(cdfs["climatology"]),
    }
    results: dict[str, MethodScores] = {}
    forecasts = pd.DataFrame({"observed": observed}, index=periods[test_targets])
    for name in METHODS:
        probability = scores.exceedance(cdfs[name], level)
        result = MethodScores(
            mae=float(np.mean(np.abs(points[name] - observed))),
            crps=float(scores.crps(cdfs[name], observed).mean()),
            brier=scores.brier(probability, happened),
        )
        hits, false_alarms, alerts = scores.alerts_at_budget(probability, happened, settings.alert_share)
        result.hit_rate = hits / happened.sum() if happened.any() else float("nan")
        result.false_alarms_per_year = false_alarms / years
        result.alerts_per_year = alerts / years
        results[name] = result
        forecasts[f"{name}_point"] = points[name]
        forecasts[f"{name}_p_escalation"] = probability
    forecasts["model_mean"] = mean
    for name in ("model", "persistence"):
        results[name].crps_skill = scores.skill(results[name].crps, results["climatology"].crps)
        results[name].brier_skill = scores.skill(results[name].brier, results["climatology"].brier)
    results["climatology"].crps_skill = results["climatology"].brier_skill = 0.0

    # 3. The period after the data, from the last origin.
    next_mean, next_alpha = model.forecast(len(periods) - 1)
    one_mean, one_alpha = np.array([next_mean]), np.array([next_alpha])
    next_cdf = scores.negbin_cdf(one_mean, one_alpha, _grid(y, one_mean, one_alpha, persistence_alpha))
    next_period = {
        "period": shift_periods(periods[-1], 1, settings.freq),
        "mean": next_mean,
        "low_80": float((next_cdf[0] < 0.1).sum()),
        "high_80": float((next_cdf[0] < 0.9).sum()),
        "p_escalation": float(scores.exceedance(next_cdf, level)[0]),
    }
    return BacktestResult(
        dyad=dyad,
        settings=settings,
        variant=chosen,
        calibration_crps={v.name: c for v, c in calibration_crps.items()},
        escalation_level=level,
        periods={
            "warm-up": (periods[0], periods[cal - 1], cal),
            "calibration": (periods[cal], periods[test - 1], test - cal),
            "test": (periods[test], periods[-1], len(periods) - test),
        },
        escalations=int(happened.sum()),
        scores=results,
        forecasts=forecasts,
        next_period=next_period,
        fallbacks=model.fallbacks,
    )
