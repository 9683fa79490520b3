"""Throughput of standoff against bare spaCy: one run, the same texts, 1 and 2 workers.

Stages (each measurement in fresh processes, so peak RSS is per stage):
  spacy    standoff.nlp.load_pipeline().pipe over the batches standoff makes (pipeline.batches):
           exactly the components standoff runs, nothing else. With 2 workers: two processes,
           one half of the texts each, started together.
  code     what `standoff code` does: Coder.code in one process, or a WorkerPool of N processes
           fed from a parent (every result consumed; nothing printed).
  ingest   what `standoff ingest` does: read a JSONL file, code in N worker processes (also for
           N = 1, away from the store's threads), write DuckDB from the parent.
  cold     (--ray) a whole `standoff ingest --workers N`: starting the workers is timed too.
  ray      (--ray) a whole `standoff ingest --engine ray` on a local Ray of N CPUs started before
           the clock: the actors load their models inside the timed run, as in cold.
  spacy-plain  (on request) spacy.load(MODEL).pipe: the model as shipped.

With --alternate N (one worker), the spacy and code processes are loaded side by side and run the
texts in N slices, taking turns slice by slice; each stage's time is the sum of its slices, over
every round. A machine whose speed drifts then slows both stages alike.

Every stage loads its model(s) and codes one batch per worker before the clock starts, so the
figures are steady-state throughput (except cold and ray). ratio = stage texts/s / spacy texts/s
at the same number of workers; cpu ratio = the same from CPU seconds of all the stage's processes,
which other load on the machine disturbs less.

Run:  .venv/bin/python bench/throughput.py [--input PATH] [--group N] [--workers 1,2] [--rounds 3]
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
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

DEFAULT_INPUT = Path("/work/shared/data/conflibert_cameo/conflibert_cameo.jsonl")
RESULTS = Path(__file__).resolve().parent / "results" / "throughput.json"
STAGES = ("spacy", "code", "ingest")
COLD = ("cold", "ray")  # whole ingest runs, start-up included (--ray)
BASELINE = "spacy"
SECONDS_PER_DAY = 86_400


@dataclass
class Measure:
    """One stage at one worker count."""

    stage: str
    workers: int
    texts: int
    sentences: int | None  # None: the stage does not see sentences (taken from the baseline)
    events: int | None
    wall_s: float
    cpu_s: float  # user + system of every process of the stage, timed part only
    warmup_s: float  # loading models and tables, first batch
    peak_rss_mb: float  # largest coding process (a worker, or the only process)
    parent_rss_mb: float | None = None  # the process feeding the workers, when there are workers


# ---------------------------------------------------------------- input

@dataclass(frozen=True)
class Text:
    id: str
    text: str
    published: date | None


def read_texts(path: Path, repeat: int, group: int) -> list[Text]:
    """JSON lines with a ``text`` field (id = line number) or a folder of .txt files (id = file name).

    ``group`` > 1 joins that many consecutive texts into one article (paragraphs), to get
    article-length texts from a file of sentences.
    """
    if path.is_dir():
        base = [Text(p.name, p.read_text(encoding="utf-8"), None) for p in sorted(path.glob("*.txt"))]
    else:
        base = []
        with path.open(encoding="utf-8") as lines:
            for number, line in enumerate(lines, 1):
                if line.strip():
                    record = json.loads(line)
                    base.append(Text(f"line-{number}", record["text"], _date(record)))
    if group > 1:
        base = [
            Text(f"group-{k}", "\n\n".join(t.text for t in base[k : k + group]), base[k].published)
            for k in range(0, len(base) - group + 1, group)
        ]
    if not base:
        raise SystemExit(f"no texts in {path}")
    # Repeats get their own ids and a last line of their own, so the store codes them (no duplicates).
    return [
        Text(t.id if r == 0 else f"{t.id}#r{r}", t.text if r == 0 else f"{t.text}\n\nCopy {r}.", t.published)
        for r in range(repeat)
        for t in base
    ]


def _date(record: dict) -> date | None:
    value = record.get("date") or record.get("published")
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def write_jsonl(texts: list[Text], path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        for t in texts:
            record = {"id": t.id, "text": t.text, "date": t.published.isoformat() if t.published else None}
            out.write(json.dumps(record) + "\n")


# ---------------------------------------------------------------- inside a stage process

def _rss_mb(who: int) -> float:
    scale = 1 if sys.platform == "darwin" else 1024  # Linux reports KiB, macOS bytes
    return resource.getrusage(who).ru_maxrss * scale / 2**20


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def _children_cpu() -> float:
    """CPU seconds of this process's live children so far (Linux /proc; 0 elsewhere)."""
    me, tick, total = os.getpid(), os.sysconf("SC_CLK_TCK"), 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == me:
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


