"""Exports and imports: GDELT, PLOVER, Parquet and CSV round trips, and KEDS series."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from pathlib import Path

import pyarrow.csv as pa_csv
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from standoff.cli import main
from standoff.model import Article, Place
from standoff.store import GDELT_COLUMNS, Store, export_events, import_events
from standoff.store.codes import gdelt_event_id
from standoff.store.schema import EVENTS

TEXTS = (
    "North Korea launched a ballistic missile over Japan on Tuesday.\n\nJapan condemned North Korea.",
    "Russia accused Ukraine of violating the ceasefire on Monday.\n\nThe president of France met the prime minister of India in Geneva.",
    "Iran threatened Israel with military action.\n\nTurkey praised Egypt for its help.",
)
PLACES = (
    Place("Hokkaido", "JPN", "Hokkaido", 43.2, 142.8, "admin1", 2130037),
    Place("Geneva", "CHE", "Geneva", 46.2, 6.15, "city", 2660646),
    Place("Israel", "ISR", None, 31.5, 34.75, "country", 294640),
)

GDELT_FIELDS = (
    "event_date", "source", "source_country", "source_sector", "source_text", "target", "target_country",
    "target_sector", "target_text", "cameo", "cameo_root", "goldstein", "quad_class", "location_name",
    "location_country", "location_admin1", "location_lat", "location_lon", "location_feature",
)
PLOVER_FIELDS = (
    "event_date", "source", "source_country", "target", "target_country", "cameo", "cameo_root", "goldstein",
    "quad_class", "plover", "plover_mode", "plover_context", "text", "location_name", "location_country",
    "location_admin1", "location_lat", "location_lon", "location_feature", "location_geonames_id",
)


@pytest.fixture(scope="module")
def coded_db(coder, tmp_path_factory) -> Path:
    """A store of coded articles; the first event of each placed by the test, the others unplaced."""
    articles = [
        Article(f"doc-{n}", text, date(2017, 8, 28 + n), title=f"T{n}", url=f"https://news.example/{n}", source="Wire")
        for n, text in enumerate(TEXTS)
    ]
    results = []
    for n, result in enumerate(coder.code(articles)):
        events = tuple(
            dataclasses.replace(e, location=PLACES[n] if i == 0 else None, loc_reason="test" if i == 0 else None)
            for i, e in enumerate(result.events)
        )
        results.append(dataclasses.replace(result, events=events))
    db = tmp_path_factory.mktemp("coded") / "coded.duckdb"
    with Store(db) as store:
        store.write_batch(store.start_run("test", {}, {}), results)
    return db


def rows(db: Path, where: str = "") -> dict[str, dict]:
    with Store(db, read_only=True) as store:
        return {r["id"]: r for r in store.fetch(f"SELECT * FROM events {where}").to_pylist()}


def pick(row: dict, fields: tuple[str, ...]) -> tuple:
    return tuple(row[f] for f in fields)


def reimport(tmp_path: Path, exported: Path, fmt: str) -> dict[str, dict]:
    db = tmp_path / f"{fmt}.duckdb"
    with Store(db) as store:
        summary = import_events(store, exported, fmt)
        assert summary.failures == 0
        assert import_events(store, exported, fmt).added == 0  # importing twice adds nothing
    return rows(db)


def test_gdelt_round_trip(coded_db, tmp_path):
    out = tmp_path / "events.gdelt.tsv"
    with Store(coded_db, read_only=True) as store:
        assert export_events(store, "gdelt", out).written == len(rows(coded_db))
    lines = out.read_text(encoding="utf-8").splitlines()
    assert all(len(line.split("\t")) == len(GDELT_COLUMNS) == 61 for line in lines)
    first = dict(zip(GDELT_COLUMNS, lines[0].split("\t")))
    assert first["SOURCEURL"].startswith("https://news.example/")
    assert first["AvgTone"] == "" and first["NumMentions"] == "1"
    assert len(first["DATEADDED"]) == 14
    placed = [dict(zip(GDELT_COLUMNS, line.split("\t"))) for line in lines if "Hokkaido" in line]
    assert [(p["ActionGeo_Type"], p["ActionGeo_CountryCode"]) for p in placed] == [("5", "JA")]

    original = rows(coded_db)
    back = reimport(tmp_path, out, "gdelt")
    assert len(back) == len(original)
    for event_id, row in original.items():
        again = back[f"gdelt:{gdelt_event_id(event_id)}"]
        assert pick(again, GDELT_FIELDS) == pick(row, GDELT_FIELDS)
        assert again["url"] == f"https://news.example/{row['article_id'].split('-')[1]}"
        assert again["origin"] == "gdelt"


def test_plover_round_trip(coded_db, tmp_path):
    out = tmp_path / "events.plover.jsonl"
    with Store(coded_db, read_only=True) as store:
        result = export_events(store, "plover", out)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert result.written == len(records) > 0
    assert {"id", "date", "actor", "recipient", "event", "mode", "context", "event_text"} <= set(records[0])
    assert any("event_loc" in r for r in records)
    original = rows(coded_db, "WHERE plover IS NOT NULL")
    assert result.skipped == len(rows(coded_db)) - len(original)
    back = reimport(tmp_path, out, "plover")
    for event_id, row in original.items():
        assert pick(back[f"plover:{event_id}"], PLOVER_FIELDS) == pick(row, PLOVER_FIELDS)


def test_parquet_and_csv_hold_the_events_table(coded_db, tmp_path):
    original = sorted(rows(coded_db).values(), key=lambda r: r["id"])
    with Store(coded_db, read_only=True) as store:
        export_events(store, "parquet", tmp_path / "e.parquet")
        export_events(store, "csv", tmp_path / "e.csv")
    from_parquet = pq.read_table(tmp_path / "e.parquet").to_pylist()
    options = pa_csv.ConvertOptions(column_types=EVENTS.arrow_schema(), strings_can_be_null=True)
    from_csv = pa_csv.read_csv(tmp_path / "e.csv", convert_options=options).to_pylist()
    assert list(from_parquet[0]) == list(EVENTS.names)
    for table in (from_parquet, from_csv):
        assert sorted(table, key=lambda r: r["id"]) == original


KEDS = """date,source,target,code
2000-09-29,ISRMIL,PAL,190
2000-09-30,PAL,ISR,0256
2000-09-30,PSEGOV,ISRGOV,0330
2000-10-01,ISR,PAL,0841]
2000-13-01,ISR,PAL,042
2000-10-02,USAGOV,ISR,046
"""


def test_keds_series_import(tmp_path):
    series = tmp_path / "levant_sample.csv"
    series.write_text(KEDS, encoding="utf-8")
    db = tmp_path / "keds.duckdb"
    result = CliRunner().invoke(main, ["import-events", str(series), "--format", "keds", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "6 lines read, 4 events added, 0 already stored, 2 failures" in result.output
    events = rows(db)
    first = events["keds:levant_sample:2"]
    assert pick(first, ("source", "source_country", "source_sector", "target_country", "cameo", "cameo_root")) == (
        "ISRMIL", "ISR", "MIL", "PAL", "190", "19",
    )
    assert (first["goldstein"], first["quad_class"], first["plover"], first["origin"]) == (-10.0, 4, "ASSAULT", "keds")
    assert first["event_date"] == date(2000, 9, 29)
    # 0330 is no CAMEO code of its own: Goldstein comes from its parent 033, QuadClass from the root.
    odd = events["keds:levant_sample:4"]
    assert (odd["cameo"], odd["goldstein"], odd["quad_class"], odd["plover"]) == ("0330", 5.2, 1, None)
    with Store(db, read_only=True) as store:
        failures = store.fetch("SELECT line, code, message FROM failures ORDER BY line").to_pylist()
    assert [(f["line"], f["code"]) for f in failures] == [(5, "E201"), (6, "E204")]
    assert "0841]" in failures[0]["message"]

    again = CliRunner().invoke(main, ["import-events", str(series), "--format", "keds", "--db", str(db)])
    assert "0 events added, 4 already stored" in again.output
    assert len(rows(db)) == 4


def test_keds_file_without_its_columns_is_refused(tmp_path):
    series = tmp_path / "wrong.csv"
    series.write_text("when,who,whom,what\n2000-01-01,ISR,PAL,190\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["import-events", str(series), "--format", "keds", "--db", str(tmp_path / "k.duckdb")])
    assert result.exit_code != 0
    assert "[E201]" in result.output and "date, source, target, code" in result.output
    with Store(tmp_path / "k.duckdb", read_only=True) as store:
        assert store.counts()["runs"] == 0


def test_bad_gdelt_and_plover_lines_become_failures(tmp_path):
    gdelt = tmp_path / "bad.export.csv"
    fields = {"GlobalEventID": "1", "Day": "20200102", "Actor1Code": "ISRMIL", "Actor1CountryCode": "ISR", "EventCode": "190", "GoldsteinScale": "-10.0"}
    good = [fields.get(column, "") for column in GDELT_COLUMNS]
    gdelt.write_text("\t".join(good) + "\nnot\ta\tgdelt\tline\n" + "\t".join(["x"] * 61) + "\n", encoding="utf-8")
    plover = tmp_path / "bad.jsonl"
    plover.write_text(
        '{"id": 1, "date": "2020-01-02", "actor": "ISR", "event": "ASSAULT"}\n{"id": 2, "event": "NOT_A_TYPE"}\n[1]\n{"id": 3, "event": "ASSAULT", "event_loc": {"lat": "north"}}\n',
        encoding="utf-8",
    )
    with Store(tmp_path / "x.duckdb") as store:
        assert (import_events(store, gdelt, "gdelt").added, store.counts()["failures"]) == (1, 2)
        summary = import_events(store, plover, "plover")
        assert (summary.added, summary.failures) == (1, 3)
    events = rows(tmp_path / "x.duckdb")
    assert events["gdelt:1"]["source_country"] == "ISR" and events["gdelt:1"]["goldstein"] == -10.0
    assert events["plover:1"]["quad_class"] == 4 and events["plover:1"]["cameo"] is None


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    fmt=st.sampled_from(["gdelt", "plover", "keds"]),
    lines=st.lists(
        st.one_of(
            st.binary(max_size=200),
            st.text(max_size=200).map(str.encode),
            st.lists(st.text(alphabet="0123456789.-ABCZ ]", max_size=12), min_size=61, max_size=61).map(lambda f: "\t".join(f).encode()),
            st.dictionaries(st.sampled_from(["id", "date", "actor", "event", "cameo", "context", "event_loc"]), st.one_of(st.none(), st.integers(), st.text(max_size=10), st.lists(st.integers(), max_size=2))).map(lambda d: json.dumps(d).encode()),
        ),
        max_size=8,
    ),
)
def test_imports_never_crash_on_random_lines(tmp_path, fmt, lines):
    path = tmp_path / f"random.{fmt}"
    header = b"date,source,target,code\n" if fmt == "keds" else b""
    path.write_bytes(header + b"\n".join(line.replace(b"\n", b" ").replace(b"\r", b" ") for line in lines) + b"\n")
    with Store(":memory:") as store:
        summary = import_events(store, path, fmt)
        assert summary.added + summary.skipped + summary.failures == summary.read
        assert store.counts()["events"] == summary.added
