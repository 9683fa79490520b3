"""Find actor mentions in a parsed article and resolve them to CAMEO actor codes.

Dictionary first: every name, adjective, capital, seat of power, organisation, office holder
and sector word of the knowledge base is matched with one phrase table. A noun phrase is an
actor when its head is covered by such a match (or is a pronoun, or a named entity); the
phrase's other words refine it ("North Korean" + "military" -> PRKMIL). Pronouns and bare
titles ("he", "the minister") point back to the latest fitting person, or stay unresolved.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from standoff.actors.kb import KnowledgeBase, Person
from standoff.model import Actor, ActorCode, Mention
from standoff.nlp import Doc, PhraseTable, Token

PERSONAL_PRONOUNS = {"he", "him", "his", "she", "her", "hers"}
# Entity labels the model finds that may be actors the base does not know.
ACTOR_ENTITY_LABELS = {"PERSON", "ORG", "NORP", "GPE"}
# Dependents that belong to a noun phrase's description ("U.S. Secretary of State Rex Tillerson").
HEAD_DEPS_TO_SKIP = {"compound", "amod", "nmod", "poss", "det", "case", "flat"}


@dataclass(frozen=True, slots=True)
class Match:
    kind: str  # state, capital, adjective, seat, org, person, sector
    start: int  # token offsets in the doc
    end: int
    country: str | None = None
    sector: str | None = None
    code: str | None = None  # organisations' full code
    person: Person | None = None


class ActorTable:
    """The knowledge base compiled into one phrase table; build once per process."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._entries: dict[str, Match] = {}
        phrases: list[tuple[str, str, bool]] = []

        def add(key: str, entry: Match, names: tuple[str, ...], case_sensitive: frozenset[str]) -> None:
            self._entries[key] = entry
            for name in names:
                phrases.append((key, name, name in case_sensitive))
                if name.lower().startswith("the "):
                    phrases.append((key, name[4:], name in case_sensitive))

        for state in kb.states:
            cs = state.case_sensitive
            add(f"state:{state.code}", Match("state", 0, 0, country=state.code), state.names, cs)
            add(f"adj:{state.code}", Match("adjective", 0, 0, country=state.code), state.adjectives, cs)
            add(f"capital:{state.code}", Match("capital", 0, 0, country=state.code), state.capitals, cs)
            for phrase, sector in state.seats:
                add(f"seat:{state.code}:{sector}", Match("seat", 0, 0, country=state.code, sector=sector), (phrase,), cs)
        for index, org in enumerate(kb.organisations):
            country = org.country or org.group
            entry = Match("org", 0, 0, country=country, sector=org.sector, code=org.code)
            add(f"org:{index}", entry, org.names, org.case_sensitive)
        for index, person in enumerate(kb.people):
            add(f"person:{index}", Match("person", 0, 0, country=person.country, person=person), (person.name, *person.aliases), frozenset())
        by_sector: dict[str, list[str]] = {}
        for phrase, sector in kb.sectors.items():
            by_sector.setdefault(sector, []).append(phrase)
        for sector, words in by_sector.items():
            add(f"sector:{sector}", Match("sector", 0, 0, sector=sector), tuple(words), frozenset())
        self._table = PhraseTable(phrases)

    def matches(self, doc: Doc) -> dict[int, Match]:
        """Token index -> the longest match covering it (ties: the earlier-listed, more specific kind)."""
        covering: dict[int, Match] = {}
        found = sorted(self._table.find(doc), key=lambda m: (-(m[2] - m[1]), m[1]))
        for key, start, end in found:
            if any(i in covering for i in range(start, end)):
                continue
            base = self._entries[key]
            match = Match(base.kind, start, end, base.country, base.sector, base.code, base.person)
            for i in range(start, end):
                covering[i] = match
        return covering


