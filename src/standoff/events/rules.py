"""The named rules that run after the patterns of a sentence matched, and the order they run in.

Each rule takes the sentence's events and returns them changed; a rule that changes an event
records its id in the event's provenance. ``sentence_rules`` and ``ARTICLE_RULES`` declare the
order; nothing else decides it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from standoff.actors.resolve import ArticleActors
from standoff.events.arguments import same_country, source_actors
from standoff.events.assembly import THREAT_ROOT, EventAssembler, SentenceContext, reidentified
from standoff.events.patterns import INTERNATIONAL_BODY, STATEMENT_ROOT, WEAPON_SOURCES, Pattern
from standoff.lexicon import Lexicon
from standoff.model import Actor, Event, Modality, Resolution, RuleId
from standoff.nlp import Span, Token
from standoff.syntax.labels import ADVERBIAL_CLAUSE, CLAUSE_ON_NOUN, PLAIN_PATIENT, THAT_CLAUSE, Form, Role, VerbForm, link, verb_form
from standoff.syntax.predicates import Predicate, PredicateReader
from standoff.syntax.tree import children

STATEMENT_CODE = "010"
ENGINE = "engine"  # the pattern set of events the coder makes itself
# What an event made outside the pattern sets (the second opinion's) is scored as when a rule changes it.
OFF_STACK_PATTERN = Pattern(
    id="off-stack", pattern_set=ENGINE, code=STATEMENT_CODE, triggers=(), nominal=False, object=None, prep=None, comp=None,
    content=(), clause=True, bare=False, subject=None, modifier=None, source_sectors=None, target_sectors=None, voice=None, target="none", needs_target=False, negated=None,
)  # fmt: skip
# Codes of acts that, done by conjoined actors, they do with each other: consult, meet,
# negotiate, agree, cooperate (or say they will), mend ties, agree to or declare a truce, clash.
RECIPROCAL_PREFIXES = ("030", "031", "036", "037", "04", "050", "0356", "057", "06", "0871", "190")
MUTUAL_PREFIXES = ("046", "057")  # negotiating and signing an agreement take two: "signed a treaty with Egypt"
MUTUAL_PREPOSITION = "with"
VISIT_ROOT = "04"
MEETING_CODE, VISIT_CODE, HOST_CODE = "040", "042", "043"
FORCE_OUTCOME_ROOTS = frozenset({"18", "19", "20"})  # assault, fighting, mass violence
FORCE_THREAT = "138"  # threaten with military force
ANSWERING_THREATS = frozenset({"130", FORCE_THREAT})  # threats that, naming no one, answer the latest force against the threatener
DENIAL = "016"  # deny responsibility
# How a destination's actor is read from a place name: the country, its capital, a place in it.
PLACE_READINGS = frozenset({Resolution.STATE, Resolution.CAPITAL, Resolution.PLACE})
# The clauses and phrases that say what a trip is for: "to defend ...", "for talks with ...".
_PURPOSE_LINKS = frozenset({(Role.COMPLEMENT, Form.INFINITIVE), (Role.COMPLEMENT, Form.ADVERBIAL)})


@dataclass(frozen=True, slots=True)
class Sentence:
    """What the rules see of a sentence: its context, the predicates the patterns matched, its actors."""

    ctx: SentenceContext
    matched: list[tuple[Predicate, Pattern]]
    actors: ArticleActors
    rank: Callable[[str], int] = lambda _: 0  # a pattern set's precedence, 0 the highest


class SentenceRule(Protocol):
    id: RuleId

    def apply(self, events: list[Event], sentence: Sentence) -> list[Event]: ...


class ArticleRule(Protocol):
    id: RuleId

    def apply(self, events: list[Event]) -> list[Event]: ...


class LightVerbWins:
    """ "carried out air strikes on X": when the light verb's own pattern coded the act, the
    noun's pattern adds nothing."""

    id = RuleId.LIGHT_VERB_WINS

    def __init__(self, lexicon: Lexicon) -> None:
        self._light_verbs = lexicon.light_verbs

    def apply(self, events: list[Event], sentence: Sentence) -> list[Event]:
        verb_rank: dict[int, int] = {}  # the best rank of the events coded at a trigger
        for event in events:
            verb_rank[event.trigger_start] = min(verb_rank.get(event.trigger_start, 1 << 20), sentence.rank(event.rule.pattern_set))
        redundant = set()
        for predicate, pattern in sentence.matched:
            verb = predicate.trigger.head.idx
            if predicate.nominal and is_light_verb_patient(predicate.trigger, self._light_verbs) and verb in verb_rank:
                # the verb's event, unless the noun's pattern comes from a higher set
                redundant.add(predicate.trigger.idx if verb_rank[verb] <= sentence.rank(pattern.pattern_set) else verb)
        return [e for e in events if e.trigger_start not in redundant]


