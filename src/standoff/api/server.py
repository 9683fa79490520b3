"""Run the app with uvicorn (the only module that imports it)."""

from __future__ import annotations

from typing import Any

from standoff.api.app import create_app
from standoff.api.settings import ApiSettings

MAX_CONNECTIONS = 1000  # beyond this many open at once, uvicorn answers 503 instead of queueing


def serve(settings: ApiSettings, host: str, port: int, *, coder: Any = None, log_level: str = "info") -> None:
    """Serve until interrupted."""
    import uvicorn

    app = create_app(settings, coder=coder)
    if settings.allow_code:  # load the model now, once the store is known to open: the first text should not wait
        app.state.coder.load()
    uvicorn.run(
        app, host=host, port=port, log_level=log_level, server_header=False, proxy_headers=False,
        limit_concurrency=MAX_CONNECTIONS, timeout_keep_alive=5,
    )
