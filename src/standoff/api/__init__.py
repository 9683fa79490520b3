"""The HTTP API and the dashboard: a FastAPI app over a read-only store (the only package that imports fastapi)."""

from standoff.api.app import create_app
from standoff.api.settings import ApiSettings

__all__ = ["ApiSettings", "create_app"]
