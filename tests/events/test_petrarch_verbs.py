"""Translating a PETRARCH verb dictionary into standoff patterns: each feature of the format on
a dictionary written for the test, what cannot be translated listed with its reason, and the
translation coding sentences with the real model through --verbs."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from standoff.cli import main
from standoff.events.patterns import read_pattern_set
from standoff.events.petrarch_verbs import IMPORTED, Translation, load_imported_set, translate
from standoff.events.verbfile import read_verb_dictionary
from standoff.lexicon import load_lexicon
from standoff.model import Article
from standoff.pipeline import Coder, Settings

DICTIONARY = """\
&MILITARY
+TROOPS
+ARMED_FORCES

&NEGATIVE
+WILL NOT
+DID N'T

&PREPS_
+IN
+ON

--- RUSH   [---]  ---
RUSH
SPEED {SPEEDING SPEEDS SPED }
- * POLICE (TO BORDER)        [153]
- * {RELIEF SUPPLIES}         [073]
- &MILITARY *                 [154]
- * (TO +)                    [042:043]
- * OUT VIEWS                 [010]
- SHARPLY *                   [111]
- &NEGATIVE * AID             [125]
- * ATTACK ON +               [112]
- * &PREPS RESOLUTION         [102]
- % *                         [036]
- * SANCTIONS                 [163]
- * SANCTIONS                 [163]
- * MEETING                   [036]
- * MEETING                   [046]
- * INCIDENTS                 [---]
- + * (FROM $)                [:0841]
- IN * FAST                   [030]
- * &NOSUCHSET                [030]

--- DEPART [032:033] ---
LEFT
+CORDON_OFF {+CORDONED_OFF}
WIRE_+TAP
+TAKE_LEAVE
- * (FOR)                     [031]

