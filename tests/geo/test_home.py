from __future__ import annotations

from datetime import date

import pytest

from standoff.geo import Gazetteer, load_gazetteer
from standoff.geo.home import filed_from
from standoff.lexicon import load_lexicon
from standoff.model import Article, Resolution


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Riots\n\nTALLINN, April 28 (Wire Agency) - Police detained 300 people.", "EST"),
        ("ANKARA/ISTANBUL, July 17 (Wire Agency) - Authorities detained 6,000 people.", "TUR"),
        ("AKCAKALE, Turkey, Oct 14 (Wire Agency) - Turkey said it would extend its offensive.", "TUR"),
        ("MANILA/BEIJING, July 12 (World Wire) - A tribunal ruled on Tuesday.", None),  # two countries
        ("By Olga Marchenko in Moscow\n\nNavalny was detained on Monday.", None),  # no wire dateline
        # without a dateline, a headline that names one country, by name or by its people
        ("Kurdish leader jailed after return to Iraq\n\nPolice detained him on Monday.", "IRQ"),
        ("Yemen: aid groups demand inquiry\n\nThe strike killed 40 children.", "YEM"),
        ("Andijan killings put Uzbekistan's allies on the spot\n\nTroops fired on crowds.", "UZB"),
        ("Iraqi forces retake Kirkuk\n\nTroops entered the city.", "IRQ"),
        ("Ethiopia and Eritrea declare end to war\n\nThe leaders met.", None),  # two countries
        ("First Russia-Ukraine talks in three years\n\nThe delegations met.", None),  # a pair, no single one
        ("Troops fired on crowds in Uzbekistan.\n\nPolice detained dozens.", None),  # a sentence, no headline
        ("Germany paid aid to survivors", None),  # a lone line is the story itself
    ],
)
def test_the_country_a_story_is_filed_from(gazetteer: Gazetteer, text: str, country: str | None) -> None:
    filed = filed_from(text, gazetteer, load_lexicon())
    assert (filed.country if filed is not None else None) == country


def test_the_dateline_span_is_kept() -> None:
    # the whole dateline, to its dash: none of its words is an actor, nor part of the first subject's phrase
    text = "Riots\n\nTALLINN, April 28 (Wire Agency) - Police detained 300 people."
    filed = filed_from(text, load_gazetteer(), load_lexicon())
    assert filed is not None and text[filed.start : filed.end] == "TALLINN, April 28 (Wire Agency) - "


def test_an_article_title_is_its_headline(gazetteer: Gazetteer) -> None:
    filed = filed_from("Police detained dozens on Monday.", gazetteer, load_lexicon(), title="Protests spread across Belarus")
    assert filed is not None and (filed.country, filed.start, filed.end) == ("BLR", 0, 0)  # a headline's words are actors still


def test_police_take_the_country_of_the_headline(coder) -> None:
    text = "Navalny jailed for 30 days after return to Russia\n\nPolice detained dozens of his supporters at the airport on Sunday."
    [result] = coder.code([Article("h", text, date(2021, 1, 18))])
    arrest = next(e for e in result.events if e.cameo.startswith("17"))
    assert arrest.source is not None and arrest.source.code is not None
    assert (arrest.source.code.code, arrest.source.method) == ("RUSCOP", Resolution.HOME_COUNTRY)
