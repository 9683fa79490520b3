"""Find actor mentions in a parsed article and resolve them to CAMEO actor codes.

Dictionary first: the knowledge base is one phrase table (``standoff.actors.table``). A noun
phrase is an actor when its head is covered by a match (or is a pronoun, or a named entity);
the phrase's other words refine it ("North Korean" + "military" -> PRKMIL) and a long
description collapses into one actor ("U.S. Secretary of State Rex Tillerson" -> USAGOV).
Pronouns and definite titles ("he", "the minister", "the Russian leader") point back to the
latest fitting person, or stay unresolved. Office holders are coded as of the article's date.

Grammar the resolver relies on, besides the knowledge base:

- partitives pass through to what they count: "members of SANDF", "a group of tourists";
- generic heads take the kind from their modifiers: "paramilitary organisation", "the
  president's office", "Congressional group";
- leading titles take the owner's kind: "president of the Riigikogu" is LEG, "Kremlin
  spokesman" GOV, "army chief" MIL;
- "former", "ex-", "retired" make an office holder ELI;
- an organisation that stands for itself is the actor of its members: "Hamas gunmen",
  "NATO troops" (an intergovernmental body keeps its code and takes the title's sector).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date

from standoff.actors.coref import Antecedents
from standoff.actors.entries import NULL_CODE, Agent
from standoff.actors.table import ActorTable, Match
from standoff.geo.home import FiledFrom
from standoff.lexicon import Lexicon
from standoff.model import Actor, ActorCode, Mention, Resolution
from standoff.nlp import Doc, Token
from standoff.syntax.labels import (
    ADVERB_MODIFIER,
    PLAIN_AGENT,
    PLAIN_OBLIQUE,
    PLAIN_PATIENT,
    THAT_CLAUSE,
    Entity,
    Form,
    Role,
    WordClass,
    conjuncts,
    continues_entity,
    entity,
    first_conjunct,
    has_subject,
    heads_linked,
    is_noun,
    is_plural_noun,
    is_predicate_word,
    is_singular_noun,
    is_subject,
    link,
    named_spans,
    predicate_above,
    role,
    word_class,
    words_of_class,
)
from standoff.syntax.tree import children, lefts, rights, sentence_bounds, tokens

__all__ = ["ActorTable", "ArticleActors", "Match"]

# Sectors whose holders become ELI when "former".
OFFICES = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY", "ELI"})
# Armed forces are often abroad: "troops in Syria" need not be Syrian, "police in Syria" are.
LOCATED_NOT_OWNED = frozenset({"MIL", "IGO"})
# Armed men aligned with no government or rebel movement the text names: gunmen, militias, and
# whoever set off a bomb the text attributes to no one.
UNIDENTIFIED_FORCE = "UAF"
# Who arrests people when the text does not say: the police.
ARRESTING_SECTOR = "COP"
_ORGANISATION_WINDOW = 3  # sentences back that "the group" can reach
_COLLECTIVE_WINDOW = 12  # ... and "the government": a story's government stays its subject for long
# How a kind of actor is named with its country in the words ("the Sudanese government", "a
# spokesman for the Chinese foreign ministry"): such a phrase can be called "the government" after.
_COLLECTIVE_METHODS = frozenset({Resolution.COUNTRY_SECTOR, Resolution.SECTOR_OF_OWNER})
# Kinds of name the model finds that may be actors the base does not know.
ACTOR_ENTITIES = frozenset({Entity.PERSON, Entity.ORGANISATION, Entity.NATIONALITY, Entity.COUNTRY_OR_CITY})
PHRASE_HEAD_CLASSES = (WordClass.PRONOUN, WordClass.NAME, WordClass.NOUN)  # the only classes _is_phrase_head accepts
# Members asked about for every noun, as module names: on Python 3.11 reading an Enum's member
# goes through EnumType.__getattr__, which costs more than the test it is read for.
_PRONOUN, _NAME, _NUMBER, _PERSON = WordClass.PRONOUN, WordClass.NAME, WordClass.NUMBER, Entity.PERSON
_POSSESSOR, _PREPOSITION, _COMPLEMENT = Role.POSSESSOR, Role.PREPOSITION, Role.COMPLEMENT
# Dependents that belong to a noun phrase's description ("U.S. Secretary of State Rex Tillerson"),
# and so are no heads of a phrase of their own.
DESCRIPTION_LINKS = frozenset(
    {
        (Role.MODIFIER, Form.NOUN),
        (Role.MODIFIER, Form.ADJECTIVE),
        (Role.MODIFIER, Form.NOUN_PHRASE),
        (Role.MODIFIER, Form.NAME_PART),
        (Role.POSSESSOR, Form.PLAIN),
        (Role.FUNCTION, Form.DETERMINER),
        (Role.FUNCTION, Form.POSSESSIVE_ENDING),
    }
)
# Dependents before a head that are not part of its description.
_OUTSIDE_DESCRIPTION = frozenset(
    {
        (Role.PREPOSITION, Form.PLAIN),
        (Role.RELATIVE, Form.PLAIN),
        (Role.FUNCTION, Form.PUNCTUATION),
        (Role.FUNCTION, Form.COORDINATOR),
        (Role.COMPLEMENT, Form.NOUN_CLAUSE),
    }
)

# The head of a noun phrase with the words before it in its phrase, as tokens: read once and
# walked many times (a Span would build its Token objects again on every walk).
Description = tuple[Token, ...]


@dataclass(frozen=True, slots=True)
class _Owner:
    """Whose title a phrase names: a country with its kind, or an organisation standing for itself."""

    country: str | None
    sector: str | None = None
    code: ActorCode | None = None


# Countries an actor got from where the story is told (its scene, its dateline), not from its own words.
_PLACED_BY_STORY = frozenset({Resolution.HOME_COUNTRY, Resolution.SCENE_COUNTRY})

class ArticleActors:
    """Actors of one parsed article, resolved in reading order so pronouns can look back."""

    def __init__(
        self,
        table: ActorTable,
        doc: Doc,
        article_id: str,
        published: date | None,
        sentence_of: dict[int, int],
        filed: FiledFrom | None = None,
        text: str | None = None,
    ) -> None:
        """``filed``: the story's dateline, which names no actor, and its country, where actors
        of a domestic kind with no country of their own belong when their act's scene names none.
        ``text``: the doc's text, when the caller has it (Doc.text joins every token anew)."""
        self._table = table
        self._home = filed.country if filed is not None else None
        self._dateline = (filed.start, filed.end) if filed is not None else (0, 0)
        self._words = table.lexicon
        self._doc = doc
        self._text = doc.text if text is None else text
        self._article_id = article_id
        self._day = published
        self._sentence_of = sentence_of
        self._matches = table.matches(doc)
        self._resolved: dict[int, Actor | None] = {}
        self._bare: dict[int, Agent] = {}  # heads naming a kind of actor without a country
        # Read once per head or match: resolving one phrase asks for those of its neighbours again.
        self._descriptions: dict[int, Description] = {}
        self._backers: dict[tuple[int, int], bool] = {}
        self._actors_at: dict[int, list[Actor]] = {}
        self._scenes: dict[int, str | None] = {}  # a clause's verb -> the country of its scene: its words are walked once
        self._antecedents = Antecedents(sentence_of, self._words)
        # named organisations in reading order, with the nouns that can stand for them ("the court", "the alliance")
        self._organisations: list[tuple[int, Actor, frozenset[str]]] = []
        # kinds of actor named with their country in reading order: "the Sudanese government"
        self._collectives: list[tuple[int, Actor]] = []
        self._possessives = self._words.possessive_pronouns | self._words.collective_possessives
        self._second_of_pair: dict[int, Actor] = {}  # "both countries": the second country named
        self._full_names: dict[str, list[int]] | None = None  # a person's family name -> the last tokens of their full names
        self._first_names: dict[str, list[int]] = {}  # the first word of a name of three words or more -> its last tokens
        self._scene_adverbs = self._words.direction_words | self._words.scene_prepositions  # "outside" is often read as an adverb
        for token in words_of_class(doc, PHRASE_HEAD_CLASSES):
            if _is_phrase_head(token, self._words):
                self.actor(token)

    # -- public -------------------------------------------------------------------------

    def actor(self, token: Token) -> Actor | None:
        """The actor a noun-phrase head stands for, or None when it is no actor."""
        if token.i not in self._resolved:
            self._resolved[token.i] = None  # a phrase that refers to itself resolves to nothing
            if self._dateline[0] <= token.idx < self._dateline[1]:
                return None  # "TALLINN, April 28 -" says where the story was filed
            actor = self._resolve(token)
            sponsor = self._sponsor(token) if actor is not None else None
            if sponsor is not None:
                actor = replace(actor, sponsor=sponsor)
            self._resolved[token.i] = actor
            if actor is not None and actor.code is not None and self._is_person_like(token, actor):
                self._antecedents.add(token.i, actor, self._title_words(token, actor), is_subject(token))
            elif actor is not None and actor.code is not None and actor.method is Resolution.ORGANISATION:
                self._organisations.append((token.i, actor, self._called(token, actor)))
            elif actor is not None and actor.code is not None and actor.code.sector and actor.method in _COLLECTIVE_METHODS:
                self._collectives.append((token.i, actor))
        return self._resolved[token.i]

    def actors(self, token: Token) -> list[Actor]:
        """The actor at a head and those of its conjuncts ("Moscow and Beijing" -> two actors),
        and of coordinated owners ("American and British warplanes" -> USAMIL, GBRMIL). Each
        pattern of a predicate asks again for its fillers' actors: they are found once per
        token (the list is shared: do not change it)."""
        found = self._actors_at.get(token.i)
        if found is None and (subject := self._own_owner(token)) is not None:
            found = self._actors_at[token.i] = self.actors(subject)
        if found is None:
            found = []
            for head in (token, *conjuncts(token), *_listed_as_apposition(token)):
                actor = self.actor(head)
                if actor is not None and actor.method in _PLACED_BY_STORY and any(a.method not in _PLACED_BY_STORY for a in found):
                    continue  # "American warplanes and cruise missiles": the missiles are theirs, not the dateline country's
                if actor is not None:
                    found.append(actor)
                    found.extend(self._coordinated_owners(head, actor))
                    if head.i in self._second_of_pair:
                        found.append(self._second_of_pair[head.i])
            self._actors_at[token.i] = found
        return found

    def _own_owner(self, token: Token) -> Token | None:
        """The subject a possessive with "own" stands for: "Canada, Brazil and Colombia followed
        with *their* own recognition" (all three), "Egypt sent its own envoy"."""
        if token.lower_ not in self._possessives or role(token) is not Role.POSSESSOR:
            return None
        noun = token.head
        if not any(c.lower_ == "own" for c in children(noun)):
            return None
        verb = predicate_above(noun)
        return next((c for c in children(verb) if is_subject(c) and c.i < token.i), None)

    def _coordinated_owners(self, head: Token, actor: Actor) -> list[Actor]:
        code = actor.code
        if code is None or code.country is None:
            return []
        others = self._coordinated_of_owners(head, actor, code)
        for token in self._description(head)[:-1]:
            match = self._matches.get(token.i)
            if match is None or match.kind not in ("state", "adjective", "capital", "place") or match.country != code.country:
                continue
            for conj in conjuncts(token):
                other = self._matches.get(conj.i)
                if other is not None and other.country and other.country != code.country and other.kind in ("state", "adjective", "capital", "place"):
                    mention = self._mention(conj, head, "entity")
                    others.append(Actor(mention, _code(other.country, code.sector), Resolution.COORDINATED_OWNER, actor.confidence * 0.9))
        return others

    def _coordinated_of_owners(self, head: Token, actor: Actor, code: ActorCode) -> list[Actor]:
        """The other owners of a title owned by several ("the leaders of Mexico, Colombia and
        Chile": MEXGOV, COLGOV, CHLGOV), when the title took its country from the first."""
        if actor.method != Resolution.SECTOR_OF_OWNER:
            return []
        others = []
        for owner in _objects_after(head, self._words.title_owner_prepositions):
            owned = self.actor(owner)
            if owned is None or owned.code is None or owned.code.country != code.country:
                continue
            for conj in conjuncts(owner):
                other = self.actor(conj)
                if other is not None and other.code is not None and other.code.country and other.code.country != code.country:
                    others.append(Actor(other.mention, _code(other.code.country, code.sector), Resolution.COORDINATED_OWNER, actor.confidence * 0.9))
        return others

    def all(self) -> list[Actor]:
        return [actor for actor in self._resolved.values() if actor is not None]

    def bare_sector(self, token: Token) -> str | None:
        """The kind of actor a head names when no country could be found ("soldiers": MIL)."""
        self.actor(token)
        agent = self._bare.get(token.i)
        return agent.sector if agent is not None else None

    def countries(self, tokens: list[Token]) -> list[str]:
        """The countries named among ``tokens``, by any kind of name, in order."""
        found = []
        for token in tokens:
            match = self._matches.get(token.i)
            if match is not None and match.start == token.i:
                code = self._reading(match)
                if code is not None and code.country:
                    found.append(code.country)
        return found

    def owners(self, token: Token) -> list[Actor]:
        """For a noun that names no actor, the countries its adjectives name: the Ukrainian of
        "the Ukrainian city of Kherson", "a Ukrainian proposal" (an attack on a place, or a
        rejection of a proposal, is aimed at the country it belongs to)."""
        modifiers = [c for c in children(token) if link(c) in _MODIFYING]
        modifiers += [g for c in modifiers for g in conjuncts(c)]
        # "US drone strikes": a country may modify a noun that modifies the head; two nouns away
        # it names the owner, not a side taken ("a pro-Kremlin youth movement")
        modifiers += [g for c in modifiers if word_class(c) is WordClass.NOUN for g in children(c) if link(g) in _MODIFYING and not self._takes_side(g)]
        if not modifiers or token.lemma_.lower() in self._words.currency_nouns:  # "Swiss francs" belong to no one
            return []
        countries = dict.fromkeys(self.countries(modifiers))
        if not countries:
            return []
        mention = self._entity_mention(self._description(token))
        return [Actor(mention, _code(country, None), Resolution.OWNER_ADJECTIVE, 0.6) for country in countries]

    def arresting_police(self, trigger: Token) -> Actor | None:
        """Who made an arrest the text gives no agent for ("the 23 businessmen were arrested last
        June"): the police of the country it happened in, else of the story's; None when neither
        is known. The mention is the act's own word."""
        return self._in_scene_country(trigger, (trigger,), ARRESTING_SECTOR)

    def unidentified_force(self, weapon: Token) -> Actor:
        """Who used a weapon the text attributes to no one ("a roadside bomb killed four policemen
        in Quetta"): an unidentified armed force of the country the act happened in, else of the
        story's dateline; unresolved when neither is known."""
        span = self._description(weapon)
        found = self._in_scene_country(weapon, span, UNIDENTIFIED_FORCE)
        return found or Actor(self._mention(span[0], span[-1], "agent"), None, Resolution.SECTOR_WITHOUT_COUNTRY, 0.0)

    def readings(self, token: Token) -> list[ActorCode]:
        """Every reading of the words at ``token`` when they are shared by several actors
        ("Congo": COD, COG), the chosen one first; empty when there is only one."""
        match = self._matches.get(token.i)
        if match is None or not match.alternatives:
            return []
        codes = [self._reading(m) for m in (match, *match.alternatives)]
        unique = list(dict.fromkeys(c for c in codes if c is not None))
        return unique if len(unique) > 1 else []

    # -- resolution ---------------------------------------------------------------------

    def _resolve(self, head: Token) -> Actor | None:
        if head.lower_ in self._words.personal_pronouns and word_class(head) is WordClass.PRONOUN:
            return self._pronoun(head)
        if head.lower_ in self._words.collective_subject_pronouns and word_class(head) is WordClass.PRONOUN:
            return self._subject_before(head)
        if self._names_pair(head):
            pair = self._last_pair(head) or self._story_pair(head)
            if pair is None:
                return None
            self._second_of_pair[head.i] = pair[1]
            return pair[0]
        match = self._matches.get(head.i)
        span = self._description(head)
        appositive = self._appositive_person(head)
        if appositive is not None:
            return Actor(self._entity_mention(span), appositive.code, Resolution.APPOSITIVE, appositive.confidence, appositive.mention)
        if match is None:
            return (
                self._partitive(head)
                or self._members(head, span)
                or self._generic(head, span)
                or self._organisation_named_before(head, span)
                or self._owned(head, span)
                or self._unknown_entity(head, span)
            )
        if match.kind == "person":
            if _another_given_name(head, match):
                # "Colonel Turki al-Maliki" is not Nouri al-Maliki: the match names someone else
                for index in range(match.start, match.end):
                    self._matches.pop(index, None)
                return self._unknown_entity(head, span)
            return self._person(span, match)
        if match.kind == "org" and _names_a_model(head):
            return None  # "the Boeing 777", "a Boeing 737": an aircraft, not the company that built it
        if match.kind == "org":
            assert match.org is not None
            code = match.org.code_on(self._day)
            if code.code == NULL_CODE:
                return Actor(self._entity_mention(span), None, Resolution.NULL_CODE, 0.0)
            office = self._office_in_text(span, match, code) if code.sector is None else None
            if office is not None:
                return Actor(self._entity_mention(span), office, Resolution.DESCRIPTION, 0.85)
            return Actor(self._entity_mention(span), code, Resolution.ORGANISATION, 0.9)
        if match.kind == "seat":
            return Actor(self._entity_mention(span), _code(match.country, match.sector), Resolution.SEAT, 0.9)
        if match.kind in ("state", "capital", "shared", "place"):
            if match.kind == "place" and _inside_longer_name(head, match):
                return self._unknown_entity(head, span)  # "Kevin Houston" is a person
            confidence = 0.5 if match.kind == "place" else 0.9 if not match.alternatives else 0.6
            # A breakaway territory acts as itself when it is the actor ("Abkhazia said"), not
            # when it names a location ("the Transnistria region of Moldova").
            sector = match.sector if not _attributive(head) else None
            return Actor(self._entity_mention(span), _code(match.country, sector), Resolution(match.kind), confidence)
        if match.kind == "adjective":
            # "the Russians": a demonym standing alone names the country's people
            if is_plural_noun(head) or entity(head) is Entity.NATIONALITY and not _attributive(head):
                sector = "CVL" if any(t.lower_ in self._words.civilian_modifiers for t in span) else None
                return Actor(self._entity_mention(span), _code(match.country, sector), Resolution.DEMONYM, 0.7)
            return None
        if head.lower_ in self._words.partitives and match.end - match.start == 1:  # "a crowd of protesters"
            counted = self._partitive(head)
            if counted is not None:
                return counted
        return self._titled(head, span, match)

    def _person(self, span: Description, match: Match) -> Actor:
        assert match.person is not None
        code = match.person.code_on(self._day)
        first = next((t for t in span if not _determiner_or_possessor(t) and not t.is_punct), self._doc[match.start])
        mention = self._mention(first, self._doc[match.end - 1], "entity")
        if code.code == NULL_CODE:
            return Actor(mention, None, Resolution.NULL_CODE, 0.0)
        if self._is_former(span) and code.country:
            return Actor(mention, _code(code.country, "ELI"), Resolution.PERSON, 0.9)
        office = self._office_in_text(span, match, code)
        if office is not None:
            return Actor(mention, office, Resolution.DESCRIPTION, 0.85)
        return Actor(mention, code, Resolution.PERSON, 0.95)

    def _office_in_text(self, span: Description, match: Match, code: ActorCode) -> ActorCode | None:
        """The office the text gives a named actor ("Bree Prime Minister Romendacil") where the
        base gives it none on this date, or one of another country: the text is the better
        witness (a stale base, a wrong article date, an undated article and a person of several
        offices, or a name the base knows only by its country)."""
        title = self._title_in(span, exclude=match)
        if title is None:
            return None
        owner = self._owner_in(span, exclude=match)
        named = owner.country if owner is not None else None
        if code.sector in (None, "ELI") or named and code.country and named != code.country:
            country = named or code.country
            if country:
                return _code(country, title.sector)
        return None

    def _titled(self, head: Token, span: Description, match: Match) -> Actor | None:
        """A sector word as head: 'Russian foreign minister', 'his defence secretary', 'the minister'."""
        assert match.agent is not None
        agent = match.agent
        leading = self._is_leading_title(head, match)
        if self._is_former(span) and agent.sector in OFFICES:
            agent = Agent("ELI", "ELI")
        owner = self._owner_in(span, exclude=match)
        method = Resolution.COUNTRY_SECTOR
        if owner is None or owner.country is None and owner.code is None:
            # "a spokesman for the Chinese foreign ministry", "foreign ministers of ASEAN"
            owner = self._merge(owner, self._owner(head, located=agent.sector not in LOCATED_NOT_OWNED))
            method = Resolution.SECTOR_OF_OWNER
        code = _combine(owner, agent, leading) if owner is not None else None
        if code is not None and code.country:
            antecedent = self._definite_antecedent(head, span, match, code)
            if antecedent is not None:
                return Actor(self._mention(span[0], span[-1], "title"), antecedent.code, Resolution.COREF_TITLE, 0.8, antecedent.mention)
            return Actor(self._entity_mention(span), code, method, 0.85)
        title = self._doc[match.start : match.end].text.lower()
        antecedent = self._antecedents.latest(head.i, sector=agent.sector, title=title)
        if antecedent is not None and is_singular_noun(head) and not self._is_indefinite(span):
            return Actor(self._mention(span[0], span[-1], "title"), antecedent.code, Resolution.COREF_TITLE, 0.7, antecedent.mention)
        bare = Agent(code.sector, code.code) if code is not None and code.sector else agent
        return self._organisation_named_before(head, span) or self._at_home(head, span, bare)

    def _partitive(self, head: Token) -> Actor | None:
        """'members of SANDF', 'a group of tourists': the actor is what is counted."""
        if head.lower_ not in self._words.partitives and word_class(head) is not _NUMBER:
            return None
        for obj in _objects_after(head, _OF):
            actor = self.actor(obj)
            if obj.i in self._bare:
                self._bare[head.i] = self._bare[obj.i]
            return actor
        return None

    def _generic(self, head: Token, span: Description) -> Actor | None:
        """A head that says little itself ('organisation', 'office', 'chief') takes the kind of
        its modifiers and owner: 'paramilitary organisation', 'the president's office'."""
        if head.lower_ not in self._words.generic_heads and head.lower_ not in self._words.head_titles:
            return None
        owner = self._owner_in(span, exclude=None)
        if head.lower_ in self._words.head_titles and (owner is None or owner.sector is None and owner.code is None):
            owner = self._merge(owner, self._owner(head, located=True))
        if owner is None or owner.sector is None and owner.code is None:
            return None  # "the group": the organisation named before, the next reading _resolve tries
        code = _combine(owner, Agent(owner.sector, owner.sector or ""), leading=True)
        if not code.country:
            return self._organisation_named_before(head, span) or self._at_home(head, span, Agent(code.sector, code.code))
        return Actor(self._entity_mention(span), code, Resolution.TITLE_OF_OWNER, 0.75)

    def _organisation_named_before(self, head: Token, span: Description) -> Actor | None:
        """ "The group" is the organisation named last, a few sentences back at most: "Amnesty
        International said ... The group called on ...". Not when words say which group ("the
        Iranian-backed Shi'ite group", "the Contact Group"): those name their own."""
        if len(span) != 2 or span[0].lower_ != "the" or not is_singular_noun(head):
            return None
        if head.text in self._words.organisation_anaphors:
            return self._latest_organisation(head, span)
        # "the International Criminal Court ... the court", "NATO ... the alliance"
        return self._latest_organisation(head, span, named=head.lower_)

    def _collective_named_before(self, head: Token, span: Description, agent: Agent) -> Actor | None:
        """ "The government", "the army": the same word named last with its country, a few
        sentences back at most: "The Sudanese government revoked the licences of aid agencies.
        Oxfam called on the government to reverse it." Only "the" and the word: "a government",
        "the new government" are others; and only the same word ("the US embassy" is no
        government)."""
        if len(span) != 2 or span[0].lower_ != "the" or agent.sector is None:
            return None
        sentence = self._sentence_of.get(head.i, 0)
        for index, named in reversed(self._collectives):
            if sentence - self._sentence_of.get(index, 0) > _COLLECTIVE_WINDOW:
                break
            if index < head.i and named.code is not None and named.code.sector == agent.sector and self._doc[index].lemma_ == head.lemma_:
                return Actor(self._mention(span[0], span[-1], "title"), named.code, Resolution.COREF_TITLE, 0.7, named.mention)
        return None

    def _members(self, head: Token, span: Description) -> Actor | None:
        """"Its members", "members": the organisation named last, in this sentence or a few
        before, acting through its members ("The Security Council held a meeting, and its
        members called on all parties to remain calm"). Not "members of parliament", nor
        members whose words say whose ("NATO members", "family members")."""
        if head.lower_ not in self._words.member_nouns or any(role(c) is Role.PREPOSITION for c in children(head)):
            return None
        if len(span) > 2 or len(span) == 2 and span[0].lower_ not in self._words.member_determiners:
            return None
        return self._latest_organisation(head, span)

    def _called(self, head: Token, organisation: Actor) -> frozenset[str]:
        """The nouns that stand for an organisation named at ``head`` later in the story: its
        name's last word ("the court"), and those the knowledge base lists ("the alliance")."""
        match = self._matches.get(head.i)
        listed = match.org.called if match is not None and match.org is not None else frozenset()
        return listed | {organisation.mention.text.lower().rsplit(maxsplit=1)[-1]}

    def _latest_organisation(self, head: Token, span: Description, named: str | None = None) -> Actor | None:
        """The organisation named last before ``head``, a few sentences back at most, for the
        phrase ``span``; with ``named``, the last one that noun can stand for, anywhere before."""
        sentence = self._sentence_of.get(head.i, 0)
        for index, organisation, called in reversed(self._organisations):
            if named is None and sentence - self._sentence_of.get(index, 0) > _ORGANISATION_WINDOW:
                break
            if index < head.i and (named is None or named in called):
                return Actor(self._mention(span[0], span[-1], "title"), organisation.code, Resolution.COREF_TITLE, 0.7, organisation.mention)
        return None

    def _at_home(self, head: Token, span: Description, agent: Agent) -> Actor:
        """A kind of actor the phrase gives no country: a domestic kind ("police", "protesters",
        "the army") belongs to the country of its act's scene ("detained dozens in Moscow"),
        else to the one the story is filed from, else, as "the government", to the country it
        was last named with; any other kind stays without a country."""
        if agent.sector in self._words.domestic_sectors:
            found = (
                self._joined_subject(head, span, agent.sector)
                or self._in_scene_country(head, span, agent.sector)
                or self._collective_named_before(head, span, agent)
            )
            if found is not None:
                return found
        self._bare[head.i] = agent
        return Actor(self._mention(span[0], span[-1], "agent"), None, Resolution.SECTOR_WITHOUT_COUNTRY, 0.0)

    def _joined_subject(self, head: Token, span: Description, sector: str) -> Actor | None:
        """An office of the state whose actor is the subject of the clause this one is joined
        to: "Israeli warplanes bombed the airport and *the army* imposed a blockade" (Israel's),
        "Russia condemned the move, and *Deputy Foreign Minister Ryabkov* warned" (Russia's).
        Reporting joins one side's acts this way; rebels, militias and crowds are often the
        other side ("Turkish jets struck the town and militias fought back"), so only the
        state's own offices take it."""
        if sector not in OFFICES:
            return None
        joined = self._joined_clause_subject(head)
        if joined is None:
            return None
        return Actor(self._mention(span[0], span[-1], "agent"), _code(joined.code.country, sector), Resolution.JOINED_SUBJECT, 0.6, joined.mention)

    def _joined_clause_subject(self, word: Token, relative: bool = False) -> Actor | None:
        """The actor with a country that is the subject of the clause joined to the one ``word``
        is the subject of, by "and", or with ``relative`` by a relative clause ("called for a
        meeting, where its ambassador demanded"); not by an adverbial clause ("threatened Iraq
        after its parliament voted" joins another's act)."""
        while role(word) is Role.CONJUNCT and is_noun(word.head):
            word = word.head  # "the army and police"
        if not is_subject(word):
            return None
        verb = word.head
        if role(verb) is Role.CONJUNCT:
            joined = first_conjunct(verb)
        elif relative and role(verb) is Role.RELATIVE:
            joined = predicate_above(verb.head)
        else:
            return None
        if not is_predicate_word(joined):
            return None
        actor = self._subject_actor(joined, before=word)
        if actor is None:
            # "Israeli jets struck ... and the army shelled": jets are no actor, their owner is
            subject = next((c for c in children(joined) if is_subject(c) and c.i < word.i), None)
            owners = self.owners(subject) if subject is not None else []
            actor = owners[0] if len(owners) == 1 else None
        return actor if actor is not None and actor.method not in _PLACED_BY_STORY else None

    def _in_scene_country(self, head: Token, span: Description, sector: str) -> Actor | None:
        """An actor of ``sector`` in the country of the act's scene, else of the dateline."""
        scene = (self._scene_country(head) or (self._scene_before(head) if is_subject(head) else None)) if sector not in LOCATED_NOT_OWNED else None
        country = scene or self._home
        if country is None:
            return None
        method = Resolution.SCENE_COUNTRY if scene else Resolution.HOME_COUNTRY
        return Actor(self._mention(span[0], span[-1], "agent"), _code(country, sector), method, 0.5)

    def _scene_country(self, head: Token) -> str | None:
        """The one country named as the scene of the clause ``head`` acts in: "police *in
        Moscow*", "protesters marched *through Khartoum*". What was said or planned there, and
        clauses with a subject of their own, are other scenes."""
        clause = predicate_above(head)
        if clause.i in self._scenes:
            return self._scenes[clause.i]
        countries = set()
        stack = [clause]
        while stack:
            token = stack.pop()
            for child in children(token):
                if role(child) is _COMPLEMENT or (is_predicate_word(child) and has_subject(child)):
                    continue
                if self._opens_scene(child):
                    for place in self._scene_words(child):
                        match = self._matches.get(place.i)
                        if match is not None and match.kind in _PLACES_OF_STATES and match.country:
                            countries.add(match.country)
                stack.append(child)
        found = self._scenes[clause.i] = countries.pop() if len(countries) == 1 else None
        return found

    def _scene_before(self, head: Token) -> str | None:
        """Where the subject of a sentence that names no place acts: the scene the sentence just
        before set, in the same paragraph ("In Kinshasa, crowds attacked the embassies. *Police*
        fired tear gas": Kinshasa's police, not the dateline's); not in "Speaking in Tirana, where
        European leaders had gathered", whose places are scenes of its own. Who undergoes an act
        may have come from anywhere, and is left to its own sentence."""
        sentence = self._sentence_of.get(head.i)
        start = head.i
        while start > 0 and self._sentence_of.get(start - 1) == sentence:
            start -= 1
        before = start - 1
        while before >= 0 and self._doc[before].is_space:
            if "\n" in self._doc[before].text:
                return None  # the paragraph begins with this sentence
            before -= 1
        if before < 0 or self._sentence_of.get(before) is None:
            return None
        end = head.i
        while self._sentence_of.get(end + 1) == sentence:
            end += 1
        for word in self._doc[start : end + 1]:
            if self._opens_scene(word) and any((m := self._matches.get(p.i)) is not None and m.kind in _PLACES_OF_STATES for p in self._scene_words(word)):
                return None
        root = self._doc[before]
        while root.head.i != root.i:
            root = root.head
        return self._scene_country(root)

    def _opens_scene(self, word: Token) -> bool:
        """A preposition of place ("in", "outside"), or a direction ("30 km *north* of Baghdad")."""
        if role(word) is _PREPOSITION:
            return word.lower_ in self._words.scene_prepositions
        return link(word) == ADVERB_MODIFIER and word.lower_ in self._scene_adverbs

    def _scene_words(self, preposition: Token) -> Iterator[Token]:
        """The words a scene phrase may name its place by: "in Moscow", "outside of Basra", "north of
        Baghdad", and the name of a place noun ("near the town of Samarra", "in Borno state")."""
        objects = list(_objects_after(preposition, _OF)) if preposition.lower_ not in _OF else []  # "outside of"
        objects += [o for o in children(preposition) if link(o) == PLAIN_OBLIQUE]
        for obj in objects:
            yield obj
            if obj.lower_ in self._words.locative_place_nouns:
                yield from _objects_after(obj, _OF)
                yield from (name for name in children(obj) if link(name) == (Role.MODIFIER, Form.NOUN))  # "Borno state"

    def _owned(self, head: Token, span: Description) -> Actor | None:
        """A place or a statement stands for whoever holds or makes it: 'the Ukrainian city of
        Kherson' (UKR), 'targets inside Afghanistan' (AFG), "Trump's assertion" (USAGOV)."""
        place = head.lower_ in self._words.held_place_nouns
        if not place and head.lower_ not in self._words.statement_heads:
            return None
        owner = self._owner_in(span, exclude=None)
        if owner is None or owner.country is None and owner.code is None:
            owner = self._merge(owner, self._owner(head, located=place))
        if owner is None or owner.country is None and owner.code is None:
            return None
        code = _combine(owner, Agent(None, ""), leading=True)
        return Actor(self._entity_mention(span), code, Resolution.PLACE_OF_OWNER if place else Resolution.STATEMENT_OF_OWNER, 0.5)

    def _title_in(self, span: Description, exclude: Match | None) -> Match | None:
        for token in span:
            match = self._matches.get(token.i)
            if match is not None and match is not exclude and match.kind == "sector" and match.sector:
                return match
        return None

    def _owner_in(self, span: Description | list[Token], exclude: Match | None) -> _Owner | None:
        """Whose title this is, from the other words of the phrase: a country, place, seat,
        organisation or person named there, with the kind their modifiers give ("military"
        in "Russian military leaders"); else the owner of a possessive pronoun ("his Chinese
        counterpart" is Chinese, not his)."""
        country: str | None = None
        sector: str | None = None
        seen: set[int] = set()
        for token in span:
            match = self._matches.get(token.i)
            if match is None or match is exclude or match.start in seen:
                continue
            seen.add(match.start)
            if self._backs(match) or self._stance(match) or self._inside_name(match, span):
                continue
            if match.kind == "org" and match.org is not None:
                code = match.org.code_on(self._day)
                if match.stands_for_itself:
                    return _Owner(code.country, code.sector, code)
                country = country or code.country
            elif match.kind == "person" and match.person is not None:
                code = match.person.code_on(self._day)
                country, sector = country or code.country, sector or code.sector
            elif match.kind == "sector":
                sector = sector or match.sector
            elif match.country:
                country = country or match.country
                # a seat speaks for its sector ("Kremlin spokesman"); a breakaway territory only
                # as an owner ("Abkhazia's leader"), not as a location ("the Transnistria region")
                if match.kind == "seat" or match.kind == "place" and role(self._doc[match.end - 1]) is Role.POSSESSOR:
                    sector = sector or match.sector
        if country is None:
            for token in span:
                if role(token) is not _POSSESSOR:
                    continue
                if token.lower_ in self._words.possessive_pronouns:
                    owner = self._pronoun(token)
                elif token.lower_ in self._words.collective_possessives:
                    owner = self._collective_antecedent(token)
                elif token.lower_ in self._words.relative_possessives:
                    owner = self._described_owner(token)
                else:
                    continue
                if owner is not None and owner.code is not None:
                    country = owner.code.country
        if country is None and sector is None:
            return None
        return _Owner(country, sector)

    def _names_pair(self, head: Token) -> bool:
        """ "both countries", "the two sides", "all parties", or "both" standing alone ("urged both to")."""
        if head.lower_ in self._words.party_nouns and not any(role(c) is Role.PREPOSITION for c in children(head)):
            return any(c.lower_ in self._words.party_words and c.i < head.i for c in children(head))
        if head.lower_ in self._words.pair_nouns:
            return any(c.lower_ in self._words.pair_words and c.i < head.i for c in children(head))
        return head.lower_ == "both" and word_class(head) is WordClass.PRONOUN and role(head) is not Role.MODIFIER

    def _last_pair(self, head: Token) -> tuple[Actor, Actor] | None:
        """The last two countries named together before ``head`` ("India and Pakistan", "between
        Ottawa and Erbil"), as actors standing for the pair's words, within a few sentences.
        "Both sides", "all parties" and "both" alone may stand for two parties of one country,
        and for the subject and object of a clause ("troops fought FARC rebels")."""
        parties = head.lower_ in self._words.party_nouns or head.lower_ == "both"
        first_sentence = self._sentence_of.get(head.i, 0) - _PAIR_SENTENCES
        mention = self._mention(self._description(head)[0], head, "pronoun")
        for token in reversed(self._doc[: head.i]):
            number = self._sentence_of.get(token.i)
            if number is None:
                continue  # the blank between paragraphs belongs to no sentence
            if number < first_sentence:
                return None
            words = self._conjoined_words(token)
            members = [self.actor(member) for member in words] or (self._clause_parties(token) if parties else [])
            if parties:
                codes = [a.code for a in members if a is not None and a.code is not None and a.code.country]
                two = next(((a, b) for i, a in enumerate(codes) for b in codes[i + 1 :] if _two_parties(a, b)), None)
                if two is not None:
                    return Actor(mention, two[0], Resolution.COREF_PRONOUN, 0.6), Actor(mention, two[1], Resolution.COREF_PRONOUN, 0.6)
            countries = []
            for member, actor in zip(words, members):
                country = actor.code.country if actor is not None and actor.code is not None else self._demonym_country(member)
                if country and country not in countries:
                    countries.append(country)
            if len(countries) >= 2:
                sector = "GOV" if head.lower_ == "governments" else None
                first, second = (Actor(mention, _code(c, sector), Resolution.COREF_PRONOUN, 0.6) for c in countries[:2])
                return first, second
        return None

    def _story_pair(self, head: Token) -> tuple[Actor, Actor] | None:
        """ "The two neighbours", "both countries" with no pair named just before: the two
        countries the story has named most so far, each at least twice ("Ethiopia and Eritrea
        signed a declaration ... [two paragraphs] ... The two neighbours fought a border war").
        Not "both sides" or "all parties", which may be two sides of one country."""
        if head.lower_ not in self._words.pair_nouns or head.lower_ in self._words.party_nouns:
            return None
        named = Counter(a.code.country for i, a in self._resolved.items() if i < head.i and a is not None and a.code is not None and a.code.country)
        top = named.most_common(3)
        if len(top) < 2 or top[1][1] < 2 or (len(top) == 3 and top[2][1] == top[1][1]):
            return None  # no two countries stand out
        mention = self._mention(self._description(head)[0], head, "pronoun")
        first, second = (Actor(mention, _code(country, None), Resolution.COREF_PRONOUN, 0.5) for country, _ in top[:2])
        return first, second

    def _conjoined_words(self, token: Token) -> list[Token]:
        """``token`` and its conjuncts where it is the first of them and may name parties."""
        if not conjuncts(token) or token.i > min(c.i for c in conjuncts(token)):
            return []  # the first of conjoined words holds them all
        if link(token) == PLAIN_OBLIQUE and token.head.lower_ not in self._words.pair_prepositions:
            return []  # "flights to cities including Nairobi and Cairo" name places, not a pair of parties
        return [token, *conjuncts(token)]

    def _clause_parties(self, verb: Token) -> list[Actor | None]:
        """The subject and the object of a clause, when both are actors: "troops fought FARC rebels"."""
        if not is_predicate_word(verb):
            return []
        subjects = [self.actor(c) for c in children(verb) if link(c) == PLAIN_AGENT]
        objects = [self.actor(c) for c in children(verb) if link(c) == PLAIN_PATIENT]
        objects += [self.actor(o) for p in children(verb) if role(p) is Role.PREPOSITION and p.lower_ in self._words.pair_prepositions for o in children(p) if link(o) == PLAIN_OBLIQUE]
        return [a for a in subjects[:1] + objects[:1] if a is not None] if subjects and objects else []

    def _demonym_country(self, token: Token) -> str | None:
        """The country of a nationality adjective that names no actor itself: "Indian and
        Pakistani troops" name the pair India and Pakistan."""
        match = self._matches.get(token.i)
        return match.country if match is not None and match.kind == "adjective" else None

    def _described_owner(self, pronoun: Token) -> Actor | None:
        """Whose "whose" is: the noun its relative clause describes ("Barack Obama, whose
        administration negotiated the agreement")."""
        clause = predicate_above(pronoun)
        if role(clause) is not Role.RELATIVE or clause.head.i == clause.i:
            return None
        return self.actor(clause.head)

    def _collective_antecedent(self, pronoun: Token) -> Actor | None:
        """Whose "its" or "their" this is, in a reported clause: the speaker's ("Turkey said its
        warplanes bombed ..."). Elsewhere the nearest name is as often another's ("threatened
        Iraq after its parliament voted"), so no owner is read."""
        clause = pronoun
        while clause.head.i != clause.i:
            if link(clause) == THAT_CLAUSE:
                return self._subject_actor(clause.head, before=pronoun)
            clause = clause.head
        # "Russia called for a meeting, where its ambassador demanded": the possessive names
        # whose, which a bare title in a relative clause does not ("a timetable under which the
        # government agreed" is another's act)
        return self._joined_clause_subject(pronoun.head, relative=True) if role(pronoun) is Role.POSSESSOR else None

    def _subject_actor(self, verb: Token, before: Token) -> Actor | None:
        """The actor of a country that is the subject of ``verb``, written before ``before``
        and not holding it ("its forces" is not its own antecedent)."""
        for subject in children(verb):
            if is_subject(subject) and subject.i < before.i and not any(t.i == subject.i for t in before.ancestors):
                actor = self.actor(subject)
                if actor is not None and actor.code is not None and actor.code.country:
                    return actor
        return None

    def _backs(self, match: Match) -> bool:
        """The words name a backer of the phrase's actor, not its owner: "Iranian" in
        "Iranian-backed militias" (the participle follows the name and governs it)."""
        words = (match.start, match.end)
        found = self._backers.get(words)
        if found is None:
            heads = [self._doc[i].head for i in range(match.start, match.end)]
            found = self._backers[words] = any(h.lower_ in self._words.backer_participles and h.i >= match.end for h in heads)
        return found

    def _takes_side(self, token: Token) -> bool:
        """The word at ``token`` names a side taken ("Kremlin" in "pro-Kremlin"), not an owner."""
        match = self._matches.get(token.i)
        return match is not None and self._stance(match)

    def _stance(self, match: Match) -> bool:
        """The words name a side the phrase's actor takes, not its owner: "Russian" in
        "pro-Russian separatists", "American" in "anti-American protesters"."""
        doc = self._doc
        return match.start >= 2 and doc[match.start - 1].text == "-" and doc[match.start - 2].lower_ in self._words.stance_prefixes

    def _sponsor(self, head: Token) -> str | None:
        """The country that backs the actor at ``head``: Iran in "Iranian-backed militias"."""
        for token in self._description(head)[:-1]:
            match = self._matches.get(token.i)
            if match is not None and match.start == token.i and match.kind in _NAMES_OF_STATES and match.country and self._backs(match):
                return match.country
        return None

    def _inside_name(self, match: Match, span: Description) -> bool:
        """The phrase's head is a place inside a person's longer name: "Valencia" in "Sen.
        Feliciano Valencia" is no owner (while "Rakhine" in "Rakhine Buddhists" is)."""
        head = span[-1]
        return match.kind == "place" and match.end - 1 == head.i and _inside_longer_name(head, match)

    def _owner(self, head: Token, located: bool) -> _Owner | None:
        """The actor in an 'of/for/from' phrase after a title ("spokesperson for the UN
        secretary-general"); with ``located``, also 'in' ("police in Minsk")."""
        preps = self._words.title_owner_prepositions | (self._words.title_place_prepositions if located else frozenset())
        for obj in _objects_after(head, preps):
            actor = self.actor(obj)
            if actor is not None and actor.code is not None:
                code = actor.code
                if code.code != f"{code.country or ''}{code.sector or ''}":  # a body's own code: IGOUNO
                    return _Owner(code.country, code.sector, code)
                return _Owner(code.country, code.sector)
            bare = self._bare.get(obj.i)
            if bare is not None:
                return _Owner(None, bare.sector)
            return self._owner_in(self._description(obj), exclude=None)
        return None

    @staticmethod
    def _merge(first: _Owner | None, second: _Owner | None) -> _Owner | None:
        if first is None or second is None:
            return first or second
        if second.code is not None:
            return second
        return _Owner(first.country or second.country, first.sector or second.sector)

    def _definite_antecedent(self, head: Token, span: Description, match: Match, code: ActorCode) -> Actor | None:
        """'the Russian leader', "Pyongyang's leader": a definite singular title of an office
        one person holds points back to the latest person of that country and kind."""
        if not is_singular_noun(head) or not span or not (span[0].lower_ == "the" or any(link(t) == (Role.FUNCTION, Form.POSSESSIVE_ENDING) for t in span)):
            return None
        title = self._doc[match.start : match.end].text.lower()
        if title not in self._words.unique_offices:
            return None  # "China's ambassador" need not be the Chinese official named before
        return self._antecedents.latest(head.i, sector=code.sector, country=code.country, title=title)

    def _pronoun(self, token: Token) -> Actor | None:
        excluded = _own_clause_subjects(token) if link(token) == PLAIN_PATIENT else frozenset()
        antecedent = self._cataphora(token) or self._antecedents.latest(token.i, prefer_subject=True, exclude=excluded)
        mention = self._mention(token, token, "pronoun")
        if antecedent is None:
            return Actor(mention, None, Resolution.PRONOUN_UNRESOLVED, 0.0)
        return Actor(mention, antecedent.code, Resolution.COREF_PRONOUN, 0.75, antecedent.mention)

    def _subject_before(self, pronoun: Token) -> Actor | None:
        """ "Saudi Arabia said it would close its border. It ordered Qatari citizens to leave": "it"
        as the subject of its sentence's main verb is the state or organisation that was the
        subject of the sentence before, in the same paragraph, named or titled as such, or a state
        body named by its kind that the story places in its country ("the junta"). Not "it"
        as a dummy subject ("It was the first time", "It took police three hours"), nor one that
        no such subject comes before."""
        verb = pronoun.head
        start, end = sentence_bounds(pronoun)
        main = self._doc[start:end].root
        if not is_subject(pronoun) or verb.lemma_.lower() in self._words.dummy_subject_verbs or not (verb.i == main.i or verb in conjuncts(main)):
            return None
        if start == 0 or "\n" in self._text[self._doc[start - 1].idx : self._doc[start].idx]:
            return None  # the first sentence of a paragraph
        before_start, _ = sentence_bounds(self._doc[start - 1])
        before = self._doc[before_start:start].root
        subjects = [c for c in children(before) if is_subject(c)]
        actor = self.actor(subjects[0]) if subjects else None
        if actor is None or actor.code is None or not actor.code.country:
            return None
        if actor.method not in _NAMED_COLLECTIVES and not (actor.method in _PLACED_BODIES and actor.code.sector in _STATE_BODIES and is_singular_noun(subjects[0])):
            return None
        return Actor(self._mention(pronoun, pronoun, "pronoun"), actor.code, Resolution.COREF_PRONOUN, 0.6, actor.mention)

    def _cataphora(self, token: Token) -> Actor | None:
        """'In his article, Putin wrote': a possessive before the verb whose subject, named
        later in the sentence, is a person, is that person."""
        if token.lower_ not in self._words.possessive_pronouns:
            return None
        start, end = sentence_bounds(token)
        verb = self._doc[start:end].root
        if token.i > verb.i:
            return None
        for child in children(verb):
            if is_subject(child) and child.i > token.i and token.i < child.left_edge.i:
                match = self._matches.get(child.i)
                if match is not None and match.kind == "person":
                    return self.actor(child)
        return None

    def _title_words(self, token: Token, actor: Actor) -> frozenset[str]:
        """The words of a person's titles: those of the mention and of the role held that day."""
        text = actor.mention.text
        match = self._matches.get(token.i)
        if match is not None and match.person is not None:
            held = match.person.role_on(self._day)
            text += " " + (held.title if held is not None else "")
        return frozenset(text.lower().replace("-", " ").split())

    def _appositive_person(self, head: Token) -> Actor | None:
        if head.i not in heads_linked(self._doc, _APPOSITIVE):
            return None  # most heads have no appositive
        for child in children(head):
            if role(child) is Role.APPOSITIVE:
                match = self._matches.get(child.i)
                if match is not None and match.kind == "person":
                    return self.actor(child)
        return None

    def _unknown_entity(self, head: Token, span: Description) -> Actor | None:
        if word_class(head) is _NAME and not _attributive(head):
            known = self._title_and_surname(head, span)
            if known is not None:
                return known
        if entity(head) not in ACTOR_ENTITIES and len(span) == 1 and head.text[:1].isupper() and word_class(head) in (WordClass.NOUN, _NAME):
            # "Griffiths travelled to Sanaa", "Moise, 53, was killed": a family name the tagger
            # took for a common noun or left without an entity
            return self._named_before(head, span)
        if entity(head) not in ACTOR_ENTITIES or _attributive(head):
            return None
        # An unknown name with a known description ("Chinese envoy Liu Wei") takes the description's code.
        title = self._title_in(span, exclude=None)
        if title is None and (entity(head) is Entity.PERSON or len(span) == 1):
            # a bare family name the tagger took for an organisation ("Butler pulled ...") is still the person named before
            named = self._named_before(head, span) or self._described_beside(head, span)
            if named is not None:
                return named
        sector = "ELI" if title is not None and self._is_former(span) else title.sector if title is not None else None
        owner = self._owner_in([t for t in span if title is None or not title.start <= t.i < title.end], exclude=None)
        if owner is not None and (owner.country or owner.code) and sector is not None:
            return Actor(self._entity_mention(span), _combine(owner, Agent(sector, sector), leading=False), Resolution.DESCRIPTION, 0.7)
        if sector is not None and (beside := self._described_beside(head, span)) is not None and beside.code is not None and beside.code.country:
            # "the coalition spokesman, Colonel Turki al-Maliki": the title's kind, the description's country
            return Actor(self._entity_mention(span), _code(beside.code.country, sector), Resolution.DESCRIPTION, 0.7)
        if sector is not None and sector in self._words.domestic_sectors:
            # "President Andres Pastrana" in a story filed from Bogota: an office at home
            found = self._joined_subject(head, span, sector) or self._in_scene_country(head, span, sector)
            if found is not None:
                return replace(found, mention=self._entity_mention(span))
        if sector is not None:
            self._bare[head.i] = Agent(sector, sector)
        return Actor(self._entity_mention(span), None, Resolution.UNRESOLVED_ENTITY, 0.0)

    def _described_beside(self, head: Token, span: Description) -> Actor | None:
        """An unknown person named beside a description is what it describes: "the chief U.N.
        weapons inspector, Richard Butler", "Richard Butler, the chief U.N. weapons inspector"."""
        if role(head) is Role.APPOSITIVE:
            beside = head.head
        else:
            beside = next((c for c in children(head) if role(c) is Role.APPOSITIVE), None) if head.i in heads_linked(self._doc, _APPOSITIVE) else None
        if beside is None or beside.i == head.i or entity(beside) is _PERSON or word_class(beside) is _NAME:
            return None
        described = self.actor(beside) or self._owner_in(list(self._description(beside)), exclude=None)
        if described is None or described.code is None:
            return None
        return Actor(self._entity_mention(span), described.code, Resolution.DESCRIPTION, 0.7)

    def _named_before(self, head: Token, span: Description) -> Actor | None:
        """A bare family name ("Pastrana said") is the person named in full earlier in the article
        ("President Andres Pastrana"), when that mention was resolved; a name written family name
        first is found by its first word ("Kim Il Sung ... met Kim in Pyongyang")."""
        if self._full_names is None:
            self._full_names, self._first_names = {}, {}
            for name in named_spans(self._doc, self._text):
                if name.kind is _PERSON and name.end - name.start > 1:
                    self._full_names.setdefault(self._doc[name.end - 1].lower_, []).append(name.end - 1)
                if name.kind is _PERSON and name.end - name.start > 2:
                    self._first_names.setdefault(self._doc[name.start].lower_, []).append(name.end - 1)
        for names in (self._full_names, self._first_names):
            for last in reversed(names.get(head.lower_, [])):
                if last < head.i:
                    earlier = self.actor(self._doc[last])
                    if earlier is not None and earlier.code is not None:
                        return Actor(self._entity_mention(span), earlier.code, Resolution.COREF_NAME, 0.6, antecedent=earlier.mention)
        return None

    def _title_and_surname(self, head: Token, span: Description) -> Actor | None:
        """'Deputy Secretary Hicks', 'Premier Li': a family name after a title names the one
        known person with that name who held that title, preferring one holding it that day."""
        people = self._table.people_named(head.text)
        words = set()
        for token in span[:-1]:
            match = self._matches.get(token.i)
            if match is not None and match.kind != "sector" or _determiner_or_possessor(token):
                continue  # "U.S.", "Russian": the country, not the title
            word = self._words.title_abbreviations.get(token.lower_, token.lower_)
            if word.isalpha():
                words.add(word)
        words -= self._words.title_fillers
        if not people or not words:
            return None
        fits = []
        for person in people:
            roles = [r for r in person.roles if words <= set(r.title.lower().replace("-", " ").split())]
            if roles:
                active = [r for r in roles if self._day is not None and r.active_on(self._day)]
                fits.append((person, active[-1] if active else max(roles, key=lambda r: r.start or date.min), bool(active)))
        if any(active for _, _, active in fits):
            fits = [fit for fit in fits if fit[2]]
        if len(fits) != 1:
            return None
        person, held, active = fits[0]
        code = held.actor_code() if active or self._day is None else person.code_on(self._day)
        if self._is_former(span) and code.country:
            code = _code(code.country, "ELI")
        elif code.sector in (None, "ELI") and not active:
            code = held.actor_code()  # the text gives the title; it is the better witness
        return Actor(self._entity_mention(span), code, Resolution.TITLE_SURNAME, 0.8)

    def _reading(self, match: Match) -> ActorCode | None:
        if match.kind == "person" and match.person is not None:
            return match.person.code_on(self._day)
        if match.kind == "org" and match.org is not None:
            return match.org.code_on(self._day)
        if match.country:
            return _code(match.country, match.sector if match.kind in ("seat", "place") else None)
        return None

    def _is_person_like(self, token: Token, actor: Actor) -> bool:
        if not is_singular_noun(token) or token.lower_ in self._words.institutions:
            return False
        if actor.method is Resolution.TITLE_OF_OWNER:  # "the CIA director", not "the president's office"
            return token.lower_ in self._words.head_titles
        if actor.method in _PLACED_BY_STORY:
            return entity(token) is _PERSON  # "President Andres Pastrana" in a story from Bogota
        return actor.method in PERSON_LIKE

    def _is_former(self, span: Description | list[Token]) -> bool:
        return any(t.lower_ in self._words.former_words for t in span)

    def _is_indefinite(self, span: Description) -> bool:
        return bool(span) and span[0].lower_ in self._words.indefinite_words

    def _is_leading_title(self, head: Token, match: Match) -> bool:
        """A one-word title that leads or speaks for its owner ("leader", "spokesman", "chief")."""
        return match.end - match.start == 1 and head.lower_ in self._words.head_titles

    def _description(self, head: Token) -> Description:
        found = self._descriptions.get(head.i)
        if found is None:
            found = _description(head)
            if found[0].idx < self._dateline[1] <= head.idx:
                # the parser hangs the dateline on the story's first subject: "BOGOTA, May 15 (Reuters) - Rebels"
                found = tuple(t for t in found if t.idx >= self._dateline[1])
            self._descriptions[head.i] = found
        return found

    def _entity_mention(self, span: Description) -> Mention:
        """The mention of an actor named by its whole phrase: built only once the phrase is
        found to be one (about half the phrases resolved are no actor)."""
        return self._mention(span[0], span[-1], "entity")

    def _mention(self, first: Token, last: Token, kind: str) -> Mention:
        start, end = first.idx, last.idx + len(last.text)
        return Mention(self._article_id, self._sentence_of.get(first.i, 0), start, end, self._text[start:end], kind)


