from __future__ import annotations

import pytest

from standoff.geo import Gazetteer, load_gazetteer
from standoff.geo.home import filed_from
from standoff.lexicon import load_lexicon


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Riots\n\nTALLINN, April 28 (Wire Agency) - Police detained 300 people.", "EST"),
        ("ANKARA/ISTANBUL, July 17 (Wire Agency) - Authorities detained 6,000 people.", "TUR"),
        ("AKCAKALE, Turkey, Oct 14 (Wire Agency) - Turkey said it would extend its offensive.", "TUR"),
        ("MANILA/BEIJING, July 12 (World Wire) - A tribunal ruled on Tuesday.", None),  # two countries
        ("By Olga Marchenko in Moscow\n\nNavalny was detained on Monday.", None),  # no wire dateline
    ],
)
def test_the_country_a_story_is_filed_from(gazetteer: Gazetteer, text: str, country: str | None) -> None:
    filed = filed_from(text, gazetteer, load_lexicon())
    assert (filed.country if filed is not None else None) == country


def test_the_dateline_span_is_kept() -> None:
    text = "Riots\n\nTALLINN, April 28 (Wire Agency) - Police detained 300 people."
    filed = filed_from(text, load_gazetteer(), load_lexicon())
    assert filed is not None and text[filed.start : filed.end] == "TALLINN"
