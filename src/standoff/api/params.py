"""Query parameters shared by the routes, checked before any query runs.

The dependencies are coroutines: they only parse, so they run in the event loop rather than cost
each request a trip to a worker thread.

FastAPI checks types, lengths and patterns (and answers 422 with E801); what needs the library's
knowledge (a dyad, a PLOVER type, a list of fields) raises BadQuery (422, E602).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import Depends, Query

from standoff.analysis.settings import Setting
from standoff.api.settings import MAX_PAGE
from standoff.model import FREQS, MODALITIES
from standoff.store.api_queries import EVENT_COLUMNS, Cursor, EventQuery, check_columns
from standoff.store.queries import BadQuery, Dyad, EventFilter, check_range

CODE = r"^[A-Za-z0-9]{2,40}$"
COUNTRY = r"^[A-Za-z]{3}$"
ORIGIN = r"^[a-z0-9_-]{1,20}$"
# What a page of events shows unless ``fields`` asks for other columns (``fields=all``: every column).
DEFAULT_FIELDS = (
    "id", "event_date", "source", "source_country", "source_text", "cameo", "cameo_root", "plover",
    "quad_class", "goldstein", "modality", "target", "target_country", "target_text", "text", "trigger",
    "article_id", "incident_id", "origin", "confidence",
)

Modality = Literal[MODALITIES]  # type: ignore[valid-type]
Freq = Literal[FREQS]  # type: ignore[valid-type]

DyadParam = Annotated[str | None, Query(max_length=40, description="Two country codes: USA-PRK (either direction) or USA->PRK (USA acting on PRK).")]
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SinceParam = Annotated[str | None, Query(max_length=330, description="First event date (YYYY-MM-DD), included.")]
UntilParam = Annotated[date | None, Query(description="Last event date (YYYY-MM-DD), included.")]
# The old names of since and until (and, on /api/events, of the cursor now called after): kept for one release.
OldStart = Annotated[date | None, Query(deprecated=True, description="Deprecated: the old name of since.")]
OldEnd = Annotated[date | None, Query(deprecated=True, description="Deprecated: the old name of until.")]
ActorParam = Annotated[str | None, Query(pattern=CODE, description="An actor code or a country code, on either side.")]
OriginParam = Annotated[str | None, Query(pattern=ORIGIN, description="Only events of this origin: standoff, gdelt, keds, plover.")]


def setting(value: Setting) -> Any:
    """The query parameter of an analysis setting, with the bounds the command line uses too."""
    low = {"gt": value.low} if value.low_open else {"ge": value.low}
    return Query(**low, le=value.high, description=value.help)


def dyad_of(text: str | None) -> Dyad | None:
    return Dyad.parse(text) if text else None


@dataclass(frozen=True, slots=True)
class DateRange:
    """Event dates, both ends included, as every route names them: since and until (the CLI's --since and --until)."""

    since: date | None = None
    until: date | None = None
    old_cursor: str | None = None  # a paging cursor passed as since=, its name before after=


async def date_range(since: SinceParam = None, until: UntilParam = None, start: OldStart = None, end: OldEnd = None) -> DateRange:
    if (since is not None and start is not None) or (until is not None and end is not None):
        raise BadQuery("give since and until, or their old names start and end, not both")
    first, old_cursor = start, None
    if since is not None:
        if DATE.match(since):
            try:
                first = date.fromisoformat(since)
            except ValueError:
                raise BadQuery(f"since: {since!r} is no date") from None
        else:
            Cursor.parse(since)  # a cursor under its old name; anything else is neither
            old_cursor = since
    last = until if until is not None else end
    check_range(first, last)
    return DateRange(first, last, old_cursor)


DatesDep = Annotated[DateRange, Depends(date_range)]


async def event_filter(
    dates: DatesDep,
    dyad: DyadParam = None,
    actor: ActorParam = None,
    root: Annotated[str | None, Query(pattern=r"^\d{1,2}$", description="CAMEO root, 01-20.")] = None,
    origin: OriginParam = None,
) -> EventFilter:
    return EventFilter(dyad_of(dyad), actor.upper() if actor else None, root, dates.since, dates.until, origin)


async def event_query(
    base: Annotated[EventFilter, Depends(event_filter)],
    dates: DatesDep,
    country: Annotated[str | None, Query(pattern=COUNTRY, description="A country code on either side (not a full actor code).")] = None,
    location: Annotated[str | None, Query(pattern=COUNTRY, description="The country the event happened in (ISO-3).")] = None,
    plover: Annotated[str | None, Query(max_length=30, description="PLOVER event type, e.g. THREATEN.")] = None,
    quad: Annotated[int | None, Query(ge=1, le=4, description="QuadClass: 1 verbal cooperation .. 4 material conflict.")] = None,
    modality: Annotated[Modality | None, Query()] = None,
    q: Annotated[str | None, Query(min_length=1, max_length=200, description="Words the sentence contains (any case).")] = None,
    after: Annotated[str | None, Query(max_length=330, description="Incremental pulls: 0 for the start, or the cursor of an earlier answer; gives the events stored after it, in stored order.")] = None,
) -> EventQuery:
    if after is not None and dates.old_cursor is not None:
        raise BadQuery("give the cursor as after, not also as since (its old name)")
    cursor = after if after is not None else dates.old_cursor
    base.where()  # checks the CAMEO root now, before any query
    if plover is not None:
        from standoff.ontology import load_ontology

        names = {p.name for p in load_ontology().plover_types()}
        if plover.upper() not in names:
            raise BadQuery(f"unknown PLOVER type {plover!r}; choose from: {', '.join(sorted(names))}")
        plover = plover.upper()
    return EventQuery(
        base,
        country=country.upper() if country else None,
        location=location.upper() if location else None,
        plover=plover,
        quad_class=quad,
        modality=modality,
        text=q,
        after=Cursor.parse(cursor) if cursor is not None else None,
    )


async def event_fields(
    fields: Annotated[str | None, Query(max_length=2000, description="Comma-separated columns to return (id always comes), or 'all'.")] = None,
) -> tuple[str, ...]:
    if fields is None:
        return DEFAULT_FIELDS
    if fields.strip() == "all":
        return EVENT_COLUMNS
    return check_columns(tuple(name.strip() for name in fields.split(",") if name.strip()))


@dataclass(frozen=True, slots=True)
class Page:
    limit: int
    offset: int


async def page(
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"Rows per page, at most {MAX_PAGE}.")] = 50,
    offset: Annotated[int, Query(ge=0, le=10_000_000, description="Rows to skip.")] = 0,
) -> Page:
    return Page(limit, offset)
