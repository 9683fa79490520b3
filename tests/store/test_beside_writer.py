"""Reading a store while this process writes to it: connections that share the writer's database."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from standoff.errors import StoreError
from standoff.model import Article
from standoff.pipeline import Coder
from standoff.store import Store
from standoff.store.api_queries import START, Cursor, EventQuery, event_page

TEXTS = [
    "Russia accused Ukraine of violating the ceasefire on Friday.",
    "China praised Pakistan for its help on Saturday.",
    "Japan condemned North Korea on Sunday.",
    "Turkey threatened Syria with military action on Monday.",
]


def test_a_reader_sees_what_the_writer_commits(tmp_path: Path, coder: Coder) -> None:
    with Store(tmp_path / "s.duckdb") as writer:
        reader = writer.reader()
        assert reader.counts()["articles"] == 0
        run = writer.start_run("ingest", {}, {})
        writer.write_batch(run, list(coder.code([Article("a", TEXTS[0], date(2019, 3, 1))])))
        assert reader.counts()["articles"] == 1
        reader.close()
        assert writer.counts()["articles"] == 1  # closing a reader leaves the writer open


def test_a_second_mode_in_one_process_is_a_clear_error(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    Store(db).close()
    with Store(db, read_only=True), pytest.raises(StoreError, match="E601.*other mode"):
        Store(db)


def test_a_cursor_does_not_pass_a_run_still_being_written(tmp_path: Path, coder: Coder) -> None:
    # A run's batches are committed one by one: a client pulling with a cursor must not be handed
    # one past events of the run that are still to come.
    with Store(tmp_path / "s.duckdb") as writer:
        reader = writer.reader()
        run = writer.start_run("ingest", {}, {})
        articles = [Article(f"a{n}", text, date(2019, 3, n + 1)) for n, text in enumerate(TEXTS)]
        writer.write_batch(run, list(coder.code(articles[:2])))
        pulled = event_page(reader, EventQuery(after=START), ("id",), 100)
        assert pulled.rows == [] and pulled.cursor == START
        dated = event_page(reader, EventQuery(), ("id",), 100)
        assert dated.total == len(dated.rows) > 0 and dated.cursor == Cursor(run - 1)
        writer.write_batch(run, list(coder.code(articles[2:])))
        writer.finish_run(run, {})
        pulled = event_page(reader, EventQuery(after=dated.cursor), ("id",), 100)
        stored = writer.fetch("SELECT id FROM events").column("id").to_pylist()
        assert sorted(row["id"] for row in pulled.rows) == sorted(stored) and len(stored) > dated.total
        assert pulled.cursor.run_id == run
        reader.close()
