"""Scores for count forecasts given as cumulative distributions over 0..K.

Each forecast is a row of ``cdf``: cdf[i, k] = P(Y_i <= k) for k = 0..K, with K large enough
that every row has reached 1 (so the tail adds nothing to the CRPS).
"""

from __future__ import annotations

import numpy as np
from scipy import stats


def negbin_cdf(mean: np.ndarray, alpha: np.ndarray | float, grid: int) -> np.ndarray:
    """CDFs of negative binomial distributions (variance mean + alpha * mean^2; alpha 0 is Poisson) on 0..grid-1."""
    mean = np.asarray(mean, dtype=float)[:, None]
    alpha = np.broadcast_to(np.asarray(alpha, dtype=float), mean.shape[:1])[:, None]
    k = np.arange(grid)[None, :]
    poisson = stats.poisson.cdf(k, np.maximum(mean, 1e-12))
    size = 1.0 / np.maximum(alpha, 1e-12)
    negbin = stats.nbinom.cdf(k, size, size / (size + mean))
    return np.where(alpha > 1e-9, negbin, poisson)


def negbin_upper(mean: np.ndarray, alpha: np.ndarray | float, tail: float = 1e-9) -> int:
    """A count above which every one of these distributions has less than ``tail`` probability left."""
    mean = np.asarray(mean, dtype=float)
    alpha = np.broadcast_to(np.asarray(alpha, dtype=float), mean.shape)
    size = 1.0 / np.maximum(alpha, 1e-12)
    upper = np.where(
        alpha > 1e-9,
        stats.nbinom.ppf(1 - tail, size, size / (size + mean)),
        stats.poisson.ppf(1 - tail, np.maximum(mean, 1e-12)),
    )
    return int(np.nanmax(upper, initial=0)) + 1


def empirical_cdf(samples: np.ndarray, grid: int) -> np.ndarray:
    """The CDF on 0..grid-1 of the empirical distribution of ``samples`` (one row)."""
    ordered = np.sort(np.asarray(samples, dtype=float))
    return np.searchsorted(ordered, np.arange(grid), side="right") / len(ordered)


def crps(cdf: np.ndarray, observed: np.ndarray) -> np.ndarray:
    """Continuous ranked probability score of each count forecast (lower is better; equals the absolute
    error for a forecast that puts all its probability on one count)."""
    k = np.arange(cdf.shape[1])[None, :]
    step = (k >= np.asarray(observed)[:, None]).astype(float)
    return ((cdf - step) ** 2).sum(axis=1)


def median(cdf: np.ndarray) -> np.ndarray:
    """The smallest count with cdf >= 0.5 in each row."""
    return (cdf < 0.5).sum(axis=1).astype(float)


def exceedance(cdf: np.ndarray, level: float) -> np.ndarray:
    """P(Y > level) for each forecast."""
    return 1.0 - cdf[:, int(np.floor(level))]


def brier(probability: np.ndarray, happened: np.ndarray) -> float:
    return float(np.mean((np.asarray(probability, dtype=float) - np.asarray(happened, dtype=float)) ** 2))


def skill(score: float, reference: float) -> float:
    """1 - score / reference: 1 is perfect, 0 no better than the reference, negative worse."""
    return float("nan") if reference == 0 else 1.0 - score / reference


def alerts_at_budget(probability: np.ndarray, happened: np.ndarray, share: float) -> tuple[float, float, int]:
    """Hits and false alarms when alerts go to the ``share`` of periods with the highest probability.

    Ties at the cut are shared out evenly (the expected result of breaking them at random), so
    a forecast that cannot rank periods scores what random alerts would. Returns
    (expected hits, expected false alarms, number of alerts).
    """
    probability, happened = np.asarray(probability, dtype=float), np.asarray(happened, dtype=bool)
    alerts = int(round(share * len(probability)))
    if alerts == 0:
        return 0.0, 0.0, 0
    cut = np.sort(probability)[::-1][alerts - 1]
    above, tied = probability > cut, probability == cut
    weight = above.astype(float) + tied * (alerts - above.sum()) / tied.sum()
    hits = float((weight * happened).sum())
    return hits, float(alerts - hits), alerts
