"""PLOVER gold records: type, (source, target, type) F1 and places, on records written here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from standoff.errors import BadGoldFile
from standoff.eval.places import GoldPlace, PlaceJudge
from standoff.eval.plover import PloverReport, event_country, read_plover, score_plover
from standoff.geo import Gazetteer, load_gazetteer
from standoff.model import Place
from standoff.ontology import load_ontology


def record(record_id: str, text: str, kind: str, events: list[tuple[str | None, str | None]], *, place: dict | None = None,
           sources: tuple[str, ...] = (), targets: tuple[str, ...] = ()) -> dict:  # fmt: skip
    return {
        "id": record_id,
        "text": text,
        "date": None,
        "events": [{"source": s, "target": t, "code": "000", "plover": kind} for s, t in events],
        "plover": {
            "event": kind,
            "source": [{"actorText": a, "code": "XXX"} for a in sources],
            "target": [{"actorText": a, "code": "XXX"} for a in targets],
            "eventLoc": place,
        },
    }


RECORDS = [
    record("agree", "Hungarian and Romanian officials agreed to cooperate.", "AGREE", [("HUNGOV", "ROUGOV"), ("ROUGOV", "HUNGOV")]),
    record("demand", "The UN demanded that Japan pay.", "DEMAND", [("IGOGOV", "JAP")]),
    record("fight", "Israeli tanks shelled the town of Rafah.", "FIGHT", [("ISRMIL", "PSE")], place={"name": "town of Rafah"}),
    record("tripoli", "Syrian officers ended mediation in Tripoli.", "SANCTION", [("SYRMIL", None)],
           place={"name": "Tripoli", "country code": "LB"}),  # fmt: skip
    record("visit", "Taiwan's minister visited Russia today.", "CONSULT", [("TWNGOV", "RUS")], sources=("Taiwan's minister",), targets=("Russia",)),
    record("twice", "Russia's envoy met officials in Russia.", "CONSULT", [("RUS", None)], sources=("Russia",)),
]
TYPES = [t.name for t in load_ontology().plover_types()]


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


def place(gazetteer: Gazetteer, name: str, country: str | None = None) -> Place:
    entries = [c.entry for c in gazetteer.candidates(name) if country in (None, c.entry.country)]
    return entries[0].place()


def write(tmp_path: Path, records: list[dict]) -> Path:
    path = tmp_path / "plover.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


def test_reading_renames_types_and_old_country_spellings(tmp_path: Path) -> None:
    records = {r.gold.id: r for r in read_plover(write(tmp_path, RECORDS), TYPES)}
    assert records["agree"].events == (("HUN", "ROU", "AGREE"), ("ROU", "HUN", "AGREE"))
    assert records["demand"].type == "REQUEST"
    assert records["demand"].events == (("IGO", "JPN", "REQUEST"),)  # IGO as written; JAP is Japan
    assert records["fight"].type == "ASSAULT"
    assert records["tripoli"].place == GoldPlace("Tripoli", "LBN")
    assert records["visit"].actor_texts == ("Taiwan's minister", "Russia")


@pytest.mark.parametrize(
    "change, message",
    [
        ({"plover": {"event": "CHEER"}}, "not a PLOVER type"),
        ({"plover": {"event": "AGREE", "eventLoc": {"name": "Tripoli", "country code": "QQ"}}}, "country code"),
        ({"plover": {"event": "AGREE", "eventLoc": "Tripoli"}}, "eventLoc"),
        ({"plover": None}, "needs the original coding"),
    ],
)
def test_bad_records_name_file_and_line(tmp_path: Path, change: dict, message: str) -> None:
    path = write(tmp_path, [RECORDS[0], {**RECORDS[1], **change}])
    with pytest.raises(BadGoldFile, match=message) as info:
        read_plover(path, TYPES)
    assert (info.value.file, info.value.line) == (str(path), 2)


def test_organisations_count_as_their_kind(coded) -> None:
    assert event_country(coded.actor("IGOUNO", "UNO")) == "IGO"
    assert event_country(coded.actor("NGOAMN", "AMN")) == "NGO"
    assert event_country(coded.actor("IMGMOSALQ", "ALQ")) == "IMG"
    assert event_country(coded.actor("USAGOV")) == "USA"
    assert event_country(coded.actor(None)) is None
    assert event_country(None) is None


def score(tmp_path: Path, gazetteer: Gazetteer, results: list) -> PloverReport:
    return score_plover(read_plover(write(tmp_path, RECORDS), TYPES), results, PlaceJudge(gazetteer))


def test_type_events_and_places(tmp_path: Path, gazetteer: Gazetteer, coded) -> None:
    rafah = place(gazetteer, "Rafah", "PSE")
    results = [
        # right type on top; one of two reciprocal events found, plus a statement without a type
        coded.result("agree", coded.event("HUNGOV", "ROUGOV", "030", 0.9, plover="AGREE"), coded.event("HUN", None, "010", 0.5)),
        # top event has another type; the UN counts as IGO and Japan as JPN
        coded.result("demand", coded.event("IGOUNO", "JPN", "020", 0.4, plover="REQUEST"), coded.event("USA", None, "010", 0.8)),
        coded.result("fight", coded.event("ISRMIL", "PSE", "194", plover="ASSAULT", place=rafah)),
        coded.result("tripoli", coded.event("SYRMIL", None, "166", plover="SANCTION", place=place(gazetteer, "Tripoli", "LBY"))),
        coded.result("visit", coded.event("TWNGOV", "RUS", "042", plover="CONSULT", place=place(gazetteer, "Russia"))),
        coded.result("twice", coded.event("RUS", None, "040", plover="CONSULT", place=place(gazetteer, "Russia"))),
    ]
    report = score(tmp_path, gazetteer, results)
    assert (report.type_right.hits, report.type_right.total) == (5, 6)
    assert report.type_any.hits == 6
    # gold triples: 2 + 1 + 1 + 1 + 1 + 1 = 7; found: HUN>ROU, IGO>JPN, ISR>PSE, SYR>-, TWN>RUS, RUS>-
    assert (report.events.tp, report.events.fp, report.events.fn) == (6, 2, 1)
    assert report.by_type["AGREE"].events.fn == 1 and report.by_type["none"].events.fp == 2
    assert (report.by_type["REQUEST"].sentences, report.by_type["REQUEST"].top_right) == (1, 0)
    places = report.places
    assert places.sentences == 2
    assert [(c.id, c.outcome) for c in places.checks] == [("fight", "right"), ("tripoli", "wrong")]  # Libya's Tripoli
    assert (places.placed, places.at_actor) == (4, 1)
    assert [(a.id, a.place, a.locative) for a in places.actor_places] == [("visit", "Russia", False)]  # "twice" names Russia as a place too
    text = report.to_text(by="type", failures=True)
    assert "type right:   0.833 (5/6" in text
    assert "demand: gold REQUEST, got 010 no type" in text
    assert "tripoli: gold Tripoli, got Tripoli (wrong)" in text
    with pytest.raises(ValueError, match="--by root"):
        report.to_text(by="root")


def test_place_outcomes(gazetteer: Gazetteer) -> None:
    judge = PlaceJudge(gazetteer)
    assert judge.judge(place(gazetteer, "Basra"), GoldPlace("Basra", None)) == "right"  # GeoNames' Basrah
    assert judge.judge(place(gazetteer, "Jaffna"), GoldPlace("Jaffna peninsula", None)) == "right"
    assert judge.judge(place(gazetteer, "Chicago"), GoldPlace("Illinois", None)) == "right"  # within the province
    assert judge.judge(place(gazetteer, "Chicago"), GoldPlace("Springfield", "USA")) == "right"  # the same province
    assert judge.judge(place(gazetteer, "Isfahan"), GoldPlace("Iran", None)) == "right"  # within the country
    assert judge.judge(place(gazetteer, "Nepal"), GoldPlace("Khatmandu", None)) == "country"
    assert judge.judge(place(gazetteer, "Beirut"), GoldPlace("Khatmandu", None)) == "wrong"
    assert judge.judge(place(gazetteer, "Tripoli", "LBN"), GoldPlace("Tripoli", "LBN")) == "right"
    assert judge.judge(None, GoldPlace("Tripoli", None)) == "none"


def test_a_place_named_only_as_an_actor(gazetteer: Gazetteer) -> None:
    judge = PlaceJudge(gazetteer)
    russia = place(gazetteer, "Russia")
    assert judge.only_as_actor(russia, "The minister visited Russia.", ["The minister", "Russia"])
    assert not judge.only_as_actor(russia, "Russia's envoy arrived in Russia.", ["Russia"])
    assert not judge.only_as_actor(russia, "The minister arrived in Moscow.", ["The minister"])
    # an actor that merely contains the name is not the place's name
    assert not judge.only_as_actor(place(gazetteer, "Bam"), "Doctors gave medicine to the Red Crescent in Bam.", ["Red Crescent in Bam"])


def test_an_actor_s_name_in_a_locative_phrase_is_counted_apart(gazetteer: Gazetteer) -> None:
    judge = PlaceJudge(gazetteer)
    abidjan = place(gazetteer, "Abidjan")
    sentence = "The president will extend the curfew in Abidjan."
    assert judge.only_as_actor(abidjan, sentence, ["The president", "Abidjan"])
    assert judge.in_locative_phrase(abidjan, sentence, ["The president", "Abidjan"])
    assert judge.in_locative_phrase(place(gazetteer, "West Bank"), "Troops stayed in the occupied West Bank.", ["Troops", "West Bank"])
    # named as an actor outside such a phrase, or nowhere
    assert not judge.in_locative_phrase(place(gazetteer, "Russia"), "The minister visited Russia.", ["The minister", "Russia"])
    assert not judge.in_locative_phrase(abidjan, "Abidjan said the curfew in the north ends.", ["Abidjan"])
    assert not judge.in_locative_phrase(abidjan, sentence, ["The president"])
