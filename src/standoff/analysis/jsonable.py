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
    names, columns = list(frame.columns), [_plain_column(frame.iloc[:, at]) for at in range(frame.shape[1])]
    return [dict(zip(names, row)) for row in zip(*columns)] if columns else [{} for _ in range(len(frame))]


def _plain_column(column: pd.Series) -> list[Any]:
    """``plain`` of every value, a whole numpy column at a time where the type allows (a long series has
    hundreds of thousands of values)."""
    kind = column.dtype
    if isinstance(kind, np.dtype) and kind.kind == "f":
        return [None if value != value else value for value in column.to_numpy().tolist()]  # NaN is not equal to itself
    if isinstance(kind, np.dtype) and kind.kind in "iub":
        return column.to_numpy().tolist()
    return [plain(value) for value in column]
