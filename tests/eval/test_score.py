import json
from datetime import date

import pytest

from standoff.errors import BadGoldFile
from standoff.eval import EvalReport, GoldEvent, GoldRecord, evaluate, read_gold, to_articles
from standoff.eval.score import gold_country
from standoff.model import Actor, Article, Mention


def gold(record_id: str, *events: tuple[str | None, str | None, str | None], expect: str | None = None) -> GoldRecord:
    gold_events = tuple(GoldEvent(s, t, c, None, None) for s, t, c in events)
    return GoldRecord(record_id, "text", None, gold_events, expect)


def penta_gold(record_id: str, penta: int) -> GoldRecord:
    return GoldRecord(record_id, "text", None, (GoldEvent(None, None, None, None, penta),), None)


# --- event matching -------------------------------------------------------------------------


def test_perfect_match_at_country_root_level(coded):
    report = evaluate([gold("r1", ("RUS", "PRK", "036"))], [coded.result("r1", coded.event("RUSGOV", "PRK", "0361"))])
    assert (report.events.tp, report.events.fp, report.events.fn) == (1, 0, 0)
    assert report.events.precision == report.events.recall == report.events.f1 == 1.0
    assert report.dyad.rate == 1.0
    assert report.event_type.rate == 1.0


def test_exact_level_needs_full_codes(coded):
    records = [gold("r1", ("RUS", "PRK", "036"))]
    loose = [coded.result("r1", coded.event("RUSGOV", "PRK", "036"))]
    assert evaluate(records, loose, level="exact").events.tp == 0
    assert evaluate(records, loose, level="exact").dyad.rate == 0.0
    strict = [coded.result("r1", coded.event("RUS", "PRK", "036"))]
    assert evaluate(records, strict, level="exact").events.f1 == 1.0


def test_wrong_target_is_one_false_positive_and_one_miss(coded):
    report = evaluate([gold("r1", ("RUS", "PRK", "036"))], [coded.result("r1", coded.event("RUS", "JPN", "036"))])
    assert (report.events.tp, report.events.fp, report.events.fn) == (0, 1, 1)
    assert report.events.precision == 0.0 and report.events.f1 == 0.0
    assert report.dyad.rate == 0.0
    assert report.event_type.rate == 1.0  # the root is still right


def test_wrong_root_keeps_the_dyad(coded):
    report = evaluate([gold("r1", ("RUS", "PRK", "036"))], [coded.result("r1", coded.event("RUS", "PRK", "190"))])
    assert (report.events.tp, report.events.fp, report.events.fn) == (0, 1, 1)
    assert report.dyad == type(report.dyad)(1, 1, 1.0)
    assert report.event_type.rate == 0.0
    assert set(report.by_root) == {"03", "19"}
    assert (report.by_root["03"].fn, report.by_root["03"].support) == (1, 1)
    assert (report.by_root["19"].fp, report.by_root["19"].support) == (1, 0)


def test_duplicate_predictions_count_once(coded):
    report = evaluate(
        [gold("r1", ("RUS", "PRK", "036"))],
        [coded.result("r1", coded.event("RUS", "PRK", "036", 0.3), coded.event("RUS", "PRK", "036", 0.9))],
    )
    assert (report.events.tp, report.events.fp, report.events.fn) == (1, 1, 0)
    assert report.events.precision == 0.5
    assert report.events.f1 == pytest.approx(2 / 3)
    # The more confident copy is the one matched.
    assert [(b.count, b.right) for b in report.calibration] == [(0, 0), (1, 0), (0, 0), (0, 0), (1, 1)]


def test_gold_events_are_a_multiset(coded):
    report = evaluate(
        [gold("r1", ("RUS", "PRK", "036"), ("RUS", "PRK", "036"), ("PRK", "RUS", "111"))],
        [coded.result("r1", coded.event("RUS", "PRK", "036"))],
    )
    assert (report.events.tp, report.events.fp, report.events.fn) == (1, 0, 2)
    assert report.events.recall == pytest.approx(1 / 3)
    assert report.dyad == type(report.dyad)(2, 3, pytest.approx(2 / 3))
    assert report.by_root["11"].fn == 1


