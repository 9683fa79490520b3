"""/api/series (with the tension index) and /api/alerts."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from standoff.analysis.settings import EVIDENCE, HALF_LIFE, MIN_EVENTS, PRIOR, THRESHOLD, Setting
from standoff.api import ApiSettings, create_app


def test_weekly_series_of_a_dyad(client: TestClient) -> None:
    series = client.get("/api/series", params={"dyad": "USA-PRK"}).json()
    assert (series["selection"], series["freq"]) == ("USA-PRK", "week")
    periods = series["periods"]
    starts = [date.fromisoformat(p["period"]) for p in periods]
    assert starts[0] == date(2017, 6, 5) and starts[-1] == date(2017, 8, 7)
    assert all(b - a == timedelta(days=7) for a, b in zip(starts, starts[1:]))  # quiet weeks are rows of zeros
    assert sum(p["events"] for p in periods) == 10
    last = periods[-1]
    assert (last["events"], last["conflict"], last["events_q4"]) == (7, 7, 1)
    assert all(p["low"] <= p["tension"] <= p["high"] for p in periods)
    assert last["tension"] > 0 > periods[0]["tension"]  # praise first, threats last


def test_series_options(client: TestClient) -> None:
    monthly = client.get("/api/series", params={"actor": "PRK", "freq": "month"}).json()["periods"]
    assert [p["period"] for p in monthly] == ["2017-06-01", "2017-07-01", "2017-08-01"]
    assert sum(p["events"] for p in monthly) == 14
    every = client.get("/api/series", params={"dyad": "PRK->USA", "fields": "all"}).json()["periods"]
    assert {"events_r19", "incidents_q3", "goldstein_sum_per1k"} <= set(every[0])
    assert sum(p["events_r19"] for p in every) == 1
    slow = client.get("/api/series", params={"dyad": "USA-PRK", "half_life": 50}).json()["periods"]
    fast = client.get("/api/series", params={"dyad": "USA-PRK", "half_life": 0.5}).json()["periods"]
    assert slow[-1]["weight"] > fast[-1]["weight"]
    window = client.get("/api/series", params={"dyad": "USA-PRK", "since": "2017-08-09", "until": "2017-08-09"}).json()["periods"]
    assert client.get("/api/series", params={"dyad": "USA-PRK", "start": "2017-08-09", "end": "2017-08-09"}).json()["periods"] == window
    assert [p["period"] for p in window] == ["2017-08-07"]  # widened to the whole week


@pytest.mark.parametrize(
    ("params", "code"),
    [
        ({"freq": "year"}, "E801"),
        ({"dyad": "USA+PRK"}, "E602"),
        ({"half_life": 0}, "E801"),
        ({"since": "2017-09-01", "until": "2017-01-01"}, "E602"),
        ({"start": "2017-09-01", "end": "2017-01-01"}, "E602"),
        ({"fields": "some"}, "E801"),
    ],
)
def test_series_bad_parameters(client: TestClient, params: dict[str, object], code: str) -> None:
    answer = client.get("/api/series", params=params)
    assert answer.status_code == 422 and answer.json()["error"]["code"] == code


def test_series_length_is_bounded(api_db: Path) -> None:
    with TestClient(create_app(ApiSettings(api_db, max_periods=20)), base_url="http://127.0.0.1") as small:
        assert small.get("/api/series", params={"freq": "week"}).status_code == 200  # 10 weeks
        refused = small.get("/api/series", params={"freq": "day"})
        assert refused.status_code == 422 and refused.json()["error"]["code"] == "E805"
        far = small.get("/api/series", params={"freq": "month", "since": "1990-01-01"})
        assert far.json()["error"]["code"] == "E805"


def test_surge_alert_with_its_evidence(client: TestClient) -> None:
    answer = client.get("/api/alerts", params={"since": "2017-06-01"}).json()
    assert answer["truncated"] is False and len(answer["alerts"]) == 1
    alert = answer["alerts"][0]
    assert (alert["dyad"], alert["period"], alert["events"]) == ("PRK->USA", "2017-08-07", 6)
    assert alert["ratio_short"] >= 2 and alert["ratio_long"] >= 2
    scores = [e["goldstein"] for e in alert["evidence"]]
    assert len(scores) == 5 and scores == sorted(scores) and scores[0] == -10.0  # most hostile first
    assert all(e["text"] for e in alert["evidence"])


def test_alert_options(client: TestClient) -> None:
    def dyads(**params: object) -> list[str]:
        return [a["dyad"] for a in client.get("/api/alerts", params=params).json()["alerts"]]

    assert dyads() == ["PRK->USA"]  # without since: the latest period only, which surged
    assert dyads(since="2017-06-01", dyad="USA-PRK") == ["PRK->USA"]
    assert dyads(since="2017-06-01", dyad="USA->PRK") == []
    assert dyads(since="2017-06-01", dyad="JPN-PRK") == []
    assert dyads(since="2017-06-01", threshold=10) == []
    assert dyads(since="2017-06-01", min_events=7) == []
    assert dyads(since="2017-06-01", until="2017-07-31") == []
    assert client.get("/api/alerts", params={"evidence": 0}).json()["alerts"][0]["evidence"] == []
    assert client.get("/api/alerts", params={"freq": "month"}).json()["freq"] == "month"


@pytest.mark.parametrize("params", [{"threshold": 0.5}, {"evidence": 21}, {"min_events": 0}, {"freq": "hour"}, {"dyad": "x"}])
def test_alerts_bad_parameters(client: TestClient, params: dict[str, object]) -> None:
    answer = client.get("/api/alerts", params=params)
    assert answer.status_code == 422 and answer.json()["error"]["code"] in {"E801", "E602"}


@pytest.mark.parametrize(
    ("route", "setting"),
    [("/api/series", HALF_LIFE), ("/api/series", PRIOR), ("/api/alerts", THRESHOLD), ("/api/alerts", MIN_EVENTS), ("/api/alerts", EVIDENCE)],
    ids=lambda value: getattr(value, "name", value),
)
def test_settings_have_the_bounds_of_the_command_line(client: TestClient, route: str, setting: Setting) -> None:
    step = 1 if setting.integer else 0.001
    for value in (setting.low if setting.low_open else setting.low - step, setting.high + step):
        answer = client.get(route, params={setting.name: value})
        assert answer.status_code == 422 and answer.json()["error"]["code"] == "E801", (setting.name, value)
    assert client.get(route, params={setting.name: setting.high}).status_code == 200
    assert client.get(route, params={setting.name: setting.default}).json() == client.get(route).json()
