"""Kill `standoff ingest` for real (SIGKILL) and run it again: the tables end as an uninterrupted run leaves them."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from standoff.runners.local import IngestOptions, ingest
from standoff.store import Store

ARTICLES = 200
BATCH = 10


def command(inputs: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "standoff.cli", "ingest", str(inputs), "--db", str(db), "--batch-size", str(BATCH), "-v"]


def kill_after(batches: int, inputs: Path, db: Path) -> None:
    """Start an ingest and SIGKILL it as soon as it reports its n-th committed batch."""
    process = subprocess.Popen(command(inputs, db), stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    assert process.stderr is not None
    for line in process.stderr:
        if line.startswith(f"batch {batches} committed"):
            os.kill(process.pid, signal.SIGKILL)
            break
    process.wait(timeout=120)
    assert process.returncode == -signal.SIGKILL, "the ingest ended before it could be killed"


def tables(db: Path) -> dict[str, list[dict]]:
    """Every table but runs, without run ids (a resumed run has more runs by design)."""
    with Store(db, read_only=True) as store:
        return {
            name: store.fetch(f"SELECT * EXCLUDE (run_id) FROM {name} ORDER BY ALL").to_pylist()
            if name in ("articles", "events", "failures")
            else store.fetch(f"SELECT * FROM {name} ORDER BY ALL").to_pylist()
            for name in ("articles", "events", "actors", "quotes", "failures", "incidents")
        }


@pytest.fixture(scope="module")
def feed(tmp_path_factory) -> Path:
    import json

    folder = tmp_path_factory.mktemp("feed")
    path = folder / "feed.jsonl"
    records = [_article(n) for n in range(ARTICLES)]
    records.insert(57, '{"id": "broken", "text": ')  # a failure in the middle must not be recorded twice either
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def reference(feed, tmp_path_factory, coder) -> dict[str, list[dict]]:
    db = tmp_path_factory.mktemp("reference") / "whole.duckdb"
    ingest([str(feed)], db, IngestOptions(batch_size=BATCH), coder=coder)
    return tables(db)


@pytest.mark.parametrize("killed_after", [1, 6])
def test_killed_ingest_resumes_to_the_same_tables(feed, reference, tmp_path, killed_after):
    db = tmp_path / "killed.duckdb"
    kill_after(killed_after, feed, db)
    with Store(db, read_only=True) as store:
        partial = store.counts()["articles"]
    assert killed_after * BATCH <= partial < ARTICLES  # committed batches kept, and work left to do

    rerun = subprocess.run(command(feed, db), capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{partial} unchanged" in rerun.stdout
    assert tables(db) == reference
    assert len(reference["articles"]) == ARTICLES


def _article(number: int) -> dict:
    countries = ("Russia", "China", "Japan", "Germany", "France", "Iran", "Israel", "Turkey", "India", "Egypt")
    a, b, c = (countries[(number + k) % len(countries)] for k in (0, 3, 7))
    return {
        "id": f"wire-{number:04d}",
        "text": (
            f"Item {number}. {a} accused {b} of violating the ceasefire on Monday.\n\n"
            f"{b} threatened {c} with military action.\n\n{c} praised {a} for its help."
        ),
        "date": f"2022-03-{number % 28 + 1:02d}",
        "source": ("Wire One", "Wire Two")[number % 2],
    }
