"""Small generated articles for the runner tests."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest


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


@pytest.fixture
def make_article() -> Callable[[int], dict]:
    return article


@pytest.fixture
def jsonl() -> Callable[[Path, list[dict | str]], Path]:
    return write_jsonl
