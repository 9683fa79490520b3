"""How a place name is used in its sentence: as a location (and of what), or not at all.

"fired a missile over Japan", "the embassy in Manila", "visited Kyiv", "the invasion of
Ukraine" make a place a location; "Washington said", "sanctions on Moscow", "talks on the
peninsula" and "pledged aid to Kyiv" name actors, targets, topics and recipients.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from standoff.geo.resolve import WATER, Resolved
from standoff.lexicon import Lexicon
from standoff.model import Place
from standoff.nlp import Doc, Token
from standoff.syntax.labels import ADVERB_MODIFIER, Form, Role, WordClass, is_noun, is_predicate_word, link, role, word_class
from standoff.syntax.tree import children

# How a name attaches to the place noun it modifies: "*Japan's* waters", "the *Hokkaido* coast".
_NAME_ON_NOUN = frozenset({(Role.POSSESSOR, Form.PLAIN), (Role.MODIFIER, Form.NOUN), (Role.MODIFIER, Form.NOUN_PHRASE)})
# How a modifier belongs to a noun, through compounds and conjuncts ("the Zaporizhzhia nuclear plant").
_BELONGS_TO_NOUN = _NAME_ON_NOUN | {(Role.MODIFIER, Form.ADJECTIVE), (Role.CONJUNCT, Form.PLAIN)}
_PLAIN_OBLIQUE = (Role.OBLIQUE, Form.PLAIN)
_PLAIN_PATIENT = (Role.PATIENT, Form.PLAIN)


@dataclass(frozen=True, slots=True)
class LocatedMention:
    """A resolved place name that a locative phrase puts something at."""

    resolved: Resolved
    anchor: Token  # the word the locative phrase attaches to
    word: str  # the preposition or verb that makes it a location ("over", "crossed")
    link: str  # the preposition that attaches the phrase to the anchor ("into" in "into the waters off")
    feature: str | None  # what the wording makes of it: "offshore" for "off Hokkaido"

    def locates(self, trigger: Token, words: Lexicon) -> bool:
        """Whether the phrase says where its anchor is, rather than a topic, target, recipient
        or destination. On a verb or the trigger: any locative preposition, but "to", "toward"
        and "from" only after verbs of motion ("flew to Damascus", not "pledged aid to Kyiv").
        On another noun: a place preposition ("the embassy in Manila"), or "on" and "over"
        when the noun is a thing rather than a topic ("a drone over Riyadh", "the attack on
        Kabul airport", but not "talks on the peninsula" or "sanctions on Moscow"); never on
        a noun that is itself a topic or target ("warned against provocations in the sea")."""
        if self.anchor.i == trigger.i or is_predicate_word(self.anchor):
            if self.link in words.source_goal_prepositions and is_predicate_word(self.anchor):
                return self.anchor.lemma_.lower() in words.motion_verbs
            return True
        if _under_topic(self.anchor, words):
            return False
        if self.link in words.noun_place_prepositions:
            return True
        if self.link in words.source_goal_prepositions:
            return self.anchor.lemma_.lower() in words.motion_nouns
        return self.link in ("on", "over") and self.anchor.lemma_.lower() not in words.topic_nouns

    @property
    def place(self) -> Place:
        return self.resolved.entry.place(self.feature)


def located(doc: Doc, resolved: Resolved, words: Lexicon) -> LocatedMention | None:
    """How a place name is used as a location, or None when it is not (an actor, a modifier)."""
    token = doc[resolved.mention.head]
    implied = resolved.mention.implied
    place_nouns = words.locative_place_nouns
    offshore_nouns = _offshore_nouns(words)
    place_prepositions = words.place_prepositions
    # "Japan's waters", "the Hokkaido coast", "Kabul airport": the name modifies a place noun.
    if link(token) in _NAME_ON_NOUN and resolved.mention.how != "demonym":
        noun = _noun_head(token)
        if noun.lower_ not in place_nouns:
            return None
        implied = implied or ("offshore" if noun.lower_ in offshore_nouns else None)
        token = noun
    while role(token) in (Role.CONJUNCT, Role.APPOSITIVE) and token.head.i != token.i:
        token = token.head  # "in Seoul and Tokyo", "in the capital, Seoul"
    # "the city of Aleppo", "the coast of Somalia": the place noun carries the phrase.
    while link(token) == _PLAIN_OBLIQUE and token.head.lower_ == "of" and token.head.head.lower_ in place_nouns:
        if token.head.head.lower_ in offshore_nouns:
            implied = implied or "offshore"
        token = token.head.head
    head = token.head
    token_link = link(token)
    particle = next((c.lower_ for c in children(head) if role(c) is Role.PARTICLE and c.lower_ in place_prepositions), None)
    if token_link == _PLAIN_OBLIQUE and head.lower_ in place_prepositions:
        attached, anchor = head.lower_, head.head
    elif token_link == _PLAIN_OBLIQUE and head.lower_ == "of" and head.head.lower_ in place_prepositions:
        attached, anchor = head.head.lower_, head.head.head  # "outside of Basra"
    elif token_link == ADVERB_MODIFIER and token.lower_ in words.direction_words:
        attached, anchor = token.lower_, head  # "30 km north of Baghdad": the direction carries the phrase
    elif token_link in (_PLAIN_PATIENT, _PLAIN_OBLIQUE) and particle is not None:
        attached, anchor = particle, head  # "flew over Japan" parsed as a particle and an object
    elif token_link == _PLAIN_PATIENT and head.lemma_.lower() in words.place_object_verbs:
        attached, anchor = head.lower_, head
    elif token_link == _PLAIN_OBLIQUE and head.lower_ == "of" and head.head.lemma_.lower() in words.of_place_nouns:
        attached, anchor = head.head.lower_, head.head  # "the invasion of Ukraine"
        if link(anchor) == _PLAIN_PATIENT and word_class(anchor.head) is WordClass.VERB:
            anchor = anchor.head  # "seized control of Kabul"
    else:
        return None
    word = attached
    if word == "off":
        implied = implied or "offshore"
    # A locative phrase on a place noun goes on up: "into the waters off Hokkaido" is where
    # the falling happened.
    while anchor.lower_ in place_nouns and link(anchor) == _PLAIN_OBLIQUE and anchor.head.lower_ in place_prepositions:
        attached, anchor = anchor.head.lower_, anchor.head.head
    # "sent destroyers to the shoal", "evacuated the wounded from Gorazde" are often parsed with
    # the phrase on the object (a participle object too).
    mover = anchor if is_predicate_word(anchor) else _noun_head(anchor)
    if link(mover) == _PLAIN_PATIENT and mover.head.lemma_.lower() in words.motion_verbs:
        anchor = mover.head
    if implied == "offshore" and resolved.entry.feature in WATER:
        implied = None  # "off the Red Sea" is still the sea
    return LocatedMention(resolved, anchor, word, attached, implied)


@cache
def _offshore_nouns(words: Lexicon) -> frozenset[str]:
    """Nouns that put a place's name offshore: "the waters of", "the coast of"."""
    return frozenset(n for n, implies in words.territory_nouns.items() if implies == "offshore")


def _noun_head(token: Token) -> Token:
    """The noun a modifier belongs to, through compounds and conjuncts ("the Zaporizhzhia nuclear plant")."""
    while link(token) in _BELONGS_TO_NOUN and token.head.i != token.i and is_noun(token.head):
        token = token.head
    return token


def _under_topic(noun: Token, words: Lexicon) -> bool:
    """The noun sits in a topic or target phrase of a verb ("warned against any provocation")."""
    token = noun
    for _ in range(8):
        if is_predicate_word(token) or token.head.i == token.i:
            return False
        if link(token) == _PLAIN_OBLIQUE and token.head.lower_ in words.topic_prepositions and is_predicate_word(token.head.head):
            return True
        token = token.head
    return False
