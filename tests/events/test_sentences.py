"""Hand-coded sentences (sentences.yaml) coded end to end: the events must match exactly."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from standoff.model import MODALITIES, Article, Event
from standoff.ontology import load_ontology
from standoff.pipeline import Coder

CASES_FILE = Path(__file__).with_name("sentences.yaml")
FAMILIES = {
    "active", "passive", "compound", "nominal", "relative", "negation",
    "hypothetical", "intent", "consider", "appeal", "reported", "statement", "question", "none",
    "conditional", "supplied-agent", "sense", "background", "answered", "at-home", "weapon", "joint",
    "planned", "protest", "mediation", "habit",
}  # fmt: skip

EventKey = tuple[str | None, str, str | None, str]


def load_cases() -> list[dict[str, Any]]:
    with CASES_FILE.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def as_date(value: date | str) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)


def expected_events(case: dict[str, Any]) -> Counter[EventKey]:
    return Counter((e["source"], e["cameo"], e["target"], e["modality"]) for e in case["events"])


def coded_events(events: tuple[Event, ...]) -> Counter[EventKey]:
    def code(actor: Any) -> str | None:
        return actor.code.code if actor is not None and actor.code is not None else None

    return Counter((code(e.source), e.cameo, code(e.target), e.modality) for e in events)


CASES = load_cases()


def test_case_file_is_well_formed() -> None:
    ontology = load_ontology()
    ids = [case["id"] for case in CASES]
    assert len(CASES) >= 60
    assert len(ids) == len(set(ids)), "case ids must be unique"
    assert {case["family"] for case in CASES} == FAMILIES
    for case in CASES:
        assert set(case) == {"id", "family", "date", "text", "events"}, case["id"]
        as_date(case["date"])
        for event in case["events"]:
            assert set(event) == {"source", "cameo", "target", "modality"}, case["id"]
            assert isinstance(event["cameo"], str) and event["cameo"] in ontology, case["id"]
            assert event["modality"] in MODALITIES, case["id"]
            assert isinstance(event["source"], str), case["id"]


@pytest.mark.parametrize(
    "case",
    CASES,
    ids=[case["id"] for case in CASES],
)
def test_sentence_events(coder: Coder, case: dict[str, Any]) -> None:
    article = Article(case["id"], case["text"], published=as_date(case["date"]))
    (result,) = coder.code([article])
    got = coded_events(result.events)
    want = expected_events(case)
    assert got == want, (
        f"{case['text']}\n  expected: {sorted(want.elements(), key=str)}\n  got:      {sorted(got.elements(), key=str)}"
    )
