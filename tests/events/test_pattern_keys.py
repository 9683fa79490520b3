"""The pattern keys that constrain roles beyond the verb and its object (events/patterns.py):
each on a sentence of its own, coded by the real model with a small set stacked over the
curated one. A pattern of the small set ("mine") wins where it fits; where it does not, the
sentence is coded as without it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from standoff.errors import BadDictionary
from standoff.events.patterns import NO_EVENT, load_pattern_set, read_pattern_set
from standoff.model import Article, Event, RuleId
from standoff.pipeline import Coder, Settings

MINE = """
patterns:
  - {id: rush-police-border, verb: rush, object: [police], oblique: {to: [border]}, code: "153"}
  - {id: ask-financial-aid, verb: request, object: ["financial aid"], code: "0231"}
  - {id: sharply-criticise, verb: [criticise, criticize], adverb: [sharply], code: "1121"}
  - {id: not-sign-treaty, verb: sign, object: [treaty], polarity: negated, code: "125"}
  - {id: agree-jointly, verb: agree, joint: true, code: "030"}
  - {id: money-from, verb: receive, object: [money], source: "prep:from", target: subject, code: "071"}
  - {id: ties-with, verb: restore, object: [tie], target: phrase, code: "064"}
  - {id: attack-proposal-nothing, verb: attack, object: [proposal], code: none}
  - {id: arrive-in, verb: arrive, target: "prep:in", code: "042", reverse: "043"}
  - {id: left-for, verb: leave, forms: [left], oblique: {for: null}, target: phrase, code: "042"}
  - {id: warn-known, verb: warn, oblique: {of: [flood]}, needs_source: true, code: "1014"}
"""


@pytest.fixture(scope="module")
def mine(tmp_path_factory: pytest.TempPathFactory) -> Coder:
    path = tmp_path_factory.mktemp("sets") / "mine.yaml"
    path.write_text(MINE, encoding="utf-8")
    return Coder(Settings(pattern_files=(path,)))


def coded(coder: Coder, text: str) -> list[Event]:
    (result,) = coder.code([Article("a", text, date(2024, 1, 5))])
    return list(result.events)


def dyads(events: list[Event], pattern_set: str = "mine") -> set[tuple[str | None, str, str | None]]:
    def code(actor):  # type: ignore[no-untyped-def]
        return actor.code.code if actor is not None and actor.code is not None else None

    return {(code(e.source), e.cameo, code(e.target)) for e in events if e.rule.pattern_set == pattern_set}


def test_an_oblique_needs_its_preposition_with_the_words_of_its_object(mine: Coder) -> None:
    assert dyads(coded(mine, "Pakistan rushed police to the border with India.")) == {("PAK", "153", None)}
    assert dyads(coded(mine, "Pakistan rushed police to the capital.")) == set()


def test_a_phrase_needs_its_words_before_the_head_in_order(mine: Coder) -> None:
    assert dyads(coded(mine, "Kenya requested much-needed financial aid from Japan.")) == {("KEN", "0231", "JPN")}
    assert dyads(coded(mine, "Kenya requested aid from Japan.")) == set()


def test_an_adverb_must_modify_the_verb(mine: Coder) -> None:
    assert dyads(coded(mine, "France sharply criticised Iran.")) == {("FRA", "1121", "IRN")}
    assert dyads(coded(mine, "France criticised Iran.")) == set()


def test_a_negated_pattern_fits_only_the_negated_verb_and_codes_what_the_negation_is(mine: Coder) -> None:
    (event,) = [e for e in coded(mine, "Ukraine did not sign the treaty with Russia.") if e.rule.pattern_set == "mine"]
    assert (event.cameo, str(event.modality), event.rule.rules) == ("125", "asserted", ())
    assert dyads(coded(mine, "Ukraine signed the treaty with Russia.")) == set()


def test_a_joint_subject_acts_toward_each_other_and_a_lone_one_does_not_fit(mine: Coder) -> None:
    assert dyads(coded(mine, "Brazil and Argentina agreed on Monday.")) == {("BRA", "030", "ARG"), ("ARG", "030", "BRA")}
    assert dyads(coded(mine, "Brazil agreed on Monday.")) == set()


def test_the_source_and_target_are_where_the_pattern_says(mine: Coder) -> None:
    assert dyads(coded(mine, "Egypt received money from Saudi Arabia.")) == {("SAU", "071", "EGY")}


def test_a_phrase_target_is_the_first_actor_after_the_verb_in_its_phrase(mine: Coder) -> None:
    assert dyads(coded(mine, "Egypt restored full diplomatic ties with Qatar.")) == {("EGY", "064", "QAT")}


def test_a_pattern_that_codes_nothing_stops_lower_patterns(mine: Coder) -> None:
    assert coded(mine, "Iran attacked the American proposal on Monday.") == []
    assert mine._patterns.get("mine", "attack-proposal-nothing").code == NO_EVENT  # type: ignore[union-attr]


def test_a_paired_code_gives_the_target_its_side_of_the_act(mine: Coder) -> None:
    events = [e for e in coded(mine, "Macron arrived in China on Monday.") if e.rule.pattern_set == "mine"]
    assert dyads(events) == {("FRAGOV", "042", "CHN"), ("CHN", "043", "FRAGOV")}
    (back,) = [e for e in events if e.cameo == "043"]
    assert back.rule.rules == (RuleId.PAIRED,)


def test_a_form_restricts_the_verb_to_that_form(mine: Coder) -> None:
    assert dyads(coded(mine, "Modi left for Japan on Monday.")) == {("INDGOV", "042", "JPN")}
    assert dyads(coded(mine, "Modi leaves for Japan on Monday.")) == set()


def test_a_needed_source_must_be_a_known_actor(mine: Coder) -> None:
    assert dyads(coded(mine, "Officials warned of floods in the north.")) == set()
    assert dyads(coded(mine, "Bangladesh warned of floods in the north.")) == {("BGD", "1014", None)}


def test_codes_as_given_are_kept_without_goldstein_quad_class_or_plover(tmp_path: Path) -> None:
    path = tmp_path / "weis.yaml"
    path.write_text('codes: as-given\npatterns:\n  - {id: contribute, verb: contribute, object: [dollar], target: phrase, code: "903"}\n', encoding="utf-8")
    events = coded(Coder(Settings(pattern_files=(path,))), "Norway contributed a million dollars to Kenya.")
    (event,) = [e for e in events if e.rule.pattern_set == "weis"]
    assert (event.cameo, event.goldstein, event.quad_class, event.plover) == ("903", None, None, None)


def test_a_code_cameo_does_not_define_is_an_error_unless_kept_as_given(tmp_path: Path) -> None:
    path = tmp_path / "weis.yaml"
    path.write_text('patterns:\n  - {id: contribute, verb: contribute, code: "903"}\n', encoding="utf-8")
    with pytest.raises(BadDictionary, match=r"weis.yaml.*903"):
        load_pattern_set(path, name="weis")


def test_new_keys_are_checked() -> None:
    with pytest.raises(BadDictionary, match="polarity"):
        read_pattern_set(b"patterns:\n  - {id: a, verb: sign, polarity: maybe, code: '057'}\n", "x", "x.yaml")
    with pytest.raises(BadDictionary, match="oblique"):
        read_pattern_set(b"patterns:\n  - {id: a, verb: sign, oblique: [to], code: '057'}\n", "x", "x.yaml")
    with pytest.raises(BadDictionary, match="source"):
        read_pattern_set(b"patterns:\n  - {id: a, verb: sign, source: content, code: '057'}\n", "x", "x.yaml")
