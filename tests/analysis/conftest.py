"""Small event stores for the analysis tests, written through the store's own writer."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from standoff.store import Store


def _event(
    event_id: str,
    day: date | None,
    source: str,
    target: str,
    cameo: str,
    quad: int,
    goldstein: float,
    incident: str | None = None,
    text: str | None = None,
) -> dict[str, Any]:
    """One event row as an import would write it (country = the first three letters of the code)."""
    return {
        "id": event_id,
        "event_date": day,
        "source": source,
        "source_country": source[:3],
        "target": target,
        "target_country": target[:3],
        "cameo": cameo,
        "cameo_root": cameo[:2],
        "quad_class": quad,
        "goldstein": goldstein,
        "incident_id": incident,
        "text": text,
        "origin": "test",
    }


@pytest.fixture
def event() -> Callable[..., dict[str, Any]]:
    """Build one event row: event(id, day, source, target, cameo, quad, goldstein, incident=None, text=None)."""
    return _event


def _write_store(path: Path, rows: Iterable[dict[str, Any]]) -> Path:
    with Store(path) as store:
        run = store.start_run("test", {}, {})
        store.add_events(run, list(rows))
    return path


@pytest.fixture
def make_store(tmp_path: Path) -> Callable[..., Path]:
    """Write rows to a new DuckDB file in tmp_path and return its path."""
    counter = iter(range(1_000_000))

    def make(rows: Iterable[dict[str, Any]], name: str | None = None) -> Path:
        return _write_store(tmp_path / (name or f"store{next(counter)}.duckdb"), rows)

    return make
