"""Small generated news articles for the store tests, written as JSON lines."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest

COUNTRIES = ("Russia", "China", "Japan", "Germany", "France", "Iran", "Israel", "Turkey", "India", "Pakistan", "Egypt", "Brazil")
SENTENCES = (
    "{a} accused {b} of violating the ceasefire on Monday.",
    "{a} launched a missile at {b} on Tuesday.",
    "The president of {a} met the prime minister of {b} in Geneva on Wednesday.",
    "{a} praised {b} for its help.",
    "{a} threatened {b} with military action.",
    "{a} imposed sanctions on {b}.",
)
OUTLETS = ("Wire One", "Wire Two", "Daily Three")


def article(number: int, sentences: int = 3) -> dict:
    """A distinct small article: a few coded sentences about varying country pairs."""
    lines = []
    for k in range(sentences):
        a = COUNTRIES[(number + k) % len(COUNTRIES)]
        b = COUNTRIES[(number + 3 * k + 5) % len(COUNTRIES)]
        lines.append(SENTENCES[(number + k) % len(SENTENCES)].format(a=a, b=b))
    day = date(2021, 1, 1) + timedelta(days=number % 300)
    return {
        "id": f"art-{number:04d}",
        "text": f"Report {number}.\n\n" + "\n\n".join(lines),
        "date": day.isoformat(),
        "source": OUTLETS[number % len(OUTLETS)],
    }


@pytest.fixture
def write_jsonl() -> Callable[..., Path]:
    def write(path: Path, records: list[dict | str]) -> Path:
        lines = [r if isinstance(r, str) else json.dumps(r) for r in records]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return path

    return write


@pytest.fixture
def make_article() -> Callable[..., dict]:
    return article
