"""`standoff serve --watch DIR`: the server ingests new files while it answers reads.

The end-to-end test runs a real `standoff serve --watch` process on a real DuckDB file, writes 200
generated articles into the folder in batches while a client keeps reading, and checks every
answer, then that the store holds what a plain ingest of the same folder holds.
"""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
import threading
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from click.testing import CliRunner

from standoff.api import ApiSettings, create_app
from standoff.api.watch import FolderWatch
from standoff.api.worker import CodingWorker
from standoff.cli import main
from standoff.errors import StoreError
from standoff.pipeline import Coder
from standoff.runners.local import ingest
from standoff.store import Store

from .conftest import serve_process

COUNTRIES = [
    "Russia", "China", "Japan", "North Korea", "the United States", "Turkey", "Syria", "Iran",
    "Israel", "Ukraine", "India", "Pakistan", "France", "Germany", "Egypt",
]
ACTS = [
    "accused {b} of violating the ceasefire",
    "condemned {b}",
    "praised {b} for its help",
    "threatened {b} with military action",
    "imposed sanctions on {b}",
]
BATCHES = 5  # of 40 articles: 16 in a JSON lines file, 16 in a CSV file, 8 as text files
BAD_LINE = '{"id": "cut-off", "text": "Russia accused\n'  # a JSON line cut short
RUN_LINE = re.compile(r"run \d+: (\d+) articles read, (\d+) new, (\d+) replaced, (\d+) unchanged")


def article(number: int) -> dict[str, str]:
    """The ``number``-th generated article: one country acting on another on a day of 2019."""
    day = date(2019, 1, 1) + timedelta(days=number)
    a = COUNTRIES[number % len(COUNTRIES)]
    b = COUNTRIES[(number * 7 + 3) % len(COUNTRIES)]
    if a == b:
        b = COUNTRIES[(number + 1) % len(COUNTRIES)]
    act = ACTS[number % len(ACTS)].format(b=b)
    text = f"{a[0].upper()}{a[1:]} {act} on {day:%A}.\n\nOfficials in {b} said nothing more on {day.day} {day:%B} {day.year}."
    return {"id": f"watch-{number:03d}", "date": day.isoformat(), "source": f"Wire {number % 3}", "text": text}


def write_batch(folder: Path, batch: int) -> list[str]:
    """Batch ``batch`` of the 200 articles, written into ``folder``; their ids."""
    numbers = range(batch * 40, batch * 40 + 40)
    rows = [article(n) for n in numbers]
    lines = "".join(json.dumps(r) + "\n" for r in rows[:16])
    (folder / f"batch-{batch}.jsonl").write_text(lines + (BAD_LINE if batch == 2 else ""), encoding="utf-8")
    with (folder / f"batch-{batch}.csv").open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=["id", "date", "source", "text"])
        writer.writeheader()
        writer.writerows(rows[16:32])
    (folder / "wires").mkdir(exist_ok=True)
    for row in rows[32:]:  # one undated article per file, in a subfolder: its id is wires/<name>
        (folder / "wires" / f"{row['id']}.txt").write_text(row["text"], encoding="utf-8")
    return [r["id"] for r in rows[:32]] + [f"wires/{r['id']}" for r in rows[32:]]


