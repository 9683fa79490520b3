"""Frozen data types passed between the stages of the pipeline.

Offsets are half-open character offsets into the cleaned ``Article.text``, which never
changes after cleaning: every annotation points back into that text.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, fields
from datetime import date
from enum import StrEnum
from operator import attrgetter
from typing import Any

# The contracts between stages are closed sets of values: reading a value outside the set
# (from a store, a file or another stage) raises ValueError instead of passing as "other".


class Modality(StrEnum):
    """Whether the text says the act happened. An event carries exactly one."""

    ASSERTED = "asserted"  # it happened, as the text states
    NEGATED = "negated"  # "did not attack"
    HYPOTHETICAL = "hypothetical"  # "would", "could", "if"
    FUTURE = "future"  # "will visit", "plans to"
    REPORTED = "reported"  # stated by a speaker in reported speech
    QUESTION = "question"  # "will X attack?"
    DENIED = "denied"  # "denied attacking"


MODALITIES = tuple(m.value for m in Modality)


class DateBasis(StrEnum):
    """Where an event's date comes from."""

    TEXT = "text"  # the words of the sentence give it
    ARTICLE = "article"  # the article's own date: plainly current reporting
    UNKNOWN = "unknown"  # the text does not say when it happened
    DATASET = "dataset"  # an imported event: the date its data set gives


class DateSource(StrEnum):
    """Where an article's publication date comes from, best first."""

    RECORD = "record"  # its own date field (a JSON-lines or CSV record)
    MANIFEST = "manifest"  # its row in a manifest of file names and dates
    PAGE = "page"  # the page's own metadata (HTML meta tags, JSON-LD, <time>)
    DATELINE = "dateline"  # a date line or wire dateline at the top of its text
    FALLBACK = "fallback"  # the date given for inputs that carry none (--date)


