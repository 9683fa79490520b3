"""Small generated articles for the runner tests, and the store's tables to compare runs by."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest

from standoff.store import Store

COUNTRIES = ("Russia", "China", "Japan", "Germany", "France", "Iran", "Israel", "Turkey", "India", "Egypt")
SENTENCES = (
    "{a} accused {b} of violating the ceasefire on Monday.",
    "{a} imposed sanctions on {b}.",
    "The president of {a} met the prime minister of {b} in Geneva on Wednesday.",
    "{a} threatened {b} with military action.",
)


def article(number: int) -> dict:
    """A distinct small article of three coded sentences."""
    lines = [
        SENTENCES[(number + k) % len(SENTENCES)].format(a=COUNTRIES[(number + k) % 10], b=COUNTRIES[(number + 3 * k + 5) % 10])
        for k in range(3)
    ]
    day = date(2022, 1, 1) + timedelta(days=number % 200)
    return {"id": f"item-{number:03d}", "text": f"Item {number}.\n\n" + "\n\n".join(lines), "date": day.isoformat(), "source": f"wire-{number % 3}"}


def write_jsonl(path: Path, records: list[dict | str]) -> Path:
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


QUERIES = {
    "articles": "SELECT * EXCLUDE (run_id) FROM articles ORDER BY id",
    "events": "SELECT * EXCLUDE (run_id) FROM events ORDER BY id",
    "actors": "SELECT * FROM actors ORDER BY ALL",
    "quotes": "SELECT * FROM quotes ORDER BY id",
    "failures": "SELECT * EXCLUDE (run_id) FROM failures ORDER BY id",
    "incidents": "SELECT * FROM incidents ORDER BY id",
}


def tables(db: Path) -> dict[str, list[dict]]:
    """Every table but runs, without run ids (which differ between runs by design)."""
    with Store(db, read_only=True) as store:
        return {name: store.fetch(sql).to_pylist() for name, sql in QUERIES.items()}


@pytest.fixture
def make_article() -> Callable[[int], dict]:
    return article


@pytest.fixture
def jsonl() -> Callable[[Path, list[dict | str]], Path]:
    return write_jsonl


@pytest.fixture
def store_tables() -> Callable[[Path], dict[str, list[dict]]]:
    return tables
