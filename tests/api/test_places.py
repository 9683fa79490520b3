"""The map's data: events by country, province and place, the events of one place, the shapes."""

from __future__ import annotations

import json

from fastapi.testclient import TestClient


def _by(rows: list[dict], key: str) -> dict[str, dict]:
    return {row[key]: row for row in rows}


def test_events_are_counted_by_country_province_and_place(map_client: TestClient) -> None:
    found = map_client.get("/api/places").json()
    assert found["total"] == map_client.get("/api/events").json()["total"] == 16
    assert found["unplaced"] == 6  # China's praise, Turkey's words, the UN's and Amnesty's name no place
    countries = _by(found["countries"], "country")
    assert set(countries) == {"SYR", "TUR", "CHE", "UKR", "USA", "IRQ"}
    assert (countries["SYR"]["events"], countries["SYR"]["conflict"], countries["SYR"]["cooperation"]) == (3, 3, 0)
    assert (countries["CHE"]["events"], countries["CHE"]["cooperation"]) == (2, 2)
    provinces = {row["name"]: row for row in found["provinces"]}
    assert provinces["Aleppo"]["events"] == 2 and provinces["Aleppo"]["country"] == "SYR"
    assert provinces["Damascus"]["events"] == 1
    assert provinces["District of Columbia"]["events"] == 1  # by the stored admin1
    places = {row["name"]: row for row in found["places"]}
    assert places["Aleppo"]["events"] == 2 and places["Aleppo"]["province"] == provinces["Aleppo"]["id"]
    # at sea: a point, in no country and no province
    assert places["Sea of Japan"]["country"] is None and places["Sea of Japan"]["province"] is None
    assert sum(row["events"] for row in found["places"]) == found["total"] - found["unplaced"]


def test_places_take_the_event_filters(map_client: TestClient) -> None:
    conflict = map_client.get("/api/places", params={"quad": 4}).json()
    assert "CHE" not in _by(conflict["countries"], "country")
    dyad = map_client.get("/api/places", params={"dyad": "USA-SYR"}).json()
    assert [row["country"] for row in dyad["countries"]] == ["USA"]
    few = map_client.get("/api/places", params={"points": 2}).json()
    assert len(few["places"]) == 2 and few["more_places"]
    assert map_client.get("/api/places", params={"dyad": "nonsense"}).json()["error"]["code"] == "E602"


def test_the_events_of_a_province_and_of_a_place(map_client: TestClient) -> None:
    found = map_client.get("/api/places").json()
    aleppo = next(row for row in found["provinces"] if row["name"] == "Aleppo")
    page = map_client.get("/api/places/events", params={"province": aleppo["id"]}).json()
    assert page["total"] == 2 and {e["article_id"] for e in page["events"]} == {"map-01", "map-02"}
    assert page["events"][0]["event_date"] >= page["events"][1]["event_date"]  # newest first
    one = map_client.get("/api/places/events", params={"province": aleppo["id"], "limit": 1, "offset": 1}).json()
    assert (one["count"], one["more"]) == (1, False)
    narrowed = map_client.get("/api/places/events", params={"province": aleppo["id"], "q": "shelled"}).json()
    assert [e["article_id"] for e in narrowed["events"]] == ["map-01"]
    sea = next(row for row in found["places"] if row["name"] == "Sea of Japan")
    at_sea = map_client.get("/api/places/events", params={"place": sea["key"]}).json()
    assert [e["article_id"] for e in at_sea["events"]] == ["map-04"]


def test_the_events_of_a_place_need_exactly_one_place(map_client: TestClient) -> None:
    assert map_client.get("/api/places/events").json()["error"]["code"] == "E602"
    both = map_client.get("/api/places/events", params={"province": "SYR-137", "place": "0" * 16})
    assert both.status_code == 422
    assert map_client.get("/api/places/events", params={"place": "0" * 16}).status_code == 404
    assert map_client.get("/api/places/events", params={"place": "../etc"}).status_code == 422
    assert map_client.get("/api/places/events", params={"province": "NOWHERE-1"}).json()["total"] == 0


def test_the_shipped_shapes_are_served(map_client: TestClient) -> None:
    for name, least in (("countries.json", 200), ("provinces.json", 4000)):
        answer = map_client.get(f"/api/map/{name}")
        assert answer.status_code == 200 and answer.headers["content-type"] == "application/json"
        document = json.loads(answer.content)
        assert document["format"] == "standoff-boundaries/1" and len(document["features"]) > least
    assert map_client.get("/api/map/secrets.json").status_code == 422

