"""Country and province shapes shipped with the package, and the province a stored place lies in.

The shapes are Natural Earth's public-domain boundaries (see shapes/NOTICE), simplified by
tools/boundaries.py into two files, ``shapes/countries.json`` and ``shapes/provinces.json``:

    {"format": "standoff-boundaries/1", "scale": 100, "source": "...",
     "features": [{"id", "name", "country" (ISO-3 or null), "rings": [[x0, y0, dx1, dy1, ...], ...],
                   provinces only: "names" (other spellings), "codes" (FIPS, ISO 3166-2)}]}

A ring is its first point then the step to each next one, in 1/scale degrees of longitude (x) and
latitude (y). Rings are filled even-odd, so holes need no marking. A ring across the antimeridian
runs on past 180 degrees of longitude rather than jumping back to -180. The dashboard draws these
files as they are; this module reads the provinces to place events in them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import numpy as np

from standoff.errors import BadDictionary
from standoff.geo.gazetteer import normalise

SHAPE_FILES = ("countries.json", "provinces.json")
FORMAT = "standoff-boundaries/1"
# A place on a simplified coast can fall just outside its province: take the nearest one within this.
_COAST_DEGREES = 0.15


def shape_file(name: str) -> bytes:
    """One of SHAPE_FILES, as shipped."""
    if name not in SHAPE_FILES:
        raise ValueError(f"no shape file {name!r}; choose from {', '.join(SHAPE_FILES)}")
    return (resources.files("standoff.geo") / "shapes" / name).read_bytes()


@dataclass(frozen=True, slots=True)
class Province:
    id: str
    name: str
    country: str | None
    edges: np.ndarray  # (n, 4): x1, y1, x2, y2 of every edge of every ring (longitude, latitude)
    box: tuple[float, float, float, float]  # west, south, east, north

    def contains(self, lon: float, lat: float) -> bool:
        """Even-odd rule over the edges of all rings (a point in a hole crosses two boundaries)."""
        west, south, east, north = self.box
        if east > 180 and lon < 0:  # a ring across the antimeridian runs on past 180 degrees
            lon += 360
        if not (west <= lon <= east and south <= lat <= north):
            return False
        x1, y1, x2, y2 = self.edges.T
        straddles = (y1 > lat) != (y2 > lat)
        with np.errstate(divide="ignore", invalid="ignore"):
            at = x1 + (lat - y1) * (x2 - x1) / (y2 - y1)
        return int(np.count_nonzero(straddles & (lon < at))) % 2 == 1

    def distance(self, lon: float, lat: float) -> float:
        """Degrees from the point to the nearest corner of the shape (enough for a coast's slack)."""
        return float(np.min(np.hypot(self.edges[:, 0] - lon, self.edges[:, 1] - lat)))


def _edges(flat_rings: list[list[int]], scale: int) -> np.ndarray:
    """Each ring's points joined to the next, the last to the first."""
    rings = [np.cumsum(np.asarray(flat, dtype=float).reshape(-1, 2), axis=0) / scale for flat in flat_rings]
    return np.vstack([np.hstack([ring, np.roll(ring, -1, axis=0)]) for ring in rings])


class Provinces:
    """Natural Earth's admin-1 shapes: find the province of a place by its stored admin1 or its coordinates."""

    def __init__(self, document: dict) -> None:
        if document.get("format") != FORMAT:
            raise BadDictionary(f"expected format {FORMAT!r}, found {document.get('format')!r}", file="provinces.json")
        scale = document["scale"]
        self.by_id: dict[str, Province] = {}
        self._by_country: dict[str | None, list[Province]] = {}
        self._by_name: dict[tuple[str | None, str], Province] = {}
        for feature in document["features"]:
            edges = _edges(feature["rings"], scale)
            box = (*edges[:, :2].min(axis=0), *edges[:, :2].max(axis=0))
            province = Province(feature["id"], feature["name"], feature["country"], edges, box)  # type: ignore[arg-type]
            self.by_id[province.id] = province
            self._by_country.setdefault(province.country, []).append(province)
            for label in (*feature.get("names", ()), *feature.get("codes", ())):
                self._by_name.setdefault((province.country, normalise(label)), province)
        self._every = list(self.by_id.values())
        self._boxes = np.array([p.box for p in self._every])

    def find(self, country: str | None, admin1: str | None, lat: float | None, lon: float | None) -> Province | None:
        """The province a stored place names (admin1, within its country), else the one its
        coordinates fall in, else its country's province nearest to a point just off the coast."""
        if admin1:
            named = self._by_name.get((country, normalise(admin1)))
            if named is not None:
                return named
        if lat is None or lon is None:
            return None
        own = self._by_country.get(country, []) if country else []
        # its own country's provinces first; then any (a disputed area drawn in another country, a sea)
        for province in own:
            if province.contains(lon, lat):
                return province
        for province in self._around(lon, lat):
            if province.contains(lon, lat):
                return province
        if not own:
            return None
        nearest = min(own, key=lambda p: p.distance(lon, lat))
        return nearest if nearest.distance(lon, lat) <= _COAST_DEGREES else None

    def _around(self, lon: float, lat: float) -> list[Province]:
        """The provinces whose bounding box holds the point."""
        west, south, east, north = self._boxes.T
        wrapped = np.where(east > 180, lon + 360 * (lon < 0), lon)
        inside = (west <= wrapped) & (wrapped <= east) & (south <= lat) & (lat <= north)
        return [self._every[i] for i in np.flatnonzero(inside)]


@cache
def load_provinces() -> Provinces:
    """The shipped provinces, read once per process (under a second)."""
    return Provinces(json.loads(shape_file("provinces.json")))


@lru_cache(maxsize=200_000)
def province_of(country: str | None, admin1: str | None, lat: float | None, lon: float | None) -> Province | None:
    """load_provinces().find(...), remembered: a store has far fewer places than events."""
    return load_provinces().find(country, admin1, lat, lon)
