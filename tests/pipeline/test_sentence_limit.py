"""A run of tokens without a sentence end (a list, a table, text without punctuation) is cut into
sentences the coder can afford; real sentences are left as the parser makes them."""

from __future__ import annotations

from standoff.examples import example_path
from standoff.nlp import MAX_SENTENCE_TOKENS, SENTENCE_LIMIT_COMPONENT, load_pipeline, parse, sentence_spans

NAMES = ("Russia", "China", "the army", "police", "Israel", "Hamas", "President Putin")


def test_a_long_list_is_cut_after_commas():
    text = ", ".join(NAMES[n % len(NAMES)] for n in range(1_500))
    sentences = sentence_spans(next(parse([text])))
    assert len(sentences) > 8
    assert max(len(s) for s in sentences) <= MAX_SENTENCE_TOKENS
    assert all(s[-1].text == "," for s in sentences[:-1])  # cut after a pause, not in the middle of a name


def test_text_without_any_punctuation_is_cut_too():
    text = " ".join(["troops fired at the border and talks were held in Geneva"] * 300)
    assert max(len(s) for s in sentence_spans(next(parse([text])))) <= MAX_SENTENCE_TOKENS


def test_real_sentences_are_not_cut():
    text = example_path().read_text(encoding="utf-8")
    limited = [(s.start, s.end) for s in sentence_spans(next(parse([text])))]
    with load_pipeline().select_pipes(disable=[SENTENCE_LIMIT_COMPONENT]):
        plain = [(s.start, s.end) for s in sentence_spans(next(parse([text])))]
    assert limited == plain
