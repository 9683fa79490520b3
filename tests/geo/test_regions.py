"""The shipped province shapes and the province a stored place lies in."""

from __future__ import annotations

import json

import pytest

from standoff.errors import BadDictionary
from standoff.geo.regions import SHAPE_FILES, Provinces, load_provinces, shape_file


@pytest.fixture(scope="module")
def provinces() -> Provinces:
    return load_provinces()


def _name(provinces: Provinces, *place: object) -> str | None:
    found = provinces.find(*place)  # type: ignore[arg-type]
    return found.name if found else None


def test_a_stored_admin1_names_its_province(provinces: Provinces) -> None:
    assert _name(provinces, "USA", "California", None, None) == "California"
    assert _name(provinces, "CHN", "Tibet", None, None) == "Xizang"  # another of its names
    assert _name(provinces, "USA", "Tibet", None, None) is None  # only within its country


def test_coordinates_fall_in_a_province(provinces: Provinces) -> None:
    assert _name(provinces, "USA", None, 34.05, -118.24) == "California"  # Los Angeles
    assert _name(provinces, "SYR", None, 36.20, 37.16) == "Aleppo"
    assert _name(provinces, "USA", None, 21.31, -157.86) == "Hawaii"  # an island of a multi-ring shape
    assert _name(provinces, "JPN", None, 35.68, 139.69) == "Tokyo"


def test_a_point_just_off_the_coast_takes_the_nearest_province_of_its_country(provinces: Provinces) -> None:
    assert _name(provinces, "LBN", None, 33.90, 35.44) == "Beirut"  # in the sea by a few hundred metres
    assert _name(provinces, None, None, 12.0, 113.0) is None  # the South China Sea
    assert _name(provinces, "SYR", None, 12.0, 113.0) is None  # far from any Syrian province


def test_a_disputed_area_is_found_in_the_country_that_draws_it(provinces: Provinces) -> None:
    assert _name(provinces, "UKR", None, 45.0, 34.0) == "Crimea"


def test_the_files_are_what_the_map_reads() -> None:
    for name in SHAPE_FILES:
        document = json.loads(shape_file(name))
        assert document["format"] == "standoff-boundaries/1" and document["scale"] == 100
        for feature in document["features"]:
            assert all(len(ring) >= 6 and len(ring) % 2 == 0 for ring in feature["rings"]), feature["id"]
    with pytest.raises(ValueError, match="no shape file"):
        shape_file("../regions.py")


def test_a_file_of_another_format_is_refused() -> None:
    with pytest.raises(BadDictionary, match="provinces.json.*expected format"):
        Provinces({"format": "topojson", "features": []})


def test_a_province_across_the_antimeridian(provinces: Provinces) -> None:
    assert _name(provinces, "RUS", None, 65.0, -175.0) == "Chukchi Autonomous Okrug"
    assert _name(provinces, "RUS", None, 64.7, 177.5) == "Chukchi Autonomous Okrug"  # Anadyr
