"""The tense of a verb group, on sentences parsed by the real model."""

from __future__ import annotations

import pytest

from standoff.nlp import parse
from standoff.syntax.tense import Tense, tense


def tense_of(sentence: str, word: str) -> Tense:
    doc = next(parse([sentence]))
    return tense(next(t for t in doc if t.text == word))


@pytest.mark.parametrize(
    ("sentence", "word", "expected"),
    [
        ("The army seized the town.", "seized", Tense.PAST),
        ("The town was seized by rebels.", "seized", Tense.PAST),
        ("Troops were shelling the town.", "shelling", Tense.PAST),
        ("The army had seized the town.", "seized", Tense.PAST_PERFECT),
        ("The town had been seized.", "seized", Tense.PAST_PERFECT),
        ("Police have detained 300 people.", "detained", Tense.PRESENT_PERFECT),
        ("The minister says talks failed.", "says", Tense.PRESENT),
        ("Troops are shelling the town.", "shelling", Tense.PRESENT),
        ("Russia will attack the town.", "attack", Tense.MODAL),
        ("Russia could have attacked the town.", "attacked", Tense.MODAL),
    ],
)
def test_verb_groups(sentence, word, expected):
    assert tense_of(sentence, word) is expected


def test_a_verb_without_a_finite_form_takes_its_heads_tense():
    assert tense_of("Russia agreed to talk.", "talk") is Tense.PAST
    assert tense_of("The rebels had besieged the city and killed its mayor.", "killed") is Tense.PAST_PERFECT
    assert tense_of("Russia will attack and seize the town.", "seize") is Tense.MODAL


def test_a_gerund_after_a_preposition_takes_its_heads_tense():
    assert tense_of("Khartoum responded by arming the militias.", "arming") is Tense.PAST
    assert tense_of("The army will respond by shelling the town.", "shelling") is Tense.MODAL


def test_a_conjunct_with_its_own_subject_keeps_its_own_tense():
    assert tense_of("The rebels had left the city and the army now holds it.", "holds") is Tense.PRESENT
