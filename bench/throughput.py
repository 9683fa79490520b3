"""Throughput of standoff against bare spaCy, in one run and on the same texts.

Stages (each in a fresh subprocess, so peak RSS is per stage):
  spacy-plain     spacy.load(MODEL).pipe: the model as shipped, the floor for any coder on it
  spacy-standoff  standoff.nlp.load_pipeline().pipe: the exact components standoff runs
  standoff        standoff.pipeline.Coder().code: end to end, every result consumed

Run:  .venv/bin/python bench/throughput.py [--input PATH] [--repeat N] [--batch-size B]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

DEFAULT_INPUT = Path("/work/shared/data/conflibert_cameo/conflibert_cameo.jsonl")
RESULTS = Path(__file__).resolve().parent / "results" / "throughput.json"
STAGES = ("spacy-plain", "spacy-standoff", "standoff")
BASELINE = "spacy-standoff"  # the ratio is always taken against the same components


@dataclass
class StageResult:
    stage: str
    texts: int
    sentences: int | None  # None: the stage does not expose sentences (filled in from the baseline)
    events: int | None
    wall_s: float
    warmup_s: float
    peak_rss_mb: float


# ---------------------------------------------------------------- input

@dataclass(frozen=True)
class Text:
    id: str
    text: str
    published: date | None


def read_texts(path: Path, repeat: int) -> list[Text]:
    """JSON lines with a ``text`` field (id = line number) or a folder of .txt files (id = file name)."""
    if path.is_dir():
        base = [Text(p.name, p.read_text(encoding="utf-8"), None) for p in sorted(path.glob("*.txt"))]
    else:
        base = []
        with path.open(encoding="utf-8") as lines:
            for number, line in enumerate(lines, 1):
                if line.strip():
                    record = json.loads(line)
                    base.append(Text(f"line-{number}", record["text"], _date(record)))
    if not base:
        raise SystemExit(f"no texts in {path}")
    # Repeats get their own ids so nothing downstream can mistake them for duplicates.
    return [Text(t.id if r == 0 else f"{t.id}#r{r}", t.text, t.published) for r in range(repeat) for t in base]


def _date(record: dict) -> date | None:
    value = record.get("date") or record.get("published")
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


# ---------------------------------------------------------------- stages (run inside the child)

def _peak_rss_mb() -> float:
    # Linux reports ru_maxrss in KiB, macOS in bytes.
    scale = 1 if sys.platform == "darwin" else 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale / 2**20


def _spacy_runner(nlp) -> Callable[[list[Text], int], tuple[int, int | None, int | None]]:
    def run(texts: list[Text], batch_size: int) -> tuple[int, int | None, int | None]:
        docs = sentences = 0
        for doc in nlp.pipe((t.text for t in texts), batch_size=batch_size):
            docs += 1
            sentences += sum(1 for _ in doc.sents)
        return docs, sentences, None

    return run


def _prepare(stage: str, batch_size: int) -> Callable[[list[Text], int], tuple[int, int | None, int | None]]:
    """Everything that loads models and tables: done before the clock starts."""
    if stage == "spacy-plain":
        import spacy

        from standoff.nlp import MODEL_NAME

        return _spacy_runner(spacy.load(MODEL_NAME))
    if stage == "spacy-standoff":
        from standoff.nlp import load_pipeline

        return _spacy_runner(load_pipeline())
    if stage == "standoff":
        from standoff.model import Article
        from standoff.pipeline import Coder, Settings

        coder = Coder(Settings(batch_size=batch_size))

        def run(texts: list[Text], batch_size: int) -> tuple[int, int | None, int | None]:
            articles = (Article(id=t.id, text=t.text, published=t.published) for t in texts)
            done = events = 0
            for result in coder.code(articles):
                done += 1
                events += len(result.events)
            return done, None, events

        return run
    raise SystemExit(f"unknown stage {stage!r}")


def run_stage(stage: str, texts: list[Text], batch_size: int) -> StageResult:
    started = time.perf_counter()
    run = _prepare(stage, batch_size)
    run(texts[:batch_size], batch_size)  # first batch: lazy allocations, caches
    warmup = time.perf_counter() - started
    started = time.perf_counter()
    done, sentences, events = run(texts, batch_size)
    wall = time.perf_counter() - started
    assert done == len(texts), f"{stage}: {done} results for {len(texts)} texts"
    return StageResult(stage, done, sentences, events, wall, warmup, _peak_rss_mb())


# ---------------------------------------------------------------- driver (parent)

def launch(stage: str, args: argparse.Namespace) -> StageResult:
    """One stage in a fresh interpreter; a --workers mode would launch N of these on shards and sum them."""
    command = [
        sys.executable, __file__, "--stage", stage,
        "--input", str(args.input), "--repeat", str(args.repeat), "--batch-size", str(args.batch_size),
    ]
    threads = str(args.threads)
    env = {**os.environ, "OMP_NUM_THREADS": threads, "OPENBLAS_NUM_THREADS": threads, "MKL_NUM_THREADS": threads}
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        sys.stderr.write(done.stderr)
        raise SystemExit(f"stage {stage} failed with exit code {done.returncode}")
    return StageResult(**json.loads(done.stdout.strip().splitlines()[-1]))


def report(results: list[StageResult], args: argparse.Namespace) -> dict:
    base = next(r for r in results if r.stage == BASELINE)
    rows = []
    for r in results:
        sentences = r.sentences if r.sentences is not None else base.sentences
        rows.append({
            **asdict(r),
            "sentences": sentences,
            "texts_per_s": r.texts / r.wall_s,
            "sentences_per_s": sentences / r.wall_s,
            "ratio_to_baseline": (r.texts / r.wall_s) / (base.texts / base.wall_s),
        })
    return {
        "input": str(args.input),
        "repeat": args.repeat,
        "batch_size": args.batch_size,
        "workers": 1,
        "threads_per_worker": args.threads,
        "baseline": BASELINE,
        "machine": {
            "platform": platform.platform(),
            "processor": platform.processor() or platform.machine(),
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
        },
        "stages": rows,
    }


def print_table(summary: dict) -> None:
    header = f"{'stage':<16}{'texts':>8}{'sents':>8}{'wall s':>9}{'texts/s':>10}{'sents/s':>10}{'peak MB':>9}{'ratio':>7}"
    print(header)
    print("-" * len(header))
    for row in summary["stages"]:
        print(
            f"{row['stage']:<16}{row['texts']:>8}{row['sentences']:>8}{row['wall_s']:>9.2f}"
            f"{row['texts_per_s']:>10.1f}{row['sentences_per_s']:>10.1f}{row['peak_rss_mb']:>9.0f}"
            f"{row['ratio_to_baseline']:>7.2f}"
        )
    print(f"ratio = stage throughput / {summary['baseline']} throughput (same texts, batch size, 1 process)")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--input", type=Path, default=DEFAULT_INPUT, help="JSONL with a text field, or a folder of .txt")
    parser.add_argument("--repeat", type=int, default=1, help="use the texts N times")
    parser.add_argument("--batch-size", type=int, default=32, help="nlp.pipe and Coder batch size (same for all)")
    parser.add_argument("--threads", type=int, default=1, help="BLAS/OpenMP threads per process")
    parser.add_argument("--stages", default=",".join(STAGES), help="comma-separated subset of " + ",".join(STAGES))
    parser.add_argument("--output", type=Path, default=RESULTS, help="where to write the JSON")
    parser.add_argument("--stage", help=argparse.SUPPRESS)  # internal: run one stage and print its JSON
    args = parser.parse_args(argv)

    texts = read_texts(args.input, args.repeat)
    if args.stage:
        print(json.dumps(asdict(run_stage(args.stage, texts, args.batch_size))))
        return

    stages = [s for s in args.stages.split(",") if s]
    if BASELINE not in stages:
        stages.insert(0, BASELINE)
    print(f"{len(texts)} texts from {args.input}; batch size {args.batch_size}; 1 process", file=sys.stderr)
    results = []
    for stage in stages:
        print(f"running {stage} ...", file=sys.stderr)
        results.append(launch(stage, args))
    summary = report(results, args)
    print_table(summary)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
