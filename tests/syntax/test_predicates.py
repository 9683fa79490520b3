"""The parse adapter's predicates: roles read from the real model's parse."""

from __future__ import annotations

import pytest

from standoff.lexicon import load_lexicon
from standoff.nlp import parse
from standoff.syntax.labels import repair_stranded_verbs
from standoff.syntax.predicates import Predicate, PredicateReader


def predicate_of(text: str, verb: str) -> Predicate:
    doc = next(parse([text]))
    return PredicateReader(load_lexicon()).verb(next(t for t in doc if t.text == verb))


@pytest.mark.parametrize(
    ("text", "verb", "patient", "called"),
    [
        ("The court found him guilty.", "found", "him", "guilty"),
        ("The Netherlands held Russia accountable.", "held", "Russia", "accountable"),
        ("The court declared the vote illegal.", "declared", "vote", "illegal"),
        ("Moscow called the verdict scandalous.", "called", "verdict", "scandalous"),
    ],
)
def test_an_object_with_what_it_is_called_is_a_patient_and_a_predicative(text, verb, patient, called):
    predicate = predicate_of(text, verb)
    assert [t.text for t in predicate.patients] == [patient]
    assert [t.text for t in predicate.called] == [called]
    assert predicate.clause is None


def test_a_that_clause_stays_a_clause():
    predicate = predicate_of("China said that the ruling was illegal.", "said")
    assert predicate.clause is not None and predicate.clause.text == "was"
    assert predicate.patients == [] and predicate.called == []


def test_a_verb_hung_on_a_noun_of_a_relative_clause_is_the_sentence_s_verb():
    doc = next(parse(["Norway, which chairs the donor group, called on Israel and the Palestinians to resume talks."]))
    called = next(t for t in doc if t.text == "called")
    assert called.dep_ == "acl"  # the model's reading: "the group called on"; if it changes, this test's premise is gone
    repair_stranded_verbs(doc)
    agents = [t.text for t in PredicateReader(load_lexicon()).verb(called).agents]
    assert agents == ["Norway"]
    reduced = next(parse(["The man called John left the city."]))
    repair_stranded_verbs(reduced)
    assert next(t for t in reduced if t.text == "left").dep_ == "ROOT"  # a sentence rooted in its verb is left alone


def test_a_verb_joined_to_a_reported_description_is_the_reporter_s():
    doc = next(parse(["The minister said the tests were reckless and warned of grave consequences."]))
    warned = next(t for t in doc if t.text == "warned")
    assert warned.head.text == "were"  # the model's reading: "the tests warned"; if it changes, this test's premise is gone
    repair_stranded_verbs(doc)
    assert [t.text for t in PredicateReader(load_lexicon()).verb(warned).agents] == ["minister"]
    acts = next(parse(["Officials said the army had entered the town and killed ten people."]))
    killed = next(t for t in acts if t.text == "killed")
    head = killed.head.text
    repair_stranded_verbs(acts)
    assert killed.head.text == head  # a verb joined to a reported act is left where it is


def test_a_that_clause_after_the_maker_of_an_act_tells_what_the_act_did():
    doc = next(parse(["They asked about an air strike by the coalition that hit a bus."]))
    hit = next(t for t in doc if t.text == "hit")
    assert hit.head.text == "coalition"  # the model's reading: "the coalition that hit"; if it changes, this test's premise is gone
    assert [t.text for t in PredicateReader(load_lexicon()).verb(hit).agents] == ["strike"]
    # the maker of no act keeps its clause, and so does a maker told apart by "who"
    assert [t.text for t in predicate_of("They met the envoy sent by the council that meets in Geneva.", "meets").agents] == ["council"]
    assert [t.text for t in predicate_of("They asked about an attack by the rebels who fled the town.", "fled").agents] == ["rebels"]


def test_a_past_verb_joined_to_a_to_clause_is_joined_to_its_head():
    doc = next(parse(["The government set up a commission to help the victims and provided 10 million dollars in aid."]))
    provided = next(t for t in doc if t.text == "provided")
    assert provided.head.text == "help"  # the model's reading: "to ... provided"; if it changes, this test's premise is gone
    repair_stranded_verbs(doc)
    assert provided.head.text == "set"
    assert [t.text for t in PredicateReader(load_lexicon()).verb(provided).agents] == ["government"]


def test_a_past_verb_joined_to_a_clause_under_a_modal_is_the_reporter_s():
    doc = next(parse(["The charity said the ban would put lives at risk and called on the government to lift it."]))
    called = next(t for t in doc if t.text == "called")
    assert called.head.text == "put"  # the model's reading: "would ... called"; if it changes, this test's premise is gone
    repair_stranded_verbs(doc)
    assert called.head.text == "said"
    assert [t.text for t in PredicateReader(load_lexicon()).verb(called).agents] == ["charity"]
    shared = next(parse(["Officials said the army would enter the town and close the roads."]))
    close = next(t for t in shared if t.text == "close")
    repair_stranded_verbs(shared)
    assert close.head.text == "enter"  # a bare verb shares the modal: left where it is


def test_a_verb_misspelt_with_es_names_no_act_but_a_true_es_form_does():
    doc = next(parse(["Ethiopia departes from Libya. Turkey fixes the border, watches the river, goes home and pushes back."]))
    reader = PredicateReader(load_lexicon())
    lemmas = frozenset({"depart", "fix", "watch", "go", "push"})
    found = {p.trigger.text for p in reader.sentence(doc[:], lemmas, frozenset())}
    assert found == {"fixes", "watches", "goes", "pushes"}


def test_a_participle_on_its_noun_is_passive_with_the_noun_as_patient():
    predicate = predicate_of("Air defences intercepted two missiles fired at the airport.", "fired")
    assert predicate.passive
    assert [t.text for t in predicate.patients] == ["missiles"]
    assert predicate.agents == []


def test_a_that_clause_hung_on_the_noun_of_a_phrase_is_the_verb_s_content():
    doc = next(parse(["Iranian President Hassan Rouhani warned in a televised speech that Iran would strike American bases in the region."]))
    strike = next(t for t in doc if t.text == "strike")
    assert strike.head.text == "speech"  # the model's reading: "a speech that ... would strike"; if it changes, this test's premise is gone
    repair_stranded_verbs(doc)
    assert strike.head.text == "warned" and strike.dep_ == "ccomp"
    assert PredicateReader(load_lexicon()).verb(strike.head).clause == strike
    # a true relative clause, its "that" a pronoun, stays on its noun
    relative = next(parse(["The minister spoke at a meeting that lasted three hours."]))
    lasted = next(t for t in relative if t.text == "lasted")
    head = lasted.head.text
    repair_stranded_verbs(relative)
    assert lasted.head.text == head


def test_a_clause_after_a_free_relative_of_naming_leaves_the_named_thing_the_object():
    predicate = predicate_of("The Nigerian army launched what it called a final offensive against Boko Haram that displaced thousands.", "launched")
    assert [t.text for t in predicate.patients] == ["offensive"]


def test_a_past_verb_joined_to_a_progressive_is_joined_to_its_head():
    doc = next(parse(["The United States said it was not taking sides in the dispute and urged Baghdad to show restraint."]))
    urged = next(t for t in doc if t.text == "urged")
    assert urged.head.text == "taking"  # the model's reading: "was not taking ... and urged"; if it changes, this test's premise is gone
    repair_stranded_verbs(doc)
    assert urged.head.text == "said"
