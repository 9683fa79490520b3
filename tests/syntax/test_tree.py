"""The tree read once per doc gives spaCy's own answers, in spaCy's order, for every word."""

from __future__ import annotations

from standoff.nlp import parse
from standoff.syntax.labels import conjuncts
from standoff.syntax.tree import children, lefts, rights, tokens

TEXTS = [
    "North Korea fired a missile over Japan on Tuesday, the Japanese government said, and the "
    "United Nations, Britain and France condemned the launch.\n\nRussia agreed and signed the "
    "deal with China, Iran and Turkey, officials in Moscow, Beijing and Ankara said.",
    "The leaders of Mexico, Colombia and Chile met. \"We will not give in,\" warned the president.",
]


def indexes(words) -> list[int]:
    return [word.i for word in words]


def test_every_word_has_spacys_dependents_and_conjuncts() -> None:
    for doc in parse(TEXTS):
        assert indexes(tokens(doc)) == indexes(doc)
        for word in doc:
            assert indexes(children(word)) == indexes(word.children)
            assert indexes(lefts(word)) == indexes(word.lefts)
            assert indexes(rights(word)) == indexes(word.rights)
            assert indexes(conjuncts(word)) == indexes(word.conjuncts)


def test_reading_another_doc_reads_its_own_tree() -> None:
    first, second = parse(TEXTS)
    assert indexes(children(second[3])) == indexes(second[3].children)
    assert indexes(children(first[3])) == indexes(first[3].children)
    assert tokens(first)[0].doc is first and tokens(second)[0].doc is second
