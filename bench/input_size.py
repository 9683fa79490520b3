"""Time per MB of input as one article grows from 10 KB to 5 MB: reading, cleaning and coding.

Every stage must take time in proportion to its input (issue 13): for each shape of article
below, the slowest time per MB over the sizes may be at most 1.5 times the fastest.

Shapes, each a unit repeated until the size is reached (so a larger article is more of the
same, and its time per MB shows whether a stage grows faster than the text):
  blank_lines    nothing but blank lines (what stalled ingest): read and cleaned, then refused as
                 empty (E203), as there is nothing to code
  endless_line   news sentences joined by spaces, no line break at all
  paragraph      news sentences in lines of about 70 characters, no blank line: one paragraph
  tiny           sentences of two or three words, ten to a paragraph
  captions       a caption, its credited copy, a bare credit and a byline before each paragraph
  no_punctuation the same words without punctuation or line breaks (a list, a table, a transcript)

The sentences are the hand-coded ones of tests/events/sentences.yaml and the paragraphs of the
bundled example article, cycled, each followed by a generated one with its own pair of countries
and its own date ("Iran accused Israel of violating the ceasefire on March 3, 1951."), so that
the events of an article grow with it instead of repeating. Each article is written to a .txt file, read with iter_inputs
(decode, clean, language check) and coded with Coder.code, in this process, the model loaded
and one small article of the shape coded before the clock starts. Articles over 100,000 characters are parsed in
pieces (standoff.nlp.PIECE_CHARACTERS). The baseline is bare spaCy (load_pipeline().pipe) over
the same pieces of the same cleaned text. Times are CPU seconds of this process (one thread),
which other load on the machine disturbs less than wall time; wall time is kept in the JSON.
Small sizes are repeated until 20 s of CPU are spent (--min-seconds), and the mean kept.

Last, the whole `standoff code` command is timed on 500,000 blank lines and one sentence, loading
the model included (issue 13: within 10 s).

Run:  .venv/bin/python bench/input_size.py [--sizes 10000,100000,1000000,5000000] [--shapes ...]
"""

from __future__ import annotations

import argparse
import json
import platform
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import date
from importlib import resources
from itertools import cycle
from pathlib import Path

import yaml

RESULTS = Path(__file__).resolve().parent / "results" / "input_size.json"
SIZES = (10_000, 100_000, 1_000_000, 5_000_000)
DAY = date(2023, 10, 12)
TARGET = 1.5  # slowest / fastest time per MB, per shape
COUNTRIES = ("Russia", "China", "Japan", "Germany", "France", "Iran", "Israel", "Turkey", "India", "Pakistan", "Egypt", "Brazil")
TEMPLATES = (
    "{a} accused {b} of violating the ceasefire on {day}.",
    "{a} launched a missile at {b} on {day}.",
    "The president of {a} met the prime minister of {b} in Geneva on {day}.",
    "{a} threatened {b} with military action on {day}.",
)
TINY = ("Russia protested.", "China agreed.", "Talks ended.", "Iran fired missiles.", "Police left.",
        "Japan objected.", "Troops withdrew.", "Israel struck Gaza.", "Seoul responded.", "Kyiv denied it.")  # fmt: skip


def pool() -> list[str]:
    items = yaml.safe_load((Path(__file__).resolve().parents[1] / "tests" / "events" / "sentences.yaml").read_text(encoding="utf-8"))
    example = resources.files("standoff.examples").joinpath("standoff-example.txt").read_text(encoding="utf-8")
    paragraphs = [p.replace("\n", " ") for p in example.split("\n\n") if p.rstrip().endswith((".", '"', "”"))]
    return [item["text"] for item in items] + paragraphs


