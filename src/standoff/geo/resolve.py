"""Pick one gazetteer entry for each place name, from the name's own prior and the article.

A candidate's score adds up: a prior (countries first, then our regions and provinces, then
cities by population, capitals raised), the article's context (other places and the actors'
countries), the wording around the name ("Paris, Texas", "Japan's Hokkaido", "the state of",
"the Jordan"), and its grammatical role (a subject is an actor, so not a river or a sea).
Names are resolved twice: first against the context of the unambiguous names alone, then
against everything the first pass found.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from standoff.geo.gazetteer import ALTERNATE, NAME, Candidate, Entry, normalise
from standoff.geo.mentions import PlaceMention
from standoff.lexicon import Lexicon
from standoff.nlp import Doc, string_ids
from standoff.syntax.labels import Role, WordClass, first_conjunct, is_subject, role, word_class
from standoff.syntax.tree import children, sentence_starts, tokens, words_labelled_or_written

WATER = frozenset(("sea", "strait", "canal", "ocean", "river", "reef"))
# Places a story is set in narrowly: when named, they tell where the other names are.
_LOCAL = frozenset(("city", "admin1", "site", "island", "reef"))
_CONTEXT_CAP = 3.0


class ActorCountry(NamedTuple):
    """The country of one of the article's actors and the characters it was read from (an
    empty span when it was not read from words of the text)."""

    country: str
    start: int = 0
    end: int = 0


@dataclass(frozen=True, slots=True)
class Resolved:
    mention: PlaceMention
    entry: Entry
    why: str  # what decided between the candidates


@dataclass(slots=True)
class _Cues:
    the: tuple[str, ...] | None = None  # after "the": the words of country names that take it
    agent: bool = False  # subject or possessor: an actor, not a river
    kind: str | None = None  # "the state of Georgia"
    qualifier: tuple[frozenset[str], frozenset[str], str] | None = None  # countries, admin1s, its text
    qualifies: tuple[frozenset[str], frozenset[str], str] | None = None  # the same, of the name it qualifies
    local: frozenset[str] = frozenset()  # countries the name's own sentence points to


class _Context:
    """Countries and admin1 names the article's places and actors point to. Each name counts
    once, and a name is never its own context."""

    def __init__(self, actors: Iterable[ActorCountry] = ()) -> None:
        self.actors = tuple(actors)
        self._actor_spans: dict[str, list[tuple[int, int]]] = {}
        for actor in self.actors:
            self._actor_spans.setdefault(actor.country, []).append((actor.start, actor.end))
        self._by_key: dict[str, dict[str, float]] = {}
        self._admin1_by_key: dict[str, set[str]] = {}
        self._totals: dict[str, float] = {}
        self._admin1_counts: dict[str, int] = {}

    def add(self, key: str, entry: Entry) -> None:
        weights = self._by_key.setdefault(key, {})
        own = 2.0 if entry.feature in _LOCAL else 1.0
        for code, weight in ((entry.country, own), *((code, 0.5) for code in entry.related)):
            if code and weight > weights.get(code, 0.0):
                self._totals[code] = self._totals.get(code, 0.0) + weight - weights.get(code, 0.0)
                weights[code] = weight
        names = self._admin1_by_key.setdefault(key, set())
        if entry.admin1 and entry.admin1 not in names:
            names.add(entry.admin1)
            self._admin1_counts[entry.admin1] = self._admin1_counts.get(entry.admin1, 0) + 1

    def weight(self, country: str, skip: str, span: tuple[int, int] | None = None) -> float:
        """How strongly the article points to ``country``, leaving out the name being resolved
        and the actors read from it ("militias in Tripoli" is Libyan only if Tripoli is)."""
        total = self._totals.get(country, 0.0) - self._by_key.get(skip, {}).get(country, 0.0)
        if any(span is None or not start <= span[0] < span[1] <= end for start, end in self._actor_spans.get(country, ())):
            total += 0.5
        return min(total, _CONTEXT_CAP)

    def has_admin1(self, admin1: str, skip: str) -> bool:
        own = 1 if admin1 in self._admin1_by_key.get(skip, ()) else 0
        return self._admin1_counts.get(admin1, 0) - own > 0


def resolve(
    doc: Doc,
    mentions: list[PlaceMention],
    lexicon: Lexicon,
    actor_countries: Iterable[ActorCountry] = (),
    demonyms: Iterable[tuple[int, str]] = (),
) -> list[Resolved]:
    """One entry per mention. ``demonyms`` are (token index, country) of words such as
    "Lebanese": in the same sentence they favour that country's places ("Lebanese troops
    deployed in Tripoli")."""
    cues = [_cues(doc, m, lexicon) for m in mentions]
    _mark_qualifiers(doc, mentions, cues)
    keys = [normalise(m.text) for m in mentions]
    starts = sentence_starts(doc)

    def sentence_of(token: int) -> int:
        return starts[bisect_right(starts, token) - 1]

    sentences = [sentence_of(m.head) for m in mentions]
    by_sentence: dict[int, set[str]] = {}
    for index, country in demonyms:
        by_sentence.setdefault(sentence_of(index), set()).add(country)
    context = _Context([*actor_countries, *(ActorCountry(c) for found in by_sentence.values() for c in found)])
    unambiguous: list[Entry | None] = []
    for key, mention in zip(keys, mentions):
        entry = _top_prior(mention) if len({c.entry.country for c in mention.candidates}) == 1 else None
        if entry is not None:
            context.add(key, entry)
        unambiguous.append(entry)
    _set_local(cues, keys, sentences, unambiguous, by_sentence)
    spans = [_char_span(doc, m) for m in mentions]
    first = [_best(m, c, k, context, s) for m, c, k, s in zip(mentions, cues, keys, spans)]
    context = _Context(context.actors)
    for key, resolved in zip(keys, first):
        context.add(key, resolved.entry)
    _set_local(cues, keys, sentences, [r.entry for r in first], by_sentence)
    return [_best(m, c, k, context, s) for m, c, k, s in zip(mentions, cues, keys, spans)]


