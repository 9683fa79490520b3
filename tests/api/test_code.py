"""POST /api/code: off by default; when on, pasted text is coded (not stored); bodies are bounded."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from standoff.api import ApiSettings, create_app
from standoff.pipeline import Coder

from .conftest import live_server, serve_process

TEXT = "North Korea threatened Japan with military action on Friday.\n\nJapan condemned North Korea."


def test_coding_is_off_by_default(client: TestClient) -> None:
    answer = client.post("/api/code", json={"text": TEXT})
    assert answer.status_code == 403 and answer.json()["error"]["code"] == "E803"
    assert "--allow-code" in answer.json()["error"]["message"]


def test_codes_text_with_spans_and_stores_nothing(coding_client: TestClient) -> None:
    before = coding_client.get("/api/health").json()["events"]
    answer = coding_client.post("/api/code", json={"text": TEXT, "date": "2017-08-04", "title": "Pasted <b>"})
    assert answer.status_code == 200, answer.text
    coded = answer.json()
    assert coded["stored"] is False and coded["article"]["title"] == "Pasted <b>"
    text = coded["article"]["text"]
    triggers = {}
    for event in coded["events"]:
        spans = event["spans"]
        assert text[slice(*spans["sentence"])] == event["text"]
        assert text[slice(*spans["source"])] == event["source_text"]
        triggers[text[slice(*spans["trigger"])]] = (event["source"], event["target"], event["event_date"])
    assert triggers["threatened"] == ("PRK", "JPN", "2017-08-04")
    assert triggers["condemned"][:2] == ("JPN", "PRK")
    assert coding_client.get("/api/health").json()["events"] == before


def test_wrong_media_type_is_415(coding_client: TestClient) -> None:
    answer = coding_client.post("/api/code", content=TEXT, headers={"content-type": "text/plain"})
    assert answer.status_code == 415 and answer.json()["error"]["code"] == "E806"


@pytest.mark.parametrize(
    ("body", "code"),
    [
        (b"{not json", "E810"),
        (b"[1, 2]", "E810"),
        (b'{"title": "no text"}', "E810"),
        (b'{"text": ""}', "E810"),
        (b'{"text": 5}', "E810"),
        (b'{"text": "North Korea threatened Japan.", "date": "soon"}', "E810"),
        (b'{"text": "North Korea threatened Japan.", "store": true}', "E810"),
        (b"\xff\xfe", "E810"),
        (b'{"text": "   \\n  "}', "E203"),
    ],
)
def test_bad_bodies_are_422(coding_client: TestClient, body: bytes, code: str) -> None:
    answer = coding_client.post("/api/code", content=body, headers={"content-type": "application/json"})
    assert answer.status_code == 422
    assert answer.json()["error"]["code"] == code


def test_large_bodies_and_texts_are_413(coding_client: TestClient) -> None:
    # the conftest's coding server takes bodies up to 20,000 bytes and texts up to 5,000 characters
    huge = coding_client.post("/api/code", json={"text": "word " * 5000})
    assert huge.status_code == 413 and huge.json()["error"]["code"] == "E804"
    long_text = coding_client.post("/api/code", json={"text": "North Korea threatened Japan. " * 200})
    assert long_text.status_code == 413 and "5,000" in long_text.json()["error"]["message"]

    def chunks() -> Iterator[bytes]:  # no Content-Length: the body is counted as it arrives
        yield b'{"text": "'
        for _ in range(100):
            yield b"x" * 1000
        yield b'"}'

    streamed = coding_client.post("/api/code", content=chunks(), headers={"content-type": "application/json"})
    assert streamed.status_code == 413 and streamed.json()["error"]["code"] == "E804"


def test_a_flood_of_texts_gets_429_with_retry_after_and_reads_go_on(api_db: Path, coder: Coder) -> None:
    # one text coded at a time and one waiting: of 30 sent at once, most are refused at once
    app = create_app(ApiSettings(api_db, allow_code=True, code_queue=1), coder=coder)
    article = {"text": TEXT * 40, "date": "2017-08-04"}
    with live_server(app) as base:

        async def flood() -> tuple[list[httpx.Response], list[tuple[float, int]]]:
            limits = httpx.Limits(max_connections=50)
            async with httpx.AsyncClient(base_url=base, timeout=120, limits=limits) as client:
                posts = [asyncio.create_task(client.post("/api/code", json=article)) for _ in range(30)]
                health = []
                while not all(post.done() for post in posts):
                    clock = time.monotonic()
                    answer = await client.get("/api/health")
                    health.append((time.monotonic() - clock, answer.status_code))
                return await asyncio.gather(*posts), health

        posts, health = asyncio.run(flood())
    statuses = [answer.status_code for answer in posts]
    assert set(statuses) == {200, 429} and statuses.count(200) >= 2
    refused = [answer for answer in posts if answer.status_code == 429]
    assert all(answer.json()["error"]["code"] == "E813" and int(answer.headers["retry-after"]) >= 1 for answer in refused)
    coded = [answer.json() for answer in posts if answer.status_code == 200]
    assert all(answer["events"] and answer["stored"] is False for answer in coded)
    assert health and all(status == 200 for _, status in health)
    assert max(seconds for seconds, _ in health) < 5  # no thread waits for the coder: reads are answered meanwhile


def _children(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (Linux /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # it ended while we looked
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="counts processes through Linux's /proc")
def test_standoff_serve_codes_in_a_process_of_its_own(api_db: Path, tmp_path: Path) -> None:
    # a coding thread in the server would take the interpreter's lock from the threads that answer reads
    with serve_process(api_db, tmp_path / "serve.log", "--allow-code") as (base, server):
        coders = _children(server.pid)
        answer = httpx.post(f"{base}/api/code", json={"text": TEXT, "date": "2017-08-04"}, timeout=120)
        assert answer.status_code == 200 and {e["trigger"] for e in answer.json()["events"]} >= {"threatened", "condemned"}
        assert len(coders) >= 1 and set(coders) <= set(_children(server.pid))
    deadline = time.monotonic() + 30
    while any(Path(f"/proc/{pid}").exists() for pid in coders) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(Path(f"/proc/{pid}").exists() for pid in coders)  # they end with the server
