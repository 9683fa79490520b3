"""The app: JSON API under /api, the dashboard's static pages at /, one read-only store behind both."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import partial
from typing import Any

from fastapi import FastAPI
from starlette.staticfiles import StaticFiles

from standoff.api.budget import Budget
from standoff.api.errors import install_error_handlers
from standoff.api.guard import Guard
from standoff.api.pool import StorePool
from standoff.api.routes import analysis, coding, events, kinds, overview, places
from standoff.api.settings import ApiSettings
from standoff.api.watch import FolderWatch, check_writable
from standoff.api.worker import CodingWorker
from standoff.errors import NotFound
from standoff.store import Store

DESCRIPTION = """Political events coded from news text, each with the sentence it came from.
Read-only: no request changes the store (a server started with --watch adds the articles of a
folder itself). Errors are JSON: `{"error": {"code", "status", "message"}}`."""


def create_app(settings: ApiSettings, *, coder: Any = None) -> FastAPI:
    """The app over the store at ``settings.db``, opened now (a missing or foreign file fails here,
    not on the first request): read-only, or, with ``settings.watch``, for writing too, created if
    missing, with the reads on connections to the same database. ``coder`` is a loaded coder
    (standoff.pipeline.Coder, or a WorkerPool) to reuse for /api/code and the watched folder;
    without one, the model loads on the first job (or at start: see server.py)."""
    writer: Store | None = None
    if settings.watch is not None:
        check_writable(settings.db, settings.watch)
        writer = Store(settings.db)
    connect = writer.reader if writer is not None else partial(Store, settings.db, read_only=True)
    pools = {
        name: StorePool(connect, size, settings.store_memory_mb)
        for name, size in (("reads", settings.read_connections), ("analysis", settings.analysis_connections))
    }
    worker = CodingWorker(settings.code_queue, settings.request_seconds, coder)
    watch = FolderWatch(settings.watch, settings.watch_seconds, worker, writer) if settings.watch and writer else None

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if watch is not None:
            watch.start()
        yield
        if watch is not None:
            watch.stop()
        worker.stop()
        for pool in pools.values():
            pool.close()
        if writer is not None:
            writer.close()

    from importlib.metadata import version

    app = FastAPI(
        title="standoff",
        version=version("standoff"),
        description=DESCRIPTION,
        openapi_url="/api/openapi.json",
        docs_url=None,  # the interactive docs load scripts from a CDN: not offline, not under our CSP
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.pools = pools
    app.state.coder = worker
    install_error_handlers(app)
    for module in (events, overview, analysis, coding, places, kinds):
        app.include_router(module.router)

    # GET only: another method on a known path must still get 405 from the router
    @app.get("/api/{rest:path}", include_in_schema=False)
    def unknown(rest: str) -> None:
        raise NotFound(f"no API route /api/{rest[:80]}; see /api/openapi.json")

    app.mount("/", StaticFiles(packages=[("standoff.api", "static")], html=True), name="dashboard")
    app.add_middleware(Budget, seconds=settings.request_seconds)
    app.add_middleware(Guard, allowed_hosts=settings.allowed_hosts, max_body_bytes=settings.max_body_bytes)  # outermost
    return app