def test_organisation_codes_use_their_group_as_country(coded):
    assert gold_country("IGOUNO") == "UNO"
    assert gold_country("NGOAMN") == "AMN"
    assert gold_country("MNCUSA") == "USA"
    assert gold_country("IGO") == "IGO"
    assert gold_country("USAGOV") == "USA"
    assert gold_country(None) is None
    report = evaluate(
        [gold("r1", ("IGOUNO", "IRQ", "042"))],
        [coded.result("r1", coded.event(coded.actor("IGOUNOKID", "UNO"), "IRQGOV", "043"))],
    )
    assert report.events.tp == 1


def test_unresolved_predicted_actor_has_no_country(coded):
    unresolved = Actor(Mention("a", 0, 0, 1, "he", "pronoun"), None, "none", 0.0)
    report = evaluate([gold("r1", ("RUS", "PRK", "036"))], [coded.result("r1", coded.event(unresolved, "PRK", "036"))])
    assert report.events.tp == 0
    assert evaluate([gold("r1", (None, "PRK", "036"))], [coded.result("r1", coded.event(None, "PRK", "036"))]).events.tp == 1


def test_event_type_uses_the_most_confident_event(coded):
    records = [gold("r1", ("RUS", "PRK", "036")), gold("r2", ("USA", "CHN", "111")), gold("r3", ("A", "B", "190"))]
    results = [
        coded.result("r1", coded.event("X", "Y", "190", 0.2), coded.event("X", "Y", "036", 0.8)),
        coded.result("r2", coded.event("USA", "CHN", "190", 0.9), coded.event("USA", "CHN", "111", 0.5)),
    ]
    report = evaluate(records, results)
    assert report.event_type == type(report.event_type)(1, 3, pytest.approx(1 / 3))
    assert report.missing_results == 1


def test_no_event_records_and_error_records(coded):
    records = [
        gold("q1", expect="no_events"),
        gold("q2", expect="noevents"),
        gold("q3", expect="no_events_implicit"),
        gold("e1", expect="error"),
    ]
    results = [coded.result("q2", coded.event("RUS", "PRK", "036")), coded.result("e1", coded.event("RUS", "PRK", "036"))]
    report = evaluate(records, results)
    assert report.no_event == type(report.no_event)(2, 3, pytest.approx(2 / 3))
    assert (report.events.tp, report.events.fp, report.events.fn) == (0, 1, 0)  # e1 is not scored
    assert report.skipped == 1
    assert report.records == 4


def test_records_without_any_gold_signal_are_not_scored_for_events(coded):
    records = [GoldRecord("r1", "text", None, (GoldEvent("RUS", "PRK", None, None, None),), None)]
    report = evaluate(records, [coded.result("r1", coded.event("RUS", "PRK", "036"))])
    assert (report.events.tp, report.events.fp, report.events.fn) == (0, 0, 0)
    assert report.events.precision is None and report.events.f1 is None
    assert report.event_type.total == 0
    assert report.penta is None
    assert sum(b.count for b in report.calibration) == 0


def test_calibration_bins_and_edges(coded):
    g = ("RUS", "PRK", "036")
    records = [gold("r1", g, g, g), gold("r2", expect="no_events")]
    results = [
        coded.result("r1", *(coded.event("RUS", "PRK", "036", c) for c in (0.0, 0.2, 1.0))),
        coded.result("r2", *(coded.event("RUS", "PRK", "036", c) for c in (0.6, 0.799, 0.8))),
    ]
    bins = evaluate(records, results).calibration
    assert [(b.lower, b.upper) for b in bins] == [(0.0, 0.2), (0.2, 0.4), (0.4, 0.6), (0.6, 0.8), (0.8, 1.0)]
    assert [(b.count, b.right) for b in bins] == [(1, 1), (1, 1), (0, 0), (2, 0), (2, 1)]
    assert [b.share for b in bins] == [1.0, 1.0, None, 0.0, 0.5]


