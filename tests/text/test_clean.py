import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from standoff.text.clean import clean_text

BODY = "Navy ships left the harbour on Monday, officials said.\n\nNo one was hurt."


def test_caption_repeated_with_glued_credit_is_removed():
    raw = "Ships in the harbour\nShips in the harbourReuters\n\n" + BODY
    result = clean_text(raw)
    assert result.text == BODY
    assert result.removed == ("Ships in the harbour", "Ships in the harbourReuters")


@pytest.mark.parametrize(
    "noise",
    [
        "Ships in the harbour\nShips in the harbourAFP",
        "Ships in the harbour\nShips in the harbourGetty Images",
        "Ships in the harbour\nShips in the harbour EPA",  # repeated caption, credit after a space
        "Ships in the harbour | AP",
        "Ships in the harbour\nPhoto: AFP",
        "Ships in the harbour\n(Photo by Jane Doe/Getty Images)",
        "Ships leave the harbour in Manila, June 3, 2023. REUTERS/Jane Doe",
        "Ships leave the harbour in Manila. (Photo by Jane Doe)",
        "File photo",
        "FILE PHOTO: Ships leave the harbour in Manila, June 3, 2023.",
        "Reuters",
    ],
)
def test_caption_and_credit_forms_are_removed(noise):
    assert clean_text(noise + "\n\n" + BODY).text == BODY


@pytest.mark.parametrize(
    "line",
    [
        "Talks stall over disputed shoal",  # a headline: no credit follows it
        "Talks with Reuters",  # an agency named in prose is not a credit
        "Troops on the map",  # "AP" inside a word is not a credit
        "Support falls in Reuters/Ipsos poll",  # lower-case words after "/" are not a photographer
        "The minister told AFP.",
        "Photographs published by state media showed the ships.",
    ],
)
def test_lines_that_merely_look_like_credits_are_kept(line):
    assert clean_text(line + "\n\n" + BODY).text == line + "\n\n" + BODY


@pytest.mark.parametrize(
    "footer",
    [
        "(Our Asia desk is keeping you updated. Times shown are local.)",
        "Copyright 2023 Harbour Wire.",
        "© 2023 Harbour Wire",
        "Harbour Wire 2023. All rights reserved.",
        "Reporting by Jane Smith; Editing by John Doe",
        "(Reporting by Jane Smith; Editing by John Doe)",
        "Follow us on Twitter for the latest news.",
        "Sign up for our daily briefing.",
    ],
)
def test_publisher_footer_is_removed(footer):
    result = clean_text(BODY + "\n\n" + footer + "\n")
    assert result.text == BODY
    assert result.removed == (footer,)


def test_several_footer_lines_are_removed_together():
    raw = BODY + "\n\n(Reporting by Jane Smith)\nCopyright 2023 Harbour Wire\n\n(Times shown are local.)"
    assert clean_text(raw).text == BODY


def test_parenthesised_line_inside_the_article_is_kept():
    raw = "(The talks were held in secret.)\n\n" + BODY
    assert clean_text(raw).text == raw


def test_sentence_that_starts_like_a_staff_credit_is_kept():
    raw = BODY + "\n\nReporting by state media suggested the talks had failed."
    assert clean_text(raw).text == raw


@pytest.mark.parametrize(
    "byline",
    [
        "By Jane Smith",
        "BY JANE SMITH",
        "By Jane Smith and John Doe, Reuters",
        "By Jane Smith, John Doe & Ana de la Cruz",
        "By J. Smith | Tokyo",
    ],
)
def test_byline_is_removed(byline):
    result = clean_text(byline + "\n\n" + BODY)
    assert result.text == BODY
    assert result.removed == (byline,)


@pytest.mark.parametrize("line", ["By Tuesday the ships had gone", "By Friday, the talks had collapsed."])
def test_time_phrase_starting_with_by_is_kept(line):
    assert clean_text(line + "\n\n" + BODY).text == line + "\n\n" + BODY


