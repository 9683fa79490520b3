"""Scoring whole articles on events named here, so each figure can be checked by hand."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from standoff.eval.article_gold import GoldAct, read_article_gold
from standoff.eval.articles import CodedArticle, date_right, matches, score_articles

TEXT = (
    "Russian forces shelled Kharkiv on Monday. Ukraine condemned the attack. Russia had occupied the city in 2022. "
    "A bomb exploded in the market. Ukraine accused Russia of war crimes."
)
SENTENCES = [s + "." for s in TEXT.rstrip(".").split(". ")]
CODING = """\
id: a01-kharkiv
published: 2023-03-14
events:
  required:
    - {sentence: "Russian forces shelled Kharkiv", source: RUS, target: UKR, code: "194", date: 2023-03-13, precision: day}
    - {sentence: "Ukraine condemned the attack", source: UKR, target: RUS, code: "111", date: 2023-03-14, precision: day}
    - {sentence: "Russia had occupied the city", source: RUS, target: UKR, code: "192", date: 2022-01-01, precision: year,
       background: true}
    - {sentence: "A bomb exploded in the market", source: null, target: null, code: "18", date: null, precision: unknown}
    - {sentence: "Ukraine accused Russia of war crimes", source: UKR, target: RUS, code: "112", date: 2023-03-14, precision: day}
  acceptable:
    - {sentence: "Ukraine condemned the attack", source: UKR, target: null, code: "010"}
  forbidden:
    - {sentence: "Russian forces shelled Kharkiv", source: UKR, target: RUS, root: "19", why: "the victim is not the attacker"}
