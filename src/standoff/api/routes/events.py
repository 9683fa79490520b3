"""Events: pages with filters, field selection and a cursor; one event with its article; downloads."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Query
from fastapi.responses import Response

from standoff.api.deps import AnalysisStoreDep, ReadStoreDep, SettingsDep
from standoff.api.downloads import download
from standoff.errors import NotFound, ResultTooLarge
from standoff.api.params import Page, event_fields, event_query, page
from standoff.api.responses import JSONResponse
from standoff.api.schemas import Error, EventDetail, EventPage
from standoff.api.settings import ApiSettings
from standoff.api.spans import event_spans
from standoff.store import Store
from standoff.store.api_queries import EVENT_COLUMNS, EventQuery, count_matching, event_detail, event_page, event_table

router = APIRouter(prefix="/api", tags=["events"])

QueryDep = Annotated[EventQuery, Depends(event_query)]
FieldsDep = Annotated[tuple[str, ...], Depends(event_fields)]
Order = Annotated[Literal["asc", "desc"], Query(description="By event date: oldest (asc) or newest (desc) first. Ignored with after=.")]
ERRORS = {422: {"model": Error}, 503: {"model": Error}}


@router.get("/events", response_model=EventPage, responses=ERRORS)
def events(store: ReadStoreDep, query: QueryDep, fields: FieldsDep, paging: Annotated[Page, Depends(page)], order: Order = "asc") -> JSONResponse:
    """Stored events matching the filters, a page at a time, each with the sentence it came from.

    Without `after`, events come by date and `cursor` marks what is stored so far; pass it as
    `after` later to get only the events stored after it. With `after`, events come in stored
    order and `cursor` marks the last event of the page: pass it to get the next one. (`since`
    and `until` are event dates; a cursor given as `since`, its old name, still works for a release.)"""
    found = event_page(store, query, fields, paging.limit, paging.offset, newest_first=order == "desc")
    more = paging.offset + len(found.rows) < found.total
    return JSONResponse({
        "total": found.total, "count": len(found.rows), "limit": paging.limit, "offset": paging.offset,
        "cursor": str(found.cursor), "more": more, "events": found.rows,
    })


def _download(
    store: Store, settings: ApiSettings, query: EventQuery, fields: tuple[str, ...], limit: int | None, offset: int, order: str, fmt: str
) -> Response:
    """The query as a file; refused (E805) when it matches more rows than one download holds and no limit was asked for."""
    matching = max(count_matching(store, query) - offset, 0)
    if limit is None and matching > settings.max_download_rows:
        raise ResultTooLarge(
            f"the query matches {matching:,} events, more than {settings.max_download_rows:,} in one download; "
            "narrow it, or page through with limit and offset"
        )
    rows = min(limit or settings.max_download_rows, settings.max_download_rows)
    return download(event_table(store, query, fields, rows, offset, newest_first=order == "desc"), fmt)


DownloadLimit = Annotated[int | None, Query(ge=1, description="At most this many rows (the server's download limit at most).")]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]
AllFields = Annotated[str | None, Query(max_length=2000, description="Comma-separated columns (default: all).")]


async def _download_fields(fields: AllFields = None) -> tuple[str, ...]:
    return EVENT_COLUMNS if fields is None else await event_fields(fields)


DownloadFields = Annotated[tuple[str, ...], Depends(_download_fields)]
CSV = {200: {"content": {"text/csv": {}}, "description": "The events as CSV"}, **ERRORS}
PARQUET = {200: {"content": {"application/vnd.apache.parquet": {}}, "description": "The events as Parquet"}, **ERRORS}


@router.get("/events.csv", response_class=Response, responses=CSV)
def events_csv(store: AnalysisStoreDep, settings: SettingsDep, query: QueryDep, fields: DownloadFields, limit: DownloadLimit = None, offset: Offset = 0, order: Order = "asc") -> Response:
    """The events of any event query as CSV (same filters as /api/events)."""
    return _download(store, settings, query, fields, limit, offset, order, "csv")


@router.get("/events.parquet", response_class=Response, responses=PARQUET)
def events_parquet(store: AnalysisStoreDep, settings: SettingsDep, query: QueryDep, fields: DownloadFields, limit: DownloadLimit = None, offset: Offset = 0, order: Order = "asc") -> Response:
    """The events of any event query as Parquet (same filters as /api/events)."""
    return _download(store, settings, query, fields, limit, offset, order, "parquet")


@router.get("/events/{event_id}", response_model=EventDetail, responses={404: {"model": Error}, **ERRORS})
def event(store: ReadStoreDep, event_id: Annotated[str, Path(min_length=1, max_length=300)]) -> JSONResponse:
    """One event with the spans of its sentence, trigger and actors in its article's text, the
    article itself (none for imported events), its actor mentions and its incident."""
    found = event_detail(store, event_id)
    if found is None:
        raise NotFound(f"no event with id {event_id[:80]!r}")
    return JSONResponse({**found, "spans": event_spans(found["event"])})