class DocumentSays:
    """ "Trump issued a statement recognising Guaido": when a participle on the document coded
    what it says, issuing the document adds no statement of its own."""

    id = RuleId.DOCUMENT_SAYS

    def __init__(self, lexicon: Lexicon) -> None:
        self._document_nouns = lexicon.document_nouns

    def apply(self, events: list[Event], sentence: Sentence) -> list[Event]:
        acts = {e.trigger_start for e in events}
        issued = set()
        for predicate, _ in sentence.matched:
            for document in predicate.patients:
                if document.lemma_.lower() in self._document_nouns and any(link(c) == CLAUSE_ON_NOUN and c.idx in acts for c in children(document)):
                    issued.add(predicate.trigger.idx)
        return [e for e in events if e.trigger_start not in issued or not e.cameo.startswith(STATEMENT_ROOT)]


class FiredWeaponHits:
    """ "Missiles fired by Israel struck the depot", "a U.S. drone strike killed two militants":
    the firing told on the weapon, or the attack its noun names, is the strike's own act, so the
    participle's or the noun's event adds nothing to the strike's (which has its target)."""

    id = RuleId.FIRED_WEAPON_HITS

    def apply(self, events: list[Event], sentence: Sentence) -> list[Event]:
        coded = {e.trigger_start for e in events}
        weapons = [weapon for predicate, pattern in sentence.matched if pattern.source in WEAPON_SOURCES and predicate.trigger.idx in coded for weapon in predicate.agents]
        fired = {weapon.idx for weapon in weapons} | {
            clause.idx for weapon in weapons for clause in children(weapon) if link(clause) == (Role.COMPLEMENT, Form.NOUN_CLAUSE)
        }
        return [e for e in events if e.trigger_start not in fired] if fired else events


class OutcomeOfForce:
    """ "A Russian drone struck a bus, killing nine people": a participle that tells what an act of
    force did is that act's outcome, not another act (the same actor's force, roots 18-20, both):
    its event is dropped, and gives the act its known target where the act has none ("pounded
    the area with air strikes, killing dozens of Syrian civilians")."""

    id = RuleId.OUTCOME_OF_FORCE

    def apply(self, events: list[Event], sentence: Sentence) -> list[Event]:
        forceful = [e for e in events if e.cameo_root in FORCE_OUTCOME_ROOTS]
        acts: dict[int, Event] = {}  # the act's trigger -> the act (the first event told there)
        for event in forceful:
            acts.setdefault(event.trigger_start, event)
        outcomes: dict[int, int] = {}  # an outcome's trigger -> its act's trigger
        for event in forceful:
            token = trigger_token(event, sentence.ctx.sentence)
            if token is None or verb_form(token) is not VerbForm.GERUND or link(token) != ADVERBIAL_CLAUSE:
                continue
            act = acts.get(token.head.idx)
            if act is not None and act.trigger_start != event.trigger_start and same_country(act.source, event.source):
                outcomes[event.trigger_start] = act.trigger_start
        if not outcomes:
            return events
        # an act's trigger -> the known target an outcome gives it
        aimed = {outcomes[e.trigger_start]: e.target for e in events if e.trigger_start in outcomes and e.target is not None and e.target.code is not None}
        return [
            retargeted(e, aimed[e.trigger_start], self.id) if e.target is None and e.trigger_start in aimed else e
            for e in events
            if e.trigger_start not in outcomes
        ]


class AnswerTargets:
    """An act aimed at another act in the same sentence ("criticised the sanctions that
    Washington imposed") is aimed at that act's author."""

    id = RuleId.ANSWER_TARGET

    def apply(self, events: list[Event], sentence: Sentence) -> list[Event]:
        out = []
        for event in events:
            if event.target is None:
                predicate = predicate_of(event, sentence)
                answered = _event_inside(predicate, events) if predicate is not None else None
                if answered is not None and answered.source is not None and not same_country(event.source, answered.source):
                    event = retargeted(event, answered.source, self.id)
            out.append(event)
        return out


