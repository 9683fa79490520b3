"""The cost of actor resolution beyond parsing.

Measures, in one run and on the same texts:
  load      reading the knowledge base and compiling its phrase table (once per process), and
            the memory that adds to the process (growth of its peak resident set)
  parse     standoff.nlp.parse over the texts: the spaCy floor
  articles  ArticleActors over the parsed docs (phrase matching, resolution, coreference),
            repeated over the docs until 10,000 actor mentions have been resolved
  phrases   resolve_parsed over 10,000 parsed actor phrases (what `standoff actor --file` does
            after its batch parse)

A mention is a noun-phrase head the resolver returns an actor for, coded or not (a pronoun
left unresolved is a mention too). Target (issue 3): 10,000 mentions in under 1 s beyond parsing.

Run:  .venv/bin/python bench/actors_bench.py [--input JSONL] [--mentions N]
"""

from __future__ import annotations

import argparse
import itertools
import json
import platform
import resource
import sys
import time
from datetime import date
from importlib import resources
from pathlib import Path

DEFAULT_INPUT = Path("/work/shared/data/conflibert_cameo/conflibert_cameo.jsonl")
RESULTS = Path(__file__).resolve().parent / "results" / "actors.json"
DAY = date(2023, 6, 1)

# Phrases of the kinds the resolver handles, combined into 10,000 distinct-enough queries.
PHRASES = [
    "Russian President Vladimir Putin", "the Chinese foreign ministry", "a US destroyer", "Hamas gunmen",
    "Shanghai police", "members of SANDF", "the European Parliament", "Moscow and Beijing", "he",
    "former President Barack Obama", "Congo", "two Chinese warplanes", "the minister", "Kremlin spokesman",
    "Prime Minister Johnson", "an opposition lawmaker", "Ukrainian farmers", "Boko Haram", "Frank", "NATO troops",
]  # fmt: skip
CONTEXTS = [None, "Foreign Minister Sergei Lavrov met Rex Tillerson in Manila."]


def read_texts(path: Path | None) -> tuple[str, list[str]]:
    """JSON lines with a ``text`` field; without one, the bundled example."""
    if path is not None and path.exists():
        with path.open(encoding="utf-8") as lines:
            return str(path), [json.loads(line)["text"] for line in lines if line.strip()]
    example = resources.files("standoff.examples").joinpath("standoff-example.txt").read_text(encoding="utf-8")
    return "bundled example", [example]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--input", type=Path, default=DEFAULT_INPUT)
    parser.add_argument("--mentions", type=int, default=10_000)
    args = parser.parse_args()

    from standoff.actors.kb import load_knowledge_base
    from standoff.actors.phrase import PhraseQuery, phrase_document, resolve_parsed
    from standoff.actors.resolve import ArticleActors
    from standoff.actors.table import ActorTable
    from standoff.nlp import load_pipeline, parse

    load_pipeline()
    peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    kb = load_knowledge_base()
    read_s = time.perf_counter() - start
    table = ActorTable(kb)
    load_s = time.perf_counter() - start
    load_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak_before) / 1024

    source, texts = read_texts(args.input)
    start = time.perf_counter()
    docs = list(parse(texts))
    parse_s = time.perf_counter() - start
    sentence_maps = [{t.i: n for n, s in enumerate(doc.sents) for t in s} for doc in docs]

    # Articles: every phrase head of each doc, over the docs again and again until enough
    # mentions have been resolved.
    mentions = coded = articles = rounds = 0
    start, cpu = time.perf_counter(), time.process_time()
    while mentions < args.mentions:
        for n, (doc, sentence_of) in enumerate(zip(docs, sentence_maps)):
            found = ArticleActors(table, doc, str(n), DAY, sentence_of).all()
            articles += 1
            mentions += len(found)
            coded += sum(a.code is not None for a in found)
            if mentions >= args.mentions:
                break
        rounds += 1
        if rounds > 1000:
            sys.exit("the texts name no actors: nothing to measure")
    articles_s, articles_cpu = time.perf_counter() - start, time.process_time() - cpu

    # Phrases: parse 10,000 queries first, then time only their resolution.
    queries = [
        PhraseQuery(phrase, DAY, context)
        for phrase, context in itertools.islice(itertools.cycle(itertools.product(PHRASES, CONTEXTS)), args.mentions)
    ]
    documents = [phrase_document(q) for q in queries]
    start = time.perf_counter()
    phrase_docs = list(parse((text for text, _ in documents), batch_size=256))
    phrase_parse_s = time.perf_counter() - start
    start = time.perf_counter()
    resolved = [resolve_parsed(table, q, doc, offset) for q, (_, offset), doc in zip(queries, documents, phrase_docs)]
    phrases_s = time.perf_counter() - start

    result = {
        "input": source,
        "texts": len(texts),
        "machine": {"platform": platform.platform(), "python": platform.python_version()},
        "knowledge_base": {
            "version": table.kb.version,
            "people": len(table.kb.people),
            "organisations": len(table.kb.organisations),
            "read_s": round(read_s, 3),
            "load_s": round(load_s, 3),
            "load_mb": round(load_mb, 1),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        },
        "parse_s": round(parse_s, 3),
        "articles": {
            "mentions": mentions,
            "coded": coded,
            "articles": articles,
            "wall_s": round(articles_s, 3),
            "cpu_s": round(articles_cpu, 3),
            "mentions_per_s": round(mentions / articles_s),
            "per_10k_mentions_s": round(articles_s * 10_000 / mentions, 3),
            # resolving the actors of a text, as a share of parsing it
            "over_parse": round((articles_s / articles) / (parse_s / len(texts)), 3),
        },
        "phrases": {
            "phrases": len(resolved),
            "coded": sum(r.code is not None for r in resolved),
            "parse_s": round(phrase_parse_s, 3),
            "wall_s": round(phrases_s, 3),
            "phrases_per_s": round(len(resolved) / phrases_s),
        },
    }
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))
    print(
        f"knowledge base: {load_s:.2f} s to read and compile ({read_s:.2f} s reading), +{load_mb:.0f} MB; "
        f"10,000 mentions in articles: {result['articles']['per_10k_mentions_s']:.2f} s beyond parsing "
        f"({result['articles']['mentions_per_s']:,} mentions/s; target < 1 s); "
        f"{len(resolved):,} phrases: {phrases_s:.2f} s beyond parsing"
    )


if __name__ == "__main__":
    main()
