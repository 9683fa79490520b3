"""The app: JSON API under /api, the dashboard's static pages at /, one read-only store behind both."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from starlette.staticfiles import StaticFiles

from standoff.api.budget import Budget
from standoff.api.errors import install_error_handlers
from standoff.api.guard import Guard
from standoff.api.pool import StorePool
from standoff.api.routes import analysis, coding, events, kinds, overview, places
from standoff.api.settings import ApiSettings
from standoff.api.worker import CodingWorker
from standoff.errors import NotFound

DESCRIPTION = """Political events coded from news text, each with the sentence it came from.
Read-only: nothing here changes the store. Errors are JSON: `{"error": {"code", "status", "message"}}`."""


def create_app(settings: ApiSettings, *, coder: Any = None) -> FastAPI:
    """The app over the store at ``settings.db`` (opened read-only now: a missing or foreign file
    fails here, not on the first request). ``coder`` is a loaded standoff.pipeline.Coder to reuse
    for /api/code; without one, the model loads on the first coding request (or at start: see server.py)."""
    pools = {
        name: StorePool(settings.db, size, settings.store_memory_mb)
        for name, size in (("reads", settings.read_connections), ("analysis", settings.analysis_connections))
    }

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        app.state.coder.stop()
        for pool in pools.values():
            pool.close()

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
    app.state.coder = CodingWorker(settings.code_queue, settings.request_seconds, coder)
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
