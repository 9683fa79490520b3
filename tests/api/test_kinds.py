"""The kind of each country-level actor, for the network."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_actor_kinds(map_client: TestClient) -> None:
    kinds = map_client.get("/api/actor-kinds").json()["kinds"]
    assert {code: kinds[code] for code in ("SYR", "TUR", "UNO", "AMN", "ISI")} == {
        "SYR": "state", "TUR": "state", "UNO": "igo", "AMN": "ngo", "ISI": "armed",
    }
    assert set(map_client.get("/api/actor-kinds", params={"dyad": "TUR-SYR"}).json()["kinds"]) == {"TUR", "SYR"}
