"""Whether a pattern fits a predicate: its trigger words, and the roles it needs filled."""

from __future__ import annotations

from functools import lru_cache

from standoff.actors.resolve import ArticleActors
from standoff.events.arguments import actors_at
from standoff.events.patterns import Pattern
from standoff.lexicon import Lexicon
from standoff.model import Resolution
from standoff.nlp import Token
from standoff.syntax.labels import Form, Role, link, role
from standoff.syntax.predicates import Predicate, obliques


# Actors a thing stands for: "the French position" stands for France, but is no party to meet.
OWNED_THINGS = frozenset({Resolution.OWNER_ADJECTIVE, Resolution.PLACE_OF_OWNER, Resolution.STATEMENT_OF_OWNER})


class PatternMatcher:
    def __init__(self, lexicon: Lexicon) -> None:
        self._words = lexicon

    def fits(self, pattern: Pattern, predicate: Predicate, actors: ArticleActors) -> bool:
        if not _trigger_words_present(pattern, predicate):
            return False
        patients = patients_for(pattern, predicate)
        if pattern.object == "none" and patients:
            return False
        if pattern.object == "thing" and not patients:
            return False
        if pattern.object == "actor" and not any(actors_at(o, actors, self._words) or actors.actors(o) for o in patients):
            return False
        if pattern.object == "party" and not any(a.method not in OWNED_THINGS for o in patients for a in actors.actors(o)):
            return False
        if pattern.voice is not None and predicate.passive != (pattern.voice == "passive"):
            return False
        if pattern.source_sectors is not None and not _has_sector(predicate.agents, pattern.source_sectors, actors, self._words):
            return False
        if pattern.target_sectors is not None:
            named = patients + [o for objects in predicate.obliques.values() for o in objects]
            if not _has_sector(named, pattern.target_sectors, actors, self._words):
                return False
        if isinstance(pattern.object, frozenset) and not any(self.words_of(o) & pattern.object for o in patients):
            return False
        if pattern.modifier is not None and not any(self._modifiers_of(o) & pattern.modifier for o in patients):
            return False
        if pattern.subject is not None and not any(self.words_of(s) & pattern.subject for s in predicate.agents):
            return False
        if pattern.prep is not None and not predicate.objects_of(pattern.prep):
            return False
        if pattern.comp is not None and (predicate.complement is None or predicate.complement.lemma_.lower() not in pattern.comp):
            return False
        if pattern.clause and predicate.clause is None:
            return False
        if pattern.bare and (predicate.predicative or predicate.complement is not None or predicate.clause is not None):
            return False
        if pattern.content and not any(expr.search(_content_text(predicate)) for expr in pattern.content):
            return False
        return True

    def words_of(self, token: Token) -> set[str]:
        """A role filler's lemma and form, those of its noun modifiers ("road map") and of the
        noun it is an offer or proposal of ("the offer of talks")."""
        words = {token.lemma_.lower(), token.lower_}
        for child in token.children:
            kind, how = link(child)
            if (kind, how) == (Role.MODIFIER, Form.NOUN):
                words.add(child.lemma_.lower())
            elif kind is Role.PREPOSITION and child.lower_ in self._words.nesting_prepositions and token.lemma_.lower() not in self._words.stopping_nouns:
                words |= {g.lemma_.lower() for g in _plain_obliques(child)}
        return words

    def _modifiers_of(self, token: Token) -> set[str]:
        """Adjectives and nouns before the patient, or before the noun it is an amount of: the
        "military" of "military aid" and of "$250 million in military aid"."""
        words = {c.lemma_.lower() for c in _noun_modifiers(token)}
        for prep in token.children:
            if role(prep) is Role.PREPOSITION and prep.lower_ in self._words.nesting_prepositions:
                for obj in _plain_obliques(prep):
                    words |= {c.lemma_.lower() for c in _noun_modifiers(obj)}
        return words


def _has_sector(tokens: list[Token], sectors: frozenset[str], actors: ArticleActors, words: Lexicon) -> bool:
    return any(a.code is not None and a.code.sector in sectors for t in tokens for a in actors_at(t, actors, words))


def patients_for(pattern: Pattern, predicate: Predicate) -> list[Token]:
    """Patients, and the object of a preposition the trigger is written with: the addressee of
    "call on X", the ceasefire in "agree to a ceasefire"."""
    extra = {word for t in pattern.triggers if t.lemma == predicate.lemma for word in t.extra}
    return predicate.patients + [o for word in sorted(extra) for o in predicate.obliques.get(word, [])]


def _trigger_words_present(pattern: Pattern, predicate: Predicate) -> bool:
    """Any of the pattern's triggers with this lemma whose extra words are all there."""
    for trigger in pattern.triggers:
        if trigger.lemma != predicate.lemma:
            continue
        if predicate.nominal:
            modifiers = {c.lower_ for c in predicate.trigger.lefts} | {c.lemma_.lower() for c in predicate.trigger.lefts}
            if all(word in modifiers for word in trigger.extra):
                return True
        elif all(predicate.has_word(word) for word in trigger.extra):
            return True
    return False


def _noun_modifiers(token: Token) -> list[Token]:
    return [c for c in token.children if link(c) in ((Role.MODIFIER, Form.ADJECTIVE), (Role.MODIFIER, Form.NOUN))]


def _plain_obliques(preposition: Token) -> list[Token]:
    return [o for o in obliques(preposition) if link(o) == (Role.OBLIQUE, Form.PLAIN)]


def _content_text(predicate: Predicate) -> str:
    return "" if predicate.clause is None else _clause_text(predicate.clause)


@lru_cache(maxsize=1)  # every content pattern of a verb asks for the same clause, one after the other
def _clause_text(clause: Token) -> str:
    tokens = list(clause.subtree)
    return clause.doc[tokens[0].i : tokens[-1].i + 1].text.lower()
