"""`standoff events`: filters by dyad, actor, root and dates; each event with its sentence."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from standoff.cli import main

SERIES = """date,source,target,code
2001-01-01,USA,PRK,111
2001-01-02,PRKMIL,USA,190
2001-01-03,USAGOV,RUS,042
2001-01-05,RUS,PRK,036
2001-02-01,USA,PRK,130
"""


def standoff(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture
def db(tmp_path) -> Path:
    series = tmp_path / "series.csv"
    series.write_text(SERIES, encoding="utf-8")
    path = tmp_path / "events.duckdb"
    standoff("import-events", str(series), "--format", "keds", "--db", str(path))
    return path


def dates(db: Path, *args: str) -> list[str]:
    out = standoff("events", "--db", str(db), "--format", "jsonl", *args)
    return [json.loads(line)["event_date"] for line in out.splitlines()]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("--dyad", "USA-PRK"), ["2001-01-01", "2001-01-02", "2001-02-01"]),
        (("--dyad", "PRK-USA"), ["2001-01-01", "2001-01-02", "2001-02-01"]),
        (("--dyad", "USA->PRK"), ["2001-01-01", "2001-02-01"]),
        (("--dyad", "prk->usa"), ["2001-01-02"]),
        (("--actor", "RUS"), ["2001-01-03", "2001-01-05"]),
        (("--actor", "USAGOV"), ["2001-01-03"]),
        (("--root", "19"), ["2001-01-02"]),
        (("--root", "4"), ["2001-01-03"]),
        (("--since", "2001-01-02", "--until", "2001-01-05"), ["2001-01-02", "2001-01-03", "2001-01-05"]),
        (("--dyad", "USA-PRK", "--since", "2001-01-15"), ["2001-02-01"]),
        (("--limit", "2"), ["2001-01-01", "2001-01-02"]),
    ],
)
def test_filters(db, args, expected):
    assert dates(db, *args) == expected


def test_csv_and_count(db):
    rows = list(csv.DictReader(io.StringIO(standoff("events", "--db", str(db), "--format", "csv", "--root", "13"))))
    assert [(r["source"], r["cameo"], r["target"], r["origin"]) for r in rows] == [("USA", "130", "PRK", "keds")]
    assert standoff("events", "--db", str(db), "--dyad", "USA-PRK", "--count", "events").strip() == "3"
    assert standoff("events", "--db", str(db), "--dyad", "USA-PRK", "--count", "incidents").strip() == "3"


def test_table_says_how_many_match(db):
    assert standoff("events", "--db", str(db), "--actor", "USA").rstrip().endswith("\n4 events")
    assert standoff("events", "--db", str(db), "--limit", "1").rstrip().endswith("5 events (the first 1 shown; --limit N for more)")


def test_bad_filters_are_explained(db):
    for args in (("--dyad", "USA+PRK"), ("--root", "21"), ("--since", "yesterday")):
        result = CliRunner().invoke(main, ["events", "--db", str(db), *args])
        assert result.exit_code != 0
        assert "Traceback" not in result.output
    result = CliRunner().invoke(main, ["events", "--db", str(db.parent / "none.duckdb")])
    assert result.exit_code != 0 and "[E601]" in result.output


def test_table_shows_each_event_with_its_sentence(tmp_path):
    article = tmp_path / "wire.txt"
    article.write_text(
        "Iran threatened Egypt with military action on Monday.\n\nThe weather was mild in the capital.", encoding="utf-8"
    )
    db = tmp_path / "coded.duckdb"
    standoff("ingest", str(article), "--db", str(db), "--date", "2020-05-04")
    out = standoff("events", "--db", str(db), "--dyad", "IRN-EGY")
    assert "Iran threatened Egypt with military action on Monday." in out
    assert "weather" not in out
    (event,) = [json.loads(line) for line in standoff("events", "--db", str(db), "--format", "jsonl").splitlines()]
    text = article.read_text(encoding="utf-8")
    assert text[event["sentence_start"] : event["sentence_end"]] == event["text"]
    assert (event["article_id"], event["origin"], event["event_date"]) == ("wire", "standoff", "2020-05-04")


def test_the_table_names_an_act_without_a_plover_type_by_its_cameo_name(tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "250")  # room for the name on one line
    series = tmp_path / "odd.csv"
    series.write_text("date,source,target,code\n2001-01-01,USA,PRK,016\n", encoding="utf-8")
    db = tmp_path / "odd.duckdb"
    standoff("import-events", str(series), "--format", "keds", "--db", str(db))
    assert json.loads(standoff("events", "--db", str(db), "--format", "jsonl"))["plover"] is None
    assert "016 Deny responsibility" in standoff("events", "--db", str(db))


@pytest.mark.parametrize("columns", ["80", "120"])
def test_the_table_fits_the_terminal(db, monkeypatch, columns):
    monkeypatch.setenv("COLUMNS", columns)
    lines = standoff("events", "--db", str(db)).splitlines()
    assert max(len(line) for line in lines) <= int(columns)


def test_export_refuses_to_overwrite_without_force(db, tmp_path):
    out = tmp_path / "events.csv"
    out.write_text("keep me", encoding="utf-8")
    refused = CliRunner().invoke(main, ["export", str(out), "--format", "csv", "--db", str(db)])
    assert refused.exit_code != 0 and "exists; add --force" in refused.output
    assert out.read_text(encoding="utf-8") == "keep me"
    assert "5 events written" in standoff("export", str(out), "--format", "csv", "--db", str(db), "--force")
    assert len(out.read_text(encoding="utf-8").splitlines()) == 6
