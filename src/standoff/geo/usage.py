"""How a place name is used in its sentence: as a location (and of what), or not at all.

"fired a missile over Japan", "the embassy in Manila", "visited Kyiv", "the invasion of
Ukraine" make a place a location; "Washington said", "sanctions on Moscow", "talks on the
peninsula" and "pledged aid to Kyiv" name actors, targets, topics and recipients.
"""

from __future__ import annotations

from dataclasses import dataclass

from standoff.geo.resolve import WATER, Resolved
from standoff.geo.words import (
    LOCATIVE_PREPS,
    MOTION_VERBS,
    NOUN_PREPS,
    OF_PLACE_NOUNS,
    PLACE_NOUNS,
    PLACE_OBJECT_VERBS,
    SOURCE_GOAL_PREPS,
    TERRITORY_NOUNS,
    TOPIC_NOUNS,
    TOPIC_PREPS,
)
from standoff.model import Place
from standoff.nlp import Doc, Token

_OFFSHORE_NOUNS = frozenset(n for n, implied in TERRITORY_NOUNS.items() if implied == "offshore")


@dataclass(frozen=True, slots=True)
class LocatedMention:
    """A resolved place name that a locative phrase puts something at."""

    resolved: Resolved
    anchor: Token  # the word the locative phrase attaches to
    word: str  # the preposition or verb that makes it a location ("over", "crossed")
    link: str  # the preposition that attaches the phrase to the anchor ("into" in "into the waters off")
    feature: str | None  # what the wording makes of it: "offshore" for "off Hokkaido"

    def locates(self, trigger: Token) -> bool:
        """Whether the phrase says where its anchor is, rather than a topic, target, recipient
        or destination. On a verb or the trigger: any locative preposition, but "to", "toward"
        and "from" only after verbs of motion ("flew to Damascus", not "pledged aid to Kyiv").
        On another noun: a place preposition ("the embassy in Manila"), or "on" and "over"
        when the noun is a thing rather than a topic ("a drone over Riyadh", "the attack on
        Kabul airport", but not "talks on the peninsula" or "sanctions on Moscow"); never on
        a noun that is itself a topic or target ("warned against provocations in the sea")."""
        if self.anchor.i == trigger.i or self.anchor.pos_ in ("VERB", "AUX"):
            if self.link in SOURCE_GOAL_PREPS and self.anchor.pos_ in ("VERB", "AUX"):
                return self.anchor.lemma_.lower() in MOTION_VERBS
            return True
        if _under_topic(self.anchor):
            return False
        if self.link in NOUN_PREPS:
            return True
        return self.link in ("on", "over") and self.anchor.lemma_.lower() not in TOPIC_NOUNS

    @property
    def place(self) -> Place:
        return self.resolved.entry.place(self.feature)


def located(doc: Doc, resolved: Resolved) -> LocatedMention | None:
    """How a place name is used as a location, or None when it is not (an actor, a modifier)."""
    token = doc[resolved.mention.head]
    implied = resolved.mention.implied
    # "Japan's waters", "the Hokkaido coast", "Kabul airport": the name modifies a place noun.
    if token.dep_ in ("poss", "compound", "nmod") and resolved.mention.how != "demonym":
        noun = _noun_head(token)
        if noun.lower_ not in PLACE_NOUNS:
            return None
        implied = implied or ("offshore" if noun.lower_ in _OFFSHORE_NOUNS else None)
        token = noun
    while token.dep_ in ("conj", "appos") and token.head.i != token.i:
        token = token.head  # "in Seoul and Tokyo", "in the capital, Seoul"
    # "the city of Aleppo", "the coast of Somalia": the place noun carries the phrase.
    while token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lower_ in PLACE_NOUNS:
        if token.head.head.lower_ in _OFFSHORE_NOUNS:
            implied = implied or "offshore"
        token = token.head.head
    head = token.head
    if token.dep_ == "pobj" and head.lower_ in LOCATIVE_PREPS:
        link, anchor = head.lower_, head.head
    elif token.dep_ in ("dobj", "pobj") and any(c.dep_ == "prt" and c.lower_ in LOCATIVE_PREPS for c in head.children):
        link = next(c.lower_ for c in head.children if c.dep_ == "prt" and c.lower_ in LOCATIVE_PREPS)
        anchor = head  # "flew over Japan" parsed as a particle and an object
    elif token.dep_ == "dobj" and head.lemma_.lower() in PLACE_OBJECT_VERBS:
        link, anchor = head.lower_, head
    elif token.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in OF_PLACE_NOUNS:
        link, anchor = head.head.lower_, head.head  # "the invasion of Ukraine"
        if anchor.dep_ == "dobj" and anchor.head.pos_ == "VERB":
            anchor = anchor.head  # "seized control of Kabul"
    else:
        return None
    word = link
    if word == "off":
        implied = implied or "offshore"
    # A locative phrase on a place noun goes on up: "into the waters off Hokkaido" is where
    # the falling happened.
    while anchor.lower_ in PLACE_NOUNS and anchor.dep_ == "pobj" and anchor.head.lower_ in LOCATIVE_PREPS:
        link, anchor = anchor.head.lower_, anchor.head.head
    if anchor.pos_ not in ("VERB", "AUX"):
        # "sent destroyers to the shoal" is often parsed with the phrase on the object.
        mover = _noun_head(anchor)
        if mover.dep_ == "dobj" and mover.head.lemma_.lower() in MOTION_VERBS:
            anchor = mover.head
    if implied == "offshore" and resolved.entry.feature in WATER:
        implied = None  # "off the Red Sea" is still the sea
    return LocatedMention(resolved, anchor, word, link, implied)


def _noun_head(token: Token) -> Token:
    """The noun a modifier belongs to, through compounds and conjuncts ("the Zaporizhzhia nuclear plant")."""
    while token.dep_ in ("compound", "poss", "amod", "nmod", "conj") and token.head.i != token.i and token.head.pos_ in ("NOUN", "PROPN"):
        token = token.head
    return token


def _under_topic(noun: Token) -> bool:
    """The noun sits in a topic or target phrase of a verb ("warned against any provocation")."""
    token = noun
    for _ in range(8):
        if token.pos_ in ("VERB", "AUX") or token.head.i == token.i:
            return False
        if token.dep_ == "pobj" and token.head.lower_ in TOPIC_PREPS and token.head.head.pos_ in ("VERB", "AUX"):
            return True
        token = token.head
    return False