def test_unknown_level_is_rejected():
    with pytest.raises(ValueError, match="level"):
        evaluate([], [], level="sector")


# --- penta class (needs standoff.ontology.penta_class) ---------------------------------------


@pytest.fixture
def penta_ready() -> None:
    ontology = pytest.importorskip("standoff.ontology")
    if not hasattr(ontology, "penta_class"):
        pytest.skip("standoff.ontology.penta_class is not written yet")


def _penta_report(coded) -> EvalReport:
    records = [penta_gold("p0", 0), penta_gold("p1", 1), penta_gold("p4", 4), penta_gold("p3", 3)]
    results = [
        coded.result("p0", coded.event("A", "B", "0256", 0.9), coded.event("A", "B", "190", 0.3)),  # top is class 0: right
        coded.result("p1", coded.event("A", "B", "190", 0.5)),  # class 4 for gold 1: wrong
        coded.result("p4", coded.event("A", "B", "1823", 0.85)),  # class 4: right
        coded.result("p3"),  # nothing coded
    ]
    return evaluate(records, results)


def test_penta_accuracy_with_and_without_coverage(penta_ready, coded):
    penta = _penta_report(coded).penta
    assert penta is not None
    assert (penta.accuracy.hits, penta.accuracy.total, penta.accuracy.rate) == (2, 4, 0.5)
    assert (penta.coverage.hits, penta.coverage.total, penta.coverage.rate) == (3, 4, 0.75)
    assert penta.accuracy_covered.rate == pytest.approx(2 / 3)


def test_penta_confusion_and_per_class_scores(penta_ready, coded):
    penta = _penta_report(coded).penta
    assert penta is not None
    expected = [[0] * 5 for _ in range(5)]
    expected[0][0] = expected[1][4] = expected[4][4] = 1
    assert [list(row) for row in penta.confusion] == expected
    assert penta.no_prediction == (0, 0, 0, 1, 0)
    c4 = penta.by_class[4]
    assert (c4.tp, c4.fp, c4.fn, c4.precision, c4.recall) == (1, 1, 0, 0.5, 1.0)
    c3 = penta.by_class[3]
    assert (c3.tp, c3.fn, c3.precision, c3.recall) == (0, 1, None, 0.0)


def test_penta_precision_per_root_of_the_top_event(penta_ready, coded):
    penta = _penta_report(coded).penta
    assert penta is not None
    # p0's top is 0256 (right), p1's 190 (wrong: gold 1), p4's 1823 (right); p3 coded nothing
    assert {root: (r.hits, r.total) for root, r in penta.by_root.items()} == {"02": (1, 1), "18": (1, 1), "19": (0, 1)}
    text = _penta_report(coded).to_text(by="root")
    assert any(line.split() == ["19", "1", "0", "0.000"] for line in text.splitlines())


def test_penta_only_records_drive_calibration_but_not_event_scores(penta_ready, coded):
    report = _penta_report(coded)
    assert (report.events.tp, report.events.fp, report.events.fn) == (0, 0, 0)
    assert [(b.count, b.right) for b in report.calibration] == [(0, 0), (1, 0), (1, 0), (0, 0), (2, 2)]


def test_penta_tables_in_text(penta_ready, coded):
    text = _penta_report(coded).to_text(by="class")
    assert "accuracy 0.500 (2/4 records)" in text
    assert "coverage 0.750 (3/4" in text
    assert "accuracy when coded 0.667 (2/3" in text
    assert "confusion" in text
    assert any(line.split() == ["3", "0", "0", "0", "0", "0", "1"] for line in text.splitlines())
    assert json.loads(json.dumps(_penta_report(coded).to_dict()))["penta"]["by_class"]["4"]["precision"] == 0.5


# --- report formatting -------------------------------------------------------------------------