"""


def span(n: int) -> tuple[int, int]:
    start = TEXT.index(SENTENCES[n])
    return start, start + len(SENTENCES[n])


@pytest.fixture
def article(tmp_path: Path, coded) -> CodedArticle:
    (tmp_path / "a01-kharkiv.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "a01-kharkiv.yaml").write_text(CODING, encoding="utf-8")
    gold = read_article_gold(tmp_path / "a01-kharkiv.yaml")
    e = coded.event
    events = [
        e("RUSMIL", "UKR", "194", 0.95, sentence=span(0), when=date(2023, 3, 13), trigger="shelled"),
        e("UKRGOV", "RUS", "112", 0.85, sentence=span(1), when=date(2023, 3, 14)),
        e("RUS", "UKR", "190", 0.5, sentence=span(0)),
        e("UKR", "RUS", "190", 0.7, sentence=span(0), trigger="killing"),  # forbidden
        e(None, None, "183", 0.3, sentence=span(3)),  # no source
        e("UKR", coded.actor(None), "010", 0.9, sentence=span(1)),  # acceptable: unresolved target
        e("RUS", "UKR", "192", 0.6, sentence=span(2), when=date(2023, 3, 14)),  # background on the publication day
    ]
    return CodedArticle(gold, coded.result("a01-kharkiv", *events, text=TEXT))


def test_recall_precision_and_forbidden(article: CodedArticle) -> None:
    report = score_articles([article])
    assert (report.required, report.required_without_source) == (5, 1)
    assert (report.recall.hits, report.recall.total) == (4, 5)  # not the bomb: it has no gold source
    assert (report.recall_strict.hits, report.recall_strict.total) == (3, 5)  # the accusation only elsewhere
    # distinct triples: RUS>UKR 19, UKR>RUS 11, UKR>RUS 19, ?>- 18, UKR>- 01; right: the first two and the last
    assert (report.precision.hits, report.precision.total) == (3, 5)
    assert [(f.line, f.triple, f.trigger) for f in report.forbidden] == [(14, "UKR>RUS 19", "killing")]
    assert (report.without_source.hits, report.without_source.total) == (1, 7)
    row = report.by_article[0]
    assert (row.required, row.found, row.found_strict, row.triples, row.triples_right, row.forbidden) == (5, 4, 3, 5, 3, 1)
    misses = {m.want: m for m in report.misses}
    assert set(misses) == {"?>- 18", "UKR>RUS 112"}
    assert misses["UKR>RUS 112"].found_elsewhere and misses["UKR>RUS 112"].coded_there == ()


def test_dates_of_required_events_found(article: CodedArticle) -> None:
    report = score_articles([article])
    assert (report.dates.hits, report.dates.total) == (2, 3)
    assert {p: (r.hits, r.total) for p, r in report.dates_by_precision.items()} == {"day": (2, 2), "year": (0, 1)}
    assert (report.background_on_publication_day.hits, report.background_on_publication_day.total) == (1, 1)
    (miss,) = report.date_misses
    assert (miss.want, miss.got, miss.background) == ("2022-01-01 (year)", "2023-03-14 (text)", True)


def test_confidence_bands(article: CodedArticle) -> None:
    report = score_articles([article])
    assert [(b.count, b.right) for b in report.confidence] == [(0, 0), (1, 0), (1, 1), (2, 1), (3, 3)]
    assert (report.high_confidence.hits, report.high_confidence.total) == (3, 7)
    assert (report.high_confidence_right.hits, report.high_confidence_right.total) == (3, 3)
    forbidden = next(e for e in article.events if e.trigger == "killing")
    assert not article.right(forbidden)


def test_text_breakdown_and_failures(article: CodedArticle) -> None:
    report = score_articles([article])
    text = report.to_text(by="article", failures=True)
    assert "recall:       0.800 (4/5" in text and "strict 0.600 (3/5" in text
    assert "a01-kharkiv:14 UKR>RUS 19 'killing'" in text
    assert any(line.split() == ["a01-kharkiv", "5", "4", "3", "5", "3", "1", "2/3"] for line in text.splitlines())
    assert "a01-kharkiv:10 want UKR>RUS 112 (found in another sentence); coded there: nothing" in text
    assert "want 2022-01-01 (year), got 2023-03-14 (text) (background)" in text
    with pytest.raises(ValueError, match="use article"):
        report.to_text(by="root")


def act(source: str | None, target: str | None, root: str, when: date | None = None, precision: str | None = "day") -> GoldAct:
    return GoldAct("required", "words", source, target, root, None, when, precision, False, 1)


def test_matching_rules() -> None:
    assert matches(act("RUS", None, "19"), ("RUS", None, "19"))  # no target, or an unresolved one
    assert not matches(act("RUS", "UKR", "19"), ("RUS", None, "19"))  # an unresolved target is not Ukraine
    assert not matches(act(None, "UKR", "19"), (None, "UKR", "19"))  # a source must be resolved to be found
    assert not matches(act("RUS", "UKR", "19"), ("RUS", "UKR", "18"))
    assert matches(act("UNO", "SYR", "04"), ("UNO", "SYR", "04"))  # organisations by group code


@pytest.mark.parametrize(
    "precision, gold_day, event_day, right",
    [
        ("day", date(2023, 3, 13), date(2023, 3, 13), True),
        ("day", date(2023, 3, 13), date(2023, 3, 14), False),
        ("week", date(2023, 3, 13), date(2023, 3, 19), True),  # Sunday of the same ISO week
        ("week", date(2023, 3, 13), date(2023, 3, 20), False),
        ("month", date(2023, 3, 1), date(2023, 3, 31), True),
        ("year", date(2022, 1, 1), date(2022, 12, 31), True),
        ("year", date(2022, 1, 1), date(2023, 1, 1), False),
        ("decade", date(1980, 1, 1), date(1989, 6, 1), True),
        ("decade", date(1980, 1, 1), date(1990, 1, 1), False),
        ("day", date(2023, 3, 13), None, False),
    ],
)
def test_dates_at_the_gold_precision(coded, precision: str, gold_day: date, event_day: date | None, right: bool) -> None:
    assert date_right(act("RUS", None, "19", gold_day, precision), coded.event("RUS", None, "190", when=event_day)) is right


def test_an_unknown_gold_date(coded) -> None:
    unknown = act("RUS", None, "19", None, "unknown")
    assert date_right(unknown, coded.event("RUS", None, "190"))
    assert date_right(unknown, coded.event("RUS", None, "190", when=date(2023, 3, 14), basis="unknown"))
    assert not date_right(unknown, coded.event("RUS", None, "190", when=date(2023, 3, 14), basis="article"))
