"""Events from a coded act: one per source-target pair, with code details, date and confidence."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from standoff.events.composition import Composition
from standoff.events.confidence import ConfidenceTable, evidence_key
from standoff.events.dating import event_date as dated, statement_verb
from standoff.events.patterns import Pattern
from standoff.lexicon import Lexicon
from standoff.model import Actor, DateBasis, DatePrecision, Event, Modality, Provenance, RuleId, event_id
from standoff.nlp import Span, Token
from standoff.ontology import Ontology
from standoff.text.dates import DateMention


# The headline, the dateline and the lead: the sentences that report the story's own news.
LEAD_SENTENCES = 3
MATERIAL_QUAD_CLASSES = frozenset({2, 4})  # material cooperation and conflict: deeds, not words
LEGAL_DEEDS = frozenset({"115", "116"})  # a lawsuit brought, a verdict given: deeds among the verbal codes
THREAT_ROOT = "13"


@dataclass(frozen=True, slots=True)
class SentenceContext:
    article_id: str
    index: int
    sentence: Span
    published: date | None
    dates: list[DateMention]  # with offsets into the article text
    narrative: DateMention | None = None  # the date the paragraph's story is set at (dating.StoryTime)
    presupposed: Mapping[str, DateMention | None] = field(default_factory=dict)  # acts the story took as done before, with their dates (dating.StoryTime)


class EventAssembler:
    def __init__(self, ontology: Ontology, confidence: ConfidenceTable, lexicon: Lexicon, composition: Composition) -> None:
        self._ontology = ontology
        self._confidence = confidence
        self._words = lexicon
        self._composition = composition

    def build(
        self,
        code: str,
        sources: list[Actor | None],
        targets: list[Actor],
        trigger: Token,
        mode: Modality,
        pattern: Pattern,
        provenance: Provenance,
        ctx: SentenceContext,
    ) -> list[Event]:
        """Events for every source-target pair."""
        known_target = any(t is not None and t.code is not None for t in targets)
        if not sources or (sources == [None] and not known_target) or (pattern.needs_target and not known_target):
            return []  # an event needs a source, or at least a known target of a sourceless passive
        if pattern.needs_source and not any(s is not None and s.code is not None for s in sources):
            return []
        # An announced intent or threat ("they said they would organise protests on Saturday")
        # happened when it was announced.
        announced = statement_verb(trigger) if provenance.announced or provenance.planned else None
        # Past its lead, a story's present perfect of a deed tells a result, not the day's news; a
        # statement in it ("has demanded", "has accused") is a stance the actor holds now.
        kind = self._ontology.get(code)
        told_by = announced or trigger
        # A threat, once made, stands: "has threatened to close the pipeline" past the lead tells
        # one made some time before ("has said it will keep fighting" is still the day's word).
        standing_threat = code.startswith(THREAT_ROOT) and told_by.lemma_.lower() not in self._words.announcing_verbs
        resultative = ctx.index >= LEAD_SENTENCES and kind is not None and (kind.quad_class in MATERIAL_QUAD_CLASSES or code in LEGAL_DEEDS or standing_threat)
        event_date, basis, precision = dated(told_by, ctx.sentence, ctx.dates, ctx.narrative, ctx.published, self._words, ctx.presupposed, resultative)
        if mode is Modality.ASSERTED and basis is DateBasis.TEXT and ctx.published and event_date and event_date > ctx.published and not provenance.planned:
            planned = self._composition.compose("future", code)
            if planned:  # "Kishida's visit to Washington next week": the intent to meet its plan states
                code, provenance = planned, provenance.with_rule(RuleId.PLANNED_MEETING)
            else:
                mode = Modality.FUTURE  # "the strikes planned for next week"
                provenance = provenance.with_rule(RuleId.DATED_FUTURE)
        if provenance.planned and announced is None and ctx.published is not None:
            # a plan told as current news is stated now, whatever day it names for the meeting
            event_date, basis, precision = ctx.published, DateBasis.ARTICLE, DatePrecision.DAY
        info = self._ontology.get(code)  # None: a code CAMEO does not define, kept as the dictionary gives it
        out = []
        for source in sources:
            for target in targets or [None]:
                if source is not None and target is not None and source.code is not None and source.code == target.code:
                    continue  # an actor does not act on itself
                confidence = self._confidence.score(evidence_key(pattern, provenance.composed, source, target, info.quad_class if info else None))
                out.append(
                    Event(
                        id=event_id(ctx.article_id, ctx.index, trigger.idx, trigger.idx + len(trigger.text), _code(source), _code(target), code),
                        article_id=ctx.article_id,
                        sentence_index=ctx.index,
                        sentence_start=ctx.sentence.start_char,
                        sentence_end=ctx.sentence.end_char,
                        trigger_start=trigger.idx,
                        trigger_end=trigger.idx + len(trigger.text),
                        trigger=trigger.text,
                        source=source,
                        target=target,
                        cameo=code,
                        plover=info.plover if info else None,
                        goldstein=info.goldstein if info else None,
                        quad_class=info.quad_class if info else None,
                        modality=mode,
                        event_date=event_date,
                        date_basis=basis,
                        date_precision=precision,
                        confidence=confidence,
                        rule=provenance,
                    )
                )
        return out


def reidentified(event: Event) -> Event:
    """The event with its id recomputed after a change of actors."""
    new_id = event_id(event.article_id, event.sentence_index, event.trigger_start, event.trigger_end, _code(event.source), _code(event.target), event.cameo)
    return event.replaced(id=new_id)


def _code(actor: Actor | None) -> str | None:
    return actor.code.code if actor is not None and actor.code is not None else None
