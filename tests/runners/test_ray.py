"""The Ray runner on a real local Ray cluster gives the local runner's store, and Parquet files with the same rows."""

from __future__ import annotations

from pathlib import Path

import pytest

ray = pytest.importorskip("ray", reason="the Ray engine is an optional extra: pip install 'standoff[ray]' (also part of '.[test]')")

import pyarrow.parquet as pq  # noqa: E402  (after the skip: installed with ray[data])

from standoff.pipeline import Settings  # noqa: E402
from standoff.runners.local import IngestOptions, ingest  # noqa: E402
from standoff.runners.ray import ingest as ray_ingest  # noqa: E402

SMALL = Settings(batch_size=3)  # blocks of 6 articles: a dozen articles reach both actors
OPTIONS = IngestOptions(batch_size=5, workers=2, settings=SMALL)


@pytest.fixture(scope="module")
def cluster():
    ray.init(num_cpus=2, include_dashboard=False, logging_level="ERROR")
    yield
    ray.shutdown()


@pytest.fixture
def feed(tmp_path: Path, make_article, jsonl) -> Path:
    folder = tmp_path / "inputs"
    folder.mkdir()
    records = [make_article(n) for n in range(10)]
    records.insert(3, "{not json")
    records.append({**make_article(1), "text": "Egypt praised Brazil for its help.\n\nEgypt threatened Israel with military action."})
    jsonl(folder / "a.jsonl", records)
    (folder / "notes").mkdir()
    (folder / "notes" / "brief.txt").write_text(make_article(11)["text"], encoding="utf-8")  # id: notes/brief
    (folder / "notes" / "blank.txt").write_text("\n", encoding="utf-8")  # a failure with the file's id
    return folder


@pytest.fixture
def local(feed: Path, tmp_path: Path, store_tables) -> dict[str, list[dict]]:
    ingest([feed], tmp_path / "local.duckdb", IngestOptions(batch_size=5, workers=1, settings=SMALL))
    return store_tables(tmp_path / "local.duckdb")


def test_ray_store_equals_local_store_and_reruns_change_nothing(cluster, feed, local, tmp_path, store_tables) -> None:
    db = tmp_path / "ray.duckdb"
    first = ray_ingest([feed], db, OPTIONS)
    assert (first.read, first.replaced, first.failures) == (12, 1, 2)
    stored = store_tables(db)
    assert len(stored["events"]) > 20
    assert {e["article_id"] for e in stored["events"]} >= {"notes/brief", "item-001"}
    assert stored == local

    again = ray_ingest([feed], db, OPTIONS)
    # item-001 comes twice with two texts: each replaces the other again, as in the local runner.
    assert (again.new, again.replaced, again.unchanged) == (0, 2, 10)
    assert store_tables(db) == local  # and failures are recorded once


def test_parquet_output_holds_the_local_rows(cluster, feed, local, tmp_path) -> None:
    out = tmp_path / "parquet"
    summary = ray_ingest([feed], None, OPTIONS, output=out)
    assert summary.failures == 2 and (out / "runs" / "run-000001.json").exists()
    assert _rows(out, "events", "id", drop=("run_id", "incident_id")) == [
        {k: v for k, v in e.items() if k != "incident_id"} for e in local["events"]
    ]
    assert _rows(out, "articles", "id", drop=("run_id",)) == local["articles"]
    assert _rows(out, "failures", "id", drop=("run_id",)) == local["failures"]

    again = ray_ingest([feed], None, OPTIONS, output=out)
    assert (again.new, again.replaced, again.unchanged) == (0, 2, 10)
    assert _rows(out, "events", "id", drop=("run_id", "incident_id")) == [
        {k: v for k, v in e.items() if k != "incident_id"} for e in local["events"]
    ]
    assert _rows(out, "failures", "id", drop=("run_id",)) == local["failures"]


def test_parquet_rerun_replaces_changed_articles_and_drops_unfinished_runs(cluster, tmp_path, make_article, jsonl) -> None:
    out = tmp_path / "parquet"
    ray_ingest([jsonl(tmp_path / "v1.jsonl", [make_article(n) for n in range(4)])], None, OPTIONS, output=out)
    leftover = out / "events" / "run-000002_000000.parquet"  # as if run 2 had died before its manifest
    leftover.write_bytes((out / "events" / "run-000001_000000.parquet").read_bytes())
    changed = {**make_article(2), "text": "Egypt praised Brazil for its help."}
    summary = ray_ingest([jsonl(tmp_path / "v2.jsonl", [changed])], None, OPTIONS, output=out)
    assert (summary.run_id, summary.replaced) == (2, 1)
    events = _rows(out, "events", "id")
    assert [(e["source_country"], e["cameo_root"], e["target_country"]) for e in events if e["article_id"] == "item-002"] == [("EGY", "05", "BRA")]
    assert len({e["id"] for e in events}) == len(events)
    assert [a["id"] for a in _rows(out, "articles", "id")] == [f"item-{n:03d}" for n in range(4)]


def _rows(folder: Path, table: str, key: str, drop: tuple[str, ...] = ()) -> list[dict]:
    rows = [row for path in sorted((folder / table).glob("*.parquet")) for row in pq.read_table(path).to_pylist()]
    return sorted(({k: v for k, v in row.items() if k not in drop} for row in rows), key=lambda row: row[key])


def test_ingest_command_runs_on_ray(cluster, feed, local, tmp_path) -> None:
    from click.testing import CliRunner

    from standoff.cli import main

    out = tmp_path / "parquet"
    result = CliRunner().invoke(main, ["ingest", str(feed), "--engine", "ray", "--workers", "2", "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert "12 articles read" in result.output
    assert len(_rows(out, "events", "id")) == len(local["events"])