class DatePrecision(StrEnum):
    """How precisely the event's date is known; the date is the first day of that period."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"
    DECADE = "decade"


class Resolution(StrEnum):
    """How an actor mention was resolved to a code, or why it was not."""

    PERSON = "person"  # a named person holding a role on the article's date
    ORGANISATION = "organisation"
    STATE = "state"  # a country's name
    CAPITAL = "capital"  # "Moscow said"
    SEAT = "seat"  # "the Kremlin", "the Pentagon"
    SHARED = "shared"  # a name several actors share; the likelier one
    PLACE = "place"  # a place inside a country
    DEMONYM = "demonym"  # "the Russians"
    COUNTRY_SECTOR = "country+sector"  # "Russian foreign minister"
    SECTOR_OF_OWNER = "sector-of-owner"  # "a spokesman for the Chinese foreign ministry"
    TITLE_OF_OWNER = "title-of-owner"  # "the president's office"
    PLACE_OF_OWNER = "place-of-owner"  # "the Ukrainian city of Kherson"
    STATEMENT_OF_OWNER = "statement-of-owner"  # "Trump's assertion"
    DESCRIPTION = "description"  # an unknown name with a known title: "Chinese envoy Liu Wei"
    TITLE_SURNAME = "title+surname"  # "Premier Li"
    APPOSITIVE = "appositive"  # "the president, Emmanuel Macron"
    COORDINATED_OWNER = "coordinated-owner"  # the second country of "American and British warplanes"
    OWNER_ADJECTIVE = "owner-adjective"  # the country of "a Ukrainian proposal"
    COREF_TITLE = "coref-title"  # "the Russian leader" -> the Russian leader named before
    COREF_NAME = "coref-name"  # "Pastrana" -> "President Andres Pastrana" named before
    COREF_PRONOUN = "coref-pronoun"  # "he" -> the person named before
    JOINED_SUBJECT = "joined-subject"  # "the army" in "Israeli jets bombed the airport and the army imposed a blockade"
    PRONOUN_UNRESOLVED = "pronoun-unresolved"
    SCENE_COUNTRY = "scene-country"  # "police" who detained dozens "in Moscow"
    HOME_COUNTRY = "home-country"  # "police" in a story filed from Tallinn, or headlined "Yemen: ..."
    STORY_COUNTERPART = "story-counterpart"  # the side the actor deals with in the story ("Moscow rejects verdict")
    SECTOR_WITHOUT_COUNTRY = "sector-without-country"  # "soldiers", no country found
    UNRESOLVED_ENTITY = "unresolved-entity"  # a name the knowledge base does not know
    NULL_CODE = "null-code"  # listed as no actor ("Reuters")


class RuleId(StrEnum):
    """The named rules that shape an event after its pattern matched (events/rules.py)."""

    # A governing verb composed the act below it ("urged X to stop", "agreed to lift",
    # "threatened to strike", "refused to talk", "is considering sending", "plans to visit").
    APPEAL = "appeal"
    DEMAND = "demand"
    INTEND = "intend"
    THREATEN = "threaten"
    REFUSE = "refuse"
    CONSIDER = "consider"
    FUTURE = "future"
    HYPOTHETICAL = "hypothetical"
    ATTEMPTED = "attempted"  # "tried to detain fishermen": force tried is coded as the act
    FAILED = "failed"  # "failed to reach a deal": an agreement the sides failed to reach is a rejection
    PREPARED = "prepared"  # "the army prepared to resume shelling": force made ready is a show of force
    # The speaker's own act announced with "will"/"would": intent (03) or threat (13).
    ANNOUNCED_INTENT = "announced-intent"
    ANNOUNCED_THREAT = "announced-threat"
    # A measure the actor says it will take, on no condition ("said it would close its border with
    # Qatar", "would immediately impose sanctions"): the decision is the act, told when announced.
    ANNOUNCED_MEASURE = "announced-measure"
    # A hostile (or cooperative) act the actor says it would do on a condition: a threat
    # (or a promise) to whoever the condition is about ("would shoot down missiles if the US struck").
    CONDITIONAL_THREAT = "conditional-threat"
    CONDITIONAL_PROMISE = "conditional-promise"
    NEGATED_AS_REFUSAL = "negated-as-refusal"  # "will not lift the ban": a refusal
    # A meeting or visit still to come is the intent to meet (03) that its plan states, not
    # a meeting: "is due to fly to Beijing", "will visit Mauritania to mediate".
    PLANNED_MEETING = "planned-meeting"
    DATED_FUTURE = "dated-future"  # "the visit next week": asserted in the future
    LIGHT_VERB_WINS = "light-verb-wins"  # "carried out strikes": the verb's event, not the noun's
    ANSWER_TARGET = "answer-target"  # aimed at the author of the act it answers
    ANOTHER_OF_THE_SAME = "another-of-the-same"  # "Yemen also severed ties": aimed where the earlier act of its kind was
    NAMED_EARLIER = "named-earlier"  # "launched the operation": the actor's own act told before, aimed where it was
    INSTITUTION_VISIT = "institution-visit"  # a trip to The Hague to appear at the ICJ visits the court
    MEETING_ABROAD = "meeting-abroad"  # a meeting held in the other side's country is a visit it hosts
    OWN_SIDE = "own-side"  # a government speaking of its own country's stance
    RECIPROCAL = "reciprocal"  # a joint act of conjoined actors, each toward the other
    MUTUAL = "mutual"  # negotiating or signing an agreement with another side is that side's act too
    ONE_EVENT_PER_ACT = "one-event-per-act"  # the same act told twice in an article is one event
    FIRED_WEAPON_HITS = "fired-weapon-hits"  # "missiles fired by Israel struck": one act, the strike
    OUTCOME_OF_FORCE = "outcome-of-force"  # "struck a bus, killing nine people": one act, the strike
    PAIRED = "paired"  # the target's side of a paired act: "arrived in X" is X's hosting too
    NEEDED_ACTORS = "needed-actors"  # drops an event still without the dyad its pattern asks for
    DOCUMENT_SAYS = "document-says"  # "issued a statement recognising X": the recognition, not the issuing
    AT_HOME = "at-home"  # a domestic act without a target, done in its actor's country, is aimed at it
    AT_SCENE = "at-scene"  # force without a named target, used in another country, is aimed at that country
    STORY_COUNTERPART = "story-counterpart"  # an act without a target is aimed at the side its actor deals with in the story


# Rules through which a verb above the act changed its code: the act was composed.
COMPOSING_RULES = frozenset(
    {
        RuleId.APPEAL, RuleId.DEMAND, RuleId.INTEND, RuleId.THREATEN, RuleId.REFUSE, RuleId.CONSIDER,
        RuleId.ANNOUNCED_INTENT, RuleId.ANNOUNCED_THREAT, RuleId.CONDITIONAL_THREAT, RuleId.CONDITIONAL_PROMISE,
        RuleId.PLANNED_MEETING,
    }  # fmt: skip
)

# Periods the analysis counts events in: days, weeks starting on Monday, calendar months.
FREQS = ("day", "week", "month")


@dataclass(frozen=True, slots=True)
class Provenance:
    """What made an event: the pattern (and the set it came from) and the rules that shaped it."""

    pattern_set: str  # "curated", an imported or a user's dictionary, or "engine" for the coder's own
    pattern: str  # the pattern's id
    rules: tuple[RuleId, ...] = ()
    similarity: float | None = None  # the embedding's cosine similarity, for the second opinion

    def __post_init__(self) -> None:
        for rule in self.rules:
            RuleId(rule)  # a rule id outside the registry is a bug

    def with_rule(self, rule: RuleId) -> Provenance:
        return Provenance(self.pattern_set, self.pattern, (*self.rules, rule), self.similarity)

    @property
    def composed(self) -> bool:
        return any(rule in COMPOSING_RULES for rule in self.rules)

    @property
    def announced(self) -> bool:
        """The event is a speaker's announced intent, threat or measure, dated when it was announced."""
        return RuleId.ANNOUNCED_INTENT in self.rules or RuleId.ANNOUNCED_THREAT in self.rules or RuleId.ANNOUNCED_MEASURE in self.rules

    @property
    def planned(self) -> bool:
        """The event is the intent a planned meeting or visit states, not the meeting."""
        return RuleId.PLANNED_MEETING in self.rules

    def __str__(self) -> str:
        similarity = f"@{self.similarity:.3f}" if self.similarity is not None else ""
        return f"{self.pattern_set}:{self.pattern}{similarity}" + "".join(f"+{rule}" for rule in self.rules)


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    text: str
    published: date | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    date_source: DateSource | None = None  # where ``published`` comes from; None without a date