def _combine(owner: _Owner, agent: Agent, leading: bool) -> ActorCode:
    """The code of a title held under an owner: RUS + foreign minister -> RUSGOV."""
    if owner.code is not None:
        code = owner.code
        if code.code.startswith("IGO"):  # an intergovernmental body keeps its code and takes the title's kind
            sector = code.sector if leading and code.sector != "IGO" else agent.sector or code.sector
            return ActorCode(code.code, code.country, sector)
        return code
    if leading and owner.sector:
        return _code(owner.country, owner.sector)
    return ActorCode(agent.with_country(owner.country), owner.country, agent.sector)


def _code(country: str | None, sector: str | None) -> ActorCode:
    return ActorCode(f"{country or ''}{sector or ''}", country, sector)


def _another_given_name(token: Token, match: Match) -> bool:
    """A person matched by part of a longer name whose first word none of the person's names
    has: "Turki al-Maliki" is someone else than Nouri al-Maliki; "George W. Bush" is Bush."""
    assert match.person is not None
    if not _inside_longer_name(token, match):
        return False
    first = token.doc[_name_start(token.doc, match.start)].lower_
    names = (match.person.name, *match.person.aliases)
    return not any(first in name.lower().replace("-", " ").split() for name in names)


def _name_start(doc: Doc, index: int) -> int:
    """The first word of the name the word at ``index`` belongs to."""
    while index > 0 and continues_entity(doc[index]):
        index -= 1
    return index


