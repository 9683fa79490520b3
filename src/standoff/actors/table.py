"""The knowledge base compiled into one phrase table, and the matches it finds in a parsed doc.

Every name, adjective, capital, seat of power, place, organisation, office holder and agent
word is one phrase of one table (``standoff.nlp.PhraseTable``). Where a stretch of text has
several readings ("Georgia": the state, or the U.S. state; "Congo": DR Congo or the Republic
of the Congo) the match keeps them all; the primary one is the reading news text usually
means, unless the rest of the document names the country of another reading more often.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, replace

from standoff.actors.entries import NULL_CODE, Agent, KnowledgeBase, Organisation, Person, unaccented
from standoff.lexicon import Lexicon, load_lexicon
from standoff.nlp import Casing, Doc, PhraseTable

# Which reading of a shared form wins, most specific first.
_PRIORITY = {"person": 0, "org": 1, "seat": 2, "state": 3, "capital": 4, "adjective": 5, "sector": 6, "place": 7, "shared": 8}


@dataclass(frozen=True, slots=True)
class Match:
    kind: str  # person, org, seat, state, capital, adjective, sector, place, shared
    start: int  # token offsets in the doc
    end: int
    country: str | None = None
    sector: str | None = None
    person: Person | None = None
    org: Organisation | None = None
    agent: Agent | None = None  # sector words and imported agents
    alternatives: tuple[Match, ...] = ()  # other readings of the same words

    @property
    def stands_for_itself(self) -> bool:
        """An organisation coded as itself when it owns a title ("NATO troops", "Hamas gunmen"),
        rather than lending its country (an imported entry coded as a bare country)."""
        org = self.org
        return org is not None and org.code != NULL_CODE and (org.group is not None or org.code != org.country)


class ActorTable:
    """The knowledge base compiled into one phrase table; build once per process."""

    def __init__(self, kb: KnowledgeBase, lexicon: Lexicon | None = None) -> None:
        self.kb = kb
        self.lexicon = lexicon if lexicon is not None else load_lexicon()
        self._entries: dict[str, Match] = {}
        phrases: list[tuple[str, str, Casing]] = []

        self._shipped: set[str] = set()  # keys of entries from the shipped dictionaries of other projects

        def add(key: str, entry: Match, names: tuple[str, ...], exact: frozenset[str] | bool, proper: bool = False, named: bool = False) -> None:
            self._entries[key] = entry
            if proper or entry.agent is not None and entry.agent.shipped:
                self._shipped.add(key)
            for name in names:
                if _reads_as_date(name, self.lexicon.months):
                    continue
                casing = Casing.EXACT if (exact if isinstance(exact, bool) else name in exact) else Casing.NAME if proper or named else Casing.ANY
                forms = {name, unaccented(name)}  # news text often drops accents: "Nausėda", "Nauseda"
                forms |= {form[4:] for form in forms if form.lower().startswith("the ")}
                phrases.extend((key, form, casing) for form in forms)

        for state in kb.states:
            cs = state.case_sensitive
            add(f"state:{state.code}", Match("state", 0, 0, country=state.code), state.names, cs)
            add(f"adj:{state.code}", Match("adjective", 0, 0, country=state.code), state.adjectives, cs)
            add(f"capital:{state.code}", Match("capital", 0, 0, country=state.code), state.capitals, cs)
            add(f"shared:{state.code}", Match("shared", 0, 0, country=state.code), state.shared, cs)
            for phrase, sector in state.seats:
                add(f"seat:{state.code}:{sector}", Match("seat", 0, 0, country=state.code, sector=sector), (phrase,), cs)
        for index, place in enumerate(kb.places):
            # Place names are proper names: matched with their capitals ("Nice", "Mobile"), or,
            # where the source writes them all in capitals, written as names.
            add(f"place:{index}", Match("place", 0, 0, country=place.country, sector=place.sector), (place.name,), not place.proper, place.proper)
        for index, org in enumerate(kb.organisations):
            entry = Match("org", 0, 0, country=org.country or org.group, sector=org.function or org.sector, org=org)
            add(f"org:{index}", entry, org.names, org.case_sensitive, org.proper)
        for index, person in enumerate(kb.people):
            # a person is named with capitals: "Ban" is Ban Ki-moon, "a ban" is not
            add(f"person:{index}", Match("person", 0, 0, country=person.country, person=person), (person.name, *person.aliases), False, person.proper, named=True)
        for phrase, sector in kb.sectors.items():
            if phrase not in kb.agents:
                add(f"sector:{phrase}", Match("sector", 0, 0, sector=sector, agent=Agent(sector, sector)), _abbreviated(phrase), False)
        for phrase, agent in kb.agents.items():
            add(f"agent:{phrase}", Match("sector", 0, 0, sector=agent.sector, agent=agent), _abbreviated(phrase), False)
        self._table = PhraseTable(phrases)
        self._surnames: dict[str, list[Person]] = {}
        for person in kb.people:
            for surname in _surnames(person):
                self._surnames.setdefault(surname, []).append(person)

    def people_named(self, surname: str) -> list[Person]:
        """The people whose family name this is, for "Deputy Secretary Hicks", "Premier Li"."""
        return self._surnames.get(surname.lower(), [])

    def matches(self, doc: Doc) -> dict[int, Match]:
        """Token index -> the longest match covering it, with the other readings of its words."""
        readings: dict[tuple[int, int], list[Match]] = {}
        keys_at: dict[tuple[int, int], list[str]] = {}
        for key, start, end in self._table.find(doc):
            base = self._entries[key]
            span = (start, end)
            keys_at.setdefault(span, []).append(key)
            found = readings.setdefault(span, [])
            if all(m is not base for m in found):
                found.append(base)
        covering: dict[int, Match] = {}
        chosen: list[Match] = []
        # Longest first; of two as long that overlap, a curated reading before a shipped one ("US
        # military officers": the curated "military officers", not Phoenix's "US MILITARY").
        shipped = {span: all(key in self._shipped for key in keys) for span, keys in keys_at.items()}
        for start, end in sorted(readings, key=lambda span: (-(span[1] - span[0]), shipped[span], span[0])):
            if not covering.keys().isdisjoint(range(start, end)):
                continue
            options = readings[(start, end)]
            others: tuple[Match, ...] = ()
            if len(options) > 1:  # most words have one reading
                options = sorted(options, key=lambda m: _PRIORITY[m.kind])
                others = tuple(_placed(m, start, end, ()) for m in options[1:])
            match = _placed(options[0], start, end, others)
            chosen.append(match)
            for i in range(start, end):
                covering[i] = match
        return _with_document_preferences(covering, chosen)


def _reads_as_date(name: str, months: Mapping[str, int]) -> bool:
    """A name of a month and a number ("May 15", "17 November": groups named after the day of
    their founding act) reads in text as that date, far more often than as the group."""
    words = name.lower().split()
    return len(words) == 2 and any(w in months for w in words) and any(w.isdigit() for w in words)


def _with_document_preferences(covering: dict[int, Match], chosen: list[Match]) -> dict[int, Match]:
    """Let the places the document names without doubt choose among a shared form's readings:
    "Georgia" next to "Atlanta" is the U.S. state, "Congo" next to "Brazzaville" the Republic
    of the Congo. Only places count: a story about the United States and Georgia is common."""
    ambiguous = [m for m in chosen if any(a.country != m.country for a in m.alternatives)]
    if not ambiguous:
        return covering
    named = Counter(m.country for m in chosen if m.kind in ("place", "capital") and not m.alternatives)
    for match in ambiguous:
        options = (match, *match.alternatives)
        best = max(options, key=lambda m: named[m.country])
        if best is not match and named[best.country] > named[match.country]:
            others = tuple(m for m in options if m is not best)
            switched = replace(best, alternatives=others)
            for i in range(match.start, match.end):
                covering[i] = switched
    return covering


_NAME_SUFFIXES = {"jr.", "jr", "sr.", "sr", "ii", "iii", "iv"}
# States where the family name comes first ("Li Qiang", "Kim Jong Un", "Hun Manet").
_FAMILY_NAME_FIRST = {"CHN", "TWN", "KOR", "PRK", "VNM", "KHM"}


def _surnames(person: Person) -> set[str]:
    words = [w for w in person.name.lower().split() if w not in _NAME_SUFFIXES]
    if len(words) < 2:
        return set()
    found = {words[-1]}
    if person.country in _FAMILY_NAME_FIRST:
        found.add(words[0])
    return found


def _abbreviated(phrase: str) -> tuple[str, ...]:
    """A lower-case phrase, and for abbreviations its capitalised form too: the tokenizer
    keeps "Sen." and "Lt. Gen." whole but splits "sen." and "lt. gen."."""
    return (phrase, phrase.title()) if "." in phrase else (phrase,)


def _placed(base: Match, start: int, end: int, alternatives: tuple[Match, ...]) -> Match:
    """A table entry at a place in a doc (dataclasses.replace is slow on the hot path)."""
    return Match(base.kind, start, end, base.country, base.sector, base.person, base.org, base.agent, alternatives)
