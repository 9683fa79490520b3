"""What the store holds at a glance: health, vocabulary, actors with counts, top dyads, incidents."""

from __future__ import annotations

from importlib.metadata import version
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Query

from standoff.api.deps import AnalysisStoreDep, ReadStoreDep, SettingsDep
from standoff.errors import NotFound
from standoff.api.params import (
    CODE, DEFAULT_FIELDS, DatesDep, DyadParam, Page, dyad_of, event_fields, event_filter, page,
)
from standoff.api.responses import JSONResponse
from standoff.api.schemas import ActorPage, DyadList, Error, Health, IncidentDetail, IncidentPage, Vocabulary
from standoff.api.settings import MAX_PAGE
from standoff.model import MODALITIES
from standoff.store.api_queries import EVENT_COLUMNS, IncidentFilter, actor_counts, dyad_counts, incident_detail, incident_page, store_summary
from standoff.store.queries import EventFilter
from standoff.store.schema import SCHEMA_VERSION

router = APIRouter(prefix="/api")
ERRORS = {422: {"model": Error}, 503: {"model": Error}}
FilterDep = Annotated[EventFilter, Depends(event_filter)]
PageDep = Annotated[Page, Depends(page)]


@router.get("/health", response_model=Health, tags=["meta"], responses=ERRORS)
def health(store: ReadStoreDep, settings: SettingsDep) -> JSONResponse:
    """The server is up and can read its store: what the store holds, and whether coding is on."""
    summary = store_summary(store)
    return JSONResponse({
        "status": "ok", "version": version("standoff"), "schema_version": SCHEMA_VERSION,
        "database": settings.db.name, "allow_code": settings.allow_code,
        **{key: summary[key] for key in ("events", "articles", "incidents", "first_date", "last_date")},
    })


@router.get("/vocabulary", response_model=Vocabulary, tags=["meta"])
def vocabulary() -> JSONResponse:
    """CAMEO roots, PLOVER types, QuadClasses, modalities and event fields: what the filters take."""
    from standoff.ontology import load_ontology

    ontology = load_ontology()
    roots = [{"code": c.code, "name": c.name, "quad_class": c.quad_class} for c in ontology.codes() if len(c.code) == 2]
    plover = [{"name": p.name, "kind": p.kind, "orientation": p.orientation, "description": p.description} for p in ontology.plover_types()]
    quads = {"1": "verbal cooperation", "2": "material cooperation", "3": "verbal conflict", "4": "material conflict"}
    return JSONResponse({
        "roots": roots, "plover": plover, "quad_classes": quads, "modalities": list(MODALITIES),
        "fields": list(EVENT_COLUMNS), "default_fields": list(DEFAULT_FIELDS),
    })


@router.get("/actors", response_model=ActorPage, tags=["overview"], responses=ERRORS)
def actors(
    store: AnalysisStoreDep,
    where: FilterDep,
    paging: PageDep,
    level: Annotated[Literal["code", "country"], Query(description="Count full actor codes (RUSGOV) or countries (RUS).")] = "code",
    prefix: Annotated[str | None, Query(pattern=CODE.replace("{2,", "{1,"), description="Only codes starting with this.")] = None,
) -> JSONResponse:
    """Actors by the number of events they take part in (as source or target), busiest first."""
    rows, total = actor_counts(store, where, level, prefix, paging.limit, paging.offset)
    return JSONResponse({"total": total, "count": len(rows), "limit": paging.limit, "offset": paging.offset, "actors": rows})


@router.get("/dyads", response_model=DyadList, tags=["overview"], responses=ERRORS)
def dyads(
    store: AnalysisStoreDep,
    where: FilterDep,
    directed: Annotated[bool, Query(description="Count USA->PRK and PRK->USA apart.")] = False,
    min_events: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
) -> JSONResponse:
    """The busiest country dyads in a window (since, until), with conflict and cooperation counts."""
    rows = dyad_counts(store, where, directed=directed, min_events=min_events, limit=limit)
    for row in rows:
        known = row["conflict"] + row["cooperation"]
        row["conflict_share"] = row["conflict"] / known if known else None
    return JSONResponse({"directed": directed, "dyads": rows})


@router.get("/incidents", response_model=IncidentPage, tags=["overview"], responses=ERRORS)
def incidents(
    store: ReadStoreDep,
    paging: PageDep,
    dates: DatesDep,
    dyad: DyadParam = None,
    root: Annotated[str | None, Query(pattern=r"^\d{1,2}$")] = None,
    min_sources: Annotated[int, Query(ge=1, le=10_000, description="Only incidents reported by this many outlets.")] = 1,
) -> JSONResponse:
    """Real-world incidents (events several articles report), newest first."""
    where = IncidentFilter(dyad_of(dyad), root, dates.since, dates.until, min_sources)
    rows, total = incident_page(store, where, paging.limit, paging.offset)
    return JSONResponse({"total": total, "count": len(rows), "limit": paging.limit, "offset": paging.offset, "incidents": rows})


@router.get("/incidents/{incident_id}", response_model=IncidentDetail, tags=["overview"], responses={404: {"model": Error}, **ERRORS})
def incident(
    store: ReadStoreDep,
    incident_id: Annotated[str, Path(min_length=1, max_length=300)],
    fields: Annotated[tuple[str, ...], Depends(event_fields)],
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100,
) -> JSONResponse:
    """One incident and the events that report it."""
    found = incident_detail(store, incident_id, fields, limit + 1)
    if found is None:
        raise NotFound(f"no incident with id {incident_id[:80]!r}")
    events = found["events"]
    return JSONResponse({"incident": found["incident"], "events": events[:limit], "more": len(events) > limit})