class Reader(threading.Thread):
    """Asks /api/health, /api/events and /api/dyads over and over; keeps every problem it sees."""

    def __init__(self, base: str, ids: set[str]) -> None:
        super().__init__(daemon=True)
        self.base, self.ids = base, ids  # the articles it may see events of
        self.problems: list[str] = []
        self.answers = 0
        self.pulled: set[str] = set()  # events pulled in stored order, each page after the last one's cursor
        self.done = threading.Event()
        self._last: dict[str, int] = {}
        self._cursor = "0"

    def run(self) -> None:
        with httpx.Client(base_url=self.base, timeout=120) as client:
            while not self.done.wait(0.05):  # a little room for the other tests on a shared machine
                try:
                    self._round(client)
                except Exception as exc:  # noqa: BLE001 - a transport error is a problem to report, not to hide
                    self.problems.append(repr(exc))
                    return

    def _round(self, client: httpx.Client) -> None:
        health = self._get(client, "/api/health")
        if health is not None:
            self._grows("health.events", health["events"])
            self._grows("health.articles", health["articles"])
        page = self._get(client, "/api/events", limit=1000, fields="id,article_id")
        if page is not None:
            self._grows("events.total", page["total"])
            rows = page["events"]
            if page["count"] != len(rows) or len(rows) != min(page["total"], 1000) or len({r["id"] for r in rows}) != len(rows):
                self.problems.append(f"inconsistent page: total {page['total']}, count {page['count']}, {len(rows)} rows")
            strangers = {r["article_id"] for r in rows} - self.ids
            if strangers:
                self.problems.append(f"events of articles never written: {sorted(strangers)[:5]}")
        pull = self._get(client, "/api/events", after=self._cursor, limit=1000, fields="id")
        if pull is not None:
            again = self.pulled & {row["id"] for row in pull["events"]}
            if again:
                self.problems.append(f"events pulled twice: {sorted(again)[:5]}")
            self.pulled |= {row["id"] for row in pull["events"]}
            self._cursor = pull["cursor"]
        dyads = self._get(client, "/api/dyads", limit=1000)
        if dyads is not None:
            self._grows("dyads.events", sum(d["events"] for d in dyads["dyads"]))
            for d in dyads["dyads"]:
                self._grows(f"dyad {d['a']}-{d['b']}", d["events"])

    def _get(self, client: httpx.Client, path: str, **params: Any) -> dict[str, Any] | None:
        answer = client.get(path, params=params)
        self.answers += 1
        if answer.status_code != 200:
            self.problems.append(f"{path}: {answer.status_code} {answer.text[:200]}")
            return None
        return answer.json()

    def _grows(self, name: str, value: int) -> None:
        if value < self._last.get(name, 0):
            self.problems.append(f"{name} went down from {self._last[name]} to {value}")
        self._last[name] = value


def wait_for(condition: Any, seconds: float, what: str, log: Path) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} within {seconds:.0f} s; server log:\n{log.read_text()[-3000:]}")
        time.sleep(0.5)


def articles_stored(base: str) -> int:
    return httpx.get(f"{base}/api/health", timeout=60).json()["articles"]


def unchanged_reported(log: Path) -> int:
    """Articles the server's ingest runs reported unchanged so far (from its log)."""
    return sum(int(m.group(4)) for m in RUN_LINE.finditer(log.read_text()))


def all_event_ids(base: str) -> set[str]:
    ids: set[str] = set()
    after = None
    while True:
        params: dict[str, Any] = {"limit": 1000, "fields": "id", **({"after": after} if after else {})}
        page = httpx.get(f"{base}/api/events", params=params, timeout=60).json()
        ids |= {row["id"] for row in page["events"]}
        if not page["events"]:
            return ids
        after = page["cursor"]


