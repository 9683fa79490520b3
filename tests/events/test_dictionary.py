"""The curated pattern set (patterns.yaml): its shape, and what each family of patterns
codes when the real model reads a sentence."""

from __future__ import annotations

import re
from importlib import resources
from typing import Any

import pytest
import yaml

from standoff.events.patterns import NO_EVENT, load_pattern_set
from standoff.model import Article
from standoff.ontology import load_ontology
from standoff.pipeline import Coder

ROOTS = {f"{root:02d}" for root in range(1, 21)}
CLASS_REFERENCE = re.compile(r"^@(\w+)$")


def raw_dictionary() -> dict[str, Any]:
    data = resources.files("standoff.events").joinpath("patterns.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(data)


def listed(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def words_of(pattern: dict[str, Any]) -> list[Any]:
    """Every word or class reference a pattern is written with."""
    found: list[Any] = []
    for key in ("verb", "noun", "object", "subject", "modifier", "adverb", "comp", "called", "source_sectors", "target_sectors"):
        if key in pattern:
            found.extend(listed(pattern[key]))
    for words in (pattern.get("oblique") or {}).values():  # "oblique: {into: "@intruded"}"
        if words is not None:
            found.extend(listed(words))
    return found


# -- shape ---------------------------------------------------------------------------------


def test_dictionary_loads() -> None:
    dictionary = load_pattern_set()
    assert len(dictionary.patterns) >= 300
    assert dictionary.candidates("attack", nominal=False)


def test_all_twenty_roots_are_covered() -> None:
    roots = {p.code[:2] for p in load_pattern_set().patterns if p.code != NO_EVENT}
    assert roots == ROOTS


def test_at_least_150_distinct_codes() -> None:
    codes = {p.code for p in load_pattern_set().patterns}
    assert len(codes) >= 150


def test_every_code_is_in_the_ontology() -> None:
    ontology = load_ontology()
    for pattern in load_pattern_set().patterns:
        assert pattern.code == NO_EVENT or ontology.get(pattern.code) is not None, pattern.id
        if pattern.negated not in (None, NO_EVENT):  # NO_EVENT: a negated predicate is no event
            assert ontology.get(pattern.negated) is not None, pattern.id


def test_pattern_ids_are_unique() -> None:
    ids = [p["id"] for p in raw_dictionary()["patterns"]]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    assert not duplicates


def test_every_word_class_used_exists_and_every_class_is_used() -> None:
    raw = raw_dictionary()
    classes = set(raw["classes"])
    used = set()
    for pattern in raw["patterns"]:
        for word in words_of(pattern):
            match = CLASS_REFERENCE.match(str(word))
            if match:
                assert match.group(1) in classes, f"{pattern['id']}: unknown class {word}"
                used.add(match.group(1))
    assert classes == used, f"classes nobody uses: {sorted(classes - used)}"


def test_words_are_text_not_yaml_booleans() -> None:
    # YAML reads a bare on/off/yes/no as a boolean: `prep: on` would never match anything.
    raw = raw_dictionary()
    for name, words in raw["classes"].items():
        assert all(isinstance(w, str) for w in words), name
    for pattern in raw["patterns"]:
        assert all(isinstance(w, str) for w in words_of(pattern)), pattern["id"]
        if "prep" in pattern:
            assert isinstance(pattern["prep"], str), pattern["id"]


def test_specific_patterns_come_before_the_general_ones_they_shadow() -> None:
    order = [p.id for p in load_pattern_set().patterns]
    assert order.index("08.release-statement") < order.index("08.release-people")
    assert order.index("07.give-aid") < order.index("15.deploy-troops")
    assert order.index("17.impose-curfew") < order.index("17.impose-restrictions")
    assert order.index("11.verbal-attack") < order.index("19.attack-target")


# -- sentences on the real model -------------------------------------------------------------

# (family, text, CAMEO code that must be among the sentence's events)
FIRES = [
    ("pessimistic comment", "Germany expressed concern over Iran's nuclear programme.", "012"),
    ("optimistic comment", "Japan said it was optimistic about the talks with China.", "013"),
    ("decline comment", "The French government declined to comment on the report.", "011"),
    ("consider option", "Japan is considering new sanctions against Russia.", "014"),
    ("claim responsibility", "Hamas claimed responsibility for the attack.", "015"),
    ("deny responsibility", "Russia denied the accusations.", "016"),
    ("condolences", "China expressed condolences to Turkey after the earthquake.", "018"),
    ("appeal de-escalation", "The United Nations urged Israel and Iran to exercise restraint.", "0256"),
    ("appeal de-escalation, call for", "China called for restraint.", "0256"),
    ("appeal to negotiate", "France urged Russia to negotiate with Ukraine.", "026"),
    ("appeal for arms", "Ukraine appealed to Germany for more air defence systems.", "0232"),
    ("call for sanctions", "France called for sanctions against Iran.", "113"),
    ("intent to negotiate", "Iran offered talks with the United States.", "036"),
    ("intent to release", "Iran agreed to release two British prisoners.", "0353"),
    ("intent to give aid", "Japan pledged aid to Ukraine.", "033"),
    ("intent to mediate", "Turkey offered mediation.", "039"),
    ("agree to a ceasefire", "Armenia and Azerbaijan agreed to a ceasefire.", "0356"),
    ("telephone", "Putin spoke by phone with Erdogan.", "041"),
    ("visit", "The Indian prime minister visited Japan.", "042"),
    ("host", "Japan hosted the Indian prime minister.", "043"),
    ("mediate", "Qatar mediated between Israel and Hamas.", "045"),
    ("negotiate", "Britain negotiated with the European Union.", "046"),
    ("sign agreement", "Israel signed an agreement with the United Arab Emirates.", "057"),
    ("praise", "India praised Japan.", "051"),
    ("mass killing", "Government forces killed tens of thousands of civilians in the campaign.", "202"),  # counted in thousands
    ("praise a deed", "Amnesty International welcomed the arrest of the former president.", "051"),  # not disapproval, as PETRARCH's WELCOME has it
    ("restore ties", "Saudi Arabia restored diplomatic ties with Iran.", "054"),
    ("apologize", "Japan apologized to South Korea.", "055"),
    ("military cooperation", "The United States trained Ukrainian troops.", "062"),
    ("judicial cooperation", "Spain extradited a Russian hacker to the United States.", "063"),
    ("share intelligence", "Britain shared intelligence with France.", "064"),
    ("send arms", "The United States sent weapons to Ukraine.", "072"),
    ("send relief", "Germany sent food and medicine to Sudan.", "073"),
    ("send aid", "Japan sent aid to Turkey.", "070"),
    ("send troops", "Russia sent troops to the border with Ukraine.", "154"),
    ("release prisoners", "Iran released two British prisoners.", "0841"),
    ("release statement", "Iran released a statement.", "010"),
    ("lift sanctions", "The United States lifted sanctions on Venezuela.", "085"),
    ("declare ceasefire", "Israel declared a ceasefire.", "0871"),
    ("withdraw troops", "Russia withdrew its troops from Syria.", "0874"),
    ("resign", "The Iraqi prime minister resigned.", "0831"),
    ("investigate", "Germany opened an investigation into the attack.", "090"),
    ("demand release", "Turkey demanded the release of its diplomats.", "1053"),
    ("criticize", "China condemned Japan.", "111"),
    ("verbal attack", "Russia attacked the American plan.", "111"),
    ("accuse", "Israel accused Iran of supporting Hezbollah.", "112"),
    ("summon envoy", "Poland summoned the Russian ambassador.", "114"),
    ("reject talks", "Iran rejected talks with the United States.", "125"),
    ("refuse to negotiate", "North Korea refused to negotiate with South Korea.", "125"),
    ("reject agreement", "Hamas rejected the agreement.", "127"),
    ("veto", "Russia vetoed the resolution.", "129"),
    ("defy", "North Korea defied the sanctions.", "128"),
    ("negated agree", "Hamas did not agree to the ceasefire.", "1246"),
    ("threaten force", "North Korea threatened to attack South Korea.", "138"),
    ("threaten sanctions", "The United States threatened to impose sanctions on Turkey.", "1312"),
    ("ultimatum", "Israel issued an ultimatum to Hamas.", "139"),
    ("protest", "Iranian students protested against the government.", "141"),
    ("hunger strike", "Palestinian prisoners began a hunger strike.", "142"),
    ("labour strike", "French unions called a general strike.", "143"),
    ("missile launch", "North Korea launched a ballistic missile.", "150"),
    ("military exercise", "China held military exercises near Taiwan.", "150"),
    ("alert", "India put its troops on high alert.", "152"),
    ("deploy troops", "Russia deployed troops to the border.", "154"),
    ("expel diplomats", "Russia expelled two British diplomats.", "161"),
    ("cut ties", "Bahrain cut ties with Qatar.", "161"),
    ("cut aid", "The United States suspended aid to Pakistan.", "162"),
    ("impose sanctions", "The European Union imposed sanctions on Russia.", "163"),
    ("halt talks", "Iran suspended talks with the European Union.", "164"),
    ("seize property", "Iran seized a British tanker.", "1711"),
    ("destroy property", "Israel demolished the homes of Palestinian militants.", "1712"),
    ("restrictions", "Israel imposed restrictions on Palestinian movement.", "172"),
    ("shut media", "Venezuela shut down opposition newspapers.", "1721"),
    ("ban party", "Egypt banned opposition parties.", "1722"),
    ("curfew", "The Iraqi government imposed a curfew in Baghdad.", "1723"),
    ("state of emergency", "Thailand declared a state of emergency.", "1724"),
    ("arrest", "Iran arrested a French journalist.", "173"),
    ("deport", "Russia deported two Ukrainian activists.", "174"),
    ("riot control", "Kenyan police fired tear gas at protesters.", "175"),
    ("abduct", "Boko Haram abducted 200 schoolgirls.", "181"),
    ("torture", "Egyptian police tortured the detainees.", "1822"),
    ("bombing", "Hamas detonated a bomb in Jerusalem.", "183"),
    ("assassinate", "Israel assassinated a Hamas commander.", "186"),
    ("launch attack", "Israel launched an attack on Gaza.", "190"),
    ("attack country", "Russia attacked Ukraine.", "190"),
    ("clash", "Syrian troops clashed with Turkish forces.", "190"),
    ("capture town", "Turkish troops captured the town of Afrin.", "192"),
    ("open fire", "Israeli troops opened fire on protesters.", "193"),
    ("shelling", "Russia shelled Kharkiv.", "194"),
    ("airstrikes", "Saudi Arabia carried out airstrikes on Yemen.", "195"),
    ("drone strike", "The United States carried out a drone strike in Somalia.", "1952"),
    ("violate ceasefire", "Azerbaijan violated the ceasefire.", "196"),
    ("chemical weapons", "Syria used chemical weapons against civilians.", "2041"),
    ("massacre", "The Islamic State massacred Yazidi civilians.", "202"),
]

# (family, text, CAMEO root prefixes none of the sentence's events may have): the same word
# in its other sense must not be coded as force.
DOES_NOT_FIRE = [
    ("fire an official", "The Iraqi president fired the defence minister.", ("15", "18", "19")),
    ("labour strike", "French unions called a general strike.", ("19",)),
    ("strike a deal", "Israel struck a deal with Hamas.", ("19",)),
    ("release a statement", "Iran released a statement.", ("08",)),
    ("launch talks", "Japan launched talks with South Korea.", ("15", "19")),
    ("attack a plan", "Russia attacked the American plan.", ("19",)),
    ("meet a deadline", "Iran met the deadline.", ("04",)),
    ("call a name", "Iran called the American president a liar.", ("04",)),
    ("call a strike a name", "Iran called the strike an attack on its sovereignty.", ("14",)),
    ("welcome a deed", "The rebels welcomed the air strikes.", ("11",)),
    ("kill a few", "Government forces killed five rebels in the campaign.", ("20",)),
]


@pytest.fixture(scope="module")
def coded(coder: Coder) -> dict[str, set[str]]:
    texts = sorted({text for _, text, _ in FIRES} | {text for _, text, _ in DOES_NOT_FIRE})
    articles = [Article(id=f"s{i}", text=text, published=None) for i, text in enumerate(texts)]
    return {r.article.text: {e.cameo for e in r.events} for r in coder.code(articles)}


@pytest.mark.parametrize(("family", "text", "code"), FIRES, ids=[f[0] for f in FIRES])
def test_pattern_family_fires(coded: dict[str, set[str]], family: str, text: str, code: str) -> None:
    assert code in coded[text], f"{family}: {text} -> {sorted(coded[text])}"


@pytest.mark.parametrize(("family", "text", "roots"), DOES_NOT_FIRE, ids=[f[0] for f in DOES_NOT_FIRE])
def test_other_sense_does_not_fire(coded: dict[str, set[str]], family: str, text: str, roots: tuple[str, ...]) -> None:
    wrong = sorted(c for c in coded[text] if c.startswith(roots))
    assert not wrong, f"{family}: {text} -> {wrong}"


def test_the_families_cover_every_root() -> None:
    assert {code[:2] for _, _, code in FIRES} == ROOTS
