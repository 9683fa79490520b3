"""Scores: CRPS, Brier, and hits at a fixed alert budget."""

from __future__ import annotations

import numpy as np
import pytest

from standoff.analysis import scores


def test_crps_of_a_sure_forecast_is_the_absolute_error():
    sure_two = np.array([[0.0, 0.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0]])
    assert scores.crps(sure_two, np.array([5])) == pytest.approx([3.0])
    assert scores.crps(sure_two, np.array([2])) == pytest.approx([0.0])


def test_crps_of_a_coin_between_zero_and_one():
    coin = np.array([[0.5, 1.0, 1.0]])
    # (0.5 - 0)^2 at k=0 when y=1; (0.5 - 1)^2 when y=0
    assert scores.crps(np.vstack([coin, coin]), np.array([1, 0])) == pytest.approx([0.25, 0.25])


def test_negbin_with_zero_alpha_is_poisson_and_reaches_one():
    cdf = scores.negbin_cdf(np.array([3.0, 3.0]), np.array([0.0, 0.5]), 60)
    assert cdf[0, 0] == pytest.approx(np.exp(-3.0))
    assert cdf[1, 0] == pytest.approx((1 / (1 + 0.5 * 3)) ** 2)  # NB2: size 1/alpha = 2, p = 2 / (2 + 3)
    assert cdf[:, -1] == pytest.approx([1.0, 1.0])
    assert scores.negbin_upper(np.array([3.0]), np.array([0.5])) < 60


def test_empirical_cdf_median_and_exceedance():
    cdf = scores.empirical_cdf(np.array([0, 0, 1, 4]), 6)[None, :]
    assert list(cdf[0]) == [0.5, 0.75, 0.75, 0.75, 1.0, 1.0]
    assert scores.median(cdf) == [0.0]
    assert scores.exceedance(cdf, 1.5) == pytest.approx([0.25])


def test_brier_and_skill():
    assert scores.brier(np.array([1.0, 0.0, 0.5]), np.array([True, False, True])) == pytest.approx(0.25 / 3)
    assert scores.skill(0.5, 1.0) == 0.5


def test_alerts_at_budget_share_ties_evenly():
    probability = np.array([0.9, 0.5, 0.5, 0.5, 0.1])
    happened = np.array([True, True, False, False, False])
    hits, false_alarms, alerts = scores.alerts_at_budget(probability, happened, 0.4)  # two alerts
    assert alerts == 2
    assert hits == pytest.approx(1 + 1 / 3)  # the 0.9 and a third of a chance at the tied 0.5s
    assert false_alarms == pytest.approx(2 / 3)
    flat = scores.alerts_at_budget(np.full(5, 0.2), happened, 0.4)
    assert flat[0] == pytest.approx(2 * 2 / 5)  # a flat forecast scores what random alerts would
