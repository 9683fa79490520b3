"""Every request has a time budget; slow reads queue among themselves and never hold up a page of events;
the store's memory is bounded."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import httpx
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from standoff.api import ApiSettings, create_app
from standoff.api.budget import GRACE_SECONDS
from standoff.api.deps import AnalysisStoreDep, ReadStoreDep

from .conftest import BASE_URL, live_server

ENDLESS = "SELECT count(*) AS n FROM range(1000000000000)"  # hours of work for DuckDB


def endless_query(store: AnalysisStoreDep) -> dict[str, int]:
    return store.fetch(ENDLESS).to_pylist()[0]


def endless_python() -> None:
    time.sleep(30)  # nothing an interrupt reaches


def _app(api_db: Path, seconds: float, **settings: int):
    app = create_app(ApiSettings(api_db, request_seconds=seconds, **settings))
    for path, endpoint in (("/api/test/endless-query", endless_query), ("/api/test/endless-python", endless_python)):
        app.router.routes.insert(0, APIRoute(path, endpoint))
    return app


def test_a_query_past_the_budget_is_stopped_with_a_clear_error(api_db: Path) -> None:
    # a budget the ordinary series below stays within even on a loaded machine
    with TestClient(_app(api_db, 3.0), base_url=BASE_URL) as client:
        clock = time.monotonic()
        answer = client.get("/api/test/endless-query")
        elapsed = time.monotonic() - clock
        error = answer.json()["error"]
        assert answer.status_code == 503 and error["code"] == "E812" and "3 s budget" in error["message"]
        assert elapsed < 3.0 + GRACE_SECONDS  # stopped by the interrupt, not by the fallback
        for _ in range(3):  # the connections it held work again, and nothing stops their next queries
            assert client.get("/api/series", params={"dyad": "USA-PRK"}).status_code == 200


def test_work_no_interrupt_reaches_is_answered_after_a_grace(api_db: Path) -> None:
    with TestClient(_app(api_db, 0.5), base_url=BASE_URL) as client:
        clock = time.monotonic()
        answer = client.get("/api/test/endless-python")
        assert answer.status_code == 503 and answer.json()["error"]["code"] == "E812"
        assert time.monotonic() - clock < 0.5 + GRACE_SECONDS + 5  # far from the 30 s the route would take


def test_pages_answer_while_slow_requests_fill_the_analysis_connections(api_db: Path) -> None:
    # four endless analysis requests on two analysis connections: two run, two wait; all stop at the budget
    budget = 6.0
    with live_server(_app(api_db, budget, analysis_connections=2, read_connections=2)) as base:

        async def run() -> tuple[list[httpx.Response], list[tuple[float, int]]]:
            async with httpx.AsyncClient(base_url=base, timeout=60) as client:
                slow = [asyncio.create_task(client.get("/api/test/endless-query")) for _ in range(4)]
                await asyncio.sleep(0.5)
                pages = []
                while not all(task.done() for task in slow) and len(pages) < 20:
                    clock = time.monotonic()
                    answer = await client.get("/api/events", params={"limit": 5})
                    pages.append((time.monotonic() - clock, answer.status_code))
                return await asyncio.gather(*slow), pages

        slow, pages = asyncio.run(run())
    assert [answer.json()["error"]["code"] for answer in slow] == ["E812"] * 4
    assert len(pages) >= 5 and all(status == 200 for _, status in pages)
    assert max(seconds for seconds, _ in pages) < budget / 3  # answered at once, not after the slow ones


def store_settings(store: ReadStoreDep) -> dict[str, object]:
    return store.fetch(
        "SELECT current_setting('memory_limit') AS memory_limit, current_setting('allocator_background_threads') AS purge"
    ).to_pylist()[0]


def test_the_store_keeps_a_bounded_memory_and_gives_back_what_it_frees(api_db: Path) -> None:
    app = create_app(ApiSettings(api_db, store_memory_mb=300))
    app.router.routes.insert(0, APIRoute("/api/test/store-settings", store_settings))
    with TestClient(app, base_url=BASE_URL) as client:
        found = client.get("/api/test/store-settings").json()
    number, unit = found["memory_limit"].split()
    assert float(number) * {"MiB": 2**20, "MB": 10**6}[unit] <= 300 * 10**6 and found["purge"] is True
