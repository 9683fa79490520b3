"""Predicates with their roles, from the parse.

A ``Predicate`` is one word that may name an act (a verb, or a noun such as "talks" or
"strike") with the words that fill its roles: who acts (agents), who or what is acted on
(patients), prepositional obliques by preposition, the verb of an infinitival complement and
the head of a that-clause. Voice, conjunction, relative clauses and control ("X urged Y to
refrain": Y refrains) are undone here, so the coder sees the same predicate for "North Korea
fired a missile" and "a missile was fired by North Korea".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from standoff.lexicon import Lexicon
from standoff.nlp import Span, Token
from standoff.syntax.labels import (
    ADJECTIVE_MODIFIER,
    ADVERBIAL_CLAUSE,
    CLAUSE_ON_NOUN,
    PLAIN_AGENT,
    PLAIN_OBLIQUE,
    PLAIN_PATIENT,
    Form,
    Role,
    VerbForm,
    WordClass,
    conjuncts,
    first_conjunct,
    form,
    heads_linked,
    is_auxiliary,
    is_misspelt_inflection,
    is_noun,
    is_predicate_word,
    is_subject,
    link,
    role,
    verb_form,
    word_class,
    words_of_class,
)
from standoff.syntax.tree import children

OWNER_LINKS = ((Role.POSSESSOR, Form.PLAIN), (Role.MODIFIER, Form.NOUN))  # words before a noun that name its owner: "Russia's letter", "a U.N. resolution"
TRIGGER_CLASSES = (WordClass.VERB, WordClass.AUXILIARY, WordClass.NOUN)  # what an event trigger can be
_ADJACENT_ROLES = frozenset({Role.PARTICLE, Role.PREPOSITION, Role.RECIPIENT})  # words right after a verb that may belong to it: "call on"
# Links through which a verb shares the subject of the word it depends on.
SUBJECT_SHARING = frozenset(
    {
        (Role.COMPLEMENT, Form.INFINITIVE),  # "North Korea plans to test"
        (Role.CONJUNCT, Form.PLAIN),  # "Russia agreed and signed"
        (Role.COMPLEMENT, Form.ADVERBIAL),  # "attacked, killing ..." (non-finite only, below)
        (Role.COMPLEMENT, Form.ADJECTIVE),  # "Iran is ready/about to ..."
        (Role.OBLIQUE, Form.CLAUSE),  # "continued by donating"
    }
)
# What ``PredicateReader`` tests each word and dependent for, as module names: on Python 3.11
# reading an Enum's member goes through EnumType.__getattr__, which costs more than the test.
_AGENT, _PATIENT, _RECIPIENT, _BY_AGENT = Role.AGENT, Role.PATIENT, Role.RECIPIENT, Role.BY_AGENT
_PREPOSITION, _PREDICATIVE, _COMPLEMENT, _FUNCTION = Role.PREPOSITION, Role.PREDICATIVE, Role.COMPLEMENT, Role.FUNCTION
_OBLIQUE, _PARTICLE, _POSSESSOR, _RELATIVE, _CONJUNCT = Role.OBLIQUE, Role.PARTICLE, Role.POSSESSOR, Role.RELATIVE, Role.CONJUNCT
_PLAIN, _PASSIVE, _INFINITIVE, _THAT_CLAUSE, _ADVERBIAL = Form.PLAIN, Form.PASSIVE, Form.INFINITIVE, Form.THAT_CLAUSE, Form.ADVERBIAL
_ADJECTIVE_COMPLEMENT = Form.ADJECTIVE
_NOUN_CLAUSE = Form.NOUN_CLAUSE
_INFINITIVE_COMPLEMENT = (Role.COMPLEMENT, Form.INFINITIVE)
_CLAUSE_OBLIQUE = (Role.OBLIQUE, Form.CLAUSE)
_AUXILIARY_LINK = (Role.FUNCTION, Form.AUXILIARY)
_VERB, _AUXILIARY, _NOUN, _ADPOSITION = WordClass.VERB, WordClass.AUXILIARY, WordClass.NOUN, WordClass.ADPOSITION


@dataclass(slots=True)
class Predicate:
    trigger: Token
    nominal: bool
    agents: list[Token] = field(default_factory=list)
    patients: list[Token] = field(default_factory=list)
    obliques: dict[str, list[Token]] = field(default_factory=dict)  # preposition -> its objects
    complement: Token | None = None  # the verb of an infinitival complement
    clause: Token | None = None  # the head of a that-clause or quoted clause
    predicative: bool = False  # "called Assad a murderer": an object complement follows
    called: list[Token] = field(default_factory=list)  # what the object is called: "a murderer"
    passive: bool = False
    adjacent: set[str] = field(default_factory=set)  # particles/prepositions right after the verb
    lemma: str = field(init=False)  # read once: every pattern of the verb asks for it

    def __post_init__(self) -> None:
        self.lemma = self.trigger.lemma_.lower()

    def objects_of(self, preposition: str) -> list[Token]:
        """Objects of a preposition on the trigger or on one of its patients ("favored
        negotiations *with* X", "imposed sanctions *on* Russia on Friday")."""
        return self.obliques.get(preposition, []) + preposition_objects(self.patients, preposition)


class PredicateReader:
    """Builds predicates; the lexicon says which verbs are light verbs, which prepositions
    carry a gerund's subject, and so on."""

    def __init__(self, lexicon: Lexicon) -> None:
        self._words = lexicon

    def sentence(self, sentence: Span, verb_lemmas: frozenset[str], noun_lemmas: frozenset[str]) -> list[Predicate]:
        """Predicates for every word that may trigger an event: verbs, and nouns listed as event nouns."""
        found = []
        for token in words_of_class(sentence, TRIGGER_CLASSES):
            lemma = token.lemma_.lower()
            kind = word_class(token)
            if kind is _VERB or (kind is _AUXILIARY and lemma == "be"):
                # a participle used as an adjective ("the internationally recognised government") names no act
                if lemma in verb_lemmas and link(token) != ADJECTIVE_MODIFIER and not is_misspelt_inflection(token):
                    found.append(self.verb(token))
            elif kind is _NOUN and (lemma in noun_lemmas or token.lower_ in noun_lemmas):
                found.append(self.noun(token))
        return found

    def verb(self, verb: Token) -> Predicate:
        predicate = Predicate(verb, nominal=False)
        for child in children(verb):
            kind, how = link(child)
            if kind is _AGENT:
                predicate.agents.append(_noun_before_participle(child) or child)
            elif kind is _FUNCTION and how is _PASSIVE:
                predicate.passive = True  # "was later flown to Berlin": passive, whoever the subject
            elif kind is _PATIENT and how is _PASSIVE:
                predicate.passive = True
                predicate.patients.append(child)
            elif kind is _BY_AGENT:
                predicate.passive = True
                predicate.agents.extend(p for p in children(child) if link(p) == PLAIN_OBLIQUE)
            elif kind is _PREPOSITION:
                _add_oblique(predicate, child)
                if (inner := _second_preposition(child)) is not None:
                    # "pulled out of the talks", "pulled its troops out of Syria": the parser hangs
                    # "of" on "out"; "out" is the verb's particle and "of" its preposition
                    self._add_split_preposition(predicate, child, inner)
            elif kind is _RECIPIENT or (kind is _PATIENT and how is _PLAIN):
                predicate.patients.append(child)
            elif kind is _PREDICATIVE and verb.lemma_ != "be":
                predicate.predicative = True
                predicate.called.append(child)
            if kind in _ADJACENT_ROLES and 0 < child.i - verb.i <= 2:
                predicate.adjacent.add(child.lower_)
            elif kind is _COMPLEMENT:
                if how is _INFINITIVE and is_predicate_word(child):
                    predicate.complement = child
                elif how is _THAT_CLAUSE and _small_clause(child):
                    # "found him guilty", "held Russia accountable": an object and what it is called
                    predicate.patients.extend(s for s in children(child) if is_subject(s))
                    predicate.predicative = True
                    predicate.called.append(child)
                elif how is _THAT_CLAUSE and not (predicate.clause is not None and names_a_free_relative(predicate.clause, self._words.naming_verbs)):
                    # "launched what it called clearance operations ... that drove": a clause the
                    # parser hangs after a free relative of naming does not take its place
                    predicate.clause = child
                elif how is _ADJECTIVE_COMPLEMENT:
                    # "be ready to talk": the adjective carries the complement
                    for grandchild in children(child):
                        if link(grandchild) == _INFINITIVE_COMPLEMENT:
                            predicate.complement = grandchild
        if predicate.complement is None and predicate.patients:
            predicate.complement = self._allowed_act(verb)
        own_role, own_form = link(verb)
        if own_role is _RELATIVE and not predicate.agents:
            # "a missile which flew over Japan": the relative pronoun stands for the noun
            predicate.agents.append(verb.head)
        elif own_role is _RELATIVE:
            relative = self._words.relative_pronouns
            antecedent = self._antecedent(verb)
            predicate.agents = [antecedent if s.lower_ in relative else s for s in predicate.agents]
            # "the sanctions (that) Washington imposed": the modified noun is the patient
            predicate.patients = [o for o in predicate.patients if o.lower_ not in relative]
            if not predicate.patients and not predicate.passive:
                predicate.patients.append(antecedent)
        noun_clause = (own_role, own_form) == CLAUSE_ON_NOUN
        if noun_clause and not predicate.agents and verb_form(verb) is VerbForm.PARTICIPLE and is_noun(verb.head) and role(verb.head) is not _OBLIQUE:
            # "intercepted missiles fired at the airport": a participle on its noun is passive (on a
            # preposition's object it is more often a verb the parser hung there: "opposed to the
            # accord demonstrated")
            predicate.passive = True
        if (own_role, own_form) == ADVERBIAL_CLAUSE and not predicate.agents and verb_form(verb) is VerbForm.PARTICIPLE and not any(is_auxiliary(c) for c in children(verb)):
            # "Asked whether ..., Trump told reporters", "Backed by Moscow, the rebels attacked": a
            # bare participle opening a clause is passive; the clause's subject underwent it
            predicate.passive = True
            predicate.patients = [c for c in children(verb.head) if is_subject(c)]
        if noun_clause and predicate.passive and is_noun(verb.head):
            # "a road map formulated by Moscow": the modified noun is the patient
            predicate.patients.append(verb.head)
        if not predicate.agents and noun_clause and verb_form(verb) is VerbForm.PAST and role(verb.head) is Role.ROOT and not predicate.passive:
            # a past-tense verb the parser hung under the sentence's first noun ("The air force carried
            # out strikes" parsed as "the air force [that] carried ..."): that noun is its agent
            predicate.agents = [verb.head]
        if not predicate.agents and not predicate.passive:
            predicate.agents = self._document_author(verb)
        if predicate.passive and not predicate.patients:
            # a subject a passive shares is what the act was done to: "attacked a post and were repelled"
            predicate.patients = self.inherited_agents(verb)
        elif not predicate.agents and not predicate.passive:
            # ... and never its agent: "as the pilot was being released, troops exchanged fire"
            predicate.agents = self.inherited_agents(verb)
        named = self._named_thing(predicate.clause) if not predicate.patients and predicate.clause is not None else None
        if named is not None:
            predicate.patients, predicate.clause = [named], None  # "criticised what it called Israel's use of force"
        if not predicate.patients:
            # "proposed and defended a plan": conjoined verbs share the patient of a later one; an
            # earlier one's is its own ("met the French president and will fly to London")
            predicate.patients = [o for c in conjuncts(verb) if c.i > verb.i for o in children(c) if link(o) == PLAIN_PATIENT][:2]
        _quotative_inversion(predicate)
        return predicate

    def _add_split_preposition(self, predicate: Predicate, particle: Token, preposition: Token) -> None:
        predicate.adjacent.update((particle.lower_, preposition.lower_))
        _add_oblique(predicate, preposition)
        pair = f"{particle.lower_} {preposition.lower_}"
        if pair in self._words.source_prepositions:
            # "out of Syria" is where the motion starts, as "from Syria" is
            predicate.obliques.setdefault("from", []).extend(obliques(preposition))

    def _antecedent(self, clause: Token) -> Token:
        """The noun a relative clause stands for: the one it hangs on, or, where that noun says
        who made an act ("an air strike *by the coalition* that hit a bus"), the act: the parser
        hangs a "that" clause on the nearest noun, and the maker of an act named just before is
        rarely told apart from others by what it did."""
        noun = clause.head
        by = noun.head
        pronoun_that = any(link(c) == PLAIN_AGENT and c.lower_ == "that" for c in children(clause))
        if pronoun_that and link(noun) == PLAIN_OBLIQUE and by.lower_ == "by" and by.head.lemma_.lower() in self._words.act_class_nouns:
            return by.head
        return noun

    def _named_thing(self, clause: Token) -> Token | None:
        """What a free relative of naming stands for: "Israel's use of force" in "what it called
        Israel's use of force"."""
        if not names_a_free_relative(clause, self._words.naming_verbs):
            return None
        return next((c for c in children(clause) if role(c) is Role.PREDICATIVE), None)

    def noun(self, noun: Token) -> Predicate:
        predicate = Predicate(noun, nominal=True)
        for child in children(noun):
            kind, how = link(child)
            if kind is _POSSESSOR:
                predicate.agents.append(child)
            elif kind is _PREPOSITION:
                _add_oblique(predicate, child)
            elif kind is Role.COMPLEMENT and how is Form.NOUN_CLAUSE:
                predicate.clause = child
        verb = noun.head
        is_patient = link(noun) == PLAIN_PATIENT
        verb_lemma = verb.lemma_.lower()
        if is_patient and verb_lemma in self._words.light_verbs | self._words.reaction_verbs:
            # "conducted drills near Taiwan", "drew condemnation from Tokyo": the verb's phrases are the noun's
            for child in children(verb):
                if role(child) is Role.PREPOSITION and child.lower_ not in predicate.obliques:
                    _add_oblique(predicate, child)
        if not predicate.agents and _may_have_nominal_agent(noun):
            predicate.agents = self._nominal_agent(noun)
        if not predicate.agents and predicate.obliques.get("between"):
            # "the conversation between Xi and Biden": both take part
            predicate.agents = list(predicate.obliques["between"])
        if not predicate.agents and predicate.obliques.get("from"):
            predicate.agents = list(predicate.obliques["from"])  # "condemnation from Tokyo", "aid from Japan"
        if not predicate.agents and predicate.obliques.get("by"):
            predicate.agents = list(predicate.obliques["by"])  # "the siege of the town by government forces"
        if is_patient and verb_lemma in self._words.reaction_verbs:
            # "the launch drew condemnation": the reaction is aimed at what drew it
            predicate.patients = [c for c in children(verb) if link(c) == PLAIN_AGENT]
        return predicate

    def _nominal_agent(self, noun: Token) -> list[Token]:
        """Who carried out a nominal event: the subject of the light verb governing it ("held
        talks"), or the owner of the subject ("Lavrov's call was made in a telephone conversation")."""
        head = noun.head
        partnered = self._partnered(noun)
        if role(noun) is Role.OBLIQUE and form(noun) is Form.PLAIN and head.lower_ in self._words.sequence_prepositions and not partnered:
            return []  # "offered talks following the invasions": an act before or after, not the subject's own
        if role(noun) is Role.OBLIQUE and form(noun) is Form.PLAIN and role(head) is Role.PREPOSITION:
            if head.lower_ == "of" and head.head.lemma_.lower() in self._words.series_nouns:
                return self._nominal_agent(head.head)  # "a new round of joint exercises": the round's agent
            if self._culpable(head):
                return self.inherited_agents(head.head)  # "the cartel is responsible for mass killings"
            head = head.head
            if partnered and is_noun(head) and role(head) is Role.OBLIQUE and role(head.head) is Role.PREPOSITION:
                head = head.head.head  # "look at every option in talks with Budapest": the parser hangs the talks on the option
        if not is_predicate_word(head):
            return []
        if link(noun) == PLAIN_PATIENT and head.lemma_.lower() not in self._words.light_verbs:
            return []
        # "agreed to stage a joint exercise": the light verb's subject may be the one it shares
        agents = _agents_of(head) or self.inherited_agents(head)
        if not agents:
            passive_subjects = [c for c in children(head) if link(c) == (Role.PATIENT, Form.PASSIVE)]
            agents = [p for s in passive_subjects for p in children(s) if role(p) is Role.POSSESSOR]
            agents += by_agents(head)
        return agents

    def _partnered(self, noun: Token) -> bool:
        """A noun of an act two sides do together with its other side named ("talks with U.S.
        officials"): whoever the clause around it tells is the first side."""
        return noun.lemma_.lower() in self._words.partnered_nouns and any(c.lower_ == "with" and obliques(c) for c in children(noun))

    def _allowed_act(self, verb: Token) -> Token | None:
        """The act a span of time is given for, which the parser hangs on the span or reads as a
        purpose: "gave American diplomats 72 hours *to leave*" (or "until midnight to leave") is
        told as "ordered them to leave"."""
        spans = [w for w in children(verb) if w.lemma_.lower() in self._words.allowance_nouns or (role(w) is _PREPOSITION and w.lower_ in self._words.deadline_prepositions)]
        if not spans:
            return None
        clauses = [c for span in spans for c in children(span)] + [c for c in children(verb) if link(c) == ADVERBIAL_CLAUSE]
        return next((c for c in clauses if is_predicate_word(c) and is_to_infinitive(c)), None)

    def _document_author(self, verb: Token) -> list[Token]:
        """Who wrote the document a participle describes, and so does what it says: "Trump issued
        a statement *recognising* Guaido and *calling* ...", "Russia's letter *urging* restraint"."""
        clause = first_conjunct(verb)
        if link(clause) != CLAUSE_ON_NOUN or verb_form(verb) is not VerbForm.GERUND or clause.head.lemma_.lower() not in self._words.document_nouns:
            return []
        document = clause.head
        owners = [c for c in children(document) if link(c) in OWNER_LINKS]
        if owners:
            return owners
        issuer = document.head
        if link(document) == PLAIN_PATIENT and is_predicate_word(issuer):
            return _agents_of(issuer) or self.inherited_agents(issuer)
        return []

    def _culpable(self, preposition: Token) -> bool:
        """ "guilty of", "responsible for": a preposition whose phrase is an act laid at the
        door of the subject of the adjective it hangs on."""
        adjective = preposition.head
        return preposition.lower_ in ("of", "for") and adjective.lemma_.lower() in self._words.culpable_adjectives and link(adjective) == (_COMPLEMENT, _ADJECTIVE_COMPLEMENT)

    def inherited_agents(self, verb: Token) -> list[Token]:
        """The agent a verb shares with the verb it depends on: "Russia agreed and signed",
        "North Korea plans to launch", "Ethiopia let free", "X is guilty of violating". Object
        control ("urged X to refrain") gives X."""
        current = verb
        for _ in range(4):
            current_link = link(current)
            bare_infinitive = current_link == (_COMPLEMENT, _THAT_CLAUSE) and current.head.lemma_.lower() in self._words.bare_infinitive_heads and not _agents_of(current)
            if current_link not in SUBJECT_SHARING and not bare_infinitive or current.head.i == current.i:
                return []
            head = current.head
            if current_link == _INFINITIVE_COMPLEMENT:
                patients = [c for c in children(head) if link(c) == PLAIN_PATIENT]
                if patients:
                    return patients
            if current_link == ADVERBIAL_CLAUSE and verb_form(current) not in (VerbForm.GERUND, VerbForm.PARTICIPLE) and not is_to_infinitive(current):
                return []  # a finite adverbial clause has its own subject; "voted in May to launch" shares it
            if current_link == _CLAUSE_OBLIQUE:
                # "continued by donating", "after meeting": the gerund's subject is the verb's; not in
                # "accused X of blocking" or "blamed X for attacking", where it is X's; "is guilty of
                # violating" is the subject's
                if self._culpable(head):
                    current = head.head
                    continue
                if head.lower_ not in self._words.manner_prepositions:
                    return []
                head = head.head
            agents = _agents_of(head)
            if agents:
                return agents
            agents = by_agents(head)
            if agents:
                return agents
            current = head
        return []


def preposition_objects(nouns: list[Token], preposition: str) -> list[Token]:
    """The objects of ``preposition`` where it hangs on one of ``nouns``: "negotiations *with* X"."""
    return [t for noun in nouns for c in children(noun) if role(c) is _PREPOSITION and c.lower_ == preposition for t in children(c) if link(t) == PLAIN_OBLIQUE]


def obliques(preposition: Token) -> list[Token]:
    """The objects of a preposition: nouns, and gerunds or clauses ("by donating")."""
    return [c for c in children(preposition) if role(c) is _OBLIQUE]


def is_to_infinitive(verb: Token) -> bool:
    """A verb with its own "to": "(sent troops) to protect", "(voted in May) to launch"."""
    return any(c.lower_ == "to" and is_auxiliary(c) for c in children(verb))


def by_agents(verb: Token) -> list[Token]:
    """The objects of a passive's "by": "was fired *by North Korea*"."""
    return [p for c in children(verb) if role(c) is Role.BY_AGENT for p in children(c) if link(p) == PLAIN_OBLIQUE]


def _noun_before_participle(subject: Token) -> Token | None:
    """ "The Red Cross operating in Iraq said": the parser may take the participle for the
    subject and the noun before it for the participle's subject; the noun is who said."""
    if word_class(subject) is not _VERB or verb_form(subject) is not VerbForm.GERUND:
        return None
    return next((c for c in children(subject) if role(c) is _AGENT and c.i < subject.i and is_noun(c)), None)


def _agents_of(verb: Token) -> list[Token]:
    return [c for c in children(verb) if role(c) is _AGENT]


def _small_clause(clause: Token) -> bool:
    """An adjective the parser made a clause of its own, with no verb or subordinator: "found
    [him guilty]" (not "said [that it was illegal]")."""
    return word_class(clause) is WordClass.ADJECTIVE and not any(role(c) is Role.FUNCTION and link(c)[1] in (Form.AUXILIARY, Form.SUBORDINATOR) for c in children(clause))


def _may_have_nominal_agent(noun: Token) -> bool:
    """A noun in a place where the clause around it may say who did the act it names."""
    kind, how = link(noun)
    return kind is _CONJUNCT or (kind in (_PATIENT, _OBLIQUE) and how in (_PLAIN, _PASSIVE))


def _second_preposition(preposition: Token) -> Token | None:
    """The second word of a two-word preposition the parser split ("out *of*"): a preposition
    right after an adposition that has no object of its own ("according to" is a verb's)."""
    if word_class(preposition) is not _ADPOSITION or obliques(preposition):
        return None
    return next((c for c in children(preposition) if role(c) is _PREPOSITION and c.i == preposition.i + 1), None)


def _add_oblique(predicate: Predicate, preposition: Token) -> None:
    predicate.obliques.setdefault(preposition.lower_, []).extend(obliques(preposition))


def _quotative_inversion(predicate: Predicate) -> None:
    """'..., warned the Russian leader.': after a quoted clause the speaker follows the verb."""
    verb = predicate.trigger
    if predicate.agents or predicate.clause is None or not predicate.patients:
        return
    if predicate.clause.i < verb.i and all(o.i > verb.i for o in predicate.patients):
        predicate.agents, predicate.patients = predicate.patients, []


@dataclass(frozen=True, slots=True)
class Governor:
    """The word whose complement a verb is, and how: "agreed *to lift*" (an infinitive),
    "demanded *that* Israel *halt*" (a that-clause)."""

    word: Token
    form: Form  # Form.INFINITIVE or Form.THAT_CLAUSE


def governor(verb: Token) -> Governor | None:
    """What governs ``verb`` (or the first of the conjuncts it belongs to) as a complement."""
    token = first_conjunct(verb)
    kind, how = link(token)
    if (kind, how) == PLAIN_OBLIQUE and token.head.lower_ in _READINESS_PREPOSITIONS and word_class(token.head.head) is WordClass.ADJECTIVE:
        return Governor(token.head.head, _INFINITIVE)  # "ready for talks", "open to talks": as "ready to talk"
    if kind is not _COMPLEMENT:
        return None
    if how is _INFINITIVE:
        return Governor(token.head, _INFINITIVE)
    # "called on China on Friday to release ...": the parser may attach the infinitive as an adverbial,
    # an infinitive with a subject of its own as a clause ("expected Sudan to cooperate"), and a
    # noun's infinitive as a clause on the noun ("an attempt to assassinate him")
    if how in (_ADVERBIAL, _THAT_CLAUSE, _NOUN_CLAUSE) and any(link(c) == _AUXILIARY_LINK and c.lower_ == "to" for c in children(token)):
        return Governor(token.head, _INFINITIVE)
    if how is _THAT_CLAUSE:
        return Governor(token.head, _THAT_CLAUSE)
    return None


def adjacent_particles(verb: Token) -> set[str]:
    """Particles and prepositions right after a verb: the "on" of "call on"."""
    return {c.lower_ for c in children(verb) if role(c) in (_PARTICLE, _PREPOSITION) and 0 < c.i - verb.i <= 2}



def adverbial_clause(verb: Token, openers: frozenset[str]) -> Token | None:
    """The verb of an adverbial clause on ``verb`` opened by one of ``openers``: the condition
    of "would shoot down missiles *if the US struck*", the circumstance of "were arrested *when
    police raided the office*"."""
    if verb.i not in heads_linked(verb.doc, ADVERBIAL_CLAUSE):
        return None  # most verbs have no adverbial clause
    for child in children(verb):
        if link(child) == ADVERBIAL_CLAUSE and any(
            link(c) in _CLAUSE_OPENERS and c.lower_ in openers for c in children(child)
        ):
            return child
    return None


_CLAUSE_OPENERS = frozenset({(Role.FUNCTION, Form.SUBORDINATOR), (Role.MODIFIER, Form.ADVERB)})
_READINESS_PREPOSITIONS = frozenset({"for", "to"})  # what an adjective of readiness takes as an act: "ready *for* talks"


def names_a_free_relative(clause: Token, naming_verbs: frozenset[str]) -> bool:
    """ "what New Delhi described as a training camp": the verb of naming of a free relative,
    whose object is "what"."""
    return clause.lemma_.lower() in naming_verbs and any(link(c) == PLAIN_PATIENT and c.lower_ == "what" for c in children(clause))


def in_a_judgement(noun: Token, judging_verbs: frozenset[str]) -> bool:
    """A noun in what a verb of judging calls its object, which names the thing judged and no
    act of its own: "criticised the strike as *a clear attack*", "called the raids an act of
    *aggression*"."""
    token = noun
    while (is_noun(token) or word_class(token) is _ADPOSITION) and token.head.i != token.i:
        head = token.head
        if is_predicate_word(head):
            judged = (role(token) is _PREPOSITION and token.lower_ == "as") or (role(token) is _PREDICATIVE and head.lemma_ != "be")
            return judged and head.lemma_.lower() in judging_verbs
        token = head
    return False
