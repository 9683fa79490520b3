"""Plain Python values from pandas/numpy ones, for JSON output and the API."""

from __future__ import annotations

import math
from datetime import date, datetime
from typing import Any

import numpy as np
import pandas as pd


def plain(value: Any) -> Any:
    """Dates and timestamps as ISO text (a period start as a bare date), NaN and NA as None, numpy scalars as Python ones."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp | datetime):
        stamp = pd.Timestamp(value)
        return stamp.date().isoformat() if stamp == stamp.normalize() else stamp.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def records(frame: pd.DataFrame, *, index: str | None = None) -> list[dict[str, Any]]:
    """Rows as dicts of plain values; with ``index``, the frame's index first under that name."""
    if index is not None:
        frame = frame.rename_axis(index).reset_index()
    return [{key: plain(value) for key, value in row.items()} for row in frame.to_dict("records")]
