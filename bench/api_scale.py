"""The analysis endpoints on a store of a million events, alone and four at once, and a page of
events asked for again and again while the four run.

The store is the KEDS Levant series (145,709 events) imported under --copies names (seven give
1,019,963 events): each name is a link to the same file, and imported ids carry the file's name,
so the copies do not collapse into one. With --db, the store is kept there and used again
(building it takes a minute or two). `standoff serve` runs on a free loopback port with its default settings.

Run:  .venv/bin/python bench/api_scale.py [--keds FILE] [--copies 7] [--db FILE] [--rounds 3]
Prints a table and writes bench/results/api_scale.json. Exits 1 if a request failed, an analysis
request took more than 5 s alone, or a page of events took 1 s or more while the four ran.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

from api_load import HOST, free_port, percentile, start_server, stop

RESULTS = Path(__file__).resolve().parent / "results" / "api_scale.json"
DEFAULT_KEDS = Path("/work/shared/data/keds_event_series/levant_cameo.csv.gz")
HEAVY = (
    ("alerts from 2000, by week", "/api/alerts", {"since": "2000-01-01", "freq": "week"}),
    ("series of an actor (ISR), by week", "/api/series", {"actor": "ISR", "freq": "week"}),
    ("series of a dyad (ISR-PAL), by week", "/api/series", {"dyad": "ISR-PAL", "freq": "week"}),
    ("dyads", "/api/dyads", {}),
)
PAGE = ("/api/events", {"limit": 5})
ALONE_LIMIT, PAGE_LIMIT = 5.0, 1.0
PAGE_EVERY = 0.05  # seconds between two pages while the heavy requests run


def build_store(db: Path, keds: Path, copies: int) -> float:
    from standoff.store import Store, import_events

    clock = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder, Store(db) as store:
        for n in range(1, copies + 1):
            name = Path(folder) / f"levant{n}.csv.gz"
            name.symlink_to(keds.resolve())
            print(import_events(store, name, "keds").line(), flush=True)
    return time.perf_counter() - clock


async def timed(client: httpx.AsyncClient, path: str, params: dict[str, Any]) -> dict[str, Any]:
    clock = time.perf_counter()
    answer = await client.get(path, params=params)
    return {"seconds": time.perf_counter() - clock, "status": answer.status_code, "bytes": len(answer.content)}


async def measure(base: str, rounds: int) -> dict[str, Any]:
    async with httpx.AsyncClient(base_url=base, timeout=120) as client:
        alone = {label: [await timed(client, path, params) for _ in range(rounds)] for label, path, params in HEAVY}
        together: list[list[dict[str, Any]]] = []
        pages: list[dict[str, Any]] = []
        running = True

        async def page_again_and_again() -> None:
            while running:
                pages.append(await timed(client, *PAGE))
                await asyncio.sleep(PAGE_EVERY)

        pager = asyncio.create_task(page_again_and_again())
        for _ in range(rounds):
            together.append(await asyncio.gather(*(timed(client, path, params) for _, path, params in HEAVY)))
        running = False
        await pager
    return {"alone": alone, "together": together, "pages": pages}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keds", type=Path, default=DEFAULT_KEDS)
    parser.add_argument("--copies", type=int, default=7)
    parser.add_argument("--db", type=Path, help="Use this store if it exists; else build it there and keep it.")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        db = args.db or Path(folder) / "million.duckdb"
        build_seconds = None if db.exists() else build_store(db, args.keds, args.copies)
        port = free_port()
        server = start_server(db, port, Path(folder) / "serve.log")
        try:
            events = httpx.get(f"http://{HOST}:{port}/api/health", timeout=30).json()["events"]
            found = asyncio.run(measure(f"http://{HOST}:{port}", args.rounds))
        finally:
            stop(server)

    page_seconds = [p["seconds"] for p in found["pages"]]
    statuses = {r["status"] for runs in found["alone"].values() for r in runs}
    statuses |= {r["status"] for runs in found["together"] for r in runs} | {p["status"] for p in found["pages"]}
    report = {
        "events": events,
        "store_build_seconds": None if build_seconds is None else round(build_seconds, 1),
        "alone": {
            label: {"median_s": round(statistics.median(r["seconds"] for r in runs), 2), "max_s": round(max(r["seconds"] for r in runs), 2),
                    "bytes": runs[0]["bytes"]}
            for label, runs in found["alone"].items()
        },
        "together_max_s": {label: round(max(run[n]["seconds"] for run in found["together"]), 2) for n, (label, _, _) in enumerate(HEAVY)},
        "page_while_together": {
            "requests": len(page_seconds), "median_s": round(statistics.median(page_seconds), 3),
            "p99_s": round(percentile(page_seconds, 0.99), 3), "max_s": round(max(page_seconds), 3),
        },
        "statuses": sorted(statuses),
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, load average {os.getloadavg()[0]:.1f}",
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(report, indent=1) + "\n")

    print(f"{events:,} events; {args.rounds} rounds\n")
    print("| request | alone, median | alone, max | four at once, max | answer |")
    print("|---|---:|---:|---:|---:|")
    for label, _, _ in HEAVY:
        mine = report["alone"][label]
        print(f"| {label} | {mine['median_s']} s | {mine['max_s']} s | {report['together_max_s'][label]} s | {mine['bytes'] / 1e6:.2f} MB |")
    page = report["page_while_together"]
    print(f"\n/api/events?limit=5 while the four ran: {page['requests']} requests, median {page['median_s']} s, "
          f"p99 {page['p99_s']} s, max {page['max_s']} s; statuses {report['statuses']}")
    slow = [label for label, mine in report["alone"].items() if mine["max_s"] > ALONE_LIMIT]
    sys.exit(1 if statuses != {200} or slow or page["max_s"] >= PAGE_LIMIT else 0)


if __name__ == "__main__":
    main()
