"""Series arithmetic on a hand-made event table: exact counts, Goldstein, shares and normalisation."""

from __future__ import annotations

import math
from datetime import date

import pandas as pd
import pytest

from standoff.analysis.series import Selection, load_series
from standoff.store import Dyad, Store


@pytest.fixture
def store_path(make_store, event):
    return make_store(
        [
            # week of Monday 2024-01-01
            event("e1", date(2024, 1, 1), "USAMIL", "PRK", "190", 4, -10.0, incident="i1"),
            event("e2", date(2024, 1, 2), "USA", "PRKGOV", "190", 4, -10.0, incident="i1"),  # same incident as e1
            event("e3", date(2024, 1, 7), "PRK", "USA", "042", 1, 1.9),  # a Sunday: still the first week
            # week of Monday 2024-01-08
            event("e4", date(2024, 1, 8), "USA", "PRK", "111", 3, -2.0),
            event("e5", date(2024, 1, 8), "RUS", "USA", "051", 1, 3.4),  # other dyads: only in the totals
            event("e6", date(2024, 1, 9), "CHN", "JPN", "173", 4, -5.0),
            # week of 2024-01-15: nothing at all
            event("e7", date(2024, 1, 22), "PRK", "USA", "138", 3, -7.0),
            # 31 January and 1 February: one week, two months
            event("e8", date(2024, 1, 31), "USA", "PRK", "042", 1, 1.9),
            event("e9", date(2024, 2, 1), "USA", "PRK", "057", 2, 8.0),
            event("e10", None, "USA", "PRK", "190", 4, -10.0),  # undated: never in a period
        ]
    )


def series(path, text, freq="week", **kwargs):
    dyad = Dyad.parse(text) if text else None
    with Store(path, read_only=True) as store:
        return load_series(store, Selection(dyad=dyad, **kwargs), freq)


def at(frame: pd.DataFrame, day: str) -> pd.Series:
    return frame.loc[pd.Timestamp(day)]


def test_undirected_weekly_counts(store_path):
    frame = series(store_path, "USA-PRK")
    assert [p.date().isoformat() for p in frame.index] == ["2024-01-01", "2024-01-08", "2024-01-15", "2024-01-22", "2024-01-29"]
    first = at(frame, "2024-01-01")
    assert (first["events"], first["incidents"], first["conflict"]) == (3, 2, 2)
    assert [first[f"events_q{q}"] for q in (1, 2, 3, 4)] == [1, 0, 0, 2]
    assert [first[f"incidents_q{q}"] for q in (1, 2, 3, 4)] == [1, 0, 0, 1]
    assert (first["events_r19"], first["incidents_r19"], first["events_r04"]) == (2, 1, 1)
    assert first["goldstein_sum"] == pytest.approx(-18.1)
    assert first["goldstein_mean"] == pytest.approx(-18.1 / 3)
    assert first["conflict_share"] == pytest.approx(2 / 3)
    assert first["events"] + at(frame, "2024-01-08")["events"] + at(frame, "2024-01-22")["events"] + at(frame, "2024-01-29")["events"] == 7


def test_normalised_by_all_events_in_the_period(store_path):
    frame = series(store_path, "USA-PRK")
    first, second = at(frame, "2024-01-01"), at(frame, "2024-01-08")
    assert (first["total_events"], first["total_incidents"]) == (3, 2)
    assert first["events_per1k"] == pytest.approx(1000.0)
    assert first["incidents_per1k"] == pytest.approx(1000.0)
    assert first["conflict_per1k"] == pytest.approx(2000 / 3)
    assert first["goldstein_sum_per1k"] == pytest.approx(-18.1 * 1000 / 3)
    assert second["total_events"] == 3  # e4, and e5 and e6 of other dyads
    assert second["events_per1k"] == pytest.approx(1000 / 3)
    assert second["events_q3_per1k"] == pytest.approx(1000 / 3)
    assert second["conflict_share"] == 1.0


def test_an_empty_period_is_zero_not_missing(store_path):
    empty = at(series(store_path, "USA-PRK"), "2024-01-15")
    assert (empty["events"], empty["incidents"], empty["total_events"], empty["goldstein_sum"]) == (0, 0, 0, 0.0)
    assert math.isnan(empty["goldstein_mean"]) and math.isnan(empty["conflict_share"]) and math.isnan(empty["events_per1k"])


def test_directed_dyads_count_one_direction(store_path):
    forward, backward = series(store_path, "USA->PRK"), series(store_path, "PRK->USA")
    assert list(forward["events"]) == [2, 1, 0, 0, 2]
    assert list(backward["events"]) == [1, 0, 0, 1, 0]
    assert list(forward["events"] + backward["events"]) == list(series(store_path, "USA-PRK")["events"])
    first = at(forward, "2024-01-01")
    assert (first["incidents"], first["goldstein_sum"], first["goldstein_mean"]) == (1, -20.0, -10.0)


def test_weeks_start_on_monday_and_months_on_the_first(store_path):
    weekly = at(series(store_path, "USA->PRK"), "2024-01-29")  # 31 January and 1 February together
    assert (weekly["events_q1"], weekly["events_q2"]) == (1, 1)
    monthly = series(store_path, "USA->PRK", freq="month")
    assert [p.date().isoformat() for p in monthly.index] == ["2024-01-01", "2024-02-01"]
    assert list(monthly["events"]) == [4, 1]
    assert list(monthly["total_events"]) == [8, 1]
    assert monthly.iloc[0]["events_per1k"] == pytest.approx(500.0)


def test_daily_series_and_date_range(store_path):
    with Store(store_path, read_only=True) as store:
        frame = load_series(store, Selection(dyad=Dyad.parse("USA-PRK")), "day", since=date(2024, 1, 6), until=date(2024, 1, 9))
    assert [p.day for p in frame.index] == [6, 7, 8, 9]
    assert list(frame["events"]) == [0, 1, 1, 0]
    assert list(frame["total_events"]) == [0, 1, 2, 1]


def test_since_and_until_count_whole_periods(store_path):
    with Store(store_path, read_only=True) as store:
        frame = load_series(store, Selection(dyad=Dyad.parse("USA-PRK")), "week", since=date(2024, 1, 3), until=date(2024, 1, 9))
    assert list(frame["events"]) == [3, 1]  # the Monday and Tuesday of the first week count too


def test_actor_series_takes_either_side(store_path):
    frame = series(store_path, None, actor="RUS")
    assert list(frame["events"]) == [0, 1, 0, 0, 0]
    assert list(series(store_path, None, actor="PRK")["events"]) == [3, 1, 0, 1, 2]


def test_origin_filter_applies_to_counts_and_totals(store_path):
    frame = series(store_path, "USA-PRK", origin="elsewhere")
    assert frame.empty
