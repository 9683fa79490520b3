"""Run the app with uvicorn (the only module that imports it)."""

from __future__ import annotations

from standoff.api.app import create_app
from standoff.api.settings import ApiSettings

MAX_CONNECTIONS = 1000  # beyond this many open at once, uvicorn answers 503 instead of queueing


def serve(settings: ApiSettings, host: str, port: int, *, log_level: str = "info") -> None:
    """Serve until interrupted. With ``allow_code`` or ``watch``, texts and files are coded in a
    process of their own, whose model loads before the server listens (the first text should not
    wait): coding in a thread of the server would take the interpreter's lock from the threads that
    answer reads."""
    import uvicorn

    from standoff.pipeline import Settings
    from standoff.runners.workers import WorkerPool

    coder = WorkerPool(Settings(), 1) if settings.allow_code or settings.watch is not None else None
    try:
        app = create_app(settings, coder=coder)
        if coder is not None:
            coder.warm_up()
        uvicorn.run(
            app, host=host, port=port, log_level=log_level, server_header=False, proxy_headers=False,
            limit_concurrency=MAX_CONNECTIONS, timeout_keep_alive=5,
        )
    finally:
        if coder is not None:
            coder.close(cancel=True)
