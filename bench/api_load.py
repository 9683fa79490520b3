"""Load test of the HTTP API: --requests GETs of /api/events, --concurrency at a time, against
`standoff serve` on a store of --events events. Loopback only, and bounded: a fixed number of
requests, a timeout on each, and a deadline on the whole run; the server is stopped at the end.

The store is built quickly unless --db names one: a synthetic PLOVER JSON-lines file (random but
seeded: 40 countries, a few sectors, every CAMEO code with a PLOVER type, dates 2000-2019) is
imported with standoff.store.import_events. The requests cycle through typical queries: first
pages, dyads in both forms, actors, countries, CAMEO roots, PLOVER types, date ranges, text
search, deep pages, field selection, newest first, and incremental pulls with since=.

With --code-posts N, a server with --allow-code then gets N texts for /api/code at once, while
another process asks for /api/health every 50 ms.

Run:  .venv/bin/python bench/api_load.py [--events 100000] [--requests 20000] [--concurrency 50] [--memory-every 2000] [--code-posts 200] [--db FILE]
Prints the latencies (median, p90, p99, max) and the server's resident memory after every
--memory-every requests (and the flood's outcomes), and writes them to bench/results/api_load.json.
Exits 1 if any request failed or did not answer 200.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx

RESULTS = Path(__file__).resolve().parent / "results" / "api_load.json"
HOST = "127.0.0.1"  # never anything else: this sends traffic only to this machine
COUNTRIES = (
    "USA RUS CHN PRK KOR JPN IND PAK IRN ISR PSE SYR IRQ TUR SAU EGY GBR FRA DEU UKR "
    "POL BLR GEO ARM AZE AFG NGA ETH SDN SOM KEN ZAF BRA VEN COL MEX CUB TWN VNM PHL"
).split()
SECTORS = ("", "", "GOV", "MIL", "REB", "BUS", "OPP")
FIRST_DAY, DAYS = date(2000, 1, 1), 7305
REQUEST_TIMEOUT = 30.0
RUN_DEADLINE = 3600.0


def write_events(path: Path, count: int, seed: int = 7) -> None:
    """``count`` synthetic PLOVER lines with CAMEO codes (so Goldstein and QuadClass are set)."""
    from standoff.ontology import load_ontology

    codes = [c for c in load_ontology().codes() if c.plover]
    pick = random.Random(seed)
    with path.open("w", encoding="utf-8") as out:
        for n in range(count):
            code = pick.choice(codes)
            a, b = pick.sample(COUNTRIES, 2)
            source, target = a + pick.choice(SECTORS), b + pick.choice(SECTORS)
            day = FIRST_DAY + timedelta(days=pick.randrange(DAYS))
            record = {
                "id": f"load-{n}", "date": day.isoformat(), "actor": source, "recipient": target, "actor_country": a,
                "recipient_country": b, "event": code.plover, "cameo": code.code,
                "event_text": f"{source} and {target}: {code.name.lower()} (synthetic report {n}).",
            }
            out.write(json.dumps(record) + "\n")


def build_store(db: Path, count: int) -> float:
    from standoff.store import Store, import_events

    clock = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "events.jsonl"
        write_events(source, count)
        with Store(db) as store:
            summary = import_events(store, source, "plover")
    if summary.added != count:
        raise SystemExit(f"imported {summary.added} of {count} events: {summary.line()}")
    return time.perf_counter() - clock


def queries(count: int, seed: int = 11) -> list[dict[str, Any]]:
    """The query of each request, in order: the same run every time."""
    pick = random.Random(seed)
    kinds = [
        lambda: {},
        lambda: {"dyad": "-".join(pick.sample(COUNTRIES, 2))},
        lambda: {"dyad": "->".join(pick.sample(COUNTRIES, 2)), "limit": 100},
        lambda: {"actor": pick.choice(COUNTRIES) + pick.choice(("", "GOV", "MIL"))},
        lambda: {"country": pick.choice(COUNTRIES), "order": "desc"},
        lambda: {"root": f"{pick.randint(1, 20):02d}"},
        lambda: {"plover": pick.choice(("THREATEN", "CONSULT", "ACCUSE", "AID", "ASSAULT"))},
        lambda: (lambda d: {"since": d.isoformat(), "until": (d + timedelta(days=90)).isoformat()})(FIRST_DAY + timedelta(days=pick.randrange(DAYS - 90))),
        lambda: {"q": pick.choice(("statement", "military", "aid", "threaten", "report 123"))},
        lambda: {"offset": pick.randrange(0, 90_000, 50)},
        lambda: {"since": "0", "limit": 200, "fields": "id,event_date,cameo,source,target"},
        lambda: {"fields": "all", "limit": 20, "quad": pick.randint(1, 4)},
    ]
    return [kinds[n % len(kinds)]() for n in range(count)]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def start_server(db: Path, port: int, log: Path, *options: str) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "standoff.cli", "serve", "--db", str(db), "--host", HOST, "--port", str(port), *options]
    with log.open("w") as out:  # a file, not a pipe: 2,000 access-log lines would fill a pipe and stop the server
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 180  # --allow-code loads the model first
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"standoff serve stopped:\n{log.read_text()}")
        try:
            if httpx.get(f"http://{HOST}:{port}/api/health", timeout=2).status_code == 200:
                return process
        except httpx.TransportError:
            time.sleep(0.2)
    process.terminate()
    raise SystemExit("standoff serve did not answer within 180 s")


def stop(server: subprocess.Popen[bytes]) -> None:
    server.terminate()
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait(timeout=30)


def rss_mb(pid: int) -> float:
    """The resident memory of a process (Linux), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise SystemExit("no VmRSS in /proc: memory is measured on Linux only")


