"""The back-test harness: no data from after the forecast origin is ever used, and the verdict's wording."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pandas as pd
import pytest

from standoff.analysis.backtest import BacktestResult, BacktestSettings, MethodScores, load_backtest_data, run_backtest
from standoff.errors import AnalysisError
from standoff.analysis.forecast import VARIANTS
from standoff.store import Dyad, Store

START = date(2020, 1, 6)  # a Monday
WEEKS = 160
ORIGIN = 120  # the forecast origin the poison comes after
SETTINGS = BacktestSettings(freq="week", calibration_start=START + timedelta(weeks=60), test_start=START + timedelta(weeks=100))
FORECAST_COLUMNS = [
    "model_mean", "model_point", "model_p_escalation", "persistence_point", "persistence_p_escalation",
    "climatology_point", "climatology_p_escalation",
]


def clean_rows(event):
    """Weekly ISR->PAL and PAL->ISR conflict with a slow cycle, each side answering the other, and other news."""
    rng = np.random.default_rng(7)
    rows, ab, ba = [], 1.0, 1.0
    for week in range(WEEKS):
        day = START + timedelta(weeks=week)
        level = 2.0 + 1.5 * np.sin(week / 9.0)
        ab, ba = rng.poisson(level + 0.3 * ba), rng.poisson(0.6 * level + 0.3 * ab)
        rows += [event(f"ab{week}-{k}", day + timedelta(days=k % 7), "ISR", "PAL", "190", 4, -10.0) for k in range(ab)]
        rows += [event(f"ba{week}-{k}", day + timedelta(days=k % 7), "PAL", "ISR", "112", 3, -2.0) for k in range(ba)]
        rows += [event(f"x{week}-{k}", day, "USA", "RUS", "042", 1, 1.9) for k in range(rng.poisson(5))]
    return rows


def poison_rows(event):
    """Wild data in every week after the origin's: huge conflict both ways and a flood of other news."""
    rows = []
    for week in range(ORIGIN + 1, WEEKS):
        day = START + timedelta(weeks=week)
        for k in range(40):
            rows.append(event(f"p-ab{week}-{k}", day, "ISR", "PAL", "190", 4, -10.0))
            rows.append(event(f"p-ba{week}-{k}", day, "PAL", "ISR", "190", 4, -10.0))
        rows += [event(f"p-x{week}-{k}", day, "CHN", "JPN", "042", 1, 1.9) for k in range(100)]
    return rows


def backtest(path, until=None):
    with Store(path, read_only=True) as store:
        data = load_backtest_data(store, Dyad.parse("ISR->PAL"), SETTINGS, until=until)
    return run_backtest(data, SETTINGS, "ISR->PAL")


def test_forecasts_never_use_data_after_the_origin(make_store, event):
    clean = backtest(make_store(clean_rows(event)))
    poisoned = backtest(make_store(clean_rows(event) + poison_rows(event)))
    first_poisoned = pd.Timestamp(START + timedelta(weeks=ORIGIN + 1))
    before = clean.forecasts.index <= first_poisoned  # targets whose origin is at or before the origin week
    assert before.sum() == ORIGIN + 2 - 100
    pd.testing.assert_frame_equal(clean.forecasts.loc[before, FORECAST_COLUMNS], poisoned.forecasts.loc[before, FORECAST_COLUMNS])
    assert (clean.variant, clean.escalation_level) == (poisoned.variant, poisoned.escalation_level)
    # the poison is there to be seen: forecasts made after it came in do change
    after = clean.forecasts.index > first_poisoned
    assert (poisoned.forecasts.loc[after, "model_mean"] > 2 * clean.forecasts.loc[after, "model_mean"]).all()


def test_forecast_from_the_truncated_store_matches(make_store, event):
    """The back-test's forecast for a period equals the one made from a store that ends at its origin."""
    path = make_store(clean_rows(event) + poison_rows(event))
    full = backtest(path)
    truncated = backtest(path, until=START + timedelta(weeks=ORIGIN, days=6))
    target = pd.Timestamp(START + timedelta(weeks=ORIGIN + 1))
    assert truncated.next_period["period"] == target
    assert truncated.next_period["mean"] == full.forecasts.loc[target, "model_mean"]


def test_scores_and_windows(make_store, event):
    result = backtest(make_store(clean_rows(event)))
    assert result.periods["test"][2] == WEEKS - 100 and result.periods["calibration"][2] == 40
    assert result.variant in VARIANTS
    assert set(result.scores) == {"model", "persistence", "climatology"}
    assert result.scores["climatology"].crps_skill == 0.0
    for scores in result.scores.values():
        assert scores.mae >= 0 and scores.crps >= 0 and 0 <= scores.brier <= 1
    assert result.to_dict()["beats_both_baselines"] == result.beats_both


def test_windows_must_leave_room(make_store, event):
    path = make_store(clean_rows(event))
    with Store(path, read_only=True) as store:
        data = load_backtest_data(store, Dyad.parse("ISR->PAL"), SETTINGS)
    with pytest.raises(AnalysisError):
        run_backtest(data, BacktestSettings(calibration_start=START + timedelta(weeks=100), test_start=START + timedelta(weeks=60)))


def _result(model: MethodScores) -> BacktestResult:
    baseline = MethodScores(mae=1.0, crps=1.0, brier=0.1)
    return BacktestResult(
        dyad="ISR->PAL", settings=SETTINGS, variant=VARIANTS[0], calibration_crps={}, escalation_level=3.0,
        periods={}, escalations=5, scores={"model": model, "persistence": baseline, "climatology": baseline},
        forecasts=pd.DataFrame(),
    )


def test_the_word_warning_only_when_earned():
    earned = _result(MethodScores(mae=0.5, crps=0.5, brier=0.05))
    assert earned.beats_both and "warning" in earned.verdict()
    for model in (MethodScores(mae=0.5, crps=0.5, brier=0.2), MethodScores(mae=1.0, crps=0.5, brier=0.05)):
        unearned = _result(model)
        assert not unearned.beats_both
        assert "warning" not in unearned.verdict().lower() and "tension indicator" in unearned.verdict()
