"""The HTTP API and the dashboard: a FastAPI app over a read-only store (the only package that imports fastapi).

The app loads on first use, so that the command line can read the API's settings without FastAPI.
"""

from __future__ import annotations

from typing import Any

from standoff.api.settings import ApiSettings

__all__ = ["ApiSettings", "create_app"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from standoff.api.app import create_app

        return create_app
    raise AttributeError(f"module 'standoff.api' has no attribute {name!r}")
