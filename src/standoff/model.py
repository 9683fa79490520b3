"""Frozen data types passed between the stages of the pipeline.

Offsets are half-open character offsets into the cleaned ``Article.text``, which never
changes after cleaning: every annotation points back into that text.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date

# Modality labels, from the plainest to the most qualified. An event carries exactly one.
MODALITIES = (
    "asserted",  # it happened, as the text states
    "negated",  # "did not attack"
    "hypothetical",  # "would", "could", "if"
    "future",  # "will visit", "plans to"
    "reported",  # stated by a speaker in reported speech
    "question",  # "will X attack?"
    "denied",  # "denied attacking"
)


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    text: str
    published: date | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None


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
    method: str
    confidence: float
    antecedent: Mention | None = None


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
    cameo: str
    plover: str | None
    goldstein: float
    quad_class: int
    modality: str
    event_date: date | None
    date_basis: str  # "text" (a date phrase in the sentence), "article" (publication date) or "none"
    confidence: float
    rule: str
    location: Place | None = None
    loc_reason: str | None = None  # why this place, or why none
    incident_id: str | None = None  # the real-world incident several articles report (set by the store)

    @property
    def cameo_root(self) -> str:
        return self.cameo[:2]


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
class ArticleResult:
    article: Article
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    failures: tuple[Failure, ...] = field(default_factory=tuple)


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