class ArticleActors:
    """Actors of one parsed article, resolved in reading order so pronouns can look back."""

    def __init__(self, table: ActorTable, doc: Doc, article_id: str, published: date | None, sentence_of: dict[int, int]) -> None:
        self._doc = doc
        self._article_id = article_id
        self._day = published
        self._sentence_of = sentence_of
        self._matches = table.matches(doc)
        self._resolved: dict[int, Actor | None] = {}
        self._people_seen: list[tuple[int, Actor]] = []  # token index, actor: antecedents for pronouns
        for token in doc:
            if _is_phrase_head(token):
                self.actor(token)

    # -- public -------------------------------------------------------------------------

    def actor(self, token: Token) -> Actor | None:
        """The actor a noun-phrase head stands for, or None when it is no actor."""
        if token.i not in self._resolved:
            actor = self._resolve(token)
            self._resolved[token.i] = actor
            if actor is not None and actor.code is not None and self._is_person_like(token, actor):
                self._people_seen.append((token.i, actor))
        return self._resolved[token.i]

    def actors(self, token: Token) -> list[Actor]:
        """The actor at a head and those of its conjuncts ("Moscow and Beijing" -> two actors)."""
        found = []
        for head in (token, *token.conjuncts):
            actor = self.actor(head)
            if actor is not None:
                found.append(actor)
        return found

    def all(self) -> list[Actor]:
        return [actor for actor in self._resolved.values() if actor is not None]

    # -- resolution ---------------------------------------------------------------------

    def _resolve(self, head: Token) -> Actor | None:
        if head.lower_ in PERSONAL_PRONOUNS and head.pos_ == "PRON":
            return self._pronoun(head)
        match = self._matches.get(head.i)
        span = _description(head)
        mention = self._mention(span[0], span[-1], "entity")
        appositive = self._appositive_person(head)
        if appositive is not None:
            return Actor(mention, appositive.code, "appositive", appositive.confidence, appositive.mention)
        if match is None:
            return self._unknown_entity(head, span, mention)
        if match.kind == "person":
            code = match.person.code_on(self._day)
            return Actor(self._mention_of_match(match, "entity"), code, "person", 0.95)
        if match.kind == "org":
            return Actor(mention, ActorCode(match.code, match.country, match.sector), "organisation", 0.9)
        if match.kind == "seat":
            return Actor(mention, _code(match.country, match.sector), "seat", 0.9)
        if match.kind in ("state", "capital"):
            return Actor(mention, _code(match.country, None), match.kind, 0.9)
        if match.kind == "adjective":
            # "the Russians": a demonym standing alone names the country's people
            if head.tag_ in ("NNPS", "NNS") or head.ent_type_ == "NORP" and head.dep_ not in ("amod", "compound"):
                return Actor(mention, _code(match.country, None), "demonym", 0.7)
            return None
        return self._titled(head, span, match, mention)

    def _titled(self, head: Token, span: list[Token], match: Match, mention: Mention) -> Actor | None:
        """A sector word as head: 'Russian foreign minister', 'his defence secretary', 'the minister'."""
        owner = self._owner_in(span, exclude=match)
        method = "country+sector"
        if owner is None:
            # "a spokesman for the Chinese foreign ministry", "foreign ministers of ASEAN"
            owner = self._owner(head)
            method = "sector-of-owner"
        if owner is not None:
            code = owner if owner.sector in ("IGO", "NGO") else _code(owner.country, match.sector)
            return Actor(mention, code, method, 0.85)
        antecedent = self._latest_person(head.i, sector=match.sector)
        if antecedent is not None and head.tag_ in ("NN", "NNP"):  # a singular title points to one person
            return Actor(self._mention(span[0], span[-1], "title"), antecedent.code, "coref-title", 0.7, antecedent.mention)
        return Actor(self._mention(span[0], span[-1], "agent"), None, "sector-without-country", 0.0)

    def _owner_in(self, span: list[Token], exclude: Match | None) -> ActorCode | None:
        """Whose title this is: a country or organisation named in the phrase, else the owner
        of a possessive pronoun ("his Chinese counterpart" is Chinese, not his)."""
        for token in span:
            match = self._matches.get(token.i)
            if match is None or match is exclude or not match.country:
                continue
            if match.kind == "org":
                return ActorCode(match.code, match.country, match.sector)
            if match.kind != "person":
                return _code(match.country, None)
        for token in span:
            if token.lower_ in ("his", "her") and token.dep_ == "poss":
                owner = self._pronoun(token)
                if owner is not None and owner.code is not None:
                    return _code(owner.code.country, None)
        return None

    def _owner(self, head: Token) -> ActorCode | None:
        """The actor in an 'of/for/from' phrase after a title ("spokesperson for the UN secretary-general")."""
        for prep in head.rights:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "for", "from"):
                for obj in prep.children:
                    if obj.dep_ != "pobj":
                        continue
                    actor = self.actor(obj)
                    if actor is not None and actor.code is not None:
                        return actor.code
                    return self._owner_in(_description(obj), exclude=None)
        return None

    def _pronoun(self, token: Token) -> Actor | None:
        antecedent = self._latest_person(token.i)
        mention = self._mention(token, token, "pronoun")
        if antecedent is None:
            return Actor(mention, None, "pronoun-unresolved", 0.0)
        return Actor(mention, antecedent.code, "coref-pronoun", 0.75, antecedent.mention)

    def _latest_person(self, before: int, sector: str | None = None) -> Actor | None:
        """The most recent person-like actor within the last three sentences."""
        sentence = self._sentence_of.get(before, 0)
        for index, actor in reversed(self._people_seen):
            if index >= before:
                continue
            if sentence - self._sentence_of.get(index, 0) > 3:
                break
            if sector is None or (actor.code is not None and actor.code.sector == sector):
                return actor
        return None

    def _appositive_person(self, head: Token) -> Actor | None:
        for child in head.children:
            if child.dep_ == "appos":
                match = self._matches.get(child.i)
                if match is not None and match.kind == "person":
                    return self.actor(child)
        return None

    def _unknown_entity(self, head: Token, span: list[Token], mention: Mention) -> Actor | None:
        if head.ent_type_ not in ACTOR_ENTITY_LABELS or head.dep_ in ("compound", "amod"):
            return None
        # An unknown name with a known description ("Chinese envoy Liu Wei") takes the description's code.
        sector = next((self._matches[t.i].sector for t in span if t.i in self._matches and self._matches[t.i].kind == "sector"), None)
        owner = self._owner_in(span, exclude=None)
        if owner is not None and sector is not None:
            return Actor(mention, _code(owner.country, sector), "description", 0.7)
        return Actor(mention, None, "unresolved-entity", 0.0)

    def _is_person_like(self, token: Token, actor: Actor) -> bool:
        return actor.method in ("person", "appositive", "country+sector", "description") and token.tag_ in ("NNP", "NN")

    def _mention(self, first: Token, last: Token, kind: str) -> Mention:
        start, end = first.idx, last.idx + len(last.text)
        return Mention(self._article_id, self._sentence_of.get(first.i, 0), start, end, self._doc.text[start:end], kind)

    def _mention_of_match(self, match: Match, kind: str) -> Mention:
        return self._mention(self._doc[match.start], self._doc[match.end - 1], kind)


def _code(country: str | None, sector: str | None) -> ActorCode:
    return ActorCode(f"{country or ''}{sector or ''}", country, sector)


def _is_phrase_head(token: Token) -> bool:
    if token.pos_ == "PRON":
        return token.lower_ in PERSONAL_PRONOUNS
    return token.pos_ in ("PROPN", "NOUN") and token.dep_ not in HEAD_DEPS_TO_SKIP


def _description(head: Token) -> list[Token]:
    """The head with the words before it in its phrase: determiners, adjectives, names, titles."""
    doc = head.doc
    start = head.i
    for child in head.lefts:
        if child.dep_ not in ("punct", "cc", "prep", "relcl", "acl"):
            start = min(start, child.left_edge.i)
    return [doc[i] for i in range(start, head.i + 1)]
