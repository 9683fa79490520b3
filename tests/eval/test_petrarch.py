"""PETRARCH unit-test records, checked the way PETRARCH checks them."""

from __future__ import annotations

import pytest

from standoff.eval.gold import GoldEvent, GoldRecord
from standoff.eval.petrarch import score_petrarch


def gold(record_id: str, *events: tuple[str | None, str | None, str], expect: str = "events") -> GoldRecord:
    return GoldRecord(record_id, f"Text of {record_id}.", None, tuple(GoldEvent(s, t, c, None, None) for s, t, c in events), expect)


RECORDS = [
    gold("exact", ("ARN", "GON", "064")),
    gold("two", ("ARN", "GON", "064"), ("GON", "ARN", "064")),
    gold("code", ("ARNGOV", "GON", "032")),
    gold("source", ("ARN", "GON", "064")),
    gold("target", ("ARN", "GON", "064")),
    gold("extra", ("ARN", "GON", "064")),
    gold("none", ("ARN", "GON", "064")),
    gold("quiet", expect="no_events"),
    gold("noisy", expect="no_events"),
    gold("trap", expect="error"),
]


@pytest.fixture
def report(coded):
    e = coded.event
    results = [
        coded.result("exact", e("ARN", "GON", "064")),
        coded.result("two", e("ARN", "GON", "064")),  # one of two
        coded.result("code", e("ARNGOV", "GON", "040")),
        coded.result("source", e(None, "GON", "064")),
        coded.result("target", e("ARN", "ARN", "064")),
        coded.result("extra", e("ARN", "GON", "064", 0.9), e("ARN", None, "010", 0.5)),
        coded.result("none"),
        coded.result("quiet"),
        coded.result("noisy", e("ARN", "GON", "010")),
        coded.result("trap", e("ARN", "GON", "010")),
    ]
    return score_petrarch(RECORDS, results, "exact")


def test_full_events_extra_events_and_passes(report) -> None:
    assert (report.full_event.hits, report.full_event.total) == (2, 7)  # exact and extra
    assert report.extra_events == 2  # extra, and the no-event record with an event
    assert (report.passed.hits, report.passed.total) == (2, 9)  # exact and quiet; the error trap is not scored
    assert report.sentences.no_event.hits == 1 and report.sentences.skipped == 1


def test_failures_grouped_by_cause(report) -> None:
    causes = {f.id: f.causes for f in report.failures}
    assert causes == {
        "two": ("too few events",),
        "code": ("wrong code",),
        "source": ("wrong or missing source",),
        "target": ("wrong or missing target",),
        "extra": ("extra events",),
        "none": ("no event coded",),
        "noisy": ("extra events",),
    }
    assert report.causes["extra events"] == 2
    listing = report.to_text(failures=True)
    assert "wrong code (1):\n  code: expected ARNGOV>GON 032; coded ARNGOV>GON 040" in listing
    assert "noisy: expected nothing; coded ARN>GON 010" in listing


def test_pairs_where_an_event_was_coded(report) -> None:
    # records with an event: exact 1/1, two 1/2, code 1/1, source 0/1, target 0/1, extra 1/1 (noisy expects none)
    assert (report.pairs_where_coded.hits, report.pairs_where_coded.total) == (4, 7)
    assert report.coded_records == 7
    assert (report.sentences.dyad.hits, report.sentences.dyad.total) == (4, 8)  # the common figure: every record


def test_a_wrong_event_pairs_with_the_expected_one_it_is_closest_to(coded) -> None:
    records = [gold("r", ("ARN", "GON", "064"), ("ELF", "ORC", "190"))]
    e = coded.event
    report = score_petrarch(records, [coded.result("r", e("ELF", "ORC", "193", 0.9), e("ARN", "GON", "064", 0.8))], "exact")
    assert report.failures[0].causes == ("wrong code",)
