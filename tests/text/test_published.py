"""The date an article gives in its opening lines: a date line or a wire dateline."""

from __future__ import annotations

from datetime import date

import pytest

from standoff.text.published import date_in_text

HINT = date(2017, 9, 5)


@pytest.mark.parametrize(
    ("opening", "hint", "expected"),
    [
        ("Talks stall\n\nMOSCOW, Sept 1 (Reuters) - Russia said on Friday ...", HINT, date(2017, 9, 1)),
        ("MOSCOW, Sept 1 (Reuters) - Russia said on Friday ...", None, None),  # no year, no hint
        ("PARIS, Texas, March 3 (AP) -- Police said ...", date(2021, 3, 9), date(2021, 3, 3)),
        ("GENEVA/BEIRUT, 27 February 2018 - The pause was broken ...", None, date(2018, 2, 27)),
        ("SEOUL, Dec 30 (Wire) - A launch ...", date(2018, 1, 2), date(2017, 12, 30)),  # the year before, not ahead
        ("Headline here\n\nBy Jane Doe\n\nFriday 1 September 2017\n\nThe envoy left.", None, date(2017, 9, 1)),
        ("Headline\n\nJan 10, 2020\n\nWhen missiles struck ...", None, date(2020, 1, 10)),
        ("Updated: 08:30 GMT, 3 March 2021\n\nThe envoy left.", None, date(2021, 3, 3)),
        ("2019-10-14\nTurkey said ...", None, date(2019, 10, 14)),
    ],
)
def test_date_lines_and_datelines(opening: str, hint: date | None, expected: date | None) -> None:
    assert date_in_text(opening, hint) == expected


@pytest.mark.parametrize(
    "opening",
    [
        "Talks on 3 March 2021 failed, officials said.\n\nMore text.",  # a sentence that holds a date
        "Summit set for March 3\n\nLeaders will meet.",  # a headline with a date in it
        "WASHINGTON (Reuters) - Officials said on Friday ...",  # a dateline without a date
        "MOSCOW, Friday (Reuters) - Russia said ...",  # a weekday alone is no calendar day
        "\n".join(["A line of text."] * 8) + "\nFriday 1 September 2017",  # past the opening lines
    ],
)
def test_no_date_where_the_opening_gives_none(opening: str) -> None:
    assert date_in_text(opening, HINT) is None
