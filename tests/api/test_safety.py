"""What keeps the app safe to run: JSON errors, Host checks, security headers, a read-only store,
static pages that never turn data into markup."""

from __future__ import annotations

import re
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from standoff.api import ApiSettings, create_app
from standoff.store import StoreError


def test_errors_are_json_with_a_code(client: TestClient) -> None:
    for method, path, status, code in [
        ("GET", "/api/nothing", 404, "E802"),
        ("GET", "/no-such-page.html", 404, "E802"),
        ("POST", "/api/events", 405, "E807"),
        ("DELETE", "/api/events/x", 405, "E807"),
    ]:
        answer = client.request(method, path)
        assert answer.status_code == status, path
        assert answer.json()["error"]["code"] == code


def test_security_headers_on_every_answer(client: TestClient) -> None:
    for path in ("/", "/js/common.js", "/api/health", "/api/nothing"):
        headers = client.get(path).headers
        assert "script-src 'self'" in headers["content-security-policy"]
        assert "frame-ancestors 'none'" in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("host", ["evil.example", "127.0.0.1.evil.example", "10.0.0.1:8000", ""])
def test_only_loopback_host_headers_are_answered(client: TestClient, host: str) -> None:
    answer = client.get("/api/health", headers={"host": host})
    assert answer.status_code == 400 and answer.json()["error"]["code"] == "E808"


@pytest.mark.parametrize("host", ["127.0.0.1:8000", "localhost", "LOCALHOST:1", "[::1]:8000"])
def test_loopback_host_headers_are_answered(client: TestClient, host: str) -> None:
    assert client.get("/api/health", headers={"host": host}).status_code == 200


def test_any_host_when_serving_the_network(api_db: Path) -> None:
    with TestClient(create_app(ApiSettings(api_db, allowed_hosts=None)), base_url="http://events.example") as open_app:
        assert open_app.get("/api/health").status_code == 200


def test_store_is_opened_read_only(client: TestClient, api_db: Path) -> None:
    # while the app runs, its read-only connections keep any writing process out
    writer = "import sys; from standoff.store import Store; Store(sys.argv[1])"
    result = subprocess.run([sys.executable, "-c", writer, str(api_db)], capture_output=True, text=True, timeout=120)
    assert result.returncode != 0 and "E601" in result.stderr and "lock" in result.stderr


def test_missing_store_fails_at_start(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="E601"):
        create_app(ApiSettings(tmp_path / "none.duckdb"))


def test_dashboard_pages_are_served(client: TestClient) -> None:
    for page in ("/", "/index.html", "/network.html", "/events.html", "/code.html"):
        answer = client.get(page)
        assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/html")
        assert '<script type="module" src="js/' in answer.text
    assert client.get("/js/chart.js").headers["content-type"].startswith("text/javascript")


def test_dashboard_scripts_never_write_markup() -> None:
    static = resources.files("standoff.api") / "static"
    scripts = {item.name: item.read_text(encoding="utf-8") for item in (static / "js").iterdir() if item.name.endswith(".js")}
    assert {"common.js", "chart.js", "dyad.js", "network.js", "events.js", "code.js"} <= set(scripts)
    pages = [item.read_text(encoding="utf-8") for item in static.iterdir() if item.name.endswith(".html")]
    for name, text in scripts.items():
        assert not re.search(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function", text), name
        assert not re.search(r"https?://(?!www\.w3\.org/2000/svg)", text), f"{name} loads something from outside"
    for page in pages:
        assert not re.search(r"<script(?![^>]*\bsrc=)", page), "inline script"
        assert "http://" not in page and "https://" not in page


def test_openapi_schema_lists_every_route(client: TestClient) -> None:
    schema = client.get("/api/openapi.json").json()
    assert {
        "/api/events", "/api/events.csv", "/api/events.parquet", "/api/events/{event_id}", "/api/incidents",
        "/api/incidents/{incident_id}", "/api/actors", "/api/dyads", "/api/series", "/api/alerts", "/api/code",
        "/api/health", "/api/vocabulary", "/api/places", "/api/places/events", "/api/map/{name}", "/api/actor-kinds",
    } == set(schema["paths"])
    event_fields = schema["components"]["schemas"]["Event"]["properties"]
    assert {"id", "sentence_start", "trigger", "plover"} <= set(event_fields)
    assert "requestBody" in schema["paths"]["/api/code"]["post"]
    assert client.get("/docs").status_code == 404  # the interactive docs would load scripts from a CDN


def test_a_bug_is_a_json_500_without_its_traceback(api_db: Path) -> None:
    from fastapi.routing import APIRoute

    def broken() -> None:
        raise RuntimeError("secret detail of a bug")

    app = create_app(ApiSettings(api_db))
    app.router.routes.insert(0, APIRoute("/api/broken", broken))
    with TestClient(app, base_url="http://127.0.0.1", raise_server_exceptions=False) as failing:
        answer = failing.get("/api/broken")
    assert answer.status_code == 500 and answer.json()["error"]["code"] == "E800"
    assert "secret" not in answer.text and "Traceback" not in answer.text
