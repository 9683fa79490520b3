"""Cutting long texts into pieces the parser accepts."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from standoff.text.pieces import pieces


def texts(bounds, text):
    return [text[start:end] for start, end in bounds]


def test_a_short_text_is_one_piece():
    assert pieces("Talks failed.", 100) == [(0, 13)]
    assert pieces("", 100) == [(0, 0)]


def test_cut_after_a_paragraph_break_in_the_second_half():
    text = "First paragraph here.\n\nSecond one, much longer than the first. It goes on."
    assert texts(pieces(text, 40), text)[0] == "First paragraph here.\n\n"


def test_cut_after_a_sentence_end_when_no_paragraph_break_is_near():
    text = "This is a short sentence. Another one follows it, and then some more words come"
    first = texts(pieces(text, 40), text)[0]
    assert first == "This is a short sentence. "


def test_cut_after_a_space_when_no_sentence_ends():
    text = "word " * 30
    assert all(len(piece) <= 24 and piece.endswith(" ") for piece in texts(pieces(text, 24), text)[:-1])


def test_a_run_without_spaces_is_cut_where_it_must():
    assert texts(pieces("x" * 25, 10), "x" * 25) == ["x" * 10, "x" * 10, "x" * 5]


def test_a_paragraph_break_too_early_in_the_piece_is_not_used():
    text = "Hi.\n\n" + "This sentence is long. " * 4
    assert texts(pieces(text, 50), text)[0] != "Hi.\n\n"


def test_the_limit_must_leave_room():
    with pytest.raises(ValueError):
        pieces("text", 1)


@given(st.text(alphabet=st.sampled_from(["a", "b", " ", ".", "\n", "\t", "”", "!"]), max_size=400), st.integers(2, 60))
def test_pieces_cover_the_text_in_order_within_the_limit(text, limit):
    bounds = pieces(text, limit)
    assert "".join(texts(bounds, text)) == text
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(end == next_start for (_, end), (next_start, _) in zip(bounds, bounds[1:]))
    assert all(0 < end - start <= limit for start, end in bounds) or text == ""
