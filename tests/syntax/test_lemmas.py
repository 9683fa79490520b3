"""Verbs ending in "e" keep their own lemma where the model's rules would strip them to
another verb ("staged" is not "stag"), and the other verb keeps its own."""

from __future__ import annotations

import pytest

from standoff.nlp import parse


@pytest.mark.parametrize(
    ("text", "form", "lemma"),
    [
        ("Opposition supporters staged a protest in the capital.", "staged", "stage"),
        ("The rebels have waged war on the state since 2012.", "waged", "wage"),
        ("Moscow hoped the talks would succeed.", "hoped", "hope"),
        ("A court fined the company two million euros.", "fined", "fine"),
        ("They are staging a sit-in outside parliament.", "staging", "stage"),
        ("The minister hopped on a plane to Paris.", "hopped", "hop"),
    ],
)
def test_verb_lemmas(text: str, form: str, lemma: str) -> None:
    (doc,) = parse([text])
    (word,) = [w for w in doc if w.text == form]
    assert word.lemma_ == lemma