def _inside_longer_name(token: Token, match: Match) -> bool:
    """The words are part of a longer name of a person ("Kevin Houston", not "Houston")."""
    if entity(token) is not Entity.PERSON:
        return False
    doc = token.doc
    start = _name_start(doc, token.i)
    end = token.i + 1
    while end < len(doc) and continues_entity(doc[end]):
        end += 1
    return end - start > match.end - match.start


def _names_a_model(head: Token) -> bool:
    """A maker's name with a model number right after it ("Boeing 777") names the product."""
    return any(link(c) == _NUMBER_MODIFIER and c.i == head.i + 1 for c in children(head))


def _own_clause_subjects(pronoun: Token) -> frozenset[int]:
    """The subjects of the clause an object pronoun is in, which it cannot refer to: "Merkel
    telephoned Putin and asked *him*" is Putin ("herself" would be Merkel). A conjoined verb
    shares its first verb's subject."""
    verb = pronoun.head
    subjects = [c for c in children(verb) if is_subject(c)]
    while not subjects and link(verb) == (Role.CONJUNCT, Form.PLAIN) and verb.head.i != verb.i:
        verb = verb.head
        subjects = [c for c in children(verb) if is_subject(c)]
    return frozenset(t.i for s in subjects for t in (s, *conjuncts(s)))


