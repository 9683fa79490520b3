"""Who acts and at whom: the actors that fill a predicate's roles.

A role filler that names no actor passes to its owner ("Lavrov's call", "the Afghan army
base"); an act aimed at a place is aimed at the place's country; a statement is about the
actor named in what was said, or about the author of the act it answers.
"""

from __future__ import annotations

from collections.abc import Callable

from standoff.actors.resolve import ArticleActors
from standoff.events.patterns import FORCE_ROOT, STATEMENT_ROOT, SUBJECT_SOURCES, WEAPON_SOURCES, Pattern, Words
from standoff.lexicon import Lexicon
from standoff.model import Actor, Event, Resolution
from standoff.nlp import Token
from standoff.syntax.labels import ADVERB_MODIFIER, ADVERBIAL_CLAUSE, CLAUSE_ON_NOUN, PLAIN_AGENT, PLAIN_OBLIQUE, PLAIN_PATIENT, THAT_CLAUSE, Form, Role, WordClass, is_predicate_word, link, predicate_above, role, word_class
from standoff.syntax.predicates import OWNER_LINKS, Predicate, by_agents, obliques, preposition_objects
from standoff.syntax.tree import children, sentence_bounds, tokens

# Who did the latest earlier act a noun names ("the launch", "the accusation", "the sanctions"):
# every party of a joint act ("the agreement" Ethiopia and Eritrea signed); empty when none.
Answered = Callable[[Token], list[Actor]]
# Roots of acts addressed to someone who is to act: appeals (02) and demands (10).
ADDRESSING_ROOTS = frozenset({"02", "10"})
MEDIATION_CODE = "045"
# Roles of a noun's dependents that may name its owner: "Lavrov's call", "the Afghan army base", "the head, Lavrov".
_OWNER_LINKS = (*OWNER_LINKS, (Role.APPOSITIVE, Form.PLAIN))
_MAX_CONJUNCTS = 6  # "A, B and said": a chain of verbs sharing one subject is short


def actors_at(token: Token, actors: ArticleActors, words: Lexicon, depth: int = 2) -> list[Actor]:
    """Resolved actors a role filler stands for. A noun that is no actor passes to its owner:
    "Lavrov's call", "the Afghan army base", "demands from the rebels", and through ``depth``
    more owners: "the runways of Beirut's airport"."""
    found = [a for a in actors.actors(token) if a.code is not None]
    if found:
        return found
    if token.lemma_.lower() in words.owned_place_nouns:
        # "the Transnistria region of Moldova": a place belongs to the country it is "of"
        for prep in _prepositions(token, ("of",)):
            owners = [a for obj in _plain_obliques(prep) for a in actors.actors(obj) if a.code is not None]
            if owners:
                return owners
    for child in children(token):
        if link(child) in _OWNER_LINKS:
            found = [a for a in actors.actors(child) if a.code is not None]
            if found:
                return found
    for holder in _holders(token, words):
        found = [a for a in actors.actors(holder) if a.code is not None]
        if found:
            return found
    for prep in _prepositions(token, words.owner_prepositions):
        for obj in _plain_obliques(prep):
            if depth == 0:
                return [a for a in actors.actors(obj) if a.code is not None]
            return actors_at(obj, actors, words, depth - 1)
    return actors.owners(token)


def source_actors(predicate: Predicate | None, actors: ArticleActors, words: Lexicon) -> list[Actor | None]:
    """Who acts. A named source the knowledge base does not know is kept unresolved; a
    passive without agent ("the ship was seized") has no source at all."""
    if predicate is None:
        return []
    if predicate.nominal and not any(predicate.trigger.is_ancestor(s) for s in predicate.agents):
        # "left Iraq after U.S. air strikes": the country before the event noun did it, not the
        # subject of the verb the noun hangs on (who still does it where no country is named:
        # "responded with air strikes")
        owned = actors.owners(predicate.trigger)
        if owned:
            return list(owned)
    found = [a for s in predicate.agents for a in actors_at(s, actors, words)]
    if found:
        return found
    found = [a for s in predicate.agents if s.lower_ in words.speaker_pronouns for a in _speaker_of(s, actors, words)]
    if found:
        return found
    unresolved = [a for s in predicate.agents for a in actors.actors(s)]
    if unresolved:
        return unresolved
    if predicate.nominal and not predicate.agents:
        # "the US strike on the airbase", "Turkish air strikes": a country before the event noun did it
        return list(actors.owners(predicate.trigger))
    return [None] if predicate.passive and not predicate.agents else []