Run = Callable[..., tuple[int, int | None, int | None]]  # stage input -> texts done, sentences, events


def _spacy_run(nlp, batch_size: int) -> Run:
    """nlp.pipe over the batches standoff's Coder makes of the same texts."""
    from standoff.pipeline import batches

    def run(texts: list[Text]) -> tuple[int, int | None, int | None]:
        docs = sentences = 0
        for batch in batches(_articles(texts), batch_size):
            for doc in nlp.pipe((a.text for a in batch), batch_size=len(batch)):
                docs += 1
                sentences += sum(1 for s in doc.sents if not s.text.isspace())
        return docs, sentences, None

    return run


def _articles(texts: list[Text]):
    from standoff.model import Article

    return [Article(id=t.id, text=t.text, published=t.published) for t in texts]


def _as_is(texts: list[Text]) -> list[Text]:
    return texts


def _prepare(stage: str, workers: int, batch_size: int, scratch: Path):
    """Load everything before the clock starts. Returns (run, coder to close or None, and what
    turns texts into the run's input)."""
    if stage == "spacy-plain":
        import spacy

        from standoff.nlp import MODEL_NAME

        return _spacy_run(spacy.load(MODEL_NAME), batch_size), None, _as_is
    if stage == "spacy":
        from standoff.nlp import load_pipeline

        return _spacy_run(load_pipeline(), batch_size), None, _as_is
    from standoff.pipeline import Coder, Settings
    from standoff.runners.workers import WorkerPool

    settings = Settings(batch_size=batch_size)
    if workers == 1 and stage == "code":
        coder = Coder(settings)
    else:  # `standoff ingest` codes in worker processes even with one: the store runs threads
        coder = WorkerPool(settings, workers)
        coder.warm_up()
    if stage == "code":
        def run(articles: list) -> tuple[int, int | None, int | None]:
            done = events = 0
            for result in coder.code(articles):
                done += 1
                events += len(result.events)
            return done, None, events

        return run, coder, _articles
    if stage == "ingest":
        from standoff.runners.local import IngestOptions, ingest

        counter = iter(range(1_000_000))

        def stage_input(texts: list[Text]) -> Path:
            # The feed file is the stage's input, written before the clock starts.
            feed = scratch / f"feed-{next(counter)}.jsonl"
            write_jsonl(texts, feed)
            return feed

        def run(feed: Path) -> tuple[int, int | None, int | None]:
            summary = ingest([str(feed)], feed.with_suffix(".duckdb"), IngestOptions(), coder=coder)
            return summary.read, None, summary.events

        return run, coder, stage_input
    raise SystemExit(f"unknown stage {stage!r}")