def _attributive(token: Token) -> bool:
    """A noun or adjective before another noun: "*Russian* troops", "the *Hokkaido* coast"."""
    return link(token) in _ATTRIBUTIVE


_ATTRIBUTIVE = frozenset({(Role.MODIFIER, Form.NOUN), (Role.MODIFIER, Form.ADJECTIVE)})
_APPOSITIVE = (Role.APPOSITIVE, Form.PLAIN)
_DETERMINER = (Role.FUNCTION, Form.DETERMINER)
_NUMBER_MODIFIER = (Role.MODIFIER, Form.NUMBER)  # "777" in "Boeing 777"


def _determiner_or_possessor(token: Token) -> bool:
    return role(token) is _POSSESSOR or link(token) == _DETERMINER


def _two_parties(first: ActorCode, second: ActorCode) -> bool:
    """Two sides of a conflict: two countries, or two kinds or groups of actor of one country
    ("troops" and "rebels", "the Iraqi army and the Peshmerga"); not a country and its own
    government ("Moscow and the Kremlin")."""
    if first.country != second.country:
        return True
    return first.sector is not None and second.sector is not None and (first.sector != second.sector or first.code != second.code)


# How a state or an organisation that "it" may stand for was named: by name, seat or title.
_NAMED_COLLECTIVES = frozenset(
    {Resolution.STATE, Resolution.CAPITAL, Resolution.SEAT, Resolution.ORGANISATION, Resolution.SHARED, Resolution.COUNTRY_SECTOR, Resolution.SECTOR_OF_OWNER, Resolution.TITLE_OF_OWNER}
)