def test_serve_watch_ingests_while_answering(tmp_path: Path, coder: Coder) -> None:
    folder, db, log = tmp_path / "incoming", tmp_path / "served.duckdb", tmp_path / "serve.log"
    folder.mkdir()
    written: set[str] = set()
    ids = {article(n)["id"] for n in range(BATCHES * 40)} | {f"wires/{article(n)['id']}" for n in range(BATCHES * 40)}
    with serve_process(db, log, "--watch", str(folder), "--watch-every", "1") as (base, _process):
        reader = Reader(base, ids)
        reader.start()
        for batch in range(BATCHES):
            written.update(write_batch(folder, batch))
            time.sleep(2)  # the newsroom's next drop comes while this one is being coded
        assert len(written) == 200
        # generous: 200 short articles take seconds on an idle machine, much longer on a loaded one
        wait_for(lambda: articles_stored(base) == len(written), 900, "all 200 articles stored", log)
        served = all_event_ids(base)
        # a client pulling what is new as it comes gets it all (once the last run is finished)
        wait_for(lambda: reader.pulled >= served or not reader.is_alive(), 300, "every event pulled", log)
        reader.done.set()
        reader.join(timeout=300)
        assert not reader.problems, reader.problems[:10]
        assert reader.answers > 30  # the reads went on all along
        assert reader.pulled == served

        before = unchanged_reported(log)
        for batch in range(BATCHES):  # the same files written again: newer times, same articles
            write_batch(folder, batch)
        wait_for(lambda: unchanged_reported(log) - before >= len(written), 600, "the rewritten files looked at", log)
        assert articles_stored(base) == len(written) and all_event_ids(base) == served

    plain = tmp_path / "plain.duckdb"
    ingest([folder], plain, coder=coder)
    with Store(db, read_only=True) as watched, Store(plain, read_only=True) as reference:
        ids = "SELECT id FROM events ORDER BY id"
        assert watched.fetch(ids).column("id").to_pylist() == reference.fetch(ids).column("id").to_pylist()
        assert set(watched.fetch(ids).column("id").to_pylist()) == served and len(served) >= len(written)  # an event in each article
        articles = watched.fetch("SELECT id FROM articles").column("id").to_pylist()
        assert sorted(articles) == sorted(written)
        failures = watched.fetch("SELECT file, line, code FROM failures").to_pylist()
        assert [(Path(f["file"]).name, f["line"]) for f in failures] == [("batch-2.jsonl", 17)]
        assert watched.fetch("SELECT count(*) AS n FROM runs WHERE finished IS NULL").column("n")[0].as_py() == 0
    text = log.read_text()
    assert "new or changed files in" in text and "batch-2.jsonl:17" in text


def test_a_file_is_taken_once_it_stops_changing(tmp_path: Path, coder: Coder) -> None:
    folder = tmp_path / "in"
    (folder / "wires").mkdir(parents=True)
    worker = CodingWorker(1, 30, coder)
    with Store(tmp_path / "s.duckdb") as store:
        watch = FolderWatch(folder, 1.0, worker, store, io.StringIO())
        (folder / "a.txt").write_text("Russia condemned China on Monday.")
        (folder / "wires" / "b.txt").write_text("Japan praised India for its help.")
        (folder / "notes.md").write_text("not an input")
        (folder / ".hidden.txt").write_text("Russia condemned China.")
        assert watch.look() == []  # seen for the first time: they may still be being written
        (folder / "a.txt").write_text("Russia condemned China on Tuesday.")
        ready = watch.look()
        assert [(f.name, f.article_id) for f in ready] == [(str(folder / "wires" / "b.txt"), "wires/b")]
        assert [f.article_id for f in watch.look()] == ["a", "wires/b"]  # a has stopped changing
        summary = watch.ingest(watch.look())
        assert summary is not None and (summary.read, summary.new) == (2, 2)
        assert watch.look() == []  # ingested, unchanged since
        worker.stop()
        assert sorted(store.fetch("SELECT id FROM articles").column("id").to_pylist()) == ["a", "wires/b"]


def test_watch_refuses_a_store_another_process_holds(tmp_path: Path) -> None:
    db = tmp_path / "held.duckdb"
    Store(db).close()
    holder = "import sys, time; from standoff.store import Store; s = Store(sys.argv[1], read_only=True); print('open', flush=True); time.sleep(60)"
    process = subprocess.Popen([sys.executable, "-c", holder, str(db)], stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None and process.stdout.readline().strip() == "open"
        with pytest.raises(StoreError, match="lock") as refused:
            create_app(ApiSettings(db, watch=tmp_path))
        assert "--watch" in str(refused.value) and "E601" in str(refused.value)
    finally:
        process.kill()
        process.wait(timeout=30)


def test_watch_refuses_a_store_this_process_reads(tmp_path: Path) -> None:
    db = tmp_path / "read.duckdb"
    Store(db).close()
    with Store(db, read_only=True), pytest.raises(StoreError, match="E601.*other mode"):
        create_app(ApiSettings(db, watch=tmp_path))


def test_serve_says_how_to_watch(tmp_path: Path) -> None:
    help_text = CliRunner().invoke(main, ["serve", "--help"]).output
    assert "--watch DIRECTORY" in help_text and "--watch-every" in help_text
    missing = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "s.duckdb"), "--watch", str(tmp_path / "none")])
    assert missing.exit_code == 2 and "does not exist" in missing.output

