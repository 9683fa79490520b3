"""Events by the place they happened: counts per stored place, and the events of a set of places.

A place is what an event row stores about where it happened: country, admin1, name and
coordinates. Events with none of these are counted apart, as unplaced.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

from standoff.store.api_queries import NEWEST_FIRST, EventQuery, check_columns
from standoff.store.db import Store

_PLACE = "location_country, location_admin1, location_name, location_lat, location_lon"
_PLACE_TYPE = "STRUCT(country VARCHAR, admin1 VARCHAR, name VARCHAR, lat DOUBLE, lon DOUBLE)[]"


class Place(NamedTuple):
    country: str | None
    admin1: str | None
    name: str | None
    lat: float | None
    lon: float | None


def place_counts(store: Store, query: EventQuery) -> list[dict[str, Any]]:
    """One row per stored place among the matching events (busiest first): the place, its feature,
    and its events in all, in cooperation (QuadClass 1-2) and in conflict (3-4)."""
    sql, params = query.where()
    return store.fetch(
        f"SELECT location_country AS country, location_admin1 AS admin1, location_name AS name,"
        f" location_lat AS lat, location_lon AS lon, any_value(location_feature) AS feature, count(*) AS events,"
        f" count(*) FILTER (WHERE quad_class IN (1, 2)) AS cooperation, count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflict"
        f" FROM events{sql} GROUP BY {_PLACE} ORDER BY events DESC, country NULLS LAST, name NULLS LAST",
        params,
    ).to_pylist()


def place_events(
    store: Store, query: EventQuery, places: Sequence[Place], columns: tuple[str, ...], limit: int, offset: int = 0
) -> tuple[list[dict[str, Any]], int]:
    """A page of the matching events at any of ``places`` (newest first), and how many there are."""
    columns = check_columns(columns)
    sql, params = query.where()
    # a NULL part of a place matches a NULL column: an event with a country and nothing else is a place too
    join = (
        f" JOIN (SELECT unnest(?::{_PLACE_TYPE}, recursive := true)) AS p ON"
        " location_country IS NOT DISTINCT FROM p.country AND location_admin1 IS NOT DISTINCT FROM p.admin1"
        " AND location_name IS NOT DISTINCT FROM p.name AND location_lat IS NOT DISTINCT FROM p.lat"
        " AND location_lon IS NOT DISTINCT FROM p.lon"
    )
    wanted = [place._asdict() for place in places]
    select = ", ".join(f'"{c}"' for c in columns)
    rows = store.fetch(
        f"SELECT {select} FROM events{join}{sql}{NEWEST_FIRST} LIMIT ? OFFSET ?",
        [wanted, *params, limit, offset],
    ).to_pylist()
    total = store.fetch(f"SELECT count(*) AS n FROM events{join}{sql}", [wanted, *params]).column("n")[0].as_py()
    return rows, total