class OwnSide:
    """ "The Kremlin said Moscow was ready to resume talks": a government speaking of its own
    country's stance or intent is itself the source of that verbal act; speakers reporting
    their own act ("Lavrov and Kerry said they hoped ...") make a statement, not a report."""

    id = RuleId.OWN_SIDE

    def __init__(self, lexicon: Lexicon, predicates: PredicateReader) -> None:
        self._words = lexicon
        self._predicates = predicates

    def apply(self, events: list[Event], sentence: Sentence) -> list[Event]:
        out = []
        for event in events:
            verb = speech_verb_above(event, sentence.ctx.sentence, self._words) if event.modality is Modality.REPORTED else None
            speakers = [] if verb is None else [a for a in source_actors(self._predicates.verb(verb), sentence.actors, self._words) if a is not None and a.code is not None]
            if event.source is not None and any(sp.code == event.source.code for sp in speakers):
                event = event.replaced(modality=Modality.ASSERTED, rule=event.rule.with_rule(self.id))
            elif len(speakers) == 1 and event.quad_class in (1, 3):
                speaker = speakers[0]
                assert speaker.code is not None
                if same_country(speaker, event.source) and speaker.code.sector and event.source is not None and event.source.code is not None and not event.source.code.sector:
                    event = reidentified(event.replaced(source=speaker, modality=Modality.ASSERTED, rule=event.rule.with_rule(self.id)))
            out.append(event)
        return out


class Reciprocity:
    """Joint acts of conjoined actors ("Japan and South Korea agreed to resume talks") run
    both ways: each actor toward the other. Not force that the owners of one thing do to others
    ("U.S. and British air strikes killed dozens"): they are allies, one side; "Indian and
    Chinese troops clashed" names no others."""

    id = RuleId.RECIPROCAL

    def apply(self, events: list[Event], sentence: Sentence) -> list[Event]:
        out = list(events)
        by_trigger: dict[tuple[int, str], list[Event]] = {}
        for event in events:
            joint_act = event.cameo.startswith(RECIPROCAL_PREFIXES) or RuleId.FAILED in event.rule.rules  # a deal failed between them
            if event.target is None and event.source is not None and joint_act:
                by_trigger.setdefault((event.trigger_start, event.cameo), []).append(event)
        for group in by_trigger.values():
            if len(group) < 2 or _allied_force(group, sentence):
                continue
            for event in group:
                partners = [e.source for e in group if e is not event and not same_country(e.source, event.source)]
                if partners:
                    out.remove(event)
                    out.extend(retargeted(event, p, self.id) for p in partners if p is not None)
        return out


class MutualActs:
    """Negotiating or signing an agreement with another side is that side's act too: "Israel
    signed a peace treaty with Egypt" runs both ways, as "Israel and Egypt signed" does. Only
    where the words name that side after "with": a resolution adopted about a country is not
    an agreement with it."""

    id = RuleId.MUTUAL

    def apply(self, events: list[Event], sentence: Sentence) -> list[Event]:
        present = {(e.trigger_start, e.cameo, _party(e.source), _party(e.target)) for e in events}
        out = list(events)
        for event in events:
            source, target = _party(event.source), _party(event.target)
            if not event.cameo.startswith(MUTUAL_PREFIXES) or source is None or target is None or same_country(event.source, event.target):
                continue
            if not _named_with(event, target, sentence):
                continue
            if (event.trigger_start, event.cameo, target, source) not in present:
                present.add((event.trigger_start, event.cameo, target, source))
                out.append(reidentified(event.replaced(source=event.target, target=event.source, rule=event.rule.with_rule(self.id))))
        return out


def _allied_force(group: list[Event], sentence: Sentence) -> bool:
    """Force by actors read as the owners of one noun, whose predicate has an object of its own."""
    event = group[0]
    if event.cameo_root not in FORCE_OUTCOME_ROOTS or not any(e.source is not None and e.source.method in _OWNERS_OF_ONE_THING for e in group):
        return False
    predicate = predicate_of(event, sentence)
    return predicate is not None and bool(predicate.patients)


