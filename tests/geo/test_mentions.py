from __future__ import annotations

import pytest

from standoff.geo import find_mentions
from standoff.nlp import parse


def names(gazetteer, text: str) -> list[tuple[str, str]]:
    doc = next(parse([text]))
    return [(m.text, m.how) for m in find_mentions(gazetteer, doc)]


def test_entities_and_names_the_model_mislabels(gazetteer) -> None:
    found = names(gazetteer, "The missile fell into the waters off Japan's Hokkaido.")
    assert ("Japan", "entity") in found
    assert ("Hokkaido", "name") in found  # the small model calls it an organisation


def test_our_multiword_names_in_lower_case(gazetteer) -> None:
    found = names(gazetteer, "He urged restraint on the Korean peninsula.")
    assert [text for text, _ in found] == ["Korean peninsula"]


def test_demonyms_before_waters_and_territory(gazetteer) -> None:
    doc = next(parse(["The boats intruded into Chinese waters and North Korean territory."]))
    found = {m.text: m for m in find_mentions(gazetteer, doc)}
    assert found["Chinese"].candidates[0].entry.country == "CHN"
    assert found["Chinese"].implied == "offshore"
    assert found["North Korean"].candidates[0].entry.country == "PRK"
    assert found["North Korean"].implied is None


@pytest.mark.parametrize(
    "text",
    [
        "Police said the crowd dispersed.",  # Police is a town in Poland
        "Jordan Peterson spoke at the event.",
        "The Washington Post reported the deal.",
        "Hamas accepted the formula.",  # an old name of Hamm
        "Bush said the talks would go on.",  # a town in Egypt
        "The GAO audited the programme.",
    ],
)
def test_words_that_only_look_like_places(gazetteer, text: str) -> None:
    assert names(gazetteer, text) == []


def test_part_of_a_longer_unknown_name_is_no_match(gazetteer) -> None:
    found = names(gazetteer, "Soldiers clashed in the Galwan Valley in Ladakh.")
    assert [text for text, _ in found] == ["Ladakh"]  # not "Valley", the capital of Anguilla


def test_a_small_town_in_a_place_slot(gazetteer) -> None:
    # Gulu has about 150,000 people, Kitgum about 45,000: after "in" or "to" either is a place,
    # and a name the model calls an organisation is too
    found = names(gazetteer, "The rebels withdrew from Gulu to Kitgum and regrouped in Kitgum.")
    assert [text for text, _ in found] == ["Gulu", "Kitgum", "Kitgum"]
    assert names(gazetteer, "Kitgum officials denied the report.") == []  # outside a place slot, a town that small is not taken


def test_a_place_slot_does_not_make_a_date_or_part_of_a_name_a_town(gazetteer) -> None:
    assert names(gazetteer, "The ceasefire collapsed in March.") == []  # March, Cambridgeshire
    found = names(gazetteer, "The blast occurred in the Republic of Turkey.")
    assert [text for text, _ in found] == ["Turkey"]  # not Republic, Missouri
