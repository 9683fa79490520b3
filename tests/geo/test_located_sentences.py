"""Score event location on our own set of hard sentences (located_sentences.yaml).

An item is right on the country when both sides agree there is no place, or both have one
with the same country (international waters: none); right on the place when the located
entry is the expected place under any of its names. The figures are printed; run with -s.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from standoff.geo import ArticlePlaces
from standoff.model import Article, Place
from standoff.nlp import parse

SENTENCES = Path(__file__).with_name("located_sentences.yaml")
MIN_COUNTRY = 0.85
MIN_PLACE = 0.70


def _same_place(gazetteer, place: Place, expected: str) -> bool:
    return any(c.entry.name == place.name and c.entry.country == place.country for c in gazetteer.candidates(expected))


def test_located_sentences_score_above_the_thresholds(gazetteer) -> None:
    items = yaml.safe_load(SENTENCES.read_text(encoding="utf-8"))
    assert len(items) >= 80
    right_country = right_place = 0
    misses = []
    for item, doc in zip(items, parse(item["text"] for item in items)):
        places = ArticlePlaces(gazetteer, doc, Article("s", item["text"]))
        trigger = next(t for t in doc if t.text == item["trigger"])
        place, why = places.locate(trigger)
        expected = item["place"]
        if place is None or expected is None:
            country_ok = place_ok = place is None and expected is None
        else:
            country_ok = place.country == item["country"]
            place_ok = _same_place(gazetteer, place, expected)
        right_country += country_ok
        right_place += place_ok
        if not place_ok:
            misses.append(f"{item['text']!r} [{item['trigger']}]: expected {expected}, got {place and place.name} ({why})")
    country_share, place_share = right_country / len(items), right_place / len(items)
    print(f"\nevent location on {len(items)} sentences: country {country_share:.3f}, exact place {place_share:.3f}")
    print("\n".join(misses))
    assert country_share >= MIN_COUNTRY, misses
    assert place_share >= MIN_PLACE, misses


def test_the_scorer_can_fail(gazetteer) -> None:
    """A wrong expectation is scored as a miss, so the thresholds above can be missed."""
    doc = next(parse(["Ministers met in Paris on Monday."]))
    place, _ = ArticlePlaces(gazetteer, doc).locate(doc[1])
    assert _same_place(gazetteer, place, "Paris")
    assert not _same_place(gazetteer, place, "Lyon")