def pattern_sources(pattern: Pattern, predicate: Predicate, actors: ArticleActors, words: Lexicon) -> list[Actor | None]:
    """Who acts, where the pattern says: the subject, the object or a preposition's object
    ("freed from X"), or whoever used the weapon the subject names."""
    if pattern.source in SUBJECT_SOURCES:
        return source_actors(predicate, actors, words)
    if pattern.source in WEAPON_SOURCES:
        # the weapon's owner ("Iranian missiles", "a Taliban bomb"); else a bomb's is an
        # unidentified armed force, and a missile's or a shell's is not known
        owned = [a for weapon in predicate.agents for a in _wielders(weapon, actors, words)]
        if owned or pattern.source == "weapon":
            return owned or [None]
        return [actors.unidentified_force(weapon) for weapon in predicate.agents]
    fillers = predicate.patients if pattern.source == "object" else predicate.objects_of(pattern.source[5:])
    return [a for t in fillers for a in actors_at(t, actors, words)]


def _wielders(weapon: Token, actors: ArticleActors, words: Lexicon) -> list[Actor]:
    """Who a weapon or an attack belongs to: its owner ("Iranian missiles"), who fired it
    ("shells fired by Congolese troops"), or who made it ("an air strike by the coalition")."""
    agents = [o for by in _prepositions(weapon, ("by",)) for o in _plain_obliques(by)]
    agents += [agent for clause in children(weapon) if link(clause) == CLAUSE_ON_NOUN for agent in by_agents(clause)]
    return actors_at(weapon, actors, words) or [a for agent in agents for a in actors_at(agent, actors, words)]


def _speaker_of(pronoun: Token, actors: ArticleActors, words: Lexicon) -> list[Actor]:
    """ "China said it would respond", "Lavrov and Kerry said they hoped": the pronoun subject of
    a reported clause is the speaker; in a relative clause inside it ("said Washington would keep
    the sanctions it imposed"), the subject of the clause the relative clause's noun stands in
    where that subject is an actor."""
    token = pronoun.head
    enclosing: list[Actor] | None = None
    while token.head.i != token.i:
        if role(token) is Role.RELATIVE and enclosing is None:
            clause = predicate_above(token.head)
            enclosing = [a for c in children(clause) if link(c) == PLAIN_AGENT for a in actors_at(c, actors, words)]
        if token.head.lower_ in words.declaring_adjectives and _declares(token.head, words):
            token = token.head  # "made it clear it will not lift": the clause hangs on "clear", said by "made"
        if link(token) == THAT_CLAUSE and (token.head.lemma_.lower() in words.speaker_clause_verbs or _declares(token, words)):
            if enclosing:  # else, as in "said ... an attack it blamed on X", the speaker's
                return enclosing
            speakers = _speakers(token.head)
            found = [a for sp in speakers for a in actors_at(sp, actors, words)]
            if not found and token.i == pronoun.head.i:
                # a speaker of no known country is still who spoke, when the pronoun is the subject
                # of what was said: "Teachers said they will not end the strike" (deeper in it, as in
                # "bombers killed 23 when they blew themselves up, police said", it is someone else)
                found = [a for sp in speakers for a in actors.actors(sp)]
            return found
        token = token.head
    return []


def _declares(clause: Token, words: Lexicon) -> bool:
    """The clause (or "clear" itself) hangs on a "make" that declares it: "made clear that it would
    not negotiate", "made it clear it will not lift"."""
    head = clause.head
    return head.lemma_.lower() == "make" and any(c.lower_ in words.declaring_adjectives for c in children(head))


def _speakers(verb: Token) -> list[Token]:
    """The subject of a verb of saying, or, where it has none, of the verb it is a conjunct of:
    "Turkey welcomed the operation and said it was ready to cooperate"."""
    for _ in range(_MAX_CONJUNCTS):
        speakers = [c for c in children(verb) if link(c) == PLAIN_AGENT]
        if speakers or link(verb) != (Role.CONJUNCT, Form.PLAIN) or verb.head.i == verb.i:
            return speakers
        verb = verb.head
    return []


# The bodies through which a state acts; a country named alone stands for its government.
_STATE_SECTORS = frozenset({"GOV", "MIL", "COP"})
_STATE = "GOV"