def run_stage(stage: str, workers: int, texts: list[Text], batch_size: int, wait_for_go: bool) -> dict:
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="standoff-bench-") as scratch:
        run, coder, stage_input = _prepare(stage, workers, batch_size, Path(scratch))
        # One batch per worker first: lazy allocations, caches; for ingest, also DuckDB's first file.
        run(stage_input(texts[: batch_size * workers] if stage != "ingest" else _warm_texts(texts, batch_size * workers)))
        timed_input = stage_input(texts)
        warmup = time.perf_counter() - started
        if wait_for_go:  # two processes on halves start together
            print("ready", flush=True)
            sys.stdin.readline()
        cpu, children_cpu = _cpu(resource.RUSAGE_SELF), _children_cpu()
        begin, clock = time.time(), time.perf_counter()
        done, sentences, events = run(timed_input)
        wall = time.perf_counter() - clock
        end = time.time()
        cpu, children_cpu = _cpu(resource.RUSAGE_SELF) - cpu, _children_cpu() - children_cpu
        if coder is not None and hasattr(coder, "close"):
            coder.close()  # waits for the workers, so their peak RSS counts among the children
    assert done == len(texts), f"{stage}: {done} results for {len(texts)} texts"
    pooled = coder is not None and hasattr(coder, "close")
    return {
        "stage": stage, "workers": workers, "texts": done, "sentences": sentences, "events": events,
        "wall_s": wall, "begin": begin, "end": end, "warmup_s": warmup,
        "cpu_s": cpu, "children_cpu_s": children_cpu,
        "peak_rss_mb": _rss_mb(resource.RUSAGE_CHILDREN) if pooled else _rss_mb(resource.RUSAGE_SELF),
        "parent_rss_mb": _rss_mb(resource.RUSAGE_SELF) if pooled else None,
    }


