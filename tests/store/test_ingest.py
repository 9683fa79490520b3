"""Ingest into a real DuckDB file: nothing twice, changed text replaced, bad input recorded and skipped."""

from __future__ import annotations

import dataclasses
import gzip
from pathlib import Path

import pytest

from standoff.model import Place
from standoff.ontology import load_ontology
from standoff.pipeline import Coder
from standoff.records import event_record
from standoff.runners.local import IngestOptions, IngestProgress, IngestSummary, ingest
from standoff.store import Store, content_hash
from standoff.store.rows import LOCATION_COLUMNS, event_row
from standoff.store.schema import EVENTS


def run(coder: Coder, db: Path, *paths: Path, batch_size: int = 4) -> IngestSummary:
    return ingest([str(p) for p in paths], db, IngestOptions(batch_size=batch_size), coder=coder)


def stored(db: Path, sql: str) -> list[tuple]:
    with Store(db, read_only=True) as store:
        return [tuple(row.values()) for row in store.fetch(sql).to_pylist()]


def test_reingesting_changes_nothing(coder, tmp_path, write_jsonl, make_article, store_tables):
    inputs = write_jsonl(tmp_path / "feed.jsonl", [make_article(n) for n in range(10)])
    db = tmp_path / "s.duckdb"
    first = run(coder, db, inputs)
    before = store_tables(db)
    second = run(coder, db, inputs)
    assert (first.new, first.events) == (10, len(before["events"]))
    assert first.events > 10
    assert (second.new, second.unchanged, second.events) == (0, 10, 0)
    assert store_tables(db) == before
    with Store(db, read_only=True) as store:
        counts = store.counts()
    assert counts["runs"] == 2 and counts["articles"] == 10
    assert stored(db, "SELECT count(*) - count(DISTINCT id) FROM events") == [(0,)]


def test_same_text_under_another_id_is_skipped(coder, tmp_path, write_jsonl, make_article, store_tables):
    original = make_article(1)
    copy = {**make_article(1), "id": "syndicated-copy", "source": "Another Wire"}
    db = tmp_path / "s.duckdb"
    run(coder, db, write_jsonl(tmp_path / "a.jsonl", [original]))
    before = store_tables(db)
    summary = run(coder, db, write_jsonl(tmp_path / "b.jsonl", [copy]))
    assert (summary.duplicates, summary.new) == (1, 0)
    assert store_tables(db) == before


def test_copies_within_one_batch_are_stored_once(coder, tmp_path, write_jsonl, make_article):
    records = [make_article(1), {**make_article(1), "id": "copy"}, make_article(2)]
    db = tmp_path / "s.duckdb"
    summary = run(coder, db, write_jsonl(tmp_path / "a.jsonl", records), batch_size=10)
    assert (summary.new, summary.duplicates) == (2, 1)
    assert stored(db, "SELECT id FROM articles ORDER BY id") == [("art-0001",), ("art-0002",)]


def test_changed_text_replaces_the_old_events(coder, tmp_path, write_jsonl, make_article, store_tables):
    db = tmp_path / "s.duckdb"
    old = make_article(7)
    run(coder, db, write_jsonl(tmp_path / "v1.jsonl", [old, make_article(8)]))
    old_events = set(stored(db, "SELECT id FROM events WHERE article_id = 'art-0007'"))
    other = store_tables(db)["events"]
    new = {**old, "text": "Egypt praised Brazil for its help.\n\nEgypt threatened Israel with military action."}
    summary = run(coder, db, write_jsonl(tmp_path / "v2.jsonl", [new]))
    assert (summary.replaced, summary.new) == (1, 0)
    rows = stored(db, "SELECT source_country, cameo_root, target_country, text FROM events WHERE article_id = 'art-0007' ORDER BY sentence_index")
    assert [r[:3] for r in rows] == [("EGY", "05", "BRA"), ("EGY", "13", "ISR")]
    assert not old_events & set(stored(db, "SELECT id FROM events"))
    assert stored(db, "SELECT count(*) - count(DISTINCT id) FROM events") == [(0,)]
    assert stored(db, "SELECT content_hash FROM articles WHERE id = 'art-0007'") == [(content_hash(new["text"]),)]
    assert [e for e in other if e["article_id"] == "art-0008"] == [e for e in store_tables(db)["events"] if e["article_id"] == "art-0008"]
    # Nothing of the old text's actors survives either.
    assert stored(db, "SELECT count(*) FROM actors WHERE article_id = 'art-0007' AND event_id NOT IN (SELECT id FROM events)") == [(0,)]