# Actors read as the owners of one noun: "U.S. and British air strikes", "Indian and Chinese troops".
_OWNERS_OF_ONE_THING = frozenset({Resolution.OWNER_ADJECTIVE, Resolution.COORDINATED_OWNER})


def _named_with(event: Event, target: str, sentence: Sentence) -> bool:
    """The event's target is named after "with" on its predicate ("signed a treaty *with* Egypt")."""
    predicate = predicate_of(event, sentence)
    return predicate is not None and any(_party(a) == target for o in predicate.objects_of(MUTUAL_PREPOSITION) for a in sentence.actors.actors(o))


def _party(actor: Actor | None) -> str | None:
    return actor.code.code if actor is not None and actor.code is not None else None


class MeetingsAbroad:
    """ "Carter met Kim in Pyongyang": a meeting held in the other side's country, not the
    actor's own, is a visit there (042), and the other side hosts it (043)."""

    id = RuleId.MEETING_ABROAD

    def __init__(self, lexicon: Lexicon, assembler: EventAssembler) -> None:
        self._scene_prepositions = lexicon.scene_prepositions
        self._assembler = assembler

    def apply(self, events: list[Event], sentence: Sentence) -> list[Event]:
        out = []
        for event in events:
            matched = _matched_at(event, sentence)
            if event.cameo != MEETING_CODE or matched is None or not (_code(event.source) and _code(event.target)) or same_country(event.source, event.target):
                out.append(event)
                continue
            predicate, pattern = matched
            if not self._held_in_country_of(event.target, predicate, sentence):
                out.append(event)
                continue
            provenance = event.rule.with_rule(self.id)
            source, target = event.source, event.target
            out += self._assembler.build(VISIT_CODE, [source], [target], predicate.trigger, event.modality, pattern, provenance, sentence.ctx)
            out += self._assembler.build(HOST_CODE, [target], [source], predicate.trigger, event.modality, pattern, provenance, sentence.ctx)
        # "France and Germany met in Paris": France's side of the joint meeting is its hosting
        hosted = {(e.trigger_start, _code(e.source), _code(e.target)) for e in out if e.cameo == HOST_CODE}
        return [e for e in out if e.cameo != MEETING_CODE or (e.trigger_start, _code(e.source), _code(e.target)) not in hosted]

    def _held_in_country_of(self, side: Actor | None, predicate: Predicate, sentence: Sentence) -> bool:
        places = [a for prep in self._scene_prepositions for o in predicate.obliques.get(prep, []) for a in sentence.actors.actors(o)]
        return any(p.method in PLACE_READINGS and same_country(p, side) for p in places)


class InstitutionVisits:
    """ "Travelled to The Hague to defend Myanmar at the International Court of Justice": a
    trip whose purpose names an international body is a visit to that body, not to the country
    of the city it sits in ("flew to Brussels for talks with NATO")."""

    id = RuleId.INSTITUTION_VISIT

    def apply(self, events: list[Event], sentence: Sentence) -> list[Event]:
        out = []
        for event in events:
            visit = event.cameo.startswith(VISIT_ROOT) or event.rule.planned
            if visit and event.target is not None and event.target.method in PLACE_READINGS:
                predicate = predicate_of(event, sentence)
                body = _body_in_purpose(predicate, sentence.actors) if predicate is not None else None
                if body is not None:
                    event = retargeted(event, body, self.id)
            out.append(event)
        return out


class NeededActors:
    """An event whose pattern asks for a dyad ("dyad": a known source and target) and has none
    once the other rules ran is dropped: the joint act of "X and Y renewed talks" has its
    targets from ``Reciprocity`` first. A meeting needs someone met: "the Security Council held
    a closed meeting", "spoke to reporters" are a body's own business, not an event."""

    id = RuleId.NEEDED_ACTORS

    def apply(self, events: list[Event], sentence: Sentence) -> list[Event]:
        dyadic = {(p.pattern_set, p.id) for _, p in sentence.matched if p.dyad}
        return [e for e in events if ((e.rule.pattern_set, e.rule.pattern) not in dyadic or (_code(e.source) and _code(e.target))) and (e.cameo != MEETING_CODE or _code(e.target))]