--- DELAY  [---]  ---
DELAY
- % HAVE *                    [191]
- SAID WOULD NOT * TALKS      [112]
- HAS SAID *                  [114]
- * TALKS WITH                [040]
- * ANGRILY                   [122]
"""


@pytest.fixture(scope="module")
def translation() -> Translation:
    return translate(read_verb_dictionary(DICTIONARY, "test.verbs.txt"), "test.verbs.txt", load_lexicon(), dyad=False)


def pattern(translation: Translation, line: int) -> dict[str, Any]:
    (found,) = [p for p in translation.patterns if p["note"].startswith(f"line {line}:")]
    return {k: v for k, v in found.items() if k not in ("id", "note", "verb")}


def test_words_after_the_verb_are_its_object_and_prepositions_its_obliques(translation: Translation) -> None:
    assert pattern(translation, 16) == {"object": ["police"], "oblique": {"to": ["border"]}, "target": "phrase", "code": "153"}
    assert pattern(translation, 17)["object"] == ["relief supplies", "relief supply"]  # a plural head stands for its singular too
    assert pattern(translation, 27)["object"] == ["sanctions", "sanction"]


def test_words_before_the_verb_are_its_subject_an_adverb_or_its_negation(translation: Translation) -> None:
    assert pattern(translation, 18)["subject"] == ["@military"]
    assert pattern(translation, 21)["adverb"] == ["sharply"]
    assert pattern(translation, 22)["polarity"] == "negated"


def test_auxiliaries_and_a_governing_verb_before_the_verb_constrain_it(translation: Translation) -> None:
    assert pattern(translation, 44) == {"joint": True, "auxiliaries": ["have"], "target": "phrase", "code": "191"}
    said = pattern(translation, 45)
    assert (said["governor"], said["auxiliaries"], said["polarity"], said["object"]) == (["say"], ["would"], "negated", ["talks", "talk"])


def test_marks_place_the_source_and_target_and_ask_for_them(translation: Translation) -> None:
    assert pattern(translation, 19) == {"oblique": {"to": None}, "target": "prep:to", "needs_target": True, "code": "042", "reverse": "043"}
    assert pattern(translation, 23)["target"] == "prep:on"  # a preposition written without parentheses
    assert pattern(translation, 25)["joint"] is True
    back = pattern(translation, 31)
    assert (back["target"], back["source"], back["code"], back["reverse"]) == ("subject", "prep:from", "none", "0841")


def test_an_adverb_alone_after_the_verb_is_its_adverb(translation: Translation) -> None:
    assert pattern(translation, 48) == {"adverb": ["angrily"], "target": "phrase", "code": "122"}


def test_a_preposition_after_the_object_is_an_oblique_not_a_particle(translation: Translation) -> None:
    assert pattern(translation, 47) == {"object": ["talks", "talk"], "oblique": {"with": None}, "target": "phrase", "code": "040"}


def test_a_particle_follows_the_verb(translation: Translation) -> None:
    (found,) = [p for p in translation.patterns if p["note"].startswith("line 20:")]
    assert found["verb"] == ["@rush_verbs out"] and found["object"] == ["views", "view"]
    assert translation.classes["rush_verbs"] == ["rush", "speed"]


def test_a_set_of_prepositions_stands_for_each_of_them(translation: Translation) -> None:
    found = [p for p in translation.patterns if p["note"].startswith("line 24:")]
    assert sorted((next(iter(p["oblique"])), p["id"].split("-")[-1]) for p in found) == [("in", "in"), ("on", "on")]


def test_a_null_code_fits_and_codes_nothing(translation: Translation) -> None:
    assert pattern(translation, 30)["code"] == "none"


def test_synonym_sets_are_classes_with_singulars(translation: Translation) -> None:
    assert translation.classes["military"] == ["troops", "troop", "armed forces", "armed force"]
    assert translation.classes["preps"] == ["in", "on"]  # a name ending with _ adds no singulars


def test_repeats_are_dropped_and_a_later_code_shadows_an_earlier_one(translation: Translation) -> None:
    assert translation.duplicates == 1
    assert pattern(translation, 29)["code"] == "046"
    shadowed = [u for u in translation.untranslated if u.kind == "shadowed"]
    assert [u.line for u in shadowed] == [28]


def test_a_form_listed_without_its_base_verb_is_restricted_to_that_form(translation: Translation) -> None:
    departing = [p for p in translation.patterns if p["note"].startswith("line 40:")]
    assert {tuple(p.get("forms", ())) for p in departing} == {("left",), ()}
    left = next(p for p in departing if p.get("forms"))
    assert left["verb"] == ["leave"]
    # the block's other verbs, with the lemma the model gives an irregular form when it differs
    assert next(p for p in departing if not p.get("forms"))["verb"] == ["@depart_verbs"]
    assert translation.classes["depart_verbs"][0] == "cordon off"


def test_the_verbs_own_codes_fit_the_verb_alone(translation: Translation) -> None:
    own = [p for p in translation.patterns if p["id"].startswith("depart.") and ".verb" in p["id"]]
    assert {(tuple(p["verb"]), p["code"], p.get("reverse"), p["bare"]) for p in own} == {(("cordon off",), "032", "033", True), (("leave",), "032", "033", True)}


def test_what_cannot_be_translated_is_listed_with_its_line_and_reason(translation: Translation) -> None:
    reasons = {u.line: u.reason for u in translation.untranslated if u.kind != "shadowed"}
    assert reasons[32].startswith("a word before the verb that is no subject, adverb, negation, auxiliary or governing verb")
    assert reasons[46].startswith("words of the governing verb before it")
    assert reasons[33] == "an unknown synonym set: &NOSUCHSET"
    assert reasons[38] == "a word before the verb of a multi-word verb (WIRE_+TAP)"
    assert reasons[39] == "a multi-word verb whose later word is no particle or preposition"
    report = translation.report()
    assert "line 33: - * &NOSUCHSET [030]  -- an unknown synonym set" in report
    assert "patterns not translated: 3" in report and "verbs standoff cannot match: 2" in report


def test_the_translation_reads_back_as_a_pattern_set(translation: Translation) -> None:
    read = read_pattern_set(translation.to_yaml().encode("utf-8"), "test", "test.yaml")
    assert len(read.patterns) == len(translation.patterns)
    assert read.candidates("rush", nominal=False) and read.candidates("leave", nominal=False)


def test_a_dyad_makes_every_pattern_need_a_known_source_and_target() -> None:
    strict = translate(read_verb_dictionary(DICTIONARY, "t.txt"), "t.txt", load_lexicon(), dyad=True)
    assert all(p["dyad"] for p in strict.patterns)


def test_a_verb_that_is_another_verbs_irregular_form_is_a_verb_of_its_own() -> None:
    text = "--- DISCOVER [---] ---\nFIND {FINDS FOUND FINDING}\n- * EVIDENCE [010]\n\n--- ENACT [060] ---\nESTABLISH\nFOUND\n- * LINK [030]\n"
    found = translate(read_verb_dictionary(text, "f.txt"), "f.txt", load_lexicon())
    enacting = [p for p in found.patterns if p["id"].startswith("enact.")]
    # FOUND of ENACT is "founded", not every "found" of "find"; FIND keeps its own form
    assert all("forms" not in p for p in enacting)
    assert "find" not in {v for p in enacting for v in p["verb"]} and "found" in found.classes["enact_verbs"]
    assert [p["verb"] for p in found.patterns if p["id"].startswith("discover.")][0] == ["find"]


def test_codes_cameo_does_not_define_are_kept_and_counted() -> None:
    weis = translate(read_verb_dictionary("--- GIVE [---] ---\nGIVE\n- * DOLLARS [903]\n", "w.txt"), "w.txt", load_lexicon())
    assert weis.codes_as_given == {"903": 1}
    assert "codes: as-given" in weis.to_yaml()


def test_a_petrarch_file_codes_through_verbs_over_the_packaged_sets(tmp_path: Path) -> None:
    path = tmp_path / "mine.verbs.txt"
    path.write_text("--- SPEED [---] ---\nSPEED\n- * POLICE (TO BORDER) [153]\n", encoding="utf-8")
    (result,) = Coder(Settings(pattern_files=(path,))).code([Article("a", "Pakistan sped police to the border with India.", date(2024, 1, 5))])
    assert [(e.cameo, e.rule.pattern_set, e.source.code.code) for e in result.events] == [("153", "mine.verbs", "PAK")]  # type: ignore[union-attr]


def test_an_auxiliary_or_governing_verb_of_a_pattern_must_be_in_the_sentence(tmp_path: Path) -> None:
    path = tmp_path / "hold.verbs.txt"
    path.write_text("--- HOLD [---] ---\nHOLD\n- INDICATED WOULD * TALKS [036]\n- HAVE * TALKS [046]\n", encoding="utf-8")
    coder = Coder(Settings(pattern_files=(path,)))
    texts = [
        "Kenya indicated it would hold talks with Uganda.",  # the governing verb and the auxiliary
        "Kenya said it would hold talks with Uganda.",  # another governing verb
        "Kenya and Uganda have held talks.",  # the auxiliary alone
        "Kenya held talks with Uganda.",  # neither
    ]
    results = coder.code([Article(str(i), text, date(2024, 1, 5)) for i, text in enumerate(texts)])
    codes = [sorted(e.cameo for e in r.events if e.rule.pattern_set == "hold.verbs") for r in results]
    assert codes == [["036"], [], ["046", "046"], []]


def test_import_verbs_writes_the_patterns_and_the_report(tmp_path: Path) -> None:
    source = tmp_path / "v.txt"
    source.write_text(DICTIONARY, encoding="utf-8")
    out = tmp_path / "v.yaml"
    result = CliRunner().invoke(main, ["import-verbs", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "patterns not translated: 3" in result.output and "wrote" in result.output
    assert read_pattern_set(out.read_bytes(), "v", str(out)).patterns
    assert "an unknown synonym set" in (tmp_path / "v.report.txt").read_text(encoding="utf-8")
    coded = CliRunner().invoke(main, ["code", "-", "--verbs", str(out), "--date", "2024-01-05"], input="Pakistan rushed police to the border with India.\n")
    assert coded.exit_code == 0, coded.output
    assert any(json.loads(line)["cameo"] == "153" for line in coded.output.splitlines())


def test_the_packaged_translation_loads_under_its_own_name() -> None:
    packaged = load_imported_set()
    assert packaged.name == IMPORTED and len(packaged.patterns) > 4000
    assert packaged.candidates("rush", nominal=False)


def test_an_event_with_a_code_cameo_does_not_define_prints_and_exports(tmp_path: Path) -> None:
    weis = tmp_path / "weis.yaml"
    weis.write_text('codes: as-given\npatterns:\n  - {id: contribute, verb: contribute, object: [dollar], target: phrase, code: "903"}\n', encoding="utf-8")
    text = "Norway contributed a million dollars to Kenya.\n"
    table = CliRunner().invoke(main, ["code", "-", "--verbs", str(weis), "--date", "2024-01-05", "--format", "table"], input=text)
    assert table.exit_code == 0, table.output
    assert "903" in table.output and "not CAMEO" in table.output
    lines = CliRunner().invoke(main, ["code", "-", "--verbs", str(weis), "--date", "2024-01-05"], input=text).output.splitlines()
    (event,) = [json.loads(line) for line in lines if json.loads(line)["cameo"] == "903"]
    assert (event["goldstein"], event["quad_class"], event["plover"]) == (None, None, None)


def test_a_verb_of_motion_alone_is_no_meeting_or_visit() -> None:
    text = "--- GO [040] ---\nTRAVEL\nCONFER\n- * (TO) [036]\n- * (FOR TALKS) [046]\n"
    moving = translate(read_verb_dictionary(text, "g.txt"), "g.txt", load_lexicon())
    kept = {(p["code"], tuple(p["verb"])) for p in moving.patterns}
    assert kept == {("040", ("confer",)), ("036", ("confer",)), ("046", ("@go_verbs",))}  # words ("for talks") still code a visit
    assert sorted((u.text.split(":")[0], u.kind) for u in moving.untranslated) == [("travel", "gated"), ("travel", "gated")]


def test_a_going_written_for_a_verb_of_motion_is_no_visit_for_its_block() -> None:
    text = "--- HEAD [---] ---\nHEAD\nORDER\n- * (TO) [042:043]  # HEAD\n- * (FOR TALKS) [046]  # HEAD\n"
    heading = translate(read_verb_dictionary(text, "h.txt"), "h.txt", load_lexicon())
    assert [(p["code"], p["verb"]) for p in heading.patterns] == [("046", ["@head_verbs"])]  # "ordered a halt to" goes nowhere
    assert sorted((u.text.split(":")[0], u.kind) for u in heading.untranslated) == [("head", "gated"), ("order", "gated")]


def test_a_verb_of_holding_power_alone_is_no_act() -> None:
    text = "--- OVERSEE [060] ---\nGOVERN\nSUPERVISE\n- * (FOR) [042]\n- * TALKS [046]\n"
    ruling = translate(read_verb_dictionary(text, "o.txt"), "o.txt", load_lexicon())
    kept = {(p["code"], tuple(p["verb"])) for p in ruling.patterns}
    assert kept == {("060", ("supervise",)), ("042", ("supervise",)), ("046", ("@oversee_verbs",))}  # words ("talks") still code
    assert sorted((u.text.split(":")[0], u.kind) for u in ruling.untranslated) == [("govern", "gated"), ("govern", "gated")]


def test_a_subject_that_names_an_act_is_no_source_of_a_dyad(tmp_path: Path) -> None:
    path = tmp_path / "anger.verbs.txt"
    path.write_text("--- ANGER [:110] ---\nANGER\n", encoding="utf-8")
    coder = Coder(Settings(pattern_files=(path,)))
    (plain, act) = coder.code(
        [Article("a", "Uganda angered Kenya.", date(2024, 1, 5)), Article("b", "The arrest of three Kenyan activists angered Kenya.", date(2024, 1, 5))]
    )
    assert [(e.cameo, e.source.code.code, e.target.code.code) for e in plain.events] == [("110", "KEN", "UGA")]  # type: ignore[union-attr]
    assert not [e for e in act.events if e.rule.pattern_set == "anger.verbs"]


def test_words_after_the_verb_are_read_in_the_clause_it_takes_and_its_subject_is_the_target(tmp_path: Path) -> None:
    path = tmp_path / "doubt.verbs.txt"
    path.write_text("--- DOUBT [023] ---\nDOUBT\n- * THE_RIGHT_PLACE [027]\n", encoding="utf-8")
    coder = Coder(Settings(pattern_files=(path,)))
    texts = [
        "Kenya doubts that Uganda can cope with the drought.",  # the verb's own code, aimed at the clause's subject
        "Kenya doubts that Uganda is the right place for the summit.",  # the pattern's words in the clause
        "Uganda can cope with the drought, Kenya doubts.",  # a clause told before the verb: no phrase after it
    ]
    results = coder.code([Article(str(i), text, date(2024, 1, 5)) for i, text in enumerate(texts)])
    coded = [[(e.cameo, e.source.code.code, e.target.code.code) for e in r.events if e.rule.pattern_set == "doubt.verbs"] for r in results]  # type: ignore[union-attr]
    assert coded == [[("023", "KEN", "UGA")], [("027", "KEN", "UGA")], []]


def test_the_target_after_the_verb_is_not_the_actors_own(tmp_path: Path) -> None:
    path = tmp_path / "halt.verbs.txt"
    path.write_text("--- HALT [191] ---\nHALT\n- * MARCH [192]\n--- MARCH [181] ---\nMARCH\n", encoding="utf-8")
    coder = Coder(Settings(pattern_files=(path,)))
    texts = [
        "President Ruto halted his march towards the border of Uganda.",  # "his" is Ruto: the target is further on
        "Kenya has marched very close to the border with Uganda.",  # a preposition on the verb's adverb
    ]
    results = coder.code([Article(str(i), text, date(2024, 1, 5)) for i, text in enumerate(texts)])
    coded = [[(e.cameo, e.source.code.code, e.target.code.code) for e in r.events if e.rule.pattern_set == "halt.verbs"] for r in results]  # type: ignore[union-attr]
    assert coded == [[("192", "KENGOV", "UGA")], [("181", "KEN", "UGA")]]


def test_words_after_the_verb_may_be_an_adjective_of_its_object(tmp_path: Path) -> None:
    path = tmp_path / "renew.verbs.txt"
    path.write_text("--- RENEW [---] ---\nRENEW\n- * DIPLOMATIC [064]\n--- DOUBT [023] ---\nDOUBT\n- * REALLY_SAFE [027]\n", encoding="utf-8")
    coder = Coder(Settings(pattern_files=(path,)))
    texts = [
        "Kenya renewed diplomatic ties with Uganda.",
        "Kenya doubts that Uganda is a really safe place for the summit.",
        "Kenya renewed its ties with Uganda.",  # no such word: the block's null code
    ]
    results = coder.code([Article(str(i), text, date(2024, 1, 5)) for i, text in enumerate(texts)])
    coded = [[(e.cameo, e.source.code.code, e.target.code.code) for e in r.events if e.rule.pattern_set == "renew.verbs"] for r in results]  # type: ignore[union-attr]
    assert coded == [[("064", "KEN", "UGA")], [("027", "KEN", "UGA")], []]