# How a body named by its kind alone was placed in its country: "it" stands for one such body
# ("the junta closed the airspace. In a statement, it said"), not for a plural ("the police").
_PLACED_BODIES = frozenset({Resolution.HOME_COUNTRY, Resolution.SCENE_COUNTRY})
_STATE_BODIES = OFFICES - {"ELI"}  # sectors of such bodies: offices held now; a researcher is no "it"

# Kinds of match that name a state, by any of its names.
_NAMES_OF_STATES = frozenset({"state", "adjective", "capital", "shared", "place"})
_PLACES_OF_STATES = frozenset({"state", "capital", "place"})
_OF = frozenset({"of"})
# How far back "both countries" looks for the pair it stands for, in sentences.
_PAIR_SENTENCES = 3
# How a noun's modifiers attach: adjectives, nouns and noun phrases ("the Ukrainian city").
_MODIFYING = frozenset({(Role.MODIFIER, Form.ADJECTIVE), (Role.MODIFIER, Form.NOUN), (Role.MODIFIER, Form.NOUN_PHRASE)})
# Resolutions of a person or of someone holding a title: antecedents for "he" and "she".
PERSON_LIKE = frozenset(
    {Resolution.PERSON, Resolution.APPOSITIVE, Resolution.COUNTRY_SECTOR, Resolution.DESCRIPTION, Resolution.SECTOR_OF_OWNER, Resolution.TITLE_SURNAME, Resolution.COREF_NAME}
)