def _mixed_report(coded) -> EvalReport:
    return evaluate(
        [gold("r1", ("RUS", "PRK", "036")), gold("r2", ("USA", "CHN", "111")), gold("q", expect="no_events")],
        [coded.result("r1", coded.event("RUS", "PRK", "036", 0.9), coded.event("RUS", "PRK", "036", 0.1)), coded.result("r2")],
    )


def test_to_text_shows_the_overall_figures(coded):
    text = _mixed_report(coded).to_text()
    assert "level country-root" in text
    assert "precision 0.500  recall 0.500  F1 0.500  (TP 1, FP 1, FN 1)" in text
    assert "0.500 (1/2 gold events)" in text
    assert "1.000 (1/1 records left empty)" in text
    assert "by CAMEO root" not in text
    assert "penta" not in text


def test_to_text_sections(coded):
    report = _mixed_report(coded)
    root_lines = [line.split() for line in report.to_text(by="root").splitlines()]
    assert ["03", "1", "1", "1", "0", "0.500", "1.000", "0.667"] in root_lines
    assert ["11", "1", "0", "0", "1", "n/a", "0.000", "n/a"] in root_lines
    calibration = report.to_text(by="calibration")
    assert "[0.8,1.0]" in calibration and "[0.0,0.2)" in calibration
    assert "no penta-class gold" in report.to_text(by="class")
    with pytest.raises(ValueError):
        report.to_text(by="sector")


def test_to_dict_is_json(coded):
    data = json.loads(json.dumps(_mixed_report(coded).to_dict()))
    assert data["events"]["tp"] == 1
    assert data["by_root"]["03"]["f1"] == pytest.approx(2 / 3)
    assert data["calibration"][4] == {"lower": 0.8, "upper": 1.0, "count": 1, "right": 1, "share": 1.0}
    assert data["penta"] is None


# --- gold reader -------------------------------------------------------------------------------


def _write(tmp_path, *lines: str):
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_read_gold_fields_and_dates(tmp_path):
    path = _write(
        tmp_path,
        json.dumps({"id": "a", "text": "A.", "date": "19950101", "expect": "events",
                    "events": [{"source": "ARN", "target": "GON", "code": "064"}]}),
        "",
        json.dumps({"id": "b", "text": "B.", "date": "2017-09-03", "events": []}),
        json.dumps({"id": "c", "text": "C.", "date": "2017-09-03T10:00:00Z",
                    "events": [{"source": None, "target": None, "code": None, "plover": None, "penta_class": 3}]}),
        json.dumps({"id": "d", "text": "D.", "date": None, "events": [
            {"source": "SOME PHRASE", "target": "GON", "code": "032", "source_is_text": True}]}),
        json.dumps({"id": "off", "text": "E.", "evaluated": False, "events": []}),
    )
    records = read_gold(path)
    assert [r.id for r in records] == ["a", "b", "c", "d"]
    assert [r.date for r in records] == [date(1995, 1, 1), date(2017, 9, 3), date(2017, 9, 3), None]
    assert records[0].events == (GoldEvent("ARN", "GON", "064", None, None),)
    assert records[0].expect == "events"
    assert records[2].events[0].penta_class == 3
    assert records[3].events[0].source is None
    articles = to_articles(records)
    assert articles[0] == Article("a", "A.", published=date(1995, 1, 1))


@pytest.mark.parametrize(
    "bad_line",
    [
        '{"id": "b", "text": ',
        '["not", "an", "object"]',
        '{"text": "no id"}',
        '{"id": "b", "text": "B.", "date": "03/09/2017"}',
        '{"id": "b", "text": "B.", "events": [{"code": 64}]}',
        '{"id": "b", "text": "B.", "events": [{"penta_class": 7}]}',
        '{"id": "a", "text": "duplicate id"}',
    ],
)
def test_malformed_gold_line_names_file_and_line(tmp_path, bad_line):
    path = _write(tmp_path, '{"id": "a", "text": "A."}', bad_line)
    with pytest.raises(BadGoldFile) as info:
        read_gold(path)
    assert info.value.line == 2
    assert info.value.file == str(path)
    assert f"{path}:2:" in str(info.value)
