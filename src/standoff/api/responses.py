"""JSON responses from plain rows: dates as ISO text, no NaN, nothing but what the rows hold."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from starlette.responses import Response


def _default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


class JSONResponse(Response):
    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return json.dumps(content, default=_default, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode("utf-8")