class OneEventPerAct:
    """An article that reports the same act twice ("Trump's assertion that ...", "North Korea's
    missile launches") holds one event; a mention without a target adds nothing to one with."""

    id = RuleId.ONE_EVENT_PER_ACT

    def apply(self, events: list[Event]) -> list[Event]:
        targeted = {(_code(e.source), e.cameo, e.event_date) for e in events if _code(e.target)}
        seen: set[tuple[str | None, str | None, str, object]] = set()
        kept = []
        for event in events:
            key = (_code(event.source), _code(event.target), event.cameo, event.event_date)
            if key in seen or (key[1] is None and (key[0], key[2], key[3]) in targeted):
                continue
            seen.add(key)
            kept.append(event)
        return kept


def sentence_rules(lexicon: Lexicon, predicates: PredicateReader, assembler: EventAssembler) -> tuple[SentenceRule, ...]:
    """The rules run on each sentence's events, in this order."""
    return (
        LightVerbWins(lexicon),
        DocumentSays(lexicon),
        FiredWeaponHits(),
        OutcomeOfForce(),
        AnswerTargets(),
        InstitutionVisits(),
        OwnSide(lexicon, predicates),
        Reciprocity(),
        MutualActs(),
        MeetingsAbroad(lexicon, assembler),  # after Reciprocity: "X and Y met in Ankara" is X's visit too
        NeededActors(),
    )


# The rules run on each article's events, in this order.
ARTICLE_RULES: tuple[ArticleRule, ...] = (OneEventPerAct(),)


# -- shared by the rules and the coder -------------------------------------------------------


def is_light_verb_patient(noun: Token, light_verbs: frozenset[str]) -> bool:
    """ "held *talks*", "carried out *strikes*": the noun is the patient of a light verb."""
    return link(noun) == PLAIN_PATIENT and noun.head.lemma_.lower() in light_verbs


def _matched_at(event: Event, sentence: Sentence) -> tuple[Predicate, Pattern] | None:
    """The predicate the event was coded from, with the pattern that matched it."""
    return next(((p, pattern) for p, pattern in sentence.matched if p.trigger.idx == event.trigger_start and pattern.id == event.rule.pattern), None)


def predicate_of(event: Event, sentence: Sentence) -> Predicate | None:
    """The predicate the event was coded from: the matched one at its trigger."""
    return next((p for p, _ in sentence.matched if p.trigger.idx == event.trigger_start), None)


def trigger_token(event: Event, sentence: Span) -> Token | None:
    """The word of the sentence the event's trigger starts at."""
    return next((t for t in sentence if t.idx == event.trigger_start), None)


def speech_verb_above(event: Event, sentence: Span, words: Lexicon) -> Token | None:
    """The verb of saying whose clause holds the event's trigger."""
    token = trigger_token(event, sentence)
    while token is not None and token.head.i != token.i:
        if link(token) == THAT_CLAUSE and token.head.lemma_.lower() in words.saying_verbs:
            return token.head
        token = token.head
    return None


def retargeted(event: Event, target: Actor, rule: RuleId) -> Event:
    return reidentified(event.replaced(target=target, rule=event.rule.with_rule(rule)))


def _body_in_purpose(predicate: Predicate, actors: ArticleActors) -> Actor | None:
    """The first international body named in what the trip is for."""
    purposes = [c for c in children(predicate.trigger) if link(c) in _PURPOSE_LINKS] + predicate.obliques.get("for", [])
    for purpose in purposes:
        for token in purpose.subtree:
            actor = actors.actor(token)
            if actor is not None and actor.code is not None and actor.code.code.startswith(INTERNATIONAL_BODY):
                return actor
    return None


def _event_inside(predicate: Predicate, events: list[Event]) -> Event | None:
    """An event told in a relative clause of the predicate's patient ("the sanctions that ... imposed")."""
    for obj in predicate.patients:
        for clause in children(obj):
            if link(clause) not in ((Role.RELATIVE, Form.PLAIN), (Role.COMPLEMENT, Form.NOUN_CLAUSE)) or clause.i == predicate.trigger.i:
                continue
            span = range(clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge.text))
            for other in events:
                if other.trigger_start in span:
                    return other
    return None


def _code(actor: Actor | None) -> str | None:
    return actor.code.code if actor is not None and actor.code is not None else None
