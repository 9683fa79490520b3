"""The bundled example, coded end to end on the real model."""

from __future__ import annotations

import pytest

from standoff.examples import EXAMPLE_DATE, example_path
from standoff.model import ArticleResult
from standoff.pipeline import Coder
from standoff.text.readers import read_articles


@pytest.fixture(scope="module")
def result(coder: Coder) -> ArticleResult:
    (article,) = read_articles([str(example_path())], EXAMPLE_DATE)
    (result,) = coder.code([article])
    return result


def triples(result: ArticleResult) -> set[tuple[str | None, str, str | None]]:
    return {
        (e.source.code.code if e.source and e.source.code else None, e.cameo, e.target.code.code if e.target and e.target.code else None)
        for e in result.events
    }


def test_noise_is_not_coded(result: ArticleResult) -> None:
    text = result.article.text
    assert "Read more" not in text
    assert not text.startswith("A Philippine coast guard vessel sails past")
    for event in result.events:
        assert "Read more" not in text[event.sentence_start : event.sentence_end]


def test_core_events(result: ArticleResult) -> None:
    found = triples(result)
    assert ("PHL", "112", "CHN") in found  # the Philippines accused China
    assert ("PHLGOV", "041", "CHNGOV") in found  # foreign secretary telephoned his Chinese counterpart
    assert ("PHL", "114", "CHNGOV") in found  # Manila summoned China's ambassador
    assert any(s == "CHNMIL" and code.startswith("15") for s, code, _ in found)  # navy sent destroyers


def test_nothing_violent_is_invented(result: ArticleResult) -> None:
    assert not [e for e in result.events if e.cameo_root in ("18", "19", "20")]


def test_relative_dates_resolve_against_the_article_date(result: ArticleResult) -> None:
    summons = next(e for e in result.events if e.cameo == "114")
    assert summons.date_basis == "text"
    assert (summons.event_date.year, summons.event_date.month) == (2023, 5)  # "Last month"
    phone = next(e for e in result.events if e.cameo == "041")
    assert str(phone.event_date) == "2023-06-15"  # "on Thursday night", article of Friday 16 June


def test_offsets_point_into_the_cleaned_text(result: ArticleResult) -> None:
    text = result.article.text
    for event in result.events:
        assert text[event.trigger_start : event.trigger_end] == event.trigger
        assert event.sentence_start <= event.trigger_start < event.trigger_end <= event.sentence_end
        for actor in (event.source, event.target):
            if actor is not None:
                assert text[actor.mention.start : actor.mention.end] == actor.mention.text


def test_coding_twice_gives_the_same_ids(coder: Coder, result: ArticleResult) -> None:
    (again,) = coder.code([result.article])
    assert [e.id for e in again.events] == [e.id for e in result.events]