def is_state(actor: Actor | None) -> bool:
    """A country, or its government, forces or police."""
    return actor is not None and actor.code is not None and bool(actor.code.country) and (actor.code.sector or _STATE) in _STATE_SECTORS


def target_actors(
    pattern: Pattern, predicate: Predicate, patients: list[Token], actors: ArticleActors, answered: Answered, sources: list[Actor | None], words: Lexicon
) -> list[Actor]:
    """At whom the act is aimed. ``patients`` are the predicate's patients as the pattern reads them."""
    found = _addressees(pattern, predicate, actors, words) or _named_targets(pattern, predicate, patients, actors, answered, sources, words)
    if not found and pattern.code.startswith(MEDIATION_CODE):
        found = _parties_between(predicate, actors, words)
    if not found and pattern.code[:2] >= FORCE_ROOT:
        # force shown or used somewhere is aimed at that country, unless it is the actor's own
        places = _located(predicate, actors, words) or [a for o in predicate.patients for a in _placed_at(o, actors, words)]
        if places:
            return [p for p in places if not any(same_country(s, p) for s in sources)]
        # a place the act was done to ("captured the Syrian town of Palmyra", "seized the
        # capital Sanaa") belongs to its country, the actor's own included
        return [a for o in predicate.patients for a in actors_at(o, actors, words)]
    return found


def _named_targets(
    pattern: Pattern, predicate: Predicate, patients: list[Token], actors: ArticleActors, answered: Answered, sources: list[Actor | None], words: Lexicon
) -> list[Actor]:
    kind = pattern.target
    if kind == "none":
        return []
    if kind == "object":
        return (
            [a for o in patients for a in actors_at(o, actors, words)]
            or [a for o in patients for a in _placed_at(o, actors, words)]
            or _authors(patients, answered, words)
            or [a for o in patients for a in actors.actors(o)]
        )
    if kind.startswith("prep:"):
        preposition = kind[5:]
        # "withdrew from talks *with* Kyiv": the object of the trigger's own preposition carries it too
        trigger_objects = preposition_objects([p for p in patients if p not in predicate.patients], preposition)
        # "give Malawi a grant": the recipient before the object is whom it is given to
        recipients = [p for p in predicate.patients if role(p) is Role.RECIPIENT] if preposition == "to" else []
        objects = predicate.objects_of(preposition) + trigger_objects + recipients
        # "an inquiry into the killings": an act told before names whoever did it
        return [a for t in objects for a in actors_at(t, actors, words)] or _authors(objects, answered, words)
    if kind == "subject":
        return [a for s in predicate.agents for a in actors_at(s, actors, words)]
    if kind == "phrase":
        return _phrase_actors(predicate, patients, actors, sources, words, pattern.code)
    if kind == "content":
        return _content_targets(predicate, actors, answered, sources, words)
    found = [a for o in patients for a in actors_at(o, actors, words)]
    # "launched an offensive against X", "issued a warning to X": a light verb's act, or one whose
    # pattern names its noun, is aimed where its noun is
    through_object = predicate.lemma in words.light_verbs or isinstance(pattern.object, Words)
    for prep in words.target_prepositions:
        if found:
            break
        objects = predicate.objects_of(prep) if through_object else predicate.obliques.get(prep, [])
        found = [a for t in objects for a in actors_at(t, actors, words)]
    return found or [a for o in patients for a in _placed_at(o, actors, words)] or _authors(patients, answered, words)


def _addressees(pattern: Pattern, predicate: Predicate, actors: ArticleActors, words: Lexicon) -> list[Actor]:
    """Who an appeal or a demand told in a clause is made to: the clause's subject ("demanded
    that the United States extradite him", "urged that Russia withdraw its troops")."""
    if pattern.code[:2] not in ADDRESSING_ROOTS or pattern.target not in ("default", "content") or predicate.clause is None:
        return []
    return [a for s in children(predicate.clause) if role(s) is Role.AGENT for a in actors_at(s, actors, words)]


