"""The confidence table: smoothed shares right per evidence key, backing off to coarser evidence."""

from __future__ import annotations

import pytest

from standoff.events.confidence import ConfidenceTable


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
