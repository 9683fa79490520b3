from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from standoff.geo.dateline import find_dateline


@pytest.mark.parametrize(
    ("text", "name", "qualifier"),
    [
        ("SEOUL (Reuters) - North Korea fired a missile.", "SEOUL", None),
        ("WASHINGTON — The Pentagon said on Monday ...", "WASHINGTON", None),
        ("BEIJING, Sept 5 (Reuters) - China's foreign ministry said ...", "BEIJING", None),
        ("PARIS, Texas (AP) — Police arrested a man.", "PARIS", "Texas"),
        ("NEW DELHI (Reuters) - India and China ...", "NEW DELHI", None),
        ("KHARTOUM/THE HAGUE, March 4 (Wire) - The court issued a warrant.", "KHARTOUM/THE HAGUE", None),
        ("Headline about a standoff\n\nBy A Reporter\n\nMANILA (Harbour Wire) - The Philippines ...", "MANILA", None),
    ],
)
def test_finds_the_dateline(text: str, name: str, qualifier: str | None) -> None:
    found = find_dateline(text)
    assert found is not None
    assert (found.name, found.qualifier) == (name, qualifier)
    assert text[found.start : found.end] == name


@pytest.mark.parametrize(
    "text",
    [
        "The Philippines - a treaty ally - protested.",
        "North Korea fired a missile on Tuesday, officials in Seoul said.",
        "US - China talks resumed.",  # too short for a city
    ],
)
def test_no_dateline(text: str) -> None:
    assert find_dateline(text) is None


def test_only_the_opening_lines_are_searched() -> None:
    assert find_dateline("x\n" * 2000 + "SEOUL (Reuters) - late text") is None


@given(st.text(max_size=300))
def test_any_text_gives_a_dateline_inside_it_or_none(text: str) -> None:
    found = find_dateline(text)
    if found is not None:
        assert text[found.start : found.end] == found.name
        assert found.name.upper() == found.name
