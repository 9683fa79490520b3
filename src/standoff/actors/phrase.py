"""Resolve a standalone actor phrase ("Armenian Prime Minister", "a US destroyer") to a code.

The same resolver as for articles (``ArticleActors``) runs over a small document: the
optional context sentence, a blank line, then the phrase as the subject of a short sentence
("<phrase> said."), which gives the tagger what it needs to see names as names. The context
gives pronouns and titles their antecedents ("he", "the minister") and, when the phrase
names no country ("the National Guard"), the one country the context names.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from standoff.actors.resolve import ActorTable, ArticleActors
from standoff.model import Actor, ActorCode, Resolution
from standoff.nlp import Doc, Token, parse, sentence_of_tokens, sentence_spans
from standoff.syntax.labels import WordClass, is_noun, is_predicate_word, word_class

_FRAME = " said."
_SEPARATOR = "\n\n"


@dataclass(frozen=True, slots=True)
class PhraseQuery:
    text: str
    day: date | None = None  # the date the phrase is read on: office holders change
    context: str | None = None  # a sentence around the phrase


@dataclass(frozen=True, slots=True)
class PhraseResolution:
    text: str
    code: str | None  # a sector alone ("MIL") when the phrase names a kind of actor but no country
    country: str | None
    sector: str | None
    method: str
    confidence: float
    mention: str | None = None  # the words that named the actor
    antecedent: str | None = None  # what a pronoun or title points back to
    candidates: tuple[ActorCode, ...] = ()  # every reading, when the words are shared by several actors
    also: tuple[PhraseResolution, ...] = ()  # the other actors of a compound ("Moscow and Beijing")
    sponsor: str | None = None  # the country that backs the actor ("Iranian-backed militias")

    def to_dict(self) -> dict[str, Any]:
        record: dict[str, Any] = {
            "text": self.text,
            "code": self.code,
            "country": self.country,
            "sector": self.sector,
            "method": self.method,
            "confidence": self.confidence,
            "mention": self.mention,
            "antecedent": self.antecedent,
        }
        if self.candidates:
            record["candidates"] = [{"code": c.code, "country": c.country, "sector": c.sector} for c in self.candidates]
        if self.also:
            record["also"] = [other.to_dict() for other in self.also]
        if self.sponsor:
            record["sponsor"] = self.sponsor
        return record


def phrase_document(query: PhraseQuery) -> tuple[str, int]:
    """The text to parse for a query, and where the phrase starts in it."""
    if query.context and query.context.strip():
        prefix = query.context.strip() + _SEPARATOR
        return prefix + query.text + _FRAME, len(prefix)
    return query.text + _FRAME, 0


def resolve_phrase(table: ActorTable, text: str, day: date | None = None, context: str | None = None) -> PhraseResolution:
    """Resolve one phrase; for many, ``resolve_phrases`` parses them in batches."""
    return next(resolve_phrases(table, [PhraseQuery(text, day, context)]))


def resolve_phrases(table: ActorTable, queries: Iterable[PhraseQuery], batch_size: int = 256) -> Iterator[PhraseResolution]:
    """Resolve phrases in order, parsing them in batches."""
    batch: list[PhraseQuery] = []
    for query in queries:
        batch.append(query)
        if len(batch) >= batch_size:
            yield from _resolve_batch(table, batch, batch_size)
            batch = []
    if batch:
        yield from _resolve_batch(table, batch, batch_size)


def _resolve_batch(table: ActorTable, batch: list[PhraseQuery], batch_size: int) -> Iterator[PhraseResolution]:
    documents = [phrase_document(q) for q in batch]
    for query, (_, offset), doc in zip(batch, documents, parse((text for text, _ in documents), batch_size=batch_size)):
        yield resolve_parsed(table, query, doc, offset)


def resolve_parsed(table: ActorTable, query: PhraseQuery, doc: Doc, offset: int) -> PhraseResolution:
    """Resolve a query whose document (``phrase_document``) is already parsed."""
    resolution, actor = _resolve_parsed(table, query, doc, offset)
    if actor is not None and actor.sponsor is not None:
        return replace(resolution, sponsor=actor.sponsor)
    return resolution


def _resolve_parsed(table: ActorTable, query: PhraseQuery, doc: Doc, offset: int) -> tuple[PhraseResolution, Actor | None]:
    end = offset + len(query.text)
    sentence_of = sentence_of_tokens(sentence_spans(doc))
    actors = ArticleActors(table, doc, "phrase", query.day, sentence_of)
    phrase = [t for t in doc if offset <= t.idx < end]
    heads = [t for t in phrase if t.head.i == t.i or not offset <= t.head.idx < end]
    actor, head = _first_actor(actors, heads)
    if (actor is None or actor.code is None) and heads and is_predicate_word(heads[0]):
        # A phrase is a noun phrase: when the tagger reads its first word as a verb
        # ("crowd control police"), its last noun is the better head.
        noun = next((t for t in reversed(phrase) if is_noun(t)), None)
        if noun is not None and actors.actor(noun) is not None:
            heads.insert(0, noun)
            actor, head = actors.actor(noun), noun
    context_country = _context_country(actors, [t for t in doc if t.idx < offset]) if offset else None
    if actor is not None and actor.code is not None and head is not None:
        others = [a for a in actors.actors(head)[1:] if a.code is not None]
        also = tuple(_resolution(a.mention.text, a, []) for a in others)
        return replace(_resolution(query.text, actor, actors.readings(head)), also=also), actor
    sector = next((s for s in (actors.bare_sector(h) for h in heads) if s), None)
    mention = actor.mention.text if actor is not None else None
    if sector is not None:
        if context_country:
            return PhraseResolution(query.text, context_country + sector, context_country, sector, "sector+context", 0.5, mention), actor
        return PhraseResolution(query.text, sector, None, sector, "sector-without-country", 0.3, mention), actor
    named = actor is not None and actor.method is Resolution.UNRESOLVED_ENTITY or any(word_class(h) is WordClass.NAME for h in heads)
    if context_country and named:
        # an unknown name in a sentence about one country: most likely of that country
        return PhraseResolution(query.text, context_country, context_country, None, "name+context", 0.3, mention), actor
    own_country = _context_country(actors, phrase)
    if own_country and actor is None:
        # "targets in Syria": no actor, but the phrase is about one country
        return PhraseResolution(query.text, own_country, own_country, None, "country-in-phrase", 0.3), actor
    if actor is not None:
        return PhraseResolution(query.text, None, None, None, actor.method, 0.0, mention), actor
    return PhraseResolution(query.text, None, None, None, "no-actor", 0.0), actor


def _first_actor(actors: ArticleActors, heads: list[Token]) -> tuple[Actor | None, Token | None]:
    """The first head that resolves to a coded actor, else the first that is any actor."""
    found: tuple[Actor | None, Token | None] = (None, None)
    for head in heads:
        actor = actors.actor(head)
        if actor is not None and actor.code is not None:
            return actor, head
        if actor is not None and found[0] is None:
            found = (actor, head)
    return found


def _context_country(actors: ArticleActors, context: list[Token]) -> str | None:
    countries = set(actors.countries(context))
    return countries.pop() if len(countries) == 1 else None


def _resolution(text: str, actor: Actor, readings: list[ActorCode]) -> PhraseResolution:
    code = actor.code
    assert code is not None
    return PhraseResolution(
        text,
        code.code,
        code.country,
        code.sector,
        actor.method,
        actor.confidence,
        actor.mention.text,
        actor.antecedent.text if actor.antecedent is not None else None,
        tuple(readings),
    )
