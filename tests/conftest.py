"""Shared fixtures: the real coder, loaded once per test session, and a snapshot of a store's tables."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from standoff.pipeline import Coder
from standoff.store import Store

# Every table but runs, without the run ids (which differ between runs by design).
STORE_TABLE_QUERIES = {
    "articles": "SELECT * EXCLUDE (run_id) FROM articles ORDER BY id",
    "events": "SELECT * EXCLUDE (run_id) FROM events ORDER BY id",
    "actors": "SELECT * FROM actors ORDER BY ALL",
    "quotes": "SELECT * FROM quotes ORDER BY id",
    "failures": "SELECT * EXCLUDE (run_id) FROM failures ORDER BY id",
    "incidents": "SELECT * FROM incidents ORDER BY id",
}


def store_table_rows(db: Path) -> dict[str, list[dict]]:
    """What a store holds, to compare two stores or one store before and after a run."""
    with Store(db, read_only=True) as store:
        return {name: store.fetch(sql).to_pylist() for name, sql in STORE_TABLE_QUERIES.items()}


@pytest.fixture(scope="session")
def coder() -> Coder:
    return Coder()


@pytest.fixture
def store_tables() -> Callable[[Path], dict[str, list[dict]]]:
    return store_table_rows