def _phrase_actors(predicate: Predicate, patients: list[Token], actors: ArticleActors, sources: list[Actor | None], words: Lexicon, pattern_code: str) -> list[Actor]:
    """Where PETRARCH finds a target: the object, else the first actor named after the verb in
    its phrase: the object of a preposition on the verb, or of one anywhere in its object or in
    those ("welcomed a resumption of ties *with Osgiliath*"), or the subject of the clause it takes.
    A thing of the actor's own ("halted *his* march to X") is passed over for the next."""
    own = {s.code for s in sources if s is not None}
    found = [a for o in patients for a in actors_at(o, actors, words)]
    if found and not (all(a.code in own for a in found) and all(_owned_by_pronoun(o) for o in patients)):
        return found
    # "speaking in Tirana": where a statement was made is not whom it was aimed at
    scene = words.scene_prepositions if pattern_code.startswith(STATEMENT_ROOT) else frozenset()
    heads = [*patients, *(o for prep, objects in predicate.obliques.items() if prep not in scene for o in objects), *_adverb_obliques(predicate.trigger)]
    candidates = [t for head in heads for t in head.subtree if t.i == head.i or link(t) == PLAIN_OBLIQUE]
    if predicate.clause is not None:
        candidates += [c for c in children(predicate.clause) if role(c) is Role.AGENT]
    for candidate in sorted(candidates, key=lambda t: t.i):
        found = actors_at(candidate, actors, words)
        if found and pattern_code[:2] < FORCE_ROOT and _venue(candidate, found, words):
            continue
        if found and not (all(a.code in own for a in found) and _owned_by_pronoun(candidate)):
            return found
    return []


def _venue(candidate: Token, found: list[Actor], words: Lexicon) -> bool:
    """A town or region where something was said or agreed ("preparing talks *in Geneva*",
    "negotiated the text in New York"): where it happened, not whom it concerned (force used
    there is aimed at it, which the caller leaves to the acts from FORCE_ROOT)."""
    return candidate.head.lower_ in words.scene_prepositions and all(a.method is Resolution.PLACE for a in found)


def _parties_between(predicate: Predicate, actors: ArticleActors, words: Lexicon) -> list[Actor]:
    """Whom a mediation is aimed at: the sides named "between" anywhere in its phrase, on the
    mediator too ("talks mediated by Angola between Congo and Rwanda"), or on the noun a
    participle describes."""
    trigger = predicate.trigger
    words_around = [*trigger.subtree, *(children(trigger.head) if link(trigger) == CLAUSE_ON_NOUN else [])]
    for preposition in words_around:
        if role(preposition) is Role.PREPOSITION and preposition.lower_ == "between":
            found = [a for o in _plain_obliques(preposition) for a in actors_at(o, actors, words)]
            if found:
                return found
    return []


def _owned_by_pronoun(noun: Token) -> bool:
    """ "his march", "its troops": a noun whose owner is a pronoun."""
    return any(link(c) == (Role.POSSESSOR, Form.PLAIN) and word_class(c) is WordClass.PRONOUN for c in children(noun))


def _adverb_obliques(verb: Token) -> list[Token]:
    """The objects of a preposition on the verb's adverb: "marched close *to the border*"."""
    return [o for adverb in children(verb) if link(adverb) == ADVERB_MODIFIER for prep in children(adverb) if role(prep) is Role.PREPOSITION for o in _plain_obliques(prep)]


def _authors(patients: list[Token], answered: Answered, words: Lexicon) -> list[Actor]:
    """ "China denied the accusation", "condemned the sanctions", "condemned what it called a
    cowardly aggression": aimed at who made them (a name given to an act is of one already told)."""
    return [a for o in patients if is_definite(o, words) or _named_by_speaker(o, words) for a in answered(o)]


def is_definite(noun: Token, words: Lexicon) -> bool:
    """A noun with a definite determiner ("the sanctions", "these attacks"): it names something told before."""
    return any(c.lower_ in words.definite_determiners for c in children(noun))


def _named_by_speaker(noun: Token, words: Lexicon) -> bool:
    """The name in "what it called a cowardly aggression"."""
    verb = noun.head
    return role(noun) is Role.PREDICATIVE and verb.lemma_.lower() in words.naming_verbs and any(c.lower_ == "what" for c in children(verb))


def _holders(thing: Token, words: Lexicon) -> list[Token]:
    """Who holds or uses a thing, named in a participle on it: "a base *held by US forces*",
    "two bases *hosting American troops*"."""
    found = []
    for clause in children(thing):
        if link(clause) == CLAUSE_ON_NOUN and clause.lemma_.lower() in words.holder_verbs:
            found += by_agents(clause) or [o for o in children(clause) if link(o) == PLAIN_PATIENT]
    return found


def _located(predicate: Predicate, actors: ArticleActors, words: Lexicon) -> list[Actor]:
    """The country of where a material act was done to unnamed targets ("bombed targets inside
    Afghanistan", "fired missiles into waters off the Taiwanese ports")."""
    places = [t for prep in words.target_location_prepositions for t in predicate.obliques.get(prep, [])]
    return [a for t in places for a in actors_at(t, actors, words)] or [a for t in places for a in _placed_at(t, actors, words)]