async def run_load(
    base: str, plan: list[dict[str, Any]], concurrency: int, server: int, every: int
) -> tuple[list[float], Counter[str], float, list[tuple[int, float]]]:
    """Latencies, outcomes, seconds, and the server's memory after each ``every`` requests answered."""
    latencies: list[float] = []
    outcomes: Counter[str] = Counter()
    memory = [(0, rss_mb(server))]
    todo = iter(plan)
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=REQUEST_TIMEOUT) as client:

        async def worker() -> None:
            for params in todo:  # workers share one iterator: each request is sent exactly once
                clock = time.perf_counter()
                try:
                    answer = await client.get("/api/events", params=params)
                    answer.json()
                    outcomes[str(answer.status_code)] += 1
                except (httpx.HTTPError, ValueError) as exc:
                    outcomes[type(exc).__name__] += 1
                latencies.append(time.perf_counter() - clock)
                if len(latencies) % every == 0:
                    memory.append((len(latencies), rss_mb(server)))

        clock = time.perf_counter()
        await asyncio.wait_for(asyncio.gather(*(worker() for _ in range(concurrency))), RUN_DEADLINE)
        return latencies, outcomes, time.perf_counter() - clock, memory


CODE_TEXT = "North Korea threatened Japan with military action on Friday. Japan condemned North Korea. " * 40


POLL_SECONDS = 20.0  # the health poller's run: the flood starts a second in and takes a few seconds


def poll_health(base: str, seconds: float = POLL_SECONDS) -> None:
    """Ask for /api/health every 50 ms for ``seconds`` and print the latencies as JSON (run in a
    process of its own, so that the client sending the flood cannot delay it)."""
    found = []
    with httpx.Client(base_url=base, timeout=REQUEST_TIMEOUT) as client:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            clock = time.monotonic()
            status = client.get("/api/health").status_code
            found.append((time.monotonic() - clock, status))
            time.sleep(0.05)
    print(json.dumps(found))


async def post_all(base: str, posts: int) -> Counter[str]:
    """``posts`` texts sent to /api/code at once; the outcomes."""
    limits = httpx.Limits(max_connections=posts, max_keepalive_connections=posts)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=REQUEST_TIMEOUT) as client:
        answers = await asyncio.gather(
            *(client.post("/api/code", json={"text": CODE_TEXT, "date": "2017-08-04"}) for _ in range(posts)), return_exceptions=True
        )
    return Counter(str(a.status_code) if isinstance(a, httpx.Response) else type(a).__name__ for a in answers)


