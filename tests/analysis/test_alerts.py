"""Surge alerts: the latest period against its 4- and 52-period baselines, with a settable threshold."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import pytest

from standoff.analysis.alerts import SurgeSettings, find_surges, load_surges
from standoff.analysis.periods import period_range
from standoff.store import Store

START = date(2023, 1, 2)  # a Monday
LAST = START + timedelta(weeks=52)


@pytest.fixture
def store_path(make_store, event):
    rows = []
    for week in range(52):  # a year of one conflict event a week A->B and two C->D
        day = START + timedelta(weeks=week)
        rows.append(event(f"ab{week}", day, "AAA", "BBB", "112", 3, -2.0))
        rows += [event(f"cd{week}-{k}", day, "CCC", "DDD", "112", 3, -2.0) for k in range(2)]
    # then a week with six A->B conflict events (and a cooperative one, which is no evidence) and C->D as usual
    rows += [event(f"ab-surge{k}", LAST + timedelta(days=k), "AAA", "BBBGOV", "190", 4, -10.0 + k, text=f"attack {k}") for k in range(6)]
    rows.append(event("ab-coop", LAST, "AAA", "BBB", "042", 1, 1.9))
    rows += [event(f"cd-last{k}", LAST, "CCC", "DDD", "112", 3, -2.0) for k in range(2)]
    return make_store(rows)


def surges(path, **settings):
    with Store(path, read_only=True) as store:
        return load_surges(store, "week", SurgeSettings(**settings), evidence=3)


def test_latest_period_against_both_baselines(store_path):
    [surge] = surges(store_path)
    assert (surge.dyad, surge.period, surge.events) == ("AAA->BBB", pd.Timestamp(LAST), 6)
    assert (surge.baseline_short, surge.baseline_long) == (1.0, 1.0)
    assert (surge.ratio_short, surge.ratio_long) == (3.5, 3.5)  # (6 + 1) / (1 + 1)


def test_threshold_is_the_users(store_path):
    assert len(surges(store_path, threshold=3.5)) == 1
    assert surges(store_path, threshold=3.6) == []
    assert surges(store_path, min_events=7) == []


def test_evidence_is_the_periods_conflict_events_most_hostile_first(store_path):
    [surge] = surges(store_path)
    assert [e["id"] for e in surge.evidence] == ["ab-surge0", "ab-surge1", "ab-surge2"]
    assert surge.evidence[0]["text"] == "attack 0"
    assert surge.to_dict()["period"] == LAST.isoformat()


def test_since_checks_every_period_from_then(store_path):
    with Store(store_path, read_only=True) as store:
        found = load_surges(store, "week", SurgeSettings(), since=START, evidence=0)
    assert [s.dyad for s in found] == ["AAA->BBB"]  # steady weeks never surge


def test_short_baseline_alone_is_not_enough():
    # a dyad at 5 a week for a year that fell to 1 a week for a month, then back to 5:
    # a surge against the last 4 weeks, not against the year
    periods = period_range(date(2023, 1, 2), date(2024, 1, 1), "week")
    counts = [5] * 48 + [1] * 4 + [5]
    frame = pd.DataFrame({"source_country": "AAA", "target_country": "BBB", "period": periods, "events": counts})
    assert find_surges(frame, periods, periods[-1:], SurgeSettings(threshold=2.0)) == []
    assert len(find_surges(frame, periods, periods[-1:], SurgeSettings(threshold=1.0))) == 1


def test_no_surge_before_there_is_a_baseline(make_store, event):
    # the store's first weeks: nothing is known before them, so they cannot be surges
    path = make_store([event(f"e{k}", START + timedelta(weeks=k // 5), "AAA", "BBB", "190", 4, -10.0) for k in range(20)])
    with Store(path, read_only=True) as store:
        assert load_surges(store, "week", SurgeSettings(threshold=1.0), since=START, evidence=0) == []