def _placed_at(token: Token, actors: ArticleActors, words: Lexicon, depth: int = 1) -> list[Actor]:
    """Where a targeted thing is: "targets inside Afghanistan", "a missile which flew over Japan",
    and, through ``depth`` places more, "missiles fired into waters off the Taiwanese ports"."""
    for child in children(token):
        kind = role(child)
        if kind is Role.PREPOSITION and child.lower_ in words.target_location_prepositions:
            places = _plain_obliques(child)
            found = [a for o in places for a in actors_at(o, actors, words)]
            if not found and depth:
                found = [a for o in places for a in _placed_at(o, actors, words, depth - 1)]
            if found:
                return found
        if kind is Role.RELATIVE:
            for part in children(child):
                if role(part) in (Role.PARTICLE, Role.PREPOSITION) and part.lower_ in words.path_prepositions:
                    objects = [o for o in children(child) if link(o) == PLAIN_PATIENT] + _plain_obliques(part)
                    found = [a for o in objects for a in actors_at(o, actors, words)]
                    if found:
                        return found
    return []


def _content_targets(predicate: Predicate, actors: ArticleActors, answered: Answered, sources: list[Actor | None], words: Lexicon) -> list[Actor]:
    """Who a statement is about: an actor named in what was said ("regarding North Korea"),
    else the author of an earlier event it answers ("following the missile launch"), else the
    subject of what was said or the author of the act it names ("said the sanctions were illegal"),
    unless that subject is the speaker's own state ("the junta said the armed forces would respond")."""
    if predicate.clause is not None:
        condition = {t.i for c in predicate.clause.subtree if link(c) == ADVERBIAL_CLAUSE for t in c.subtree}
        verbs = [t for t in predicate.clause.subtree if is_predicate_word(t) and t.i not in condition]
        for verb in verbs:  # the object of what was said to be done: "would strike US bases"
            for obj in children(verb):
                if link(obj) == PLAIN_PATIENT:
                    found = actors_at(obj, actors, words)
                    if found:
                        return found
        for token in predicate.clause.subtree:
            if token.i not in condition and link(token) == PLAIN_OBLIQUE and token.head.lower_ in words.statement_topic_prepositions:
                found = actors_at(token, actors, words)
                if found:
                    return found
    start, end = sentence_bounds(predicate.trigger)
    for token in tokens(predicate.trigger.doc)[start:end]:
        if token.lower_ in words.response_prepositions and role(token) is Role.PREPOSITION:
            for obj in _plain_obliques(token):
                authors = answered(obj)
                if authors:
                    return authors
    if predicate.clause is not None:
        # "said the sanctions were illegal", "said Washington must withdraw", "said any blockade by
        # Colombia would be treated as war": whom or whose act the clause is about
        for subject in children(predicate.clause):
            is_subject_of_clause = role(subject) is Role.AGENT or link(subject) == (Role.PATIENT, Form.PASSIVE)
            if is_subject_of_clause and word_class(subject) is not WordClass.PRONOUN:  # "he is pessimistic": the speaker
                found = actors_at(subject, actors, words) or answered(subject)
                if found and not _own_state(found, sources):
                    return found
    # "reminded Iraq that it must cooperate": else whom it was told to
    return [a for o in predicate.patients for a in actors_at(o, actors, words)]


def _own_state(found: list[Actor], sources: list[Actor | None]) -> bool:
    """Every actor found is a body of the state that speaks: its government, forces or police,
    of the speakers' country, when the speakers are such bodies too."""
    speakers = {s.code.country for s in sources if s is not None and s.code is not None and is_state(s)}
    return bool(speakers) and all(is_state(a) and a.code is not None and a.code.country in speakers for a in found)


def same_country(source: Actor | None, target: Actor | None) -> bool:
    if source is None or target is None or source.code is None or target.code is None:
        return False
    return source.code.country == target.code.country


def _prepositions(token: Token, which: tuple[str, ...] | frozenset[str]) -> list[Token]:
    return [c for c in children(token) if role(c) is Role.PREPOSITION and c.lower_ in which]


def _plain_obliques(preposition: Token) -> list[Token]:
    return [o for o in obliques(preposition) if link(o) == PLAIN_OBLIQUE]
