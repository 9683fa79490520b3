"""A hyphen after an abbreviation's full stop is a word of its own, as after a name: "U.S.-led"
is read as "Saudi-led" is, so the leader is a word the actors can be read from."""

from __future__ import annotations

import pytest

from standoff.nlp import parse


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("U.S.-led coalition aircraft struck targets.", ["U.S.", "-", "led"]),
        ("The U.N.-brokered truce held.", ["U.N.", "-", "brokered"]),
        ("Saudi-led coalition aircraft struck targets.", ["Saudi", "-", "led"]),
    ],
)
def test_a_hyphen_after_an_abbreviation_splits(text: str, words: list[str]) -> None:
    (doc,) = parse([text])
    tokens = [t.text for t in doc]
    start = tokens.index(words[0])
    assert tokens[start : start + len(words)] == words


def test_abbreviations_without_a_hyphen_stay_whole() -> None:
    (doc,) = parse(["The U.S. envoy met the U.N. mission on Jan. 5."])
    tokens = [t.text for t in doc]
    assert "U.S." in tokens and "U.N." in tokens and "Jan." in tokens