def _set_local(
    cues: list[_Cues], keys: list[str], sentences: list[int], entries: list[Entry | None], demonyms: dict[int, set[str]]
) -> None:
    """The countries each name's own sentence points to: its demonyms and other places."""
    # sentence -> country -> the names in it that point there (a name is never its own context)
    pointers: dict[int, dict[str, set[str]]] = {}
    for sentence, key, entry in zip(sentences, keys, entries):
        if entry is not None:
            for country in entry.countries():
                pointers.setdefault(sentence, {}).setdefault(country, set()).add(key)
    for cue, sentence, key in zip(cues, sentences, keys):
        found = pointers.get(sentence, {})
        others = {country for country, names in found.items() if len(names) > 1 or key not in names}
        cue.local = frozenset(others | set(demonyms.get(sentence, ())))


def anaphors(doc: Doc, resolved: list[Resolved], lexicon: Lexicon) -> list[Resolved]:
    """"the shoal", "the peninsula": the latest named place whose name ends in that noun."""
    found: list[Resolved] = []
    nouns = {r.entry.name.rsplit(" ", 1)[1].lower() for r in resolved if " " in r.entry.name} & lexicon.place_anaphor_nouns
    if not nouns:
        return found
    named = sorted(resolved, key=lambda r: r.mention.start)  # they do not overlap: in order of their ends too
    covered = {i for r in resolved for i in range(r.mention.start, r.mention.end)}
    latest: dict[str, Resolved] = {}  # the last word of a place's name -> the latest place so named, before the token
    passed = 0
    for token in words_labelled_or_written(doc, forms=string_ids(nouns)):  # the nouns' words, found in the doc's columns
        if token.i in covered or word_class(token) is not WordClass.NOUN or not any(c.lower_ == "the" for c in children(token)):
            continue
        while passed < len(named) and named[passed].mention.end <= token.i:
            place = named[passed]
            if " " in place.entry.name:
                latest[place.entry.name.rsplit(" ", 1)[1].lower()] = place
            passed += 1
        earlier = latest.get(token.lower_)
        if earlier is not None:
            mention = PlaceMention(token.i, token.i + 1, token.i, token.text, (Candidate(earlier.entry, NAME),), "anaphor")
            found.append(Resolved(mention, earlier.entry, f"'the {token.lower_}' refers back to {earlier.mention.text!r}"))
    return found


def best_entry(candidates: Iterable[Candidate], context_entries: Iterable[Entry], actor_countries: Iterable[str] = ()) -> Entry | None:
    """The likeliest entry for a name outside the parse (a dateline), given the article's places."""
    found = tuple(candidates)
    if not found:
        return None
    context = _Context(ActorCountry(country) for country in actor_countries)
    for n, entry in enumerate(context_entries):
        context.add(str(n), entry)
    mention = PlaceMention(0, 0, 0, found[0].entry.name, found, "dateline")
    return _best(mention, _Cues(), "", context).entry


def _top_prior(mention: PlaceMention) -> Entry:
    return max(mention.candidates, key=lambda c: _prior(c.entry)).entry


def _prior(entry: Entry) -> float:
    if entry.feature == "country":
        return 7.5
    if entry.feature == "city":
        return math.log10(max(entry.population, 1000)) - 0.5 + (0.5 if entry.capital else 0.0)
    if entry.source == "shapes":
        return 3.5  # any province of the world: below a town of that name, unless the words say "province"
    return 6.0 if entry.ours else 5.0  # our regions and provinces are the ones news names


def _char_span(doc: Doc, mention: PlaceMention) -> tuple[int, int]:
    words = tokens(doc)
    last = words[mention.end - 1]
    return words[mention.start].idx, last.idx + len(last)