@dataclass(frozen=True, slots=True)
class Sentence:
    article_id: str
    index: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of text that names (or points to) an actor. kind: entity, pronoun, title, agent."""

    article_id: str
    sentence_index: int
    start: int
    end: int
    text: str
    kind: str = "entity"


@dataclass(frozen=True, slots=True)
class ActorCode:
    """A CAMEO actor code split into its parts: ``RUSGOV`` is country ``RUS``, sector ``GOV``.

    For intergovernmental organisations ``country`` holds the organisation's own three-letter
    group code (``UNO``, ``NAT``), as KEDS does, so that dyads such as UNO-IRQ stay countable.
    """

    code: str
    country: str | None
    sector: str | None = None
    valid_from: date | None = None
    valid_until: date | None = None


@dataclass(frozen=True, slots=True)
class Actor:
    """A mention and what it was resolved to. ``code`` is None when the mention is unresolved."""

    mention: Mention
    code: ActorCode | None
    method: Resolution
    confidence: float
    antecedent: Mention | None = None
    sponsor: str | None = None  # the country that backs the actor: Iran in "Iranian-backed militias"


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry an event is located at."""

    name: str
    country: str | None  # ISO-3
    admin1: str | None
    latitude: float | None
    longitude: float | None
    feature: str  # country, admin1, city, region, sea, ...
    geonames_id: int | None = None


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    article_id: str
    sentence_index: int
    sentence_start: int
    sentence_end: int
    trigger_start: int
    trigger_end: int
    trigger: str
    source: Actor | None
    target: Actor | None
    cameo: str  # a CAMEO code, or a code a user's dictionary gives that CAMEO does not define
    plover: str | None
    goldstein: float | None  # None (and quad_class None) for a code CAMEO does not define
    quad_class: int | None
    modality: Modality
    event_date: date | None
    date_basis: DateBasis
    confidence: float
    rule: Provenance
    location: Place | None = None
    loc_reason: str | None = None  # why this place, or why none
    incident_id: str | None = None  # the real-world incident several articles report (set by the store)
    date_precision: DatePrecision | None = None  # of ``event_date``: the first day of that day, week, ...

    @property
    def cameo_root(self) -> str:
        return self.cameo[:2]

    @property
    def complete(self) -> bool:
        """Whether the source is known: an act nobody can be said to have done is kept, flagged, and
        left out of series, tension and alerts."""
        return self.source is not None and self.source.code is not None

    def replaced(self, **changes: Any) -> Event:
        """``dataclasses.replace(self, **changes)`` at less than half its cost: an event is copied
        several times (rescored, retargeted, placed), and ``replace`` checks every field's kind
        on every copy."""
        values = list(_event_values(self))
        for name, value in changes.items():
            values[_EVENT_FIELD_AT[name]] = value
        return Event(*values)


_EVENT_FIELD_AT = {f.name: index for index, f in enumerate(fields(Event))}  # every field is an argument of __init__, in this order
_event_values = attrgetter(*_EVENT_FIELD_AT)


@dataclass(frozen=True, slots=True)
class Quote:
    article_id: str
    start: int
    end: int
    text: str
    speaker: Actor | None
    event_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Failure:
    article_id: str | None
    stage: str
    code: str
    message: str
    file: str | None = None
    line: int | None = None


@dataclass(frozen=True, slots=True)
class Discard:
    """A sentence left uncoded because a discard phrase says it is no political news ("goalless
    draw"); ``story`` when the phrase discards the whole story ("World Cup")."""

    sentence_index: int
    phrase: str
    story: bool = False


@dataclass(frozen=True, slots=True)
class ArticleResult:
    article: Article
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    failures: tuple[Failure, ...] = field(default_factory=tuple)
    discarded: tuple[Discard, ...] = ()  # sentences left uncoded as no political news


def event_id(
    article_id: str,
    sentence_index: int,
    trigger_start: int,
    trigger_end: int,
    source: str | None,
    target: str | None,
    cameo: str,
) -> str:
    """Stable id: coding the same article twice yields the same ids, so stores can upsert."""
    key = "\x1f".join(
        str(part) for part in (article_id, sentence_index, trigger_start, trigger_end, source, target, cameo)
    )
    return hashlib.blake2b(key.encode("utf-8"), digest_size=10).hexdigest()