def sentences() -> Iterator[str]:
    """The pool's sentences, cycled, each followed by a generated one about other countries on another day."""
    for n, sentence in enumerate(cycle(pool())):
        a, b = COUNTRIES[n % 12], COUNTRIES[(n // 12 + n + 1) % 12]
        day = date.fromordinal(date(1950, 1, 1).toordinal() + n)
        yield sentence
        yield TEMPLATES[n % len(TEMPLATES)].format(a=a, b=b if b != a else COUNTRIES[(n + 1) % 12], day=f"{day:%B} {day.day}, {day.year}")


def blank_lines() -> Iterator[str]:
    while True:
        yield "\n" * 1000


def endless_line() -> Iterator[str]:
    for sentence in sentences():
        yield sentence + " "


def paragraph() -> Iterator[str]:
    line = ""
    for word in (w for s in sentences() for w in s.split()):
        if len(line) + len(word) > 70:
            yield line + "\n"
            line = ""
        line += word + " "


def tiny() -> Iterator[str]:
    words = cycle(TINY)
    while True:
        yield " ".join(next(words) for _ in range(10)) + "\n\n"


def captions() -> Iterator[str]:
    for n, sentence in enumerate(sentences()):
        caption = f"Delegates arrive for talks in Geneva, picture {n}"
        yield f"{caption}\n{caption}Reuters\n\nPhoto: AFP\nBy Jane Smith and Tom Jones\n\n{sentence}\n\n"


def no_punctuation() -> Iterator[str]:
    for sentence in sentences():
        yield re.sub(r"[^\w\s]+", "", sentence) + " "


SHAPES: dict[str, Callable[[], Iterator[str]]] = {
    "blank_lines": blank_lines, "endless_line": endless_line, "paragraph": paragraph, "tiny": tiny, "captions": captions,
    "no_punctuation": no_punctuation,
}  # fmt: skip


def article_bytes(shape: str, size: int) -> bytes:
    """Units of the shape up to ``size`` bytes (the last one cut at a space, or the first kept whole)."""
    parts, held = [], 0
    for unit in SHAPES[shape]():
        data = unit.encode("utf-8")
        if held + len(data) > size and parts:
            rest = data[: max(0, size - held)]
            parts.append(rest[: rest.rfind(b" ") + 1] if b" " in rest else b"")
            break
        parts.append(data)
        held += len(data)
    return b"".join(parts)


def timed(run: Callable[[], object]) -> tuple[float, float, object]:
    wall, cpu = time.perf_counter(), time.process_time()
    value = run()
    return time.process_time() - cpu, time.perf_counter() - wall, value


def measure(coder, path: Path, min_seconds: float, max_runs: int, spacy: bool) -> dict:
    """Reading (and cleaning), coding, and bare spaCy on the same pieces: the mean of as many runs
    as take ``min_seconds`` of CPU. A mean, not the fastest run, as the large sizes run once: the
    small ones must see the machine's ups and downs for as long."""
    from standoff.model import Article
    from standoff.nlp import PIECE_CHARACTERS, load_pipeline
    from standoff.text.pieces import pieces
    from standoff.text.readers import ReadOptions, iter_inputs

    totals: dict[str, float] = {}
    spent, runs = 0.0, 0
    while runs < max_runs and (runs == 0 or spent < min_seconds):
        read_cpu, read_wall, items = timed(lambda: list(iter_inputs([str(path)], ReadOptions(default_date=DAY))))
        articles = [item for item in items if isinstance(item, Article)]  # none when it is refused (empty)
        code_cpu, code_wall, results = timed(lambda: list(coder.code(articles)))
        run = {"read_cpu_s": read_cpu, "code_cpu_s": code_cpu, "cpu_s": read_cpu + code_cpu, "wall_s": read_wall + code_wall}
        if spacy:
            texts = [article.text[start:end] for article in articles for start, end in pieces(article.text, PIECE_CHARACTERS)]
            run["spacy_cpu_s"], run["spacy_wall_s"], _ = timed(lambda: list(load_pipeline().pipe(texts, batch_size=1)))
        for key, value in run.items():
            totals[key] = totals.get(key, 0.0) + value
        spent += run["cpu_s"] + run.get("spacy_cpu_s", 0.0)
        runs += 1
    return {
        **{key: value / runs for key, value in totals.items()},
        "runs": runs,
        "events": sum(len(r.events) for r in results),
        "failures": len(items) - len(articles) + sum(len(r.failures) for r in results),
        "characters": sum(len(a.text) for a in articles),
    }


def code_command(folder: str) -> dict:
    """Wall time of `standoff code` on 500,000 blank lines and one sentence, start-up included."""
    path = Path(folder, "blank-lines-and-one-sentence.txt")
    path.write_text("\n" * 500_000 + "Russia protested against the new sanctions on Monday.\n", encoding="utf-8")
    before, clock = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "standoff.cli", "code", str(path), "--date", DAY.isoformat()], capture_output=True, text=True)
    seconds, after = time.perf_counter() - clock, resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"standoff code failed: {done.stderr}")
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return {"wall_s": seconds, "cpu_s": cpu, "bytes": path.stat().st_size, "events": len(done.stdout.splitlines())}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="article sizes in bytes, comma-separated")
    parser.add_argument("--shapes", default=",".join(SHAPES), help="shapes to run, comma-separated")
    parser.add_argument("--min-seconds", type=float, default=20.0, help="repeat a size until this much CPU time is spent")
    parser.add_argument("--max-runs", type=int, default=100)
    parser.add_argument("--no-spacy", dest="spacy", action="store_false", help="skip the bare spaCy baseline")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    shapes = args.shapes.split(",")

    from standoff.threads import use_one_native_thread

    use_one_native_thread()  # as the CLI does, before numpy loads
    from standoff.model import Article
    from standoff.pipeline import Coder

    coder = Coder()
    list(coder.code([Article("warm-up", "Russia protested against the sanctions on Monday.", DAY)]))
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for shape in shapes:
            warm_up = Path(folder, f"{shape}-warm-up.txt")
            warm_up.write_bytes(article_bytes(shape, min(sizes)))
            measure(coder, warm_up, 0.0, 1, args.spacy)  # first use of this shape's code paths, untimed
            for size in sizes:
                path = Path(folder, f"{shape}-{size}.txt")
                path.write_bytes(article_bytes(shape, size))
                megabytes = path.stat().st_size / 1e6
                found = measure(coder, path, args.min_seconds, args.max_runs, args.spacy)
                row = {"shape": shape, "size": size, "bytes": path.stat().st_size, **found}
                row["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # of the process so far
                row["cpu_s_per_mb"] = found["cpu_s"] / megabytes
                if args.spacy:
                    row["spacy_cpu_s_per_mb"] = found["spacy_cpu_s"] / megabytes
                    row["over_spacy"] = found["cpu_s"] / found["spacy_cpu_s"] if found["spacy_cpu_s"] else None
                rows.append(row)
                print(f"{shape:>12} {size:>9,} B  {row['cpu_s_per_mb']:8.3f} CPU s/MB  ({found['events']} events, {found['runs']} runs)", flush=True)
        command = code_command(folder)
    summary = {}
    for shape in shapes:
        per_mb = [r["cpu_s_per_mb"] for r in rows if r["shape"] == shape]
        summary[shape] = {"slowest_over_fastest": max(per_mb) / min(per_mb), "meets_target": max(per_mb) <= TARGET * min(per_mb)}
    result = {
        "machine": {"platform": platform.platform(), "python": platform.python_version()},
        "sizes": sizes,
        "target": TARGET,
        "rows": rows,
        "summary": summary,
        "code_command": command,
    }
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print()
    print("CPU seconds per MB of input (read, clean and code; bare spaCy on the same pieces in brackets)")
    print(f"{'shape':>12} " + " ".join(f"{size / 1000:>13,.0f} KB" for size in sizes) + "  slowest/fastest")
    for shape in shapes:
        cells = []
        for size in sizes:
            r = next(r for r in rows if r["shape"] == shape and r["size"] == size)
            spacy = f" ({r['spacy_cpu_s_per_mb']:5.2f})" if args.spacy else ""
            cells.append(f"{r['cpu_s_per_mb']:7.2f}{spacy}".rjust(16))
        mark = "ok" if summary[shape]["meets_target"] else f"over {TARGET}"
        print(f"{shape:>12} " + " ".join(cells) + f"  {summary[shape]['slowest_over_fastest']:.2f} {mark}")
    print(
        f"\nstandoff code on 500,000 blank lines and one sentence, loading the model included: {command['wall_s']:.1f} s wall, "
        f"{command['cpu_s']:.1f} s CPU ({command['events']} event)"
    )


if __name__ == "__main__":
    main()
