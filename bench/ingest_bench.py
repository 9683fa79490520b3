"""What storing costs: `standoff ingest` (read, code, store in DuckDB) against reading and coding alone.

Articles are built from the sentences of a JSON-lines file (default: the ConfliBERT CAMEO
sentences in ../shared/data): article k joins four sentences picked by k, so every article has
its own id and its own text (identical texts would be skipped by the store as duplicates).

Two stages over the same JSONL file:
  code    standoff.text.readers.iter_inputs + Coder.code, every result consumed (nothing stored)
  ingest  standoff.runners.local.ingest into a new DuckDB file (the same reading and coding, plus storing)

Two measurements:
  fresh   each stage in its own new interpreter: articles/s and peak RSS per stage
  paired  both stages in one interpreter after a warm-up pass over all articles, alternated
          --rounds times, fastest kept: the storing overhead. Separate processes cannot give it
          reliably: the coder's caches warm up during a run, and other load on the machine
          shifts one process more than another. The ingest also reports the time it spent in
          store lookups and writes ("in-run"), a second view of the same cost.

Run:  .venv/bin/python bench/ingest_bench.py [--articles 5000] [--rounds 1] [--batch-size 256]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

DEFAULT_INPUT = Path(__file__).resolve().parents[2] / "shared" / "data" / "conflibert_cameo" / "conflibert_cameo.jsonl"
RESULTS = Path(__file__).resolve().parent / "results" / "ingest_bench.json"
SENTENCES_PER_ARTICLE = 4
TARGET_OVERHEAD = 0.10


def build_articles(source: Path, count: int, out: Path) -> int:
    """Write ``count`` articles with distinct ids and texts to ``out``; returns the number of sentences used."""
    sentences = [json.loads(line)["text"] for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    n = len(sentences)
    if n < SENTENCES_PER_ARTICLE:
        raise SystemExit(f"{source}: too few sentences")
    steps = (1, 7, 31, 101)  # strides that do not repeat a combination within the first n*n articles
    seen: set[str] = set()
    with out.open("w", encoding="utf-8") as stream:
        for k in range(count):
            text = "\n\n".join(sentences[(k * step + k // n) % n] for step in steps)
            if text in seen:
                raise SystemExit(f"article {k} repeats an earlier text; use fewer articles or a larger input")
            seen.add(text)
            day = f"2017-{k % 12 + 1:02d}-{k % 28 + 1:02d}"
            stream.write(json.dumps({"id": f"bench-{k:06d}", "text": text, "date": day, "source": f"wire-{k % 7}"}) + "\n")
    return n


# ---------------------------------------------------------------- stages (run inside a child)


def _peak_rss_mb() -> float:
    scale = 1 if sys.platform == "darwin" else 1024  # Linux reports KiB, macOS bytes
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale / 2**20


def _cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _stages(inputs: Path, batch_size: int) -> dict[str, Callable[[], dict]]:
    """The two stages, with the model loaded (before any clock starts)."""
    from standoff.model import Article
    from standoff.pipeline import Coder
    from standoff.runners.local import IngestOptions, ingest
    from standoff.text.readers import iter_inputs

    coder = Coder()
    list(coder.code([Article("warm-up", "Japan praised India for its help.")]))

    def code() -> dict:
        articles = events = 0
        for result in coder.code(item for item in iter_inputs([str(inputs)]) if isinstance(item, Article)):
            articles += 1
            events += len({e.id for e in result.events})
        return {"articles": articles, "events": events}

    def store() -> dict:
        with tempfile.TemporaryDirectory() as folder:
            db = Path(folder) / "bench.duckdb"
            summary = ingest([str(inputs)], db, IngestOptions(batch_size=batch_size), coder=coder)
            return {"articles": summary.new, "events": summary.events, "store_s": summary.store_seconds, "db_mb": db.stat().st_size / 2**20}

    return {"code": code, "ingest": store}


def _timed(stage: str, run: Callable[[], dict]) -> dict:
    started, cpu = time.perf_counter(), _cpu_s()
    result = run()
    return {"stage": stage, **result, "wall_s": time.perf_counter() - started, "cpu_s": _cpu_s() - cpu}


def run_fresh(stage: str, inputs: Path, batch_size: int) -> dict:
    result = _timed(stage, _stages(inputs, batch_size)[stage])
    return {**result, "peak_rss_mb": _peak_rss_mb()}


def run_paired(inputs: Path, batch_size: int, rounds: int) -> dict:
    stages = _stages(inputs, batch_size)
    stages["code"]()  # warm-up pass: the coder's caches fill as they would in a long run
    runs: dict[str, list[dict]] = {"code": [], "ingest": []}
    for _ in range(rounds):
        for stage, run in stages.items():
            runs[stage].append(_timed(stage, run))
    return runs


# ---------------------------------------------------------------- driver (parent)


def launch(*args: str) -> dict:
    done = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True)
    if done.returncode != 0:
        sys.stderr.write(done.stderr)
        raise SystemExit(f"{' '.join(args)} failed with exit code {done.returncode}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--input", type=Path, default=DEFAULT_INPUT, help="JSON lines with a text field")
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=1, help="paired rounds (code then ingest) after the warm-up")
    parser.add_argument("--batch-size", type=int, default=256, help="articles per stored transaction")
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--child", choices=["code", "ingest", "paired"], help=argparse.SUPPRESS)
    parser.add_argument("--inputs", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child == "paired":
        print(json.dumps(run_paired(args.inputs, args.batch_size, args.rounds)))
        return
    if args.child:
        print(json.dumps(run_fresh(args.child, args.inputs, args.batch_size)))
        return

    with tempfile.TemporaryDirectory() as folder:
        inputs = Path(folder) / "articles.jsonl"
        sentences = build_articles(args.input, args.articles, inputs)
        common = ("--inputs", str(inputs), "--batch-size", str(args.batch_size))
        fresh = {stage: launch("--child", stage, *common) for stage in ("code", "ingest")}
        paired = launch("--child", "paired", "--rounds", str(args.rounds), *common)
    for result in (*fresh.values(), *paired["code"], *paired["ingest"]):
        assert result["articles"] == args.articles, result
    code = min(paired["code"], key=lambda r: r["wall_s"])
    ingest = min(paired["ingest"], key=lambda r: r["wall_s"])
    overhead = {
        "paired wall": ingest["wall_s"] / code["wall_s"] - 1,
        "paired cpu": ingest["cpu_s"] / code["cpu_s"] - 1,
        "in-run": ingest["store_s"] / (ingest["wall_s"] - ingest["store_s"]),
    }
    summary = {
        "input": str(args.input),
        "sentences_in_input": sentences,
        "articles": args.articles,
        "sentences_per_article": SENTENCES_PER_ARTICLE,
        "batch_size": args.batch_size,
        "machine": {"platform": platform.platform(), "cpus": os.cpu_count(), "python": platform.python_version()},
        "fresh": {stage: {**r, "articles_per_s": r["articles"] / r["wall_s"]} for stage, r in fresh.items()},
        "paired": paired,
        "storing_overhead": overhead,
        "target_overhead": TARGET_OVERHEAD,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")

    print(f"{'fresh':<8}{'articles':>9}{'events':>8}{'wall s':>9}{'cpu s':>9}{'articles/s':>12}{'peak MB':>9}")
    for stage, r in summary["fresh"].items():
        print(
            f"{stage:<8}{r['articles']:>9}{r['events']:>8}{r['wall_s']:>9.2f}{r['cpu_s']:>9.2f}"
            f"{r['articles_per_s']:>12.1f}{r['peak_rss_mb']:>9.0f}"
        )
    print(f"paired (after a warm-up pass): code {code['wall_s']:.2f}s, ingest {ingest['wall_s']:.2f}s "
          f"of which {ingest['store_s']:.2f}s in the store")
    for measure, value in overhead.items():
        verdict = "within" if value < TARGET_OVERHEAD else "OVER"
        print(f"storing overhead ({measure}): {value:+.1%} ({verdict} the {TARGET_OVERHEAD:.0%} target)")
    print(f"DB {fresh['ingest']['db_mb']:.1f} MB; written to {args.out}")


if __name__ == "__main__":
    main()
