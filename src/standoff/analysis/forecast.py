"""Next-period conflict counts for a dyad: Poisson or negative-binomial regression on lags.

The count y_{t+1} of conflict events A->B (or both ways for an undirected dyad) is modelled
with a log link on what is known at the end of period t:

    log E[y_{t+1}] = b0 + b1 log(1+y_t) + b2 log(1+mean y_{t-3..t}) + b3 log(1+mean y_{t-51..t})
                     + b4 log(1+V_t)                                  (news volume, all dyads)
                     [+ b5 log(1+r_t) + b6 log(1+mean r_{t-3..t})]    (reciprocity: B->A conflict)

Every feature of row t is computed from periods t and before only (trailing windows), so a
model fitted on rows whose target lies at or before the origin never sees anything later.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np
import pandas as pd

TARGETS = {"conflict": (3, 4), "material-conflict": (4,)}
OWN = ("own_1", "own_4", "own_52", "volume")
RECIPROCAL = ("rec_1", "rec_4")


@dataclass(frozen=True, slots=True)
class Variant:
    family: str  # "poisson" or "negbin"
    reciprocity: bool

    @property
    def name(self) -> str:
        return f"{self.family}{' + reciprocity' if self.reciprocity else ''}"

    @property
    def columns(self) -> tuple[str, ...]:
        return OWN + RECIPROCAL if self.reciprocity else OWN


VARIANTS = tuple(Variant(family, rec) for family in ("poisson", "negbin") for rec in (False, True))


def features(data: pd.DataFrame) -> pd.DataFrame:
    """Feature rows from a frame with columns y (target counts), rec (the reverse direction's counts)
    and volume (all events stored in the period), one row per period."""
    log = np.log1p
    return pd.DataFrame(
        {
            "own_1": log(data["y"]),
            "own_4": log(data["y"].rolling(4, min_periods=1).mean()),
            "own_52": log(data["y"].rolling(52, min_periods=1).mean()),
            "volume": log(data["volume"]),
            "rec_1": log(data["rec"]),
            "rec_4": log(data["rec"].rolling(4, min_periods=1).mean()),
        },
        index=data.index,
    ).astype(float)


@dataclass(frozen=True, slots=True)
class Fit:
    """A fitted model: coefficients (constant first) and the negative-binomial alpha (0: Poisson)."""

    variant: Variant
    params: np.ndarray
    alpha: float
    fallback: bool = False  # the regression failed and the training mean stands in

    def mean(self, rows: pd.DataFrame) -> np.ndarray:
        if self.fallback:
            return np.full(len(rows), self.params[0])
        x = np.column_stack([np.ones(len(rows)), rows[list(self.variant.columns)].to_numpy()])
        return np.exp(np.clip(x @ self.params, -30.0, 30.0))


def fit(variant: Variant, rows: pd.DataFrame, target: np.ndarray) -> Fit:
    """Fit ``variant`` on feature ``rows`` and the counts that followed them."""
    import statsmodels.api as sm

    y = np.asarray(target, dtype=float)
    x = np.column_stack([np.ones(len(rows)), rows[list(variant.columns)].to_numpy()])
    fallback = Fit(variant, np.array([max(y.mean(), 1e-3) if len(y) else 1e-3]), 0.0, fallback=True)
    if len(y) <= x.shape[1] + 1 or y.sum() == 0:
        return fallback
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # convergence chatter; a bad fit is caught below
        try:
            poisson = sm.GLM(y, x, family=sm.families.Poisson()).fit()
            if variant.family == "poisson":
                result, alpha = poisson.params, 0.0
            else:
                start = np.append(poisson.params, 0.1)
                negbin = sm.NegativeBinomial(y, x).fit(start_params=start, method="bfgs", maxiter=200, disp=0)
                result, alpha = negbin.params[:-1], float(negbin.params[-1])
        except (ValueError, np.linalg.LinAlgError, FloatingPointError):
            return fallback
    if not (np.all(np.isfinite(result)) and np.isfinite(alpha) and alpha >= 0):
        return fallback
    return Fit(variant, np.asarray(result), alpha)