def code_flood(db: Path, folder: Path, posts: int) -> dict[str, Any]:
    """`standoff serve --allow-code` gets ``posts`` texts at once while another process asks for /api/health."""
    port = free_port()
    server = start_server(db, port, folder / "serve-code.log", "--allow-code")
    base = f"http://{HOST}:{port}"
    try:
        before = rss_mb(server.pid)
        poller = subprocess.Popen([sys.executable, __file__, "--poll-health", base], stdout=subprocess.PIPE, text=True)
        time.sleep(1.0)
        clock = time.perf_counter()
        outcomes = asyncio.run(post_all(base, posts))
        seconds = time.perf_counter() - clock
        health = json.loads(poller.communicate(timeout=REQUEST_TIMEOUT * 2)[0])
        after = rss_mb(server.pid)
    finally:
        stop(server)
    latencies = [s for s, _ in health]
    return {
        "posts": posts, "outcomes": dict(outcomes), "seconds": round(seconds, 2),
        "health_requests": len(health), "health_statuses": sorted({str(s) for _, s in health}),
        "health_max_ms": round(1000 * max(latencies), 1), "health_median_ms": round(1000 * statistics.median(latencies), 1),
        "memory_mb": {"before": round(before), "after": round(after)},
    }


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=20_000)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--memory-every", type=int, default=2_000, help="Read the server's memory after this many requests.")
    parser.add_argument("--db", type=Path, help="An existing store to load instead of a new synthetic one.")
    parser.add_argument("--code-posts", type=int, default=0, help="Then send this many texts to /api/code at once (a server with --allow-code).")
    parser.add_argument("--poll-health", metavar="BASE", help=argparse.SUPPRESS)  # the poller's own process
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args()
    if args.poll_health:
        poll_health(args.poll_health)
        return
    if not (1 <= args.concurrency <= 200 and 1 <= args.requests <= 100_000 and 0 <= args.code_posts <= 1000):
        raise SystemExit("keep it bounded: --concurrency 1-200, --requests 1-100000, --code-posts 0-1000")

    with tempfile.TemporaryDirectory() as folder:
        db = args.db or Path(folder) / "load.duckdb"
        build_seconds = None if args.db else build_store(db, args.events)
        port = free_port()
        server = start_server(db, port, Path(folder) / "serve.log")
        try:
            health = httpx.get(f"http://{HOST}:{port}/api/health", timeout=5).json()
            latencies, outcomes, wall, memory = asyncio.run(
                run_load(f"http://{HOST}:{port}", queries(args.requests), args.concurrency, server.pid, args.memory_every)
            )
        finally:
            stop(server)
        flood = code_flood(db, Path(folder), args.code_posts) if args.code_posts else None

    errors = sum(n for outcome, n in outcomes.items() if outcome != "200")
    ms = [1000 * s for s in latencies]
    report = {
        "events": health["events"],
        "requests": len(latencies),
        "concurrency": args.concurrency,
        "errors": errors,
        "outcomes": dict(outcomes),
        "seconds": round(wall, 2),
        "requests_per_second": round(len(latencies) / wall, 1),
        "latency_ms": {
            "median": round(statistics.median(ms), 1),
            "p90": round(percentile(ms, 0.90), 1),
            "p99": round(percentile(ms, 0.99), 1),
            "max": round(max(ms), 1),
        },
        "memory_mb": {str(answered): round(mb) for answered, mb in memory},
        "code_flood": flood,
        "store_build_seconds": None if build_seconds is None else round(build_seconds, 1),
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}",
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(report, indent=1) + "\n")
    latency = report["latency_ms"]
    print(
        f"{report['requests']} requests to /api/events at concurrency {args.concurrency} on {report['events']:,} events: "
        f"{errors} errors, {report['seconds']} s ({report['requests_per_second']} requests/s); latency median "
        f"{latency['median']} ms, p90 {latency['p90']} ms, p99 {latency['p99']} ms, max {latency['max']} ms"
    )
    print("server memory (MB) after n requests: " + ", ".join(f"{n:,}: {mb:.0f}" for n, mb in memory))
    grew = memory[-1][1] - memory[1][1] if len(memory) > 1 else 0.0
    print(f"growth from the first sample after start to the last: {grew:+.0f} MB")
    if flood:
        print(
            f"{flood['posts']} texts posted at once: {flood['outcomes']} in {flood['seconds']} s; /api/health meanwhile "
            f"{flood['health_statuses']}, median {flood['health_median_ms']} ms, max {flood['health_max_ms']} ms; "
            f"server memory {flood['memory_mb']['before']} -> {flood['memory_mb']['after']} MB"
        )
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
