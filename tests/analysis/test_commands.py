"""The analysis commands, run through the CLI on a small store."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, timedelta

import pytest
from click.testing import CliRunner

from standoff.cli import main

START = date(2023, 1, 2)


@pytest.fixture
def db(make_store, event):
    rows = []
    for week in range(60):
        day = START + timedelta(weeks=week)
        surge = week == 59
        rows += [event(f"a{week}-{k}", day, "USA", "PRK", "190", 4, -10.0, text=f"Strike {week}.{k}.") for k in range(8 if surge else 1 + week % 2)]
        rows += [event(f"b{week}-{k}", day, "PRK", "USA", "112", 3, -2.0) for k in range(week % 3)]
        rows += [event(f"c{week}-{k}", day, "CHN", "JPN", "042", 1, 1.9) for k in range(3)]
    return str(make_store(rows))


def run(*args):
    result = CliRunner().invoke(main, [*args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_series_formats(db):
    data = json.loads(run("series", "--dyad", "USA->PRK", "--freq", "month", "--db", db, "--format", "json"))
    assert data["selection"] == "USA->PRK"
    assert data["periods"][0]["period"] == "2023-01-01" and data["periods"][0]["events"] == 7  # weeks of 2, 9, 16, 23, 30 Jan
    rows = list(csv.DictReader(io.StringIO(run("series", "--dyad", "USA-PRK", "--db", db, "--format", "csv"))))
    assert len(rows) == 60 and rows[0]["period"] == "2023-01-02" and "events_r19_per1k" in rows[0]
    assert "USA-PRK, by week" in run("series", "--dyad", "USA-PRK", "--db", db, "--since", "2023-01-02", "--until", "2023-02-01")


@pytest.mark.parametrize("suffix, magic", [(".png", b"\x89PNG"), (".svg", b"<?xml")])
def test_series_plot(db, tmp_path, suffix, magic):
    out = tmp_path / f"chart{suffix}"
    run("series", "--dyad", "USA-PRK", "--db", db, "--plot", str(out))
    assert out.read_bytes().startswith(magic)


def test_plot_refuses_other_formats(db, tmp_path):
    result = CliRunner().invoke(main, ["series", "--dyad", "USA-PRK", "--db", db, "--plot", str(tmp_path / "chart.pdf")])
    assert result.exit_code != 0 and "E701" in result.output


def test_tension_explains_the_last_period(db):
    text = run("tension", "--dyad", "USA-PRK", "--db", db)
    assert "What moved it in the period of 2024-02-19" in text and "Strike 59." in text
    data = json.loads(run("tension", "--dyad", "USA-PRK", "--db", db, "--format", "json", "--period", "2023-01-04"))
    assert data["moved"]["period"] == "2023-01-02" and len(data["index"]) == 60


def test_alerts_lists_the_surge_with_evidence(db):
    data = json.loads(run("alerts", "--db", db, "--format", "json", "--evidence", "2"))
    assert [(a["dyad"], a["events"]) for a in data] == [("USA->PRK", 8)]
    assert len(data[0]["evidence"]) == 2
    assert "surge alerts" in run("alerts", "--db", db)
    assert "no surges" in run("alerts", "--db", db, "--threshold", "10")


def test_backtest_reports_model_and_baselines(db, tmp_path):
    out = tmp_path / "forecasts.csv"
    args = ["backtest", "--dyad", "USA->PRK", "--db", db, "--calibrate", "2023-05-01", "--test", "2023-08-07", "--forecasts", str(out)]
    data = json.loads(run(*args, "--format", "json"))
    assert set(data["scores"]) == {"model", "persistence", "climatology"}
    assert data["windows"]["test"]["first"] == "2023-08-07"
    assert out.read_text().startswith("period,observed,")
    text = run(*args)
    assert ("early warning" in text) == data["beats_both_baselines"]
    assert ("tension indicator" in text) != data["beats_both_baselines"]
    assert "| MAE (events) |" in run(*args, "--format", "markdown")


@pytest.mark.parametrize("command", ["series", "tension", "backtest"])
def test_a_dyad_without_events_says_so_and_names_dyads_that_have_some(db, command):
    result = CliRunner().invoke(main, [command, "--dyad", "USA-FRA", "--db", db])
    assert result.exit_code != 0
    assert "no dated events for USA-FRA" in result.output
    assert "dyads with events: CHN-JPN (180), PRK-USA (" in result.output
    assert "0.00" not in result.output  # no table of zeros


def test_a_range_without_events_says_so(db):
    result = CliRunner().invoke(main, ["series", "--dyad", "USA-PRK", "--since", "1990-01-01", "--until", "1990-12-31", "--db", db])
    assert result.exit_code != 0 and "no dated events for USA-PRK from 1990-01-01 to 1990-12-31" in result.output
    assert "the store has no dated events between two countries in this range" in result.output


def test_backtest_shows_progress_off_a_terminal(db, monkeypatch):
    monkeypatch.setattr("standoff.progress.LINE_SECONDS", 0.0)
    result = CliRunner().invoke(main, ["backtest", "--dyad", "USA->PRK", "--db", db, "--format", "json"])
    assert result.exit_code == 0, result.output
    json.loads(result.stdout)  # the report alone on standard output
    last = result.stderr.splitlines()[-1]
    assert last.startswith("backtest: ") and " forecasts, " in last and "forecasts/s" in last
    done, total = last.split()[1].split("/")
    assert done == total


def test_the_commands_say_what_they_left_out_and_why(make_store, event):
    rows = [event(f"a{k}", START + timedelta(weeks=k), "USA", "PRK", "190", 4, -10.0) for k in range(6)]
    rows += [event("undated", None, "USA", "PRK", "190", 4, -10.0)]
    rows += [{**event("month", date(2023, 1, 1), "USA", "PRK", "190", 4, -10.0), "date_precision": "month"}]
    rows += [{**event("year", date(2023, 1, 1), "USA", "PRK", "190", 4, -10.0), "date_precision": "year"}]
    db = str(make_store(rows))
    weekly = json.loads(run("series", "--dyad", "USA-PRK", "--db", db, "--format", "json"))
    assert weekly["left_out"] == {"freq": "week", "undated": 1, "coarser": {"month": 1, "year": 1}, "unknown_source": 0, "not_in_cameo": 0, "total": 3}
    assert sum(p["events"] for p in weekly["periods"]) == 6  # the month and year events are in no week
    monthly = json.loads(run("series", "--dyad", "USA-PRK", "--db", db, "--format", "json", "--freq", "month"))
    assert monthly["left_out"]["coarser"] == {"year": 1} and monthly["periods"][0]["events"] == 6  # 5 in January, with the month's
    assert "left out: 3 events (1 without a date, 1 dated only to the month, 1 dated only to the year)" in run("series", "--dyad", "USA-PRK", "--db", db)
    assert "left out: 3 events" in run("tension", "--dyad", "USA-PRK", "--db", db)
    assert "left out: 3 events" in run("alerts", "--db", db, "--since", "2023-01-01")
    result = CliRunner().invoke(main, ["alerts", "--db", db, "--format", "json"])
    assert json.loads(result.stdout) == [] and "left out: 3 events" in result.stderr
