"""The tension index on a tiny table: exact values, the band, and what moved it."""

from __future__ import annotations

import math
from datetime import date

import pandas as pd
import pytest

from standoff.analysis.periods import period_range
from standoff.analysis.tension import Scores, TensionSettings, tension_index, what_moved
from standoff.store import Dyad, EventFilter, Store
from standoff.store.frames import event_frame, period_counts_frame

SETTINGS = TensionSettings(half_life=1.0, prior_events=1.0, z=2.0)  # each period halves the weight of the past
ROWS = [
    ("a", date(2024, 1, 1), "ISR", "LBN", "190", 4, -10.0),
    ("b", date(2024, 1, 3), "LBN", "ISR", "190", 4, -10.0),
    # the week of 8 January is quiet
    ("c", date(2024, 1, 15), "ISR", "LBN", "057", 2, 4.0, None, "They signed an accord."),
]


def _load(path, dyad="ISR-LBN"):
    where = EventFilter(dyad=Dyad.parse(dyad))
    with Store(path, read_only=True) as store:
        return Scores.of(period_counts_frame(store, where, "week")), event_frame(store, where, "week", with_text=True)


@pytest.fixture
def store_path(make_store, event):
    return make_store([event(*row) for row in ROWS])


@pytest.fixture
def scores(store_path):
    return _load(store_path)[0]


@pytest.fixture
def frame(store_path):
    return _load(store_path)[1]


def weeks() -> pd.DatetimeIndex:
    return period_range(date(2024, 1, 1), date(2024, 1, 15), "week")


def test_index_is_minus_the_discounted_mean_goldstein(scores):
    index = tension_index(scores, weeks(), SETTINGS)
    # W: 2, then 1 (halved), then 0.5 + 1; G: -20, -10, -5 + 4
    assert list(index["weight"]) == [2.0, 1.0, 1.5]
    assert list(index["balance"]) == [-20.0, -10.0, -1.0]
    assert list(index["tension"]) == pytest.approx([20 / 3, 10 / 2, 1 / 2.5])
    assert list(index["events"]) == [2, 0, 1]


def test_band_comes_from_the_events_behind_it(scores, make_store, event):
    index = tension_index(scores, weeks(), SETTINGS)
    sigma = pd.Series([-10.0, -10.0, 4.0]).std()
    half = [2.0 * sigma / math.sqrt(w + 1.0) for w in (2.0, 1.0, 1.5)]
    assert list(index["high"] - index["tension"]) == pytest.approx(half)
    assert list(index["tension"] - index["low"]) == pytest.approx(half)
    # more events behind the same mean: a narrower band
    doubled, _ = _load(make_store([event(*row) for row in ROWS] + [event(row[0] + "2", *row[1:]) for row in ROWS]))
    wider, narrower = tension_index(scores, weeks(), SETTINGS), tension_index(doubled, weeks(), SETTINGS)
    assert (narrower["high"] - narrower["low"]).iloc[0] < (wider["high"] - wider["low"]).iloc[0]


def test_no_events_means_neutral(store_path):
    nothing, _ = _load(store_path, "USA-PRK")
    index = tension_index(nothing, weeks(), SETTINGS)
    assert list(index["tension"]) == [0.0, 0.0, 0.0]


def test_what_moved_it(scores, frame):
    index = tension_index(scores, weeks(), SETTINGS)
    moved = what_moved(frame, index, pd.Timestamp("2024-01-15"), SETTINGS)
    assert moved.before == pytest.approx(5.0)
    assert moved.after == pytest.approx(0.4)
    assert moved.fading == pytest.approx(5 / 1.5 - 5)  # with no new event: 5 / 1.5
    assert moved.new_events == pytest.approx(0.4 - 5 / 1.5)
    assert [e["id"] for e in moved.events] == ["c"]
    assert moved.events[0]["influence"] == pytest.approx(0.4 - 5 / 1.5)
    assert moved.events[0]["text"] == "They signed an accord."
    assert moved.to_dict()["period"] == "2024-01-15"


def test_what_moved_ranks_by_influence(scores, frame):
    index = tension_index(scores, weeks(), SETTINGS)
    moved = what_moved(frame, index, pd.Timestamp("2024-01-01"), SETTINGS, top=1)
    assert moved.before == 0.0
    assert len(moved.events) == 1 and moved.events[0]["influence"] > 0  # a -10 event raised the tension
