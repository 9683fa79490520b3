"""Events the analysis cannot read are left out and counted: an act whose source is unknown
(issue 16) and an act coded with a code CAMEO does not define (a user's WEIS-style verb
dictionary kept as given). Articles are coded by the real coder with such a dictionary, stored in
a real DuckDB file, and asked for through the library, the commands and the API."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from standoff.analysis import operations
from standoff.api import ApiSettings, create_app
from standoff.cli import main
from standoff.pipeline import Coder, Settings
from standoff.runners.local import IngestOptions, ingest
from standoff.runners.progress import IngestProgress
from standoff.store import Store

PUBLISHED = "2020-01-02"
ARTICLES = {
    "rockets": "Two rockets were fired at Japan on Thursday.",  # nobody is said to have fired them
    "condemned": "Japan condemned North Korea.",
    "contributed": "Norway contributed a million dollars to Kenya.",  # 903 in the WEIS-style dictionary below
}
WEIS = 'codes: as-given\npatterns:\n  - {id: contribute, verb: contribute, object: [dollar], target: phrase, code: "903"}\n'


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("left_out")
    (folder / "weis.yaml").write_text(WEIS, encoding="utf-8")
    feed = folder / "feed.jsonl"
    feed.write_text("".join(json.dumps({"id": k, "text": t, "date": PUBLISHED}) + "\n" for k, t in ARTICLES.items()), encoding="utf-8")
    settings = Settings(pattern_files=(folder / "weis.yaml",))
    ingest([str(feed)], folder / "s.duckdb", IngestOptions(settings=settings), IngestProgress(), coder=Coder(settings))
    return folder / "s.duckdb"


def test_the_coder_stores_one_event_of_each_kind(db: Path) -> None:
    with Store(db, read_only=True) as store:
        rows = store.fetch("SELECT article_id, source, target, cameo_root, quad_class, goldstein, complete, event_date FROM events ORDER BY article_id").to_pylist()
    assert [(r["article_id"], r["source"], r["target"], r["cameo_root"], r["quad_class"], r["complete"]) for r in rows] == [
        ("condemned", "JPN", "PRK", "11", 3, True),
        ("contributed", "NOR", "KEN", "90", None, True),  # WEIS 903
        ("rockets", None, "JPN", "19", 4, False),
    ]
    assert all(r["event_date"] is not None for r in rows)  # dated: they are left out for what they are, not for their dates


def test_an_event_without_a_known_source_is_left_out_and_counted(db: Path) -> None:
    with Store(db, read_only=True) as store:
        japan = operations.series(store, operations.selection(actor="JPN"), "week")
    assert japan.series["events"].sum() == 1 and japan.series["events_q4"].sum() == 0  # the condemnation, not the rockets
    assert japan.series["total_events"].sum() == 1  # nor in the totals the per-1k columns divide by
    assert (japan.left_out.unknown_source, japan.left_out.not_in_cameo, japan.left_out.total) == (1, 0, 1)
    assert "left out: 1 event (1 without a known source)" in japan.left_out.text()


def test_an_event_with_a_code_cameo_does_not_define_is_left_out_and_counted(db: Path) -> None:
    with Store(db, read_only=True) as store:
        norway = operations.series(store, operations.selection(dyad="NOR->KEN"), "week")
        everything = operations.series(store, operations.selection(), "week")
    assert norway.series["events"].sum() == 0
    assert (norway.left_out.unknown_source, norway.left_out.not_in_cameo, norway.left_out.total) == (0, 1, 1)
    assert "1 with a code not in CAMEO" in norway.left_out.text()
    assert everything.series["events"].sum() == 1
    assert everything.left_out.to_dict() == {"freq": "week", "undated": 0, "coarser": {}, "unknown_source": 1, "not_in_cameo": 1, "total": 2}


def test_the_commands_and_the_api_say_so(db: Path) -> None:
    series = CliRunner().invoke(main, ["series", "--db", str(db), "--format", "json"])
    assert json.loads(series.stdout)["left_out"]["total"] == 2
    table = CliRunner().invoke(main, ["tension", "--actor", "JPN", "--db", str(db)])
    assert "left out: 1 event (1 without a known source)" in table.stdout
    with TestClient(create_app(ApiSettings(db)), base_url="http://127.0.0.1") as client:
        answer = client.get("/api/series").json()["left_out"]
        alerts = client.get("/api/alerts", params={"since": "2019-12-01"}).json()["left_out"]
    assert (answer["unknown_source"], answer["not_in_cameo"]) == (1, 1)
    assert (alerts["unknown_source"], alerts["not_in_cameo"]) == (1, 1)


def test_each_left_out_event_counts_once(make_store, event) -> None:
    unknown_and_undated = {**event("both", None, "USA", "PRK", "190", 4, -10.0), "source": None, "source_country": None, "complete": False}
    weis_and_coarse = {**event("weis", date(2023, 1, 1), "USA", "PRK", "903", None, None), "date_precision": "year"}
    counted = event("counted", date(2023, 1, 2), "USA", "PRK", "190", 4, -10.0)
    with Store(make_store([unknown_and_undated, weis_and_coarse, counted]), read_only=True) as store:
        result = operations.series(store, operations.selection(actor="PRK"), "week")
    assert result.series["events"].sum() == 1
    assert result.left_out.to_dict() == {"freq": "week", "undated": 0, "coarser": {}, "unknown_source": 1, "not_in_cameo": 1, "total": 2}


def test_an_alerts_evidence_holds_only_events_its_period_counts(make_store, event) -> None:
    weeks = [date(2023, 4, 3) + timedelta(weeks=k) for k in range(53)]  # the last is the week of 1 April 2024
    rows = [event(f"w{k}", day, "USA", "PRK", "190", 4, -5.0) for k, day in enumerate(weeks)]
    rows += [event(f"surge{k}", weeks[-1], "USA", "PRK", "190", 4, -5.0) for k in range(7)]
    rows += [{**event("april", date(2024, 4, 1), "USA", "PRK", "195", 4, -10.0), "date_precision": "month"}]  # most hostile, but no week's
    with Store(make_store(rows), read_only=True) as store:
        found = operations.alerts(store, "week", since=weeks[-1], evidence=20)
    (surge,) = found.surges
    assert surge.events == 8 and len(surge.evidence) == 8 and "april" not in {e["id"] for e in surge.evidence}
    assert found.left_out.coarser == {"month": 1}