def test_bad_inputs_become_failures_and_the_batch_goes_on(coder, tmp_path, write_jsonl, make_article, store_tables):
    db = tmp_path / "s.duckdb"
    run(coder, db, write_jsonl(tmp_path / "first.jsonl", [make_article(1), make_article(2)]))
    before = store_tables(db)
    folder = tmp_path / "mixed"
    folder.mkdir()
    write_jsonl(
        folder / "feed.jsonl",
        [make_article(3), '{"id": "broken", "text": ', make_article(4), {"id": "empty", "text": "   "}],
    )
    (folder / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    french = (
        "Le ministre des affaires étrangères a déclaré lundi que la France était prête à reprendre le dialogue "
        "avec ses voisins, mais il a ajouté que les conditions de la rencontre ne sont pas encore réunies et que "
        "le gouvernement attend une réponse claire de la part de ses partenaires dans les jours qui viennent. "
    )
    (folder / "french.txt").write_bytes((french * 2).encode("latin-1"))
    (folder / "broken.jsonl.gz").write_bytes(gzip.compress(b'{"id": "z", "text": "Japan praised India."}\n')[:-12])
    summary = run(coder, db, folder, batch_size=2)
    assert (summary.new, summary.failures) == (2, 5)
    failures = stored(db, "SELECT file, line, article_id, stage, code FROM failures ORDER BY file, line")
    assert {Path(f[0]).name for f in failures} == {"feed.jsonl", "picture.txt", "french.txt", "broken.jsonl.gz"}
    assert ("feed.jsonl", 2) in {(Path(f[0]).name, f[1]) for f in failures}
    assert all(f[4].startswith("E") for f in failures)
    after = store_tables(db)
    assert all(row in after["events"] for row in before["events"])
    assert all(row in after["articles"] for row in before["articles"])
    assert {r[0] for r in stored(db, "SELECT id FROM articles")} == {"art-0001", "art-0002", "art-0003", "art-0004"}
    again = run(coder, db, folder, batch_size=2)
    assert store_tables(db)["failures"] == after["failures"]
    assert again.failures == summary.failures


def test_every_record_field_has_a_column(coder, make_article):
    (result,) = coder.code([_article(make_article(5))])
    place = Place("Geneva", "CHE", "Geneva", 46.2, 6.15, "city", 2660646)
    event = dataclasses.replace(result.events[0], location=place, loc_reason="named in the sentence")
    record = event_record(event, result.article)
    row = event_row(event, result.article, load_ontology(), run_id=1)
    assert set(row) == set(EVENTS.names)
    renamed = {"start": "sentence_start", "end": "sentence_end"}
    for key, value in record.items():
        if key == "event_loc":
            assert {LOCATION_COLUMNS[k]: v for k, v in value.items()} == {c: row[c] for c in LOCATION_COLUMNS.values()}
        elif key != "event_date":
            assert row[renamed.get(key, key)] == value, key
    assert row["event_date"].isoformat() == record["event_date"]


def test_summary_line_is_printed(coder, tmp_path, write_jsonl, make_article, capsys):
    inputs = write_jsonl(tmp_path / "feed.jsonl", [make_article(1), "not json"])
    ingest([str(inputs)], tmp_path / "s.duckdb", IngestOptions(), IngestProgress(), coder=coder)
    out = capsys.readouterr().out
    assert "1 articles read, 1 new" in out and "1 failures" in out
    assert "feed.jsonl:2" in out


def test_missing_database_is_a_clear_error(tmp_path):
    from standoff.store import StoreError

    with pytest.raises(StoreError, match="no standoff database"):
        Store(tmp_path / "missing.duckdb", read_only=True)


def _article(record: dict):
    from datetime import date

    from standoff.model import Article

    return Article(record["id"], record["text"], date.fromisoformat(record["date"]), source=record["source"])


def test_a_store_of_the_previous_schema_is_migrated_without_losing_rows(tmp_path):
    import duckdb

    from standoff.store.db import Store
    from standoff.store.schema import SCHEMA_VERSION

    path = tmp_path / "old.duckdb"
    Store(path).close()
    con = duckdb.connect(str(path))  # make it look like a version-1 store holding one event
    con.execute("ALTER TABLE events DROP COLUMN date_precision")
    con.execute("ALTER TABLE events DROP COLUMN complete")
    con.execute("ALTER TABLE articles DROP COLUMN date_source")
    con.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    con.execute("INSERT INTO events (id, article_id, source, cameo) VALUES ('e1', 'a1', 'RUS', '190'), ('e2', 'a1', NULL, '190')")
    con.execute("INSERT INTO articles (id, text) VALUES ('a1', 'Troops fired.')")
    con.close()
    with Store(path) as store:
        assert store.fetch("SELECT id, date_precision, complete FROM events ORDER BY id").to_pylist() == [
            {"id": "e1", "date_precision": None, "complete": True},
            {"id": "e2", "date_precision": None, "complete": False},
        ]
        assert store.fetch("SELECT id, date_source FROM articles").to_pylist() == [{"id": "a1", "date_source": None}]
        assert store.fetch("SELECT value FROM meta WHERE key = 'schema_version'").to_pylist() == [{"value": SCHEMA_VERSION}]


def test_articles_keep_where_their_date_came_from_and_the_run_counts_the_undated(coder, tmp_path, write_jsonl, make_article, capsys):
    dated = make_article(1)
    undated = {key: value for key, value in make_article(2).items() if key != "date"}
    inputs = write_jsonl(tmp_path / "feed.jsonl", [dated, undated])
    summary = ingest([str(inputs)], tmp_path / "s.duckdb", IngestOptions(), IngestProgress(), coder=coder)
    assert summary.undated == 1 and summary.counts()["undated"] == 1
    assert "1 articles have no publication date" in capsys.readouterr().out
    with Store(tmp_path / "s.duckdb", read_only=True) as store:
        rows = store.fetch("SELECT id, published IS NULL AS undated, date_source FROM articles ORDER BY id").to_pylist()
    assert [(r["undated"], r["date_source"]) for r in rows] == [(False, "record"), (True, None)]
