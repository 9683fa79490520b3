"""The confidence table: smoothed shares right per evidence key, backing off to coarser evidence."""

from __future__ import annotations

from dataclasses import replace

import pytest

from standoff.events.confidence import ConfidenceTable, evidence_key
from standoff.events.rules import OFF_STACK_PATTERN
from standoff.model import Actor, ActorCode, Mention, Resolution


@pytest.fixture
def table() -> ConfidenceTable:
    return ConfidenceTable(
        {
            "sourced|verb|actor|named|q4": (90, 100),  # well attested: its own share dominates
            "sourced|verb|none|named|q4": (0, 20),
            "sourced|verb|actor|place|q4": (5, 5),
            "sourced|nominal|none|place|q4": (1, 10),
        }
    )


def test_a_well_attested_key_keeps_its_own_share(table: ConfidenceTable) -> None:
    assert table.score("sourced|verb|actor|named|q4") == pytest.approx(0.9, abs=0.02)


def test_an_unseen_key_takes_its_family_target_and_source_share(table: ConfidenceTable) -> None:
    # sourced|verb|actor|named has 90 right of 100; an unseen QuadClass of it starts there, not at one half
    assert table.score("sourced|verb|actor|named|q1") == pytest.approx(0.9, abs=0.02)


def test_an_unseen_source_falls_back_to_the_family_and_target(table: ConfidenceTable) -> None:
    with_target = 95 / 105
    assert table.score("sourced|verb|actor|coref|q4") == pytest.approx(with_target, abs=0.03)
    # without a target an event is seldom right, whoever its source
    assert table.score("sourced|verb|none|coref|q4") < 0.3 < table.score("sourced|verb|actor|coref|q4")


def test_an_unseen_family_starts_at_its_kind_s_share_and_an_unseen_kind_at_one_half(table: ConfidenceTable) -> None:
    sourced = 96 / 135  # every key of the table has a source
    assert table.score("sourced|statement|actor|named|q1") == pytest.approx(sourced, abs=0.03)
    assert table.score("unsourced|statement|actor|none|q1") == 0.5


def test_a_rare_key_is_pulled_towards_its_coarser_share(table: ConfidenceTable) -> None:
    assert table.score("sourced|nominal|none|place|q4") < table.score("sourced|verb|actor|place|q4") < 1.0


def _actor(method: Resolution) -> Actor:
    return Actor(Mention("a", 0, 0, 6, "Moscow"), ActorCode("RUS", "RUS"), method, 1.0)


def test_the_key_names_a_bare_statement_a_target_only_the_story_gives_and_the_quad_class() -> None:
    said = replace(OFF_STACK_PATTERN, pattern_set="curated", code="010")
    attacked = replace(OFF_STACK_PATTERN, pattern_set="curated", code="190", clause=False)
    named, home, counterpart = _actor(Resolution.STATE), _actor(Resolution.HOME_COUNTRY), _actor(Resolution.STORY_COUNTERPART)
    assert evidence_key(said, False, named, named, 1) == "sourced|say|actor|place|q1"  # "said": right far less often than acts
    assert evidence_key(attacked, False, named, named, 4) == "sourced|verb|actor|place|q4"
    assert evidence_key(attacked, False, named, home, 4) == "sourced|verb|context|place|q4"  # the target's country from the story, not its words
    assert evidence_key(attacked, False, named, counterpart, 4) == "sourced|verb|counterpart|place|q4"
    assert evidence_key(attacked, False, named, None, 4) == "sourced|verb|none|place|q4"
    assert evidence_key(said, True, named, named, 3) == "sourced|composed|actor|place|q3"
    assert evidence_key(attacked, False, named, named, None) == "sourced|verb|actor|place|q-"  # a code CAMEO does not define
    assert evidence_key(attacked, False, None, named, 4) == "unsourced|verb|actor|none|q4"  # an incomplete event
