"""Response and request shapes, for the OpenAPI schema (routes send plain JSON of these shapes).

The event model is built from the events table's column list, so the schema cannot drift from
what the store holds.
"""

from __future__ import annotations

import datetime as dt
from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, create_model

from standoff.store.schema import EVENTS

_TYPES: dict[str, Any] = {"VARCHAR": str, "INTEGER": int, "BIGINT": int, "DOUBLE": float, "DATE": date, "BOOLEAN": bool}

Event = create_model(  # type: ignore[call-overload]
    "Event",
    __config__=ConfigDict(extra="forbid"),
    **{name: (_TYPES[kind] | None, None) for name, kind in EVENTS.columns},
)


class ErrorBody(BaseModel):
    code: str = Field(description="Stable error code, e.g. E602 (bad query) or E801 (invalid parameter).")
    status: int
    message: str
    details: list[dict[str, Any]] | None = None


class Error(BaseModel):
    error: ErrorBody


class EventPage(BaseModel):
    total: int = Field(description="Events matching (in cursor mode: stored after the cursor).")
    count: int
    limit: int
    offset: int
    cursor: str = Field(description="Pass as since= to get the events stored after these.")
    more: bool
    events: list[Event]  # type: ignore[valid-type]


class Spans(BaseModel):
    """Half-open character offsets into the article text (null when not known)."""

    sentence: list[int] | None
    trigger: list[int] | None
    source: list[int] | None
    target: list[int] | None


class Article(BaseModel):
    id: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: date | None = None
    text: str


class ActorMention(BaseModel):
    role: str
    code: str | None
    country: str | None
    sector: str | None
    text: str | None
    start: int | None
    end: int | None
    kind: str | None
    method: str | None
    confidence: float | None
    antecedent_text: str | None
    antecedent_start: int | None
    antecedent_end: int | None


class Incident(BaseModel):
    id: str
    source_country: str | None
    target_country: str | None
    cameo_root: str | None
    cameo: str | None
    trigger_key: str | None
    anchor_date: date | None
    first_date: date | None
    last_date: date | None
    mentions: int | None
    articles: int | None
    sources: int | None


class EventDetail(BaseModel):
    event: Event  # type: ignore[valid-type]
    spans: Spans
    article: Article | None
    actors: list[ActorMention]
    incident: Incident | None


class IncidentPage(BaseModel):
    total: int
    count: int
    limit: int
    offset: int
    incidents: list[Incident]


class IncidentDetail(BaseModel):
    incident: Incident
    events: list[Event]  # type: ignore[valid-type]
    more: bool


class ActorCount(BaseModel):
    code: str
    country: str | None
    name: str | None = Field(description="How the actor is most often written in the sentences.")
    events: int
    as_source: int
    as_target: int


class ActorPage(BaseModel):
    total: int
    count: int
    limit: int
    offset: int
    actors: list[ActorCount]


class DyadCount(BaseModel):
    a: str
    b: str
    events: int
    conflict: int
    cooperation: int
    incidents: int
    goldstein_mean: float | None
    conflict_share: float | None


class DyadList(BaseModel):
    directed: bool
    dyads: list[DyadCount]


class LeftOut(BaseModel):
    freq: str
    undated: int = Field(description="Events without a date: background the text does not date, or articles without a publication date.")
    coarser: dict[str, int] = Field(description="Events dated more coarsely than the period, by precision (month, year, decade).")
    unknown_source: int = Field(description="Events whose source is unknown (complete: false).")
    not_in_cameo: int = Field(description="Events whose code CAMEO does not define (from an imported WEIS-style verb dictionary): no QuadClass or Goldstein score.")
    total: int = Field(description="All left out; each event is counted once, under the first reason that applies: unknown source, code not in CAMEO, no date, a coarser date.")


class Series(BaseModel):
    selection: str
    freq: str
    half_life: float
    periods: list[dict[str, Any]] = Field(description="One row per period: counts, Goldstein, per-1k twins, tension with its 95% band.")
    left_out: LeftOut = Field(description="Matching events no period counts, and why: each event counts only in the period of its own date, with a known source and a CAMEO code.")


class Alert(BaseModel):
    dyad: str
    period: str
    events: int
    baseline_short: float | None
    baseline_long: float | None
    ratio_short: float
    ratio_long: float
    evidence: list[dict[str, Any]]


class AlertList(BaseModel):
    freq: str
    alerts: list[Alert]
    truncated: bool
    left_out: LeftOut = Field(description="Events of the range no period counts, and why.")


class CodeRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, description="The article text (plain text).")
    date: dt.date | None = Field(default=None, description="Publication date, for relative dates in the text.")
    title: str | None = Field(default=None, max_length=1000)


class CodedEvent(BaseModel):
    model_config = ConfigDict(extra="allow")

    id: str
    spans: Spans


class CodeResponse(BaseModel):
    article: Article
    events: list[CodedEvent]
    quotes: list[dict[str, Any]]
    stored: bool = Field(description="Always false: coded text is never written to the store.")


class Health(BaseModel):
    status: str
    version: str
    schema_version: str
    database: str
    allow_code: bool
    events: int
    articles: int
    incidents: int
    first_date: date | None
    last_date: date | None


class Vocabulary(BaseModel):
    roots: list[dict[str, Any]]
    plover: list[dict[str, Any]]
    quad_classes: dict[str, str]
    modalities: list[str]
    fields: list[str]
    default_fields: list[str]
