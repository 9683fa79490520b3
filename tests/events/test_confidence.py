"""The confidence table: smoothed shares right per evidence key, backing off to coarser evidence."""

from __future__ import annotations

from dataclasses import replace

import pytest

from standoff.events.confidence import ConfidenceTable, evidence_key
from standoff.events.rules import SPEECH_PATTERN
from standoff.model import Actor, ActorCode, Mention, Resolution


@pytest.fixture
def table() -> ConfidenceTable:
    return ConfidenceTable(
        {
            "verb|named|actor": (90, 100),  # well attested: its own share dominates
            "verb|named|none": (0, 20),
            "verb|place|actor": (5, 5),
            "nominal|place|none": (1, 10),
        }
    )


def test_a_well_attested_key_keeps_its_own_share(table: ConfidenceTable) -> None:
    assert table.score("verb|named|actor") == pytest.approx(0.9, abs=0.02)


def test_an_unseen_key_takes_its_family_and_source_share(table: ConfidenceTable) -> None:
    # verb|named has 90 right of 120; an unseen target group of it starts there, not at one half
    assert table.score("verb|named|unresolved") == pytest.approx(90 / 120, abs=0.02)


def test_an_unseen_source_falls_back_to_the_family(table: ConfidenceTable) -> None:
    family = 95 / 125
    assert table.score("verb|coref|actor") == pytest.approx(family, abs=0.03)
    assert table.score("nominal|coref|actor") < 0.3 < table.score("verb|coref|actor")


def test_an_unseen_family_starts_at_one_half(table: ConfidenceTable) -> None:
    assert table.score("statement|named|actor") == 0.5


def test_a_rare_key_is_pulled_towards_its_coarser_share(table: ConfidenceTable) -> None:
    assert table.score("verb|named|none") < table.score("verb|place|actor") < 1.0


def _actor(method: Resolution) -> Actor:
    return Actor(Mention("a", 0, 0, 6, "Moscow"), ActorCode("RUS", "RUS"), method, 1.0)


def test_the_key_names_a_bare_statement_and_a_target_only_the_context_gives() -> None:
    said = replace(SPEECH_PATTERN, pattern_set="curated", code="010")
    attacked = replace(SPEECH_PATTERN, pattern_set="curated", code="190", clause=False)
    named, home = _actor(Resolution.STATE), _actor(Resolution.HOME_COUNTRY)
    assert evidence_key(said, False, named, named) == "say|place|actor"  # "said": right far less often than acts
    assert evidence_key(attacked, False, named, named) == "verb|place|actor"
    assert evidence_key(attacked, False, named, home) == "verb|place|context"  # the target's country from the story, not its words
    assert evidence_key(attacked, False, named, None) == "verb|place|none"
    assert evidence_key(said, True, named, named) == "composed|place|actor"
