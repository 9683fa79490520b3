"""Worker processes give exactly what one process gives: the same results, the same store."""

from __future__ import annotations

import os
import pickle
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from standoff.model import Article
from standoff.pipeline import Settings
from standoff.runners.local import IngestOptions, ingest
from standoff.runners.workers import LocalCoder, WorkerPool

SMALL = Settings(batch_size=3)  # chunks of 3 articles: a dozen articles keep both workers busy


def feed_records(article) -> list[dict | str]:
    """Articles spread over several batches, with what makes batches depend on each other: an id
    whose text changes in a later batch, a copy of earlier text under a new id, and bad lines."""
    records: list[dict | str] = [article(n) for n in range(14)]
    records.insert(5, '{"id": "broken", "text": ')
    records.append({**article(2), "text": "Egypt praised Brazil for its help.\n\nEgypt threatened Israel with military action."})
    records.append({**article(4), "id": "copy-of-4"})
    records.append({"id": "empty", "text": "   "})
    return records


def test_two_workers_store_exactly_what_one_stores(tmp_path: Path, make_article, jsonl, store_tables) -> None:
    feed = jsonl(tmp_path / "feed.jsonl", feed_records(make_article))
    one = ingest([feed], tmp_path / "one.duckdb", IngestOptions(batch_size=4, workers=1, settings=SMALL))
    two = ingest([feed], tmp_path / "two.duckdb", IngestOptions(batch_size=4, workers=2, settings=SMALL))
    assert one.counts() == two.counts()
    assert (two.replaced, two.duplicates, two.failures) == (1, 1, 2)
    reference = store_tables(tmp_path / "one.duckdb")
    assert len(reference["events"]) > 20
    assert store_tables(tmp_path / "two.duckdb") == reference


def test_pool_results_equal_in_process_results(make_article) -> None:
    articles = [Article(r["id"], r["text"]) for r in map(make_article, range(10))]
    with LocalCoder(SMALL, workers=1) as own, WorkerPool(SMALL, 2) as pool:
        expected = list(own.code(articles))
        got = list(pool.code(articles))
        assert pool.versions() == own.versions()
    assert [r.article.id for r in got] == [a.id for a in articles]
    assert got == expected
    assert pickle.loads(pickle.dumps(expected)) == expected


def test_one_chunk_is_coded_without_starting_workers(make_article) -> None:
    articles = [Article(r["id"], r["text"]) for r in map(make_article, range(SMALL.batch_size))]
    with LocalCoder(SMALL, workers=2) as coder:
        assert len(list(coder.code(articles))) == len(articles)
        assert not coder.pooled


def test_workers_stop_when_their_parent_is_killed(tmp_path: Path) -> None:
    script = (
        "import os, sys\n"
        "from standoff.pipeline import Settings\n"
        "from standoff.runners.workers import WorkerPool\n"
        "if __name__ == '__main__':\n"
        "    pool = WorkerPool(Settings(), 2)\n"
        "    print(' '.join(map(str, pool.warm_up())), flush=True)\n"
        "    sys.stdin.readline()\n"
    )
    path = tmp_path / "parent.py"
    path.write_text(script, encoding="utf-8")
    parent = subprocess.Popen([sys.executable, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert parent.stdout is not None
    workers = [int(pid) for pid in parent.stdout.readline().split()]
    assert len(workers) == 2 and all(_alive(pid) for pid in workers)
    os.kill(parent.pid, signal.SIGKILL)
    parent.wait(timeout=30)
    deadline = time.monotonic() + 30
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(_alive(pid) for pid in workers), "workers outlived their parent"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A worker that exited but is not reaped yet (its parent was killed) is a zombie: gone all the same.
    status = Path(f"/proc/{pid}/stat")
    return not (status.exists() and status.read_text().rsplit(")", 1)[1].split()[0] == "Z")


def test_bad_worker_count_is_refused() -> None:
    with pytest.raises(ValueError):
        LocalCoder(SMALL, workers=0)


def test_code_command_prints_the_same_with_two_workers(tmp_path: Path, make_article, jsonl) -> None:
    from click.testing import CliRunner

    from standoff.cli import main

    feed = jsonl(tmp_path / "feed.jsonl", [make_article(n) for n in range(40)])  # more than one batch of 32
    one = CliRunner().invoke(main, ["code", str(feed), "--workers", "1"])
    two = CliRunner().invoke(main, ["code", str(feed), "--workers", "2"])
    assert one.exit_code == 0 and two.exit_code == 0, one.output + two.output
    assert one.stdout.count("\n") > 80
    assert two.stdout == one.stdout


def test_ray_options_need_the_ray_engine(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from standoff.cli import main

    result = CliRunner().invoke(main, ["ingest", str(tmp_path), "--output", str(tmp_path / "out")])
    assert result.exit_code == 2 and "--engine ray" in result.output


def _thread_count() -> int:
    status = Path("/proc/self/status").read_text()
    return int(next(line.split()[1] for line in status.splitlines() if line.startswith("Threads:")))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_worker_runs_a_single_thread(monkeypatch) -> None:
    # A second thread (a watcher, a BLAS pool) makes every allocation take a lock: ~10% slower coding.
    # The worker limits the numeric libraries itself, whatever its parent's environment says.
    for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        monkeypatch.delenv(variable, raising=False)
    with WorkerPool(SMALL, 1) as pool:
        pool.warm_up()
        assert pool._executor.submit(_thread_count).result() == 1


def test_ingest_codes_apart_from_the_store_even_with_one_worker(make_article) -> None:
    articles = [Article(r["id"], r["text"]) for r in map(make_article, range(3 * SMALL.batch_size))]
    with LocalCoder(SMALL, workers=1, apart=True) as coder:
        assert len(list(coder.code(articles))) == len(articles)
        assert coder.pooled
