"""The map's data: events counted by country, province and place (same filters as /api/events),
the events of one province or place, and the shipped country and province shapes."""

from __future__ import annotations

import hashlib
import json
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response
from pydantic import BaseModel, Field

from standoff.api.deps import AnalysisStoreDep
from standoff.api.params import Page, event_fields, event_query, page
from standoff.api.responses import JSONResponse
from standoff.api.schemas import Error, Event
from standoff.errors import BadQuery, NotFound
from standoff.geo.regions import province_of, shape_file
from standoff.store.api_queries import EventQuery
from standoff.store.places import Place, place_counts, place_events

router = APIRouter(prefix="/api", tags=["places"])
ERRORS = {422: {"model": Error}, 503: {"model": Error}}
QueryDep = Annotated[EventQuery, Depends(event_query)]
MAX_POINTS = 20_000
# The coordinates of these are a centre, not where anything happened: they place an event in no
# province, and countries and continents are not drawn as points (their shapes are).
CENTRES = frozenset(("continent", "country", "region", "sea", "ocean", "river"))
AREAS = frozenset(("continent", "country"))


class Counts(BaseModel):
    events: int
    cooperation: int = Field(description="Events in QuadClass 1 or 2.")
    conflict: int = Field(description="Events in QuadClass 3 or 4.")


class CountryCount(Counts):
    country: str


class ProvinceCount(Counts):
    id: str = Field(description="Natural Earth's adm1_code, the id in provinces.json.")
    name: str
    country: str | None


class PlaceCount(Counts):
    key: str = Field(description="Pass as place= to /api/places/events.")
    country: str | None
    admin1: str | None
    name: str | None
    lat: float | None
    lon: float | None
    feature: str | None
    province: str | None


class PlaceMap(BaseModel):
    total: int = Field(description="Events matching the filters.")
    unplaced: int = Field(description="Of those, events with no place at all.")
    countries: list[CountryCount]
    provinces: list[ProvinceCount]
    places: list[PlaceCount] = Field(description="Places with coordinates, busiest first, at most `points`.")
    more_places: bool


class PlaceEvents(BaseModel):
    total: int
    count: int
    limit: int
    offset: int
    more: bool
    events: list[Event]  # type: ignore[valid-type]


def _key(row: dict[str, Any]) -> str:
    place = [row["country"], row["admin1"], row["name"], row["lat"], row["lon"]]
    return hashlib.sha1(json.dumps(place).encode("utf-8")).hexdigest()[:16]


def _add(totals: dict[str, dict[str, Any]], key: str, row: dict[str, Any], **fields: Any) -> None:
    found = totals.setdefault(key, {**fields, "events": 0, "cooperation": 0, "conflict": 0})
    for count in ("events", "cooperation", "conflict"):
        found[count] += row[count]


def _placed(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows that have a place, each with its key and the province it lies in."""
    placed = []
    for row in rows:
        if all(row[part] is None for part in ("country", "admin1", "name", "lat", "lon")):
            continue
        spot = row["feature"] not in CENTRES
        province = province_of(row["country"], row["admin1"], row["lat"] if spot else None, row["lon"] if spot else None)
        placed.append({**row, "key": _key(row), "province": province.id if province else None, "_province": province})
    return placed


@router.get("/places", response_model=PlaceMap, responses=ERRORS)
def places(
    store: AnalysisStoreDep,
    query: QueryDep,
    points: Annotated[int, Query(ge=0, le=MAX_POINTS, description="At most this many places with coordinates.")] = 2000,
) -> JSONResponse:
    """Where the matching events happened: counts per country (where the event row names one), per
    province (by the row's admin1, else by its coordinates) and per place with coordinates."""
    rows = place_counts(store, query)
    placed = _placed(rows)
    countries: dict[str, dict[str, Any]] = {}
    provinces: dict[str, dict[str, Any]] = {}
    for row in placed:
        if row["country"]:
            _add(countries, row["country"], row, country=row["country"])
        province = row.pop("_province")
        if province is not None:
            _add(provinces, province.id, row, id=province.id, name=province.name, country=province.country)
    with_points = [row for row in placed if row["lat"] is not None and row["lon"] is not None and row["feature"] not in AREAS]
    total = sum(row["events"] for row in rows)
    return JSONResponse({
        "total": total,
        "unplaced": total - sum(row["events"] for row in placed),
        "countries": sorted(countries.values(), key=lambda c: -c["events"]),
        "provinces": sorted(provinces.values(), key=lambda p: -p["events"]),
        "places": with_points[:points],
        "more_places": len(with_points) > points,
    })


@router.get("/places/events", response_model=PlaceEvents, responses=ERRORS)
def events_at(
    store: AnalysisStoreDep,
    query: QueryDep,
    fields: Annotated[tuple[str, ...], Depends(event_fields)],
    paging: Annotated[Page, Depends(page)],
    province: Annotated[str | None, Query(max_length=40, description="A province id from /api/places.")] = None,
    place: Annotated[str | None, Query(pattern=r"^[0-9a-f]{16}$", description="A place key from /api/places.")] = None,
) -> JSONResponse:
    """The matching events in one province or at one place, newest first."""
    if (province is None) == (place is None):
        raise BadQuery("give either province= or place=, as /api/places lists them")
    placed = _placed(place_counts(store, query))
    chosen = [row for row in placed if (row["province"] == province if province else row["key"] == place)]
    if not chosen and place is not None:
        raise NotFound(f"no place {place!r} among the events matching these filters")
    wanted = [Place(row["country"], row["admin1"], row["name"], row["lat"], row["lon"]) for row in chosen]
    rows, total = place_events(store, query, wanted, fields, paging.limit, paging.offset) if wanted else ([], 0)
    return JSONResponse({
        "total": total, "count": len(rows), "limit": paging.limit, "offset": paging.offset,
        "more": paging.offset + len(rows) < total, "events": rows,
    })


@router.get("/map/{name}", responses={422: {"model": Error}})
def shapes(name: Literal["countries.json", "provinces.json"]) -> Response:
    """Natural Earth's country or province shapes as the package ships them (format in standoff.geo.regions)."""
    return Response(shape_file(name), media_type="application/json", headers={"cache-control": "public, max-age=86400"})
