"""Whether a pattern fits a predicate: its trigger words, and the roles it needs filled."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from standoff.actors.resolve import ArticleActors
from standoff.events.arguments import actors_at, source_actors
from standoff.events.modality import modality
from standoff.events.patterns import INTERNATIONAL_BODY, Pattern, Phrase, Words
from standoff.lexicon import Lexicon
from standoff.model import Actor, Modality, Resolution
from standoff.nlp import Doc, Token
from standoff.syntax.labels import ADJECTIVE_MODIFIER, ADVERB_MODIFIER, PLAIN_OBLIQUE, Form, Role, first_conjunct, link, role
from standoff.syntax.predicates import Predicate, governor, obliques
from standoff.syntax.tree import children, lefts, subtree_ends, tokens


# Actors a thing stands for: "the French position" stands for France, but is no party to meet.
OWNED_THINGS = frozenset({Resolution.OWNER_ADJECTIVE, Resolution.PLACE_OF_OWNER, Resolution.STATEMENT_OF_OWNER})
# Read for every dependent of a role filler, as module names: on Python 3.11 reading an Enum's
# member goes through EnumType.__getattr__, which costs more than the test it is read for.
_PREPOSITION = Role.PREPOSITION
_NOUN_MODIFIER = (Role.MODIFIER, Form.NOUN)


class PatternMatcher:
    def __init__(self, lexicon: Lexicon) -> None:
        self._words = lexicon
        self._memo_doc: Doc | None = None
        self._memo: dict[int, set[str]] = {}
        self._shortlists: dict[tuple[str, bool], _Shortlist] = {}
        self._clause_of: Predicate | None = None
        self._clause: tuple[bool, list[Token]] = (False, [])

    def first_fit(self, patterns: tuple[Pattern, ...], predicate: Predicate, actors: ArticleActors) -> Pattern | None:
        """The first of ``patterns`` that fits. A verb known to several sets has many patterns:
        the words its roles have are read once, and the patterns that need others are passed by
        together (``_Shortlist``) before any is tried."""
        shortlist = self._shortlist(patterns, predicate)
        possible = shortlist.unchecked
        if possible != shortlist.every:
            possible |= shortlist.possible(self._roles(predicate), predicate)
        if shortlist.with_particles:
            possible &= shortlist.particles_fit(predicate.adjacent)
        if shortlist.with_said_words:
            subject_words = {word for agent in predicate.agents for word in self.words_of(agent)}
            objects = [*predicate.patients, *(o for objects in predicate.obliques.values() for o in objects)]
            object_words = {word for obj in objects for word in self.words_of(obj)}
            possible &= shortlist.said_words_fit(subject_words, object_words, predicate.complement)
        while possible:
            lowest = possible & -possible
            possible ^= lowest
            pattern = patterns[lowest.bit_length() - 1]
            if self.fits(pattern, predicate, actors):
                return pattern
        return None

    def _shortlist(self, patterns: tuple[Pattern, ...], predicate: Predicate) -> _Shortlist:
        key = (predicate.lemma, predicate.nominal)
        found = self._shortlists.get(key)
        if found is None or found.patterns is not patterns:
            found = self._shortlists[key] = _Shortlist(patterns, predicate.lemma, predicate.nominal)
        return found

    def _roles(self, predicate: Predicate) -> _Roles:
        words: set[str] = set()
        for patient in predicate.patients or _clause_fillers(predicate):
            words |= self.words_of(patient) | {a.lemma_.lower() for a in _adjectives(patient)}
        heads = [*predicate.patients, *(o for objects in predicate.obliques.values() for o in objects)]
        preps = set(predicate.obliques) | predicate.adjacent | {c.lower_ for h in heads for c in children(h) if role(c) is _PREPOSITION}
        return _Roles(words, preps)

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
        if pattern.source_sectors is not None and not _of_sector(source_actors(predicate, actors, self._words), pattern.source_sectors):
            return False  # who acts, as the coder reads it: "said it had suspended its operations" is the speaker's
        if pattern.target_sectors is not None:
            named = patients + [o for objects in predicate.obliques.values() for o in objects]
            if not _has_sector(named, pattern.target_sectors, actors, self._words):
                return False
        if isinstance(pattern.object, Words):
            # PETRARCH's words after the verb are in its object, or in the clause it takes instead
            fillers = patients or (self._clause_reading(predicate)[1] if pattern.dyad else [])
            if not any(self.has_words(o, pattern.object) or (pattern.dyad and _described_by(o, pattern.object)) for o in fillers):
                return False
        if pattern.modifier is not None and not any(self._modifiers_of(o) & pattern.modifier.single for o in patients):
            return False
        if pattern.subject is not None and not any(self.has_words(s, pattern.subject) for s in predicate.agents):
            return False
        if pattern.prep is not None and not predicate.objects_of(pattern.prep):
            return False
        if pattern.obliques and not all(self._oblique_fits(predicate, prep, words) for prep, words in pattern.obliques):
            return False
        if pattern.comp is not None and (predicate.complement is None or predicate.complement.lemma_.lower() not in pattern.comp):
            return False
        if pattern.clause and predicate.clause is None:
            return False
        if pattern.bare and (predicate.predicative or predicate.complement is not None or self._clause_reading(predicate)[0]):
            return False
        if pattern.content:
            clause = _content_text(predicate)  # read once for all the pattern's expressions
            if not any(expr.search(clause) for expr in pattern.content):
                return False
        if pattern.called is not None and not any(self._is_called(c, pattern.called) for c in self._called(predicate)):
            return False
        if pattern.called is None and isinstance(pattern.object, Words) and predicate.called:
            return False  # "called the strike an attack": naming the thing, not calling a strike
        if pattern.adverb is not None and not any(_forms(a) & pattern.adverb.single for a in _adverbs(predicate.trigger)):
            return False
        if pattern.auxiliaries and not pattern.auxiliaries <= _auxiliaries(predicate.trigger):
            return False
        if pattern.governor is not None and not _governed_by(predicate.trigger, pattern.governor):
            return False
        if pattern.joint and not _joint_subject(predicate):
            return False
        if pattern.polarity is not None and modality(predicate.trigger, self._words) is not Modality.NEGATED:
            return False
        return True

    def has_words(self, token: Token, words: Words) -> bool:
        """The role filler is one of the words, or ends one of the phrases."""
        return bool(self.words_of(token) & words.single) or any(_ends_phrase(token, phrase) for phrase in words.phrases)

    def _called(self, predicate: Predicate) -> list[Token]:
        """What a verb of naming calls its object, also after "as" ("described the exercise as a
        provocation"); other patterns of the verb still read the "as" phrase as an oblique."""
        if predicate.called or predicate.lemma not in self._words.naming_verbs:
            return predicate.called
        return predicate.obliques.get("as", [])

    def _is_called(self, token: Token, words: Words) -> bool:
        """What the object is called is one of the words: its head ("a mistake"), an adjective on
        it ("a *heinous* act"), or a phrase it heads at either end ("a slap in the face")."""
        return self.has_words(token, words) or _described_by(token, words) or any(_begins_phrase(token, phrase) for phrase in words.phrases)

    def words_of(self, token: Token) -> set[str]:
        """A role filler's lemma and form, those of its noun modifiers ("road map") and of the
        noun it is an offer or proposal of ("the offer of talks"). Every pattern of the
        predicate asks for the same fillers: they are read once per token."""
        if token.doc is not self._memo_doc:  # the doc is kept, so a token index means one token
            self._memo_doc, self._memo = token.doc, {}
        found = self._memo.get(token.i)
        if found is None:
            found = self._memo[token.i] = self._read_words(token)
        return found

    def _read_words(self, token: Token) -> set[str]:
        words = {token.lemma_.lower(), token.lower_}
        for child in children(token):
            child_link = link(child)
            if child_link == _NOUN_MODIFIER:
                words.add(child.lemma_.lower())
            elif child_link[0] is _PREPOSITION and child.lower_ in self._words.nesting_prepositions and token.lemma_.lower() not in self._words.stopping_nouns:
                words |= {g.lemma_.lower() for g in _plain_obliques(child)}
        return words

    def _clause_reading(self, predicate: Predicate) -> tuple[bool, list[Token]]:
        """Whether the predicate reports its clause, and else the clause's fillers: they depend
        on the predicate alone, and every candidate pattern of its verb may ask, one after the
        other, so the latest predicate's are kept."""
        if self._clause_of is not predicate:
            reports = self._reports_clause(predicate)
            self._clause_of, self._clause = predicate, (reports, [] if reports else _clause_fillers(predicate))
        return self._clause

    def _reports_clause(self, predicate: Predicate) -> bool:
        """The clause is no phrase of the verb's own act: what was said ("said that ...", "...,
        a senior official said"), or a clause beside an object ("told reporters that ...")."""
        clause = predicate.clause
        return clause is not None and (clause.i < predicate.trigger.i or bool(predicate.patients) or predicate.lemma in self._words.saying_verbs)

    def _oblique_fits(self, predicate: Predicate, preposition: str, words: Words | None) -> bool:
        objects = oblique_objects(predicate, preposition)
        return bool(objects) if words is None else any(self.has_words(o, words) for o in objects)

    def _modifiers_of(self, token: Token) -> set[str]:
        """Adjectives and nouns before the patient, or before the noun it is an amount of: the
        "military" of "military aid" and of "$250 million in military aid"."""
        words = {c.lemma_.lower() for c in _noun_modifiers(token)}
        for prep in children(token):
            if role(prep) is Role.PREPOSITION and prep.lower_ in self._words.nesting_prepositions:
                for obj in _plain_obliques(prep):
                    words |= {c.lemma_.lower() for c in _noun_modifiers(obj)}
        return words


@dataclass(frozen=True, slots=True)
class _Roles:
    """What a predicate's roles hold, for passing by patterns that cannot fit: the words of its
    objects, and every preposition on the verb, its objects and its prepositions' objects."""

    patient_words: set[str]
    prepositions: set[str]


class _Shortlist:
    """The patterns of one trigger lemma as bit masks (bit i: ``patterns[i]``) of what their
    roles need: the words of an object, an object, a subject, prepositions, the particles after
    a verb, the words of a subject and of a complement. A predicate's patterns that cannot fit
    are then passed by in a few integer operations, in file order."""

    def __init__(self, patterns: tuple[Pattern, ...], lemma: str, nominal: bool) -> None:
        self.patterns = patterns
        self.every = (1 << len(patterns)) - 1
        self.unchecked = 0  # patterns that need no role, or whose object may be a preposition's
        self._object_words = 0
        self._by_object_word: dict[str, int] = {}
        self._with_object = 0
        self._with_subject = 0
        self._by_preposition: dict[str, int] = {}
        self.with_particles = 0  # verb patterns whose every trigger has particles ("call on")
        self._by_particle: dict[str, int] = {}  # the first particle of such a trigger
        # Patterns that say what their subject or their complement must be, checked whatever
        # their object, and unchecked patterns that say what their object must be (it may be a
        # preposition's): unless they find actors before ``fits`` reads those (a word's actors
        # may be resolved on the way, and a pattern passed by must not change what is found).
        self._with_subject_words = 0
        self._by_subject_word: dict[str, int] = {}
        self._with_any_object_words = 0
        self._by_any_object_word: dict[str, int] = {}
        self._with_complement = 0
        self._by_complement: dict[str, int] = {}
        for index, pattern in enumerate(patterns):
            bit = 1 << index
            extras = pattern.extras.get(lemma, ((),))
            if not nominal and all(extras):
                self.with_particles |= bit
                for extra in extras:
                    self._by_particle[extra[0]] = self._by_particle.get(extra[0], 0) | bit
            obj = pattern.object
            if obj not in ("actor", "party") and pattern.source_sectors is None and pattern.target_sectors is None:
                if pattern.subject is not None:
                    self._with_subject_words |= bit
                    for word in pattern.subject.heads:
                        self._by_subject_word[word] = self._by_subject_word.get(word, 0) | bit
                if pattern.comp is not None:
                    self._with_complement |= bit
                    for word in pattern.comp.single:
                        self._by_complement[word] = self._by_complement.get(word, 0) | bit
                if isinstance(obj, Words) and any(extras):
                    self._with_any_object_words |= bit
                    for word in obj.heads:
                        self._by_any_object_word[word] = self._by_any_object_word.get(word, 0) | bit
            if (obj is None and not pattern.obliques and pattern.subject is None) or any(extras):
                self.unchecked |= bit  # "call on X": the object may be the preposition's
                continue
            if isinstance(obj, Words):
                self._object_words |= bit
                for word in obj.heads:
                    self._by_object_word[word] = self._by_object_word.get(word, 0) | bit
            elif obj in ("thing", "actor"):
                self._with_object |= bit
            if pattern.subject is not None:
                self._with_subject |= bit
            for preposition, _ in pattern.obliques:
                self._by_preposition[preposition] = self._by_preposition.get(preposition, 0) | bit
        self.with_said_words = self._with_subject_words | self._with_complement | self._with_any_object_words

    def possible(self, roles: _Roles, predicate: Predicate) -> int:
        """The checked patterns whose roles the predicate may fill."""
        found = self.every & ~self.unchecked & ~self._object_words
        for word in roles.patient_words:
            found |= self._by_object_word.get(word, 0)
        if not predicate.patients:
            found &= ~self._with_object
        if not predicate.agents:
            found &= ~self._with_subject
        for preposition, needing in self._by_preposition.items():
            if preposition not in roles.prepositions:
                found &= ~needing
        return found

    def particles_fit(self, adjacent: set[str]) -> int:
        """The patterns a verb with the particles ``adjacent`` may fit: a trigger with particles
        needs all of them right after the verb (``_trigger_words_present``)."""
        found = self.every & ~self.with_particles
        for word in adjacent:
            found |= self._by_particle.get(word, 0)
        return found

    def said_words_fit(self, subject_words: set[str], object_words: set[str], complement: Token | None) -> int:
        """The patterns whose subject, object and complement the predicate may have, given the
        words of its subjects and of all its objects and obliques: a subject or object with one
        of the pattern's words or ending one of its phrases (``has_words``), a complement verb
        of one of its lemmas."""
        subject_fits = self.every & ~self._with_subject_words
        for word in subject_words:
            subject_fits |= self._by_subject_word.get(word, 0)
        object_fits = self.every & ~self._with_any_object_words
        for word in object_words:
            object_fits |= self._by_any_object_word.get(word, 0)
        complement_fits = self.every & ~self._with_complement
        if complement is not None:
            complement_fits |= self._by_complement.get(complement.lemma_.lower(), 0)
        return subject_fits & object_fits & complement_fits


def oblique_objects(predicate: Predicate, preposition: str) -> list[Token]:
    """Objects of a preposition on the verb or its objects ("sent police *to* the border"), or
    on the object of another of its prepositions ("put on alert *along* the border"). The
    parser may read the preposition as the verb's particle and its object as the verb's
    ("clashed *over* the efforts"): then the verb's objects are its objects."""
    found = predicate.objects_of(preposition)
    if preposition in predicate.adjacent and not found:
        found = list(predicate.patients)
    for objects in predicate.obliques.values():
        for obj in objects:
            found += [o for c in children(obj) if role(c) is Role.PREPOSITION and c.lower_ == preposition for o in _plain_obliques(c)]
    return found


def _ends_phrase(token: Token, phrase: Phrase) -> bool:
    """``token`` is the phrase's head, and the phrase's other words come before it, in order,
    in the words it heads."""
    if not _forms(token) & phrase[-1]:
        return False
    wanted = iter(phrase[:-1])
    words = next(wanted, None)
    for word in token.subtree:
        if word.i >= token.i or words is None:
            break
        if _forms(word) & words:
            words = next(wanted, None)
    return words is None


def _begins_phrase(token: Token, phrase: Phrase) -> bool:
    """The phrase's words follow ``token`` in order, from it on: "slap in the face"."""
    words = token.doc[token.i : token.i + len(phrase)]
    return len(words) == len(phrase) and all(_forms(word) & wanted for word, wanted in zip(words, phrase, strict=True))


def _clause_fillers(predicate: Predicate) -> list[Token]:
    """The objects and predicatives of a that-clause after a verb with no object of its own:
    "allowed that Mordor isn't *the neatest place*"."""
    clause = predicate.clause
    if predicate.patients or clause is None or clause.i < predicate.trigger.i:
        return []
    return [c for c in children(clause) if role(c) in (Role.PATIENT, Role.PREDICATIVE)]


def _adjectives(noun: Token) -> list[Token]:
    return [c for c in children(noun) if link(c) == ADJECTIVE_MODIFIER]


def _described_by(noun: Token, words: Words) -> bool:
    """PETRARCH's words after the verb may be an adjective of its object: `* DIPLOMATIC` fits
    "renewed diplomatic ties", `* REALLY_PLEASANT` "a really pleasant place"."""
    return any(_forms(a) & words.single or any(_ends_phrase(a, phrase) for phrase in words.phrases) for a in _adjectives(noun))


def _forms(token: Token) -> set[str]:
    return {token.lemma_.lower(), token.lower_}


def _adverbs(verb: Token) -> list[Token]:
    return [c for c in children(verb) if link(c) == ADVERB_MODIFIER]


def _auxiliaries(verb: Token) -> set[str]:
    """The forms of the verb's auxiliaries; a later conjunct shares its first's ("have met and
    agreed")."""
    return {c.lower_ for v in (verb, first_conjunct(verb)) for c in children(v) if link(c) in _AUXILIARY_LINKS}


def _governed_by(verb: Token, governors: Words) -> bool:
    """The verb (or the first of its conjuncts) is the clause or infinitive a governor takes, as
    the composition reads it ("have sworn to fight", parsed as an adverbial, too)."""
    found = governor(verb)
    return found is not None and found.word.lemma_.lower() in governors


_AUXILIARY_LINKS = frozenset({(Role.FUNCTION, Form.AUXILIARY), (Role.FUNCTION, Form.PASSIVE)})
_NOUN_MODIFIER_LINKS = frozenset({(Role.MODIFIER, Form.ADJECTIVE), (Role.MODIFIER, Form.NOUN)})  # "*military* aid", "*road* map"


def _joint_subject(predicate: Predicate) -> bool:
    """Two or more subjects, one joined to another by "and", or one whose owners are ("Indian
    and Pakistani troops")."""
    if len(predicate.agents) > 1:
        return True
    parts = [c for a in predicate.agents for c in children(a)] + [c for a in predicate.agents for m in children(a) if role(m) is Role.MODIFIER for c in children(m)]
    return any(role(c) is Role.CONJUNCT for c in parts)


def _has_sector(tokens: list[Token], sectors: frozenset[str], actors: ArticleActors, words: Lexicon) -> bool:
    """An actor of one of ``sectors`` at the tokens."""
    return _of_sector([a for t in tokens for a in actors_at(t, actors, words)], sectors)


def _of_sector(found: list[Actor | None], sectors: frozenset[str]) -> bool:
    """One of the actors is of one of ``sectors``; an intergovernmental body is one whatever its
    function ("withdrew from the International Criminal Court", a court)."""
    return any(a is not None and a.code is not None and (a.code.sector in sectors or (INTERNATIONAL_BODY in sectors and a.code.code.startswith(INTERNATIONAL_BODY))) for a in found)


def patients_for(pattern: Pattern, predicate: Predicate) -> list[Token]:
    """Patients, and the object of a preposition the trigger is written with: the addressee of
    "call on X", the ceasefire in "agree to a ceasefire"."""
    triggers = pattern.extras.get(predicate.lemma, ())
    if not any(triggers):  # most triggers are the verb alone
        return predicate.patients
    extra = {word for words in triggers for word in words}
    return predicate.patients + [o for word in sorted(extra) for o in predicate.obliques.get(word, [])]


def _trigger_words_present(pattern: Pattern, predicate: Predicate) -> bool:
    """Any of the pattern's triggers with this lemma whose extra words are all there, in one of
    the forms the pattern allows."""
    if pattern.forms and predicate.trigger.lower_ not in pattern.forms:
        return False
    for extra in pattern.extras.get(predicate.lemma, ()):
        if not extra:
            return True
        if predicate.nominal:
            modifiers = {c.lower_ for c in lefts(predicate.trigger)} | {c.lemma_.lower() for c in lefts(predicate.trigger)}
            if all(word in modifiers for word in extra):
                return True
        elif predicate.adjacent.issuperset(extra):  # "call on": right after the verb, not "called Morrison on Wednesday"
            return True
    return False


def _noun_modifiers(token: Token) -> list[Token]:
    return [c for c in children(token) if link(c) in _NOUN_MODIFIER_LINKS]


def _plain_obliques(preposition: Token) -> list[Token]:
    return [o for o in obliques(preposition) if link(o) == PLAIN_OBLIQUE]


def _content_text(predicate: Predicate) -> str:
    return "" if predicate.clause is None else _clause_text(predicate.clause)


@lru_cache(maxsize=1)  # every content pattern of a verb asks for the same clause, one after the other
def _clause_text(clause: Token) -> str:
    """The text from the clause's first word to its last, in lower case, as its Span gives it."""
    first, last = subtree_ends(clause)
    words = tokens(clause.doc)[first.i : last.i]
    return ("".join(word.text_with_ws for word in words) + last.text).lower()
