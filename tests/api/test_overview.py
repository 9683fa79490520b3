"""/api/health, /api/vocabulary, /api/actors, /api/dyads, /api/incidents."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


def test_health(client: TestClient) -> None:
    health = client.get("/api/health").json()
    assert health["status"] == "ok" and health["allow_code"] is False
    assert (health["events"], health["articles"], health["incidents"]) == (17, 14, 16)
    assert (health["first_date"], health["last_date"]) == ("2017-06-06", "2017-08-12")
    assert health["database"] == "api.duckdb"  # the file's name, not where it lives


def test_vocabulary(client: TestClient) -> None:
    vocabulary = client.get("/api/vocabulary").json()
    assert [r["code"] for r in vocabulary["roots"]] == [f"{n:02d}" for n in range(1, 21)]
    assert "THREATEN" in {p["name"] for p in vocabulary["plover"]}
    assert "sentence_start" in vocabulary["fields"] and "asserted" in vocabulary["modalities"]


def test_actors_with_counts(client: TestClient) -> None:
    page = client.get("/api/actors").json()
    first = page["actors"][0]
    assert first == {"code": "PRK", "country": "PRK", "events": 14, "as_source": 8, "as_target": 6, "name": "North Korea"}
    assert [a["code"] for a in page["actors"]][:2] == ["PRK", "USA"]
    assert page["total"] == len(page["actors"]) == 7  # PRK USA JPN RUS CHN RUSGOV JPNGOV
    by_code = {a["code"]: a for a in page["actors"]}
    assert by_code["RUSGOV"]["events"] == 1


def test_actors_by_country_prefix_and_pages(client: TestClient) -> None:
    countries = {a["code"]: a["events"] for a in client.get("/api/actors", params={"level": "country"}).json()["actors"]}
    assert countries["RUS"] == 3 and "RUSGOV" not in countries  # RUSGOV counts for RUS
    assert [a["code"] for a in client.get("/api/actors", params={"prefix": "jp"}).json()["actors"]] == ["JPN", "JPNGOV"]
    second = client.get("/api/actors", params={"limit": 2, "offset": 2}).json()
    assert second["count"] == 2 and second["total"] == 7 and second["actors"][0]["code"] not in {"PRK", "USA"}
    window = client.get("/api/actors", params={"since": "2017-08-01", "level": "country"}).json()["actors"]
    assert {a["code"] for a in window} == {"PRK", "USA", "JPN"}


def test_top_dyads(client: TestClient) -> None:
    dyads = client.get("/api/dyads").json()
    assert dyads["directed"] is False
    top = dyads["dyads"][0]
    assert (top["a"], top["b"], top["events"], top["conflict"], top["cooperation"]) == ("PRK", "USA", 10, 9, 1)
    assert top["conflict_share"] == pytest.approx(0.9) and top["goldstein_mean"] < 0
    assert all(d["a"] < d["b"] for d in dyads["dyads"])
    directed = {(d["a"], d["b"]): d["events"] for d in client.get("/api/dyads", params={"directed": "true"}).json()["dyads"]}
    assert directed[("PRK", "USA")] == 7 and directed[("USA", "PRK")] == 3


def test_dyads_in_a_window_and_bounded(client: TestClient) -> None:
    june = client.get("/api/dyads", params={"start": "2017-06-01", "end": "2017-06-30"}).json()["dyads"]
    assert {(d["a"], d["b"]): d["events"] for d in june}[("PRK", "USA")] == 3
    assert len(client.get("/api/dyads", params={"limit": 2}).json()["dyads"]) == 2
    assert [d["events"] for d in client.get("/api/dyads", params={"min_events": 2}).json()["dyads"]] == [10, 2]
    assert client.get("/api/dyads", params={"limit": 5000}).json()["error"]["code"] == "E801"


def test_incidents(client: TestClient) -> None:
    page = client.get("/api/incidents").json()
    assert page["total"] == 16 and page["incidents"][0]["first_date"] == "2017-08-12"  # newest first
    shared = client.get("/api/incidents", params={"min_sources": 2}).json()["incidents"]
    assert len(shared) == 1 and (shared[0]["mentions"], shared[0]["sources"]) == (2, 2)
    assert client.get("/api/incidents", params={"dyad": "USA->PRK"}).json()["total"] == 3
    assert client.get("/api/incidents", params={"root": "13"}).json()["total"] == 2
    assert client.get("/api/incidents", params={"start": "2017-08-11", "end": "2017-08-11"}).json()["total"] == 1
    assert client.get("/api/incidents", params={"limit": 3, "offset": 15}).json()["count"] == 1


def test_one_incident_with_its_reports(client: TestClient) -> None:
    shared = client.get("/api/incidents", params={"min_sources": 2}).json()["incidents"][0]
    detail = client.get(f"/api/incidents/{shared['id']}", params={"fields": "article_id,trigger"}).json()
    assert detail["incident"] == shared and detail["more"] is False
    assert sorted(e["article_id"] for e in detail["events"]) == ["surge-02", "surge-02b"]
    assert client.get(f"/api/incidents/{shared['id']}", params={"limit": 1}).json()["more"] is True
    missing = client.get("/api/incidents/nothing")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "E802"


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/api/actors", {"level": "planet"}),
        ("/api/actors", {"prefix": "a b"}),
        ("/api/dyads", {"min_events": 0}),
        ("/api/dyads", {"directed": "perhaps"}),
        ("/api/incidents", {"min_sources": 0}),
        ("/api/incidents", {"dyad": "PRK"}),
        ("/api/incidents", {"start": "2018-01-01", "end": "2017-01-01"}),
    ],
)
def test_bad_parameters(client: TestClient, path: str, params: dict[str, object]) -> None:
    answer = client.get(path, params=params)
    assert answer.status_code == 422 and answer.json()["error"]["code"] in {"E801", "E602"}