def _listed_as_apposition(token: Token) -> tuple[Token, ...]:
    """The rest of a list of names the parser read as an apposition: "Canada, Brazil and
    Colombia" hangs "Brazil" on "Canada" as an appositive and "Colombia" on "Brazil"."""
    for child in rights(token):
        if role(child) is Role.APPOSITIVE and word_class(child) is WordClass.NAME and any(role(c) is Role.CONJUNCT for c in rights(child)):
            return (child, *conjuncts(child))
    return ()


def _objects_after(head: Token, prepositions: frozenset[str]) -> Iterator[Token]:
    """The objects of the prepositions among ``prepositions`` after ``head``, in order: "Mexico"
    in "the leaders of Mexico", "SANDF" in "members of SANDF", "NATO" in "the secretary-general of
    NATO" (the parser may hang the phrase on the title's second half)."""
    halves = [c for c in rights(head) if c.i == head.i + 2 and head.doc[head.i + 1].text == "-"]
    for prep in [p for word in (head, *halves) for p in rights(word)]:
        if role(prep) is Role.PREPOSITION and prep.lower_ in prepositions:
            for obj in children(prep):
                if link(obj) == PLAIN_OBLIQUE:
                    yield obj


def _is_phrase_head(token: Token, words: Lexicon) -> bool:
    kind = word_class(token)
    if kind is _PRONOUN:
        return token.lower_ in words.personal_pronouns
    token_link = link(token)
    if token_link[0] is _POSSESSOR and kind is _NAME:
        return True  # "Trump's assertion": a possessor is an antecedent too
    return token_link not in DESCRIPTION_LINKS


def _description(head: Token) -> Description:
    """The head with the words before it in its phrase: determiners, adjectives, names, titles."""
    start = head.i
    for child in lefts(head):
        if link(child) not in _OUTSIDE_DESCRIPTION:
            start = min(start, child.left_edge.i)
    return tuple(tokens(head.doc)[start : head.i + 1])
