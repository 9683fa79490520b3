from hypothesis import given
from hypothesis import strategies as st

from standoff.text.quotes import find_quotes


def _texts(text):
    spans = find_quotes(text)
    for span in spans:
        assert text[span.start : span.end] == span.text
    return [span.text for span in spans]


def test_straight_quotes():
    text = 'He said "talks are over" and left.'
    (span,) = find_quotes(text)
    assert (span.start, span.end, span.text) == (9, 23, "talks are over")


def test_curly_quotes():
    assert _texts("He said \u201ctalks are over\u201d and left.") == ["talks are over"]


def test_mismatched_pairs():
    assert _texts('Putin wrote, "In Russia\'s opinion this is futile.\u201d') == ["In Russia's opinion this is futile."]
    assert _texts('It said \u201call options are open" today.') == ["all options are open"]


def test_quote_spanning_sentences_and_lines_within_a_paragraph():
    text = '"We will not yield. We never have.\nWe never will," he added.'
    assert _texts(text) == ["We will not yield. We never have.\nWe never will,"]


def test_apostrophes_are_ignored():
    text = "Russia\u2019s envoy said \u201cthe region\u2019s peace\u201d mattered, Lavrov\u2019s aide said."
    assert _texts(text) == ["the region\u2019s peace"]


def test_no_pairing_across_paragraphs():
    text = 'He said "talks are over.\n\nOn Friday, officials said "nothing" was agreed.'
    assert _texts(text) == ["nothing"]


def test_quote_continued_into_next_paragraph_in_news_style():
    text = "\u201cWe will respond.\n\n\u201cWe have no choice,\u201d he said."
    assert _texts(text) == ["We will respond.", "We have no choice,"]


def test_stray_marks_and_empty_quotes_are_ignored():
    assert _texts('He left" and \u201d then "" and \u201c \u201d.') == []


def test_several_quotes_in_order():
    text = '"First," he said. "Second," he added, calling it "third."'
    assert _texts(text) == ["First,", "Second,", "third."]


@given(st.text(alphabet=st.sampled_from(list('ab .\n"\u201c\u201d\u2019')), max_size=60))
def test_spans_are_ordered_disjoint_and_stay_in_a_paragraph(text):
    spans = find_quotes(text)
    assert all(a.end < b.start for a, b in zip(spans, spans[1:]))
    for span in spans:
        assert 0 < span.start < span.end <= len(text)
        assert "\n\n" not in span.text.replace(" ", "")