@pytest.mark.parametrize(
    "link",
    [
        "Read more: Fishermen shut out of the shoal",
        "READ MORE",
        "Related:",
        "Related coverage",
        "Click here to watch the video",
        "To see the full report, click here.",
    ],
)
def test_link_lines_are_removed(link):
    raw = "Navy ships left the harbour.\n\n" + link + "\n\nNo one was hurt."
    assert clean_text(raw).text == "Navy ships left the harbour.\n\nNo one was hurt."


def test_sentence_starting_with_related_is_kept():
    raw = "Related to the dispute, the ministry summoned the envoy.\n\n" + BODY
    assert clean_text(raw).text == raw


def test_dateline_lead_is_kept_as_is():
    lead = "SEOUL (Reuters) - North Korea fired a missile over Japan on Tuesday."
    assert clean_text(lead + "\n\nNo one was hurt.").text == lead + "\n\nNo one was hurt."


def test_short_real_sentence_is_kept():
    assert clean_text("Talks failed.").text == "Talks failed."


def test_normalisation():
    raw = "\r\n\r\nFirst line,   \r\nsame paragraph.\u00a0It said cafe\u0301.\r\n \r\n\r\n\t\r\n\r\nSecond.  \r\n\r\n\r\n"
    result = clean_text(raw)
    assert result.text == "First line,\nsame paragraph. It said caf\u00e9.\n\nSecond."
    assert result.removed == ()


def test_credit_like_line_is_handled_quickly():
    # Regression: a nested pattern used to backtrack for seconds on lines like this one.
    line = "AFP" + " via Reuters" * 40 + "!"
    started = time.perf_counter()
    assert clean_text(line).text == line
    assert time.perf_counter() - started < 1


@given(st.lists(st.sampled_from([
    "", " ", "Ships in the harbour", "Ships in the harbourReuters", "By Jane Smith", "READ MORE",
    "Talks failed.", "(Times are local.)", "Photo: AFP", "He said \u201cno\u201d.", "caf\u00e9\u00a0bar  ",
]), max_size=12))  # fmt: skip
def test_cleaning_is_stable(lines):
    once = clean_text("\n".join(lines)).text
    assert clean_text(once).text == once
    assert "\n\n\n" not in once and " \n" not in once and not once.endswith(" ")


# Big shapes: each took time growing with the square of its size (hours for a few hundred KB).
# The bounds are loose guards against that coming back, not speed measurements (bench/input_size.py).


def test_many_blank_lines_around_one_sentence():
    started = time.perf_counter()
    result = clean_text("\n" * 200_000 + "Russia protested.\n" + "\n \n" * 50_000)
    assert result.text == "Russia protested." and result.removed == ()
    assert time.perf_counter() - started < 10


def test_nested_credited_captions_are_removed_in_one_pass():
    # Each credit repeats the caption above the credits below it: the old loop removed one
    # pair per round, reading the whole text each time.
    count = 3000
    captions = [f"Talks in Geneva, part {n}" for n in range(count)]
    raw = "\n".join(captions + [f"{caption}Reuters" for caption in reversed(captions)]) + "\n\n" + BODY
    started = time.perf_counter()
    result = clean_text(raw)
    assert result.text == BODY and len(result.removed) == 2 * count
    assert time.perf_counter() - started < 10


def test_many_caption_blocks_keep_their_paragraphs():
    block = "Ships in the harbour\nShips in the harbourReuters\n\nPhoto: AFP\n\n" + BODY + "\n\n"
    result = clean_text(block * 20_000)
    assert result.text == "\n\n".join([BODY] * 20_000)
    assert len(result.removed) == 3 * 20_000


def test_long_run_of_spaces_inside_a_line():
    line = "Ships left" + " " * 200_000 + "the port."
    started = time.perf_counter()
    assert clean_text(line).text == line
    assert time.perf_counter() - started < 10