def _best(mention: PlaceMention, cues: _Cues, key: str, context: _Context, span: tuple[int, int] | None = None) -> Resolved:
    if len(mention.candidates) == 1:
        return Resolved(mention, mention.candidates[0].entry, "the only place of that name")
    scored = sorted((_score(c, cues, key, context, span) for c in mention.candidates), key=lambda s: -s[0])
    _, entry, reasons = scored[0]
    runner = scored[1][1]
    why = "; ".join(reasons) if reasons else "prior: " + _describe_prior(entry)
    where = ", ".join(part for part in (runner.admin1, runner.country) if part and part != runner.name)
    return Resolved(mention, entry, f"{why} (rather than {runner.name}, {runner.feature}{', ' + where if where else ''})")


def _score(candidate: Candidate, cues: _Cues, key: str, context: _Context, span: tuple[int, int] | None) -> tuple[float, Entry, list[str]]:
    entry = candidate.entry
    score = _prior(entry) - (1.5 if candidate.kind == ALTERNATE else 0.0)  # "New Delhi" is not Delhi
    reasons: list[str] = []
    weights = [context.weight(entry.country, key, span)] if entry.country else []
    weights += [context.weight(code, key, span) / 2 for code in entry.related]
    bonus = max(weights, default=0.0)
    if bonus:
        score += bonus
        reasons.append(f"the article's other places and actors point to {entry.country or '/'.join(entry.related)}")
    if cues.local & set(entry.countries()):
        score += 1.0
        reasons.append(f"its sentence points to {'/'.join(sorted(cues.local & set(entry.countries())))}")
    if entry.admin1 and context.has_admin1(entry.admin1, key):
        score += 2.0
        reasons.append(f"the article names other places in {entry.admin1}")
    if cues.qualifier is not None:
        countries, admin1s, text = cues.qualifier
        if entry.feature != "country" and (entry.admin1 in admin1s or entry.country in countries):
            score += 6.0 if entry.admin1 in admin1s else 4.0
            reasons.append(f"qualified by {text!r}")
    if cues.qualifies is not None:
        countries, admin1s, text = cues.qualifies
        if (entry.feature == "admin1" and entry.name in admin1s) or (entry.feature == "country" and entry.country in countries):
            score += 6.0
            reasons.append(f"qualifies {text!r}")
    if cues.the is not None and entry.feature == "country" and not _takes_the(entry.name, cues.the):
        score -= 3.0
        reasons.append("'the' before a country name that takes none")
    if cues.agent and entry.feature in WATER:
        score -= 3.0
    if entry.feature in WATER and cues.the is None and key and key != normalise(entry.name):
        score -= 3.0  # "refugees in Jordan": a river or a sea goes by "the Jordan" or its full name
        reasons.append("a short name without 'the' is not water")
    if cues.kind is not None and entry.feature == cues.kind:
        score += 3.0
        reasons.append(f"the wording names a {cues.kind}")
    return score, entry, reasons


def _describe_prior(entry: Entry) -> str:
    if entry.feature == "country":
        return "a country before other places of that name"
    if entry.feature == "city":
        return ("the capital, " if entry.capital else "") + f"population {entry.population:,}"
    return f"a {entry.feature} news often names"


def _takes_the(name: str, the_words: tuple[str, ...]) -> bool:
    return name.endswith("s") or any(word in name for word in the_words)


def _cues(doc: Doc, mention: PlaceMention, lexicon: Lexicon) -> _Cues:
    cues = _Cues()
    if mention.how == "demonym":
        return cues
    head = doc[mention.head]
    if mention.start > 0 and doc[mention.start - 1].lower_ == "the":
        cues.the = lexicon.the_country_words
    first = first_conjunct(head)
    # a subject, possessor or by-agent is an actor, not a river
    cues.agent = is_subject(first) or role(first) in (Role.POSSESSOR, Role.BY_AGENT)
    if mention.start >= 2 and doc[mention.start - 1].lower_ == "of":
        cues.kind = lexicon.place_kind_before.get(doc[mention.start - 2].lower_)
    if cues.kind is None and mention.end < len(doc):
        cues.kind = lexicon.place_kind_after.get(doc[mention.end].lower_)
    return cues


def _mark_qualifiers(doc: Doc, mentions: list[PlaceMention], cues: list[_Cues]) -> None:
    """"Paris, Texas" (a state or country right after a comma) and "Japan's Hokkaido": each
    name narrows the other."""
    by_head = {m.head: n for n, m in enumerate(mentions)}
    for n, mention in enumerate(mentions):
        head = doc[mention.head]
        named = None
        if n > 0 and mention.start == mentions[n - 1].end + 1 and doc[mentions[n - 1].end].text == ",":
            named = n - 1
        elif role(head) is Role.POSSESSOR and head.head.i in by_head:
            named = by_head[head.head.i]
        if named is not None and any(c.entry.feature in ("admin1", "country") for c in mention.candidates):
            cues[named].qualifier = _scope(mention)
            cues[n].qualifies = _scope(mentions[named])


def _scope(mention: PlaceMention) -> tuple[frozenset[str], frozenset[str], str]:
    entries = [c.entry for c in mention.candidates]
    countries = frozenset(e.country for e in entries if e.country)
    admin1s = frozenset(e.admin1 for e in entries if e.admin1)
    return countries, admin1s, mention.text