def run_stage_in_slices(stage: str, texts: list[Text], batch_size: int, slices: int) -> None:
    """One worker's stage, timed slice by slice when the driver says so (a line with the slice's
    number on stdin; "end" to finish): the driver alternates the stages slice by slice, so that a
    machine whose speed drifts slows every stage alike. Prints a JSON line per slice, then one
    with the peak RSS."""
    with tempfile.TemporaryDirectory(prefix="standoff-bench-") as scratch:
        run, _, stage_input = _prepare(stage, 1, batch_size, Path(scratch))
        run(stage_input(texts[:batch_size]))
        parts = [stage_input(texts[k * len(texts) // slices : (k + 1) * len(texts) // slices]) for k in range(slices)]
        print("ready", flush=True)
        for line in sys.stdin:
            if line.strip() == "end":
                break
            cpu, clock = _cpu(resource.RUSAGE_SELF), time.perf_counter()
            done, sentences, events = run(parts[int(line)])
            wall, cpu = time.perf_counter() - clock, _cpu(resource.RUSAGE_SELF) - cpu
            print(json.dumps({"texts": done, "sentences": sentences, "events": events, "wall_s": wall, "cpu_s": cpu}), flush=True)
    print(json.dumps({"peak_rss_mb": _rss_mb(resource.RUSAGE_SELF)}), flush=True)


def measure_alternating(stages: list[str], args: argparse.Namespace) -> list[Measure]:
    """The stages at one worker, each in its own process, run slice by slice in turn."""
    processes = {
        stage: subprocess.Popen(
            _command(args, stage, 1, None) + ["--slices", str(args.alternate)], env=_env(args),
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for stage in stages
    }
    started = time.perf_counter()
    for stage, p in processes.items():
        assert p.stdout is not None
        if p.stdout.readline().strip() != "ready":
            raise SystemExit(f"{stage} failed: {p.stderr.read() if p.stderr else ''}")
    warmup = time.perf_counter() - started
    totals = {stage: {"texts": 0, "sentences": 0, "events": 0, "wall_s": 0.0, "cpu_s": 0.0} for stage in stages}
    for k in range(args.alternate):
        for stage in stages[k % 2 :] + stages[: k % 2]:  # each stage goes first in half the slices
            p = processes[stage]
            assert p.stdin is not None and p.stdout is not None
            p.stdin.write(f"{k}\n")
            p.stdin.flush()
            part = json.loads(p.stdout.readline())
            for key, total in totals[stage].items():
                totals[stage][key] = total + (part[key] or 0)
    measures = []
    for stage, p in processes.items():
        out, err = p.communicate("end\n")
        if p.returncode != 0:
            sys.stderr.write(err)
            raise SystemExit(f"stage {stage} failed with exit code {p.returncode}")
        t = totals[stage]
        measures.append(Measure(stage, 1, t["texts"], t["sentences"] or None, t["events"] or None, t["wall_s"], t["cpu_s"], warmup, _last_json(out)["peak_rss_mb"]))
    return measures


def _added(a: Measure, b: Measure) -> Measure:
    """Two runs of a stage as one."""
    def plus(x: int | None, y: int | None) -> int | None:
        return None if x is None and y is None else (x or 0) + (y or 0)

    return Measure(
        a.stage, a.workers, a.texts + b.texts, plus(a.sentences, b.sentences), plus(a.events, b.events),
        a.wall_s + b.wall_s, a.cpu_s + b.cpu_s, max(a.warmup_s, b.warmup_s), max(a.peak_rss_mb, b.peak_rss_mb),
    )


def _warm_texts(texts: list[Text], n: int) -> list[Text]:
    # Other ids than the timed run's, though it writes to its own file anyway.
    return [Text(f"warm-{t.id}", t.text, t.published) for t in texts[:n]]


def run_cold_stage(stage: str, workers: int, texts: list[Text], batch_size: int) -> dict:
    """A whole `ingest` run, start-up included: the local runner starting its worker processes
    (cold), or the Ray runner on a Ray started beforehand (ray), which starts its actors."""
    from standoff.pipeline import Settings
    from standoff.runners.batches import IngestOptions
    from standoff.runners.local import ingest

    if stage == "ray":
        import ray

        from standoff.runners.ray import ingest

        ray.init(num_cpus=workers, include_dashboard=False, logging_level="ERROR", log_to_driver=False)
    with tempfile.TemporaryDirectory(prefix="standoff-bench-") as scratch:
        feed = Path(scratch) / "feed.jsonl"
        write_jsonl(texts, feed)
        options = IngestOptions(workers=workers, settings=Settings(batch_size=batch_size))
        cpu = _cpu(resource.RUSAGE_SELF)
        begin, clock = time.time(), time.perf_counter()
        summary = ingest([str(feed)], Path(scratch) / "store.duckdb", options)
        wall = time.perf_counter() - clock
        end = time.time()
        cpu = _cpu(resource.RUSAGE_SELF) - cpu
    if stage == "ray":
        ray.shutdown()
    return {
        "stage": stage, "workers": workers, "texts": summary.read, "sentences": None,
        "events": summary.events, "wall_s": wall, "begin": begin, "end": end, "warmup_s": 0.0,
        "cpu_s": cpu, "children_cpu_s": 0.0, "peak_rss_mb": float("nan"), "parent_rss_mb": _rss_mb(resource.RUSAGE_SELF),
    }


# ---------------------------------------------------------------- driver

def _command(args: argparse.Namespace, stage: str, workers: int, part: str | None) -> list[str]:
    command = [
        sys.executable, __file__, "--stage", stage, "--stage-workers", str(workers),
        "--input", str(args.input), "--repeat", str(args.repeat), "--group", str(args.group),
        "--batch-size", str(args.batch_size),
    ]
    return command + (["--part", part] if part else [])


def _env(args: argparse.Namespace) -> dict[str, str]:
    threads = str(args.threads)
    return {**os.environ, "OMP_NUM_THREADS": threads, "OPENBLAS_NUM_THREADS": threads, "MKL_NUM_THREADS": threads}


def _last_json(stdout: str) -> dict:
    return json.loads(stdout.strip().splitlines()[-1])


def measure(stage: str, workers: int, args: argparse.Namespace) -> Measure:
    if stage in ("spacy", "spacy-plain") and workers > 1:
        return _measure_parts(stage, workers, args)
    done = subprocess.run(_command(args, stage, workers, None), env=_env(args), capture_output=True, text=True)
    if done.returncode != 0:
        sys.stderr.write(done.stderr)
        raise SystemExit(f"stage {stage} x{workers} failed with exit code {done.returncode}")
    r = _last_json(done.stdout)
    cpu = r["cpu_s"] + r["children_cpu_s"]
    return Measure(stage, workers, r["texts"], r["sentences"], r["events"], r["wall_s"], cpu, r["warmup_s"], r["peak_rss_mb"], r["parent_rss_mb"])


def _measure_parts(stage: str, workers: int, args: argparse.Namespace) -> Measure:
    """N processes on N shares of the texts, released together once all have loaded."""
    processes = [
        subprocess.Popen(
            _command(args, stage, 1, f"{k}/{workers}"), env=_env(args),
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for k in range(workers)
    ]
    for p in processes:
        assert p.stdout is not None
        line = p.stdout.readline()
        if line.strip() != "ready":
            raise SystemExit(f"{stage} part failed: {line}{p.stderr.read() if p.stderr else ''}")
    for p in processes:
        assert p.stdin is not None
        p.stdin.write("go\n")
        p.stdin.flush()
    results = []
    for p in processes:
        out, err = p.communicate()
        if p.returncode != 0:
            sys.stderr.write(err)
            raise SystemExit(f"{stage} part failed with exit code {p.returncode}")
        results.append(_last_json(out))
    wall = max(r["end"] for r in results) - min(r["begin"] for r in results)
    return Measure(
        stage, workers, sum(r["texts"] for r in results), sum(r["sentences"] or 0 for r in results), None, wall,
        sum(r["cpu_s"] for r in results), max(r["warmup_s"] for r in results), max(r["peak_rss_mb"] for r in results),
    )


def report(measures: list[Measure], args: argparse.Namespace) -> dict:
    rows = []
    for m in measures:
        base = next((b for b in measures if b.stage == BASELINE and b.workers == m.workers), None)
        sentences = m.sentences if m.sentences is not None else (base.sentences if base else None)
        per_s = m.texts / m.wall_s
        rows.append({
            **asdict(m),
            "sentences": sentences,
            "texts_per_s": per_s,
            "sentences_per_s": sentences / m.wall_s if sentences else None,
            "ratio": per_s / (base.texts / base.wall_s) if base else None,
            # Only stages whose every process is counted (the ray stage counts its driver only).
            "cpu_ratio": (base.cpu_s / base.texts) / (m.cpu_s / m.texts) if base and m.stage not in COLD and m.cpu_s else None,
            "articles_per_day": per_s * SECONDS_PER_DAY,
        })
    return {
        "input": str(args.input),
        "repeat": args.repeat,
        "group": args.group,
        "batch_size": args.batch_size,
        "threads_per_worker": args.threads,
        "rounds": args.rounds,
        "baseline": BASELINE,
        "machine": {
            "platform": platform.platform(),
            "processor": _cpu_name(),
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "load_average_at_end": os.getloadavg() if hasattr(os, "getloadavg") else None,
        },
        "rows": rows,
    }


def _cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def print_table(summary: dict) -> None:
    header = (
        f"{'stage':<12}{'workers':>8}{'texts':>8}{'sents':>8}{'wall s':>9}{'texts/s':>10}{'sents/s':>10}"
        f"{'peak MB':>9}{'ratio':>7}{'cpu ratio':>10}{'texts/day':>12}"
    )
    print(header)
    print("-" * len(header))
    for r in summary["rows"]:
        ratio = f"{r['ratio']:.2f}" if r["ratio"] is not None else "-"
        cpu_ratio = f"{r['cpu_ratio']:.2f}" if r["cpu_ratio"] is not None else "-"
        sents = f"{r['sentences_per_s']:.1f}" if r["sentences_per_s"] else "-"
        peak = f"{r['peak_rss_mb']:.0f}" if r["peak_rss_mb"] == r["peak_rss_mb"] else "-"
        print(
            f"{r['stage']:<12}{r['workers']:>8}{r['texts']:>8}{r['sentences'] or 0:>8}{r['wall_s']:>9.2f}"
            f"{r['texts_per_s']:>10.1f}{sents:>10}{peak:>9}{ratio:>7}{cpu_ratio:>10}{r['articles_per_day']:>12,.0f}"
        )
    print(f"ratio = texts/s / {summary['baseline']} texts/s at the same worker count (cpu ratio: the same from CPU seconds)")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--input", type=Path, default=DEFAULT_INPUT, help="JSONL with a text field, or a folder of .txt")
    parser.add_argument("--repeat", type=int, default=1, help="use the texts N times")
    parser.add_argument("--group", type=int, default=1, help="join N consecutive texts into one article")
    parser.add_argument("--batch-size", type=int, default=32, help="nlp.pipe and Coder batch size (same for all)")
    parser.add_argument("--threads", type=int, default=1, help="BLAS/OpenMP threads per process")
    parser.add_argument("--workers", default="1,2", help="comma-separated worker counts")
    parser.add_argument("--stages", default=",".join(STAGES), help="comma-separated subset of spacy,code,ingest,spacy-plain")
    parser.add_argument("--ray", action="store_true", help="also time whole ingest runs, local and --engine ray (needs the ray extra)")
    parser.add_argument("--rounds", type=int, default=1, help="measure everything N times, interleaved; keep the fastest")
    parser.add_argument("--alternate", type=int, default=0, metavar="N", help="one worker only: run the stages side by side in N slices of the texts, in turn (steadier on a machine whose speed drifts)")
    parser.add_argument("--output", type=Path, default=RESULTS, help="where to write the JSON")
    parser.add_argument("--stage", help=argparse.SUPPRESS)  # internal: run one stage and print its JSON
    parser.add_argument("--stage-workers", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--part", help=argparse.SUPPRESS)  # internal: k/n, the k-th of n shares of the texts
    parser.add_argument("--slices", type=int, default=0, help=argparse.SUPPRESS)  # internal: run slices as told on stdin
    args = parser.parse_args(argv)

    texts = read_texts(args.input, args.repeat, args.group)
    if args.stage:
        if args.part:
            k, n = (int(x) for x in args.part.split("/"))
            texts = texts[k * len(texts) // n : (k + 1) * len(texts) // n]
        if args.slices:
            run_stage_in_slices(args.stage, texts, args.batch_size, args.slices)
            return
        if args.stage in COLD:
            result = run_cold_stage(args.stage, args.stage_workers, texts, args.batch_size)
        else:
            result = run_stage(args.stage, args.stage_workers, texts, args.batch_size, wait_for_go=bool(args.part))
        print(json.dumps(result))
        return

    stages = [s for s in args.stages.split(",") if s]
    if BASELINE not in stages:
        stages.insert(0, BASELINE)
    counts = [int(w) for w in args.workers.split(",")]
    cold = [(stage, w) for w in counts if w > 1 for stage in COLD] if args.ray else []
    plan = [(stage, w) for w in counts for stage in stages] + cold
    words = sum(len(t.text.split()) for t in texts)
    print(f"{len(texts)} texts ({words / len(texts):.0f} words each) from {args.input}; batch size {args.batch_size}", file=sys.stderr)
    best: dict[tuple[str, int], Measure] = {}
    if args.alternate:
        if counts != [1] or args.ray or not set(stages) <= {"spacy", "code", "spacy-plain"}:
            raise SystemExit("--alternate measures spacy and code at one worker (--workers 1 --stages spacy,code)")
        for round_ in range(1, args.rounds + 1):
            print(f"round {round_}: {', '.join(stages)} x1 in {args.alternate} alternating slices ...", file=sys.stderr)
            for m in measure_alternating(stages, args):
                print(f"  {m.stage}: {m.texts / m.wall_s:.1f} texts/s, {m.cpu_s / m.texts * 1000:.1f} ms CPU per text", file=sys.stderr)
                best[m.stage, 1] = _added(best[m.stage, 1], m) if (m.stage, 1) in best else m  # every round counts: the stages ran in the same conditions
    else:
        for round_ in range(1, args.rounds + 1):
            for stage, w in plan:
                print(f"round {round_}: {stage} x{w} ...", file=sys.stderr)
                m = measure(stage, w, args)
                print(f"  {m.texts / m.wall_s:.1f} texts/s, {m.cpu_s / m.texts * 1000:.1f} ms CPU per text", file=sys.stderr)
                if (stage, w) not in best or m.wall_s < best[stage, w].wall_s:
                    best[stage, w] = m
    summary = report([best[key] for key in plan], args)
    print_table(summary)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
