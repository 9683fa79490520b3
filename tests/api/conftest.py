"""A small real store for the API tests: articles written here, coded and stored by the real ingest.

USA and North Korea trade words for weeks, then North Korea's conflict with the United States
surges in the week of 2017-08-07 (a surge alert; two outlets report one accusation, an incident
with two sources). One article carries markup meant to run in a
browser; one has a character outside the Basic Multilingual Plane before its event.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from standoff.api import ApiSettings, create_app
from standoff.pipeline import Coder
from standoff.runners.local import ingest

BASE_URL = "http://127.0.0.1"
HOSTILE_ID = "hostile-1"
EMOJI_ID = "emoji-1"

ARTICLES = [
    ("calm-01", "2017-06-06", "Wire One", "Talks", "The United States praised North Korea for its help.\n\nRussia praised China for its help."),
    ("calm-02", "2017-06-13", "Wire Two", "Words", "North Korea accused the United States of violating the ceasefire on Monday."),
    ("calm-03", "2017-06-20", "Wire One", "Sanctions", "The United States imposed sanctions on North Korea."),
    ("calm-04", "2017-06-27", "Daily Three", "Praise", "China praised North Korea for its help.\n\nJapan accused North Korea of violating the ceasefire on Monday."),
    ("calm-05", "2017-07-04", "Wire Two", "Visit", "The president of Russia met the prime minister of Japan in Geneva on Tuesday."),
    ("calm-06", "2017-07-11", "Wire One", "Help", "The United States praised Japan for its help."),
    ("calm-07", "2017-07-18", "Daily Three", "Quiet", "Russia praised North Korea for its help."),
    ("surge-01", "2017-08-08", "Wire One", "Threat", "North Korea threatened the United States with military action on Tuesday."),
    ("surge-02", "2017-08-09", "Wire Two", "Accusation", "North Korea accused the United States of plotting a war on Wednesday."),
    ("surge-02b", "2017-08-09", "Daily Three", "Same story", "North Korea accused the United States of plotting a war on Wednesday, officials said."),
    ("surge-03", "2017-08-10", "Daily Three", "Missile", "North Korea launched a missile at the United States on Thursday."),
    ("surge-04", "2017-08-11", "Wire One", "Condemnation", "North Korea condemned the United States on Friday."),
    (
        HOSTILE_ID, "2017-08-12", "Evil <b>Wire</b>", "<img src=x onerror=\"window.__pwned='title'\">",
        "North Korea accused the United States of plotting a war on Saturday. <script>window.__pwned = 'script';</script>\n\n"
        "<img src=x onerror=\"window.__pwned='img'\">\n\n"
        "The United States condemned North Korea on Saturday, officials said <img src=x onerror=\"window.__pwned='sentence'\">.",
    ),
    (EMOJI_ID, "2017-08-04", "Wire Two", "Launch \U0001F680", "\U0001F680\U0001F680 Breaking news.\n\nNorth Korea threatened Japan with military action on Friday."),
]


# For the map and the network: events in cities of several countries and provinces, one at sea,
# some with no place; actors of each kind.
MAP_ARTICLES = [
    ("map-01", "2018-03-05", "Wire One", "Shelling", "Syrian government forces shelled rebel positions in Aleppo on Monday."),
    ("map-02", "2018-03-06", "Wire Two", "Attack", "Syrian troops attacked rebels in Aleppo on Tuesday.\n\nTurkey condemned Syria in Ankara on Tuesday."),
    ("map-03", "2018-03-07", "Wire One", "Agreement", "Russia and Japan signed an agreement in Geneva on Wednesday."),
    ("map-04", "2018-03-08", "Daily Three", "Missile", "North Korea fired a missile into the Sea of Japan on Thursday."),
    ("map-05", "2018-03-09", "Wire Two", "Accusation", "Ukraine accused Russia of shelling Donetsk on Friday."),
    ("map-06", "2018-03-10", "Wire One", "Praise", "China praised Pakistan for its help on Saturday."),
    ("map-07", "2018-03-11", "Daily Three", "Sanctions", "The United States imposed sanctions on Syria in Washington on Sunday."),
    ("map-08", "2018-03-12", "Wire One", "Raid", "Rebels attacked Syrian soldiers in Damascus on Monday."),
    # Turkey and Syria: three events in 2018 and one from the archive, decades before
    ("map-00", "1975-04-01", "Archive", "Border", "Turkey accused Syria of violating the border on Tuesday."),
    ("map-09", "2018-03-20", "Wire Two", "Threat", "Turkey threatened Syria with military action on Tuesday."),
    ("map-10", "2018-04-02", "Wire One", "Condemnation", "Turkey condemned Syria on Monday."),
    # an intergovernmental body, an NGO and an armed group
    ("map-11", "2018-03-13", "Wire Two", "UN", "The United Nations condemned Syria on Tuesday."),
    ("map-12", "2018-03-14", "Daily Three", "Report", "Amnesty International accused Syria of torture on Wednesday."),
    ("map-13", "2018-03-15", "Wire One", "Mosul", "Islamic State fighters attacked Iraqi troops in Mosul on Thursday."),
]


def write_articles(path: Path, articles: list[tuple[str, str, str, str, str]] = ARTICLES) -> Path:
    records = [{"id": i, "date": d, "source": s, "title": t, "text": x} for i, d, s, t, x in articles]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def api_db(tmp_path_factory: pytest.TempPathFactory, coder: Coder) -> Path:
    folder = tmp_path_factory.mktemp("api")
    db = folder / "api.duckdb"
    ingest([write_articles(folder / "articles.jsonl")], db, coder=coder)
    return db


@pytest.fixture(scope="session")
def map_db(tmp_path_factory: pytest.TempPathFactory, coder: Coder) -> Path:
    folder = tmp_path_factory.mktemp("map")
    db = folder / "map.duckdb"
    ingest([write_articles(folder / "articles.jsonl", MAP_ARTICLES)], db, coder=coder)
    return db


@pytest.fixture(scope="session")
def client(api_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(ApiSettings(api_db)), base_url=BASE_URL) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def map_client(map_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(ApiSettings(map_db)), base_url=BASE_URL) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def coding_client(api_db: Path, coder: Coder) -> Iterator[TestClient]:
    settings = ApiSettings(api_db, allow_code=True, max_body_bytes=20_000, max_code_chars=5_000)
    with TestClient(create_app(settings, coder=coder), base_url=BASE_URL) as test_client:
        yield test_client


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def live_server(app: FastAPI) -> Iterator[str]:
    """``app`` served by a real uvicorn on a free loopback port, in a thread of this process; its base URL."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)


@contextmanager
def serve_process(db: Path, log: Path, *options: str) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """`standoff serve` on a free loopback port, as a process of its own; its base URL and the process."""
    port = free_port()
    command = [sys.executable, "-m", "standoff.cli", "serve", "--db", str(db), "--port", str(port), *options]
    with log.open("w") as out:  # a file, not a pipe: a full pipe would stop the server
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180  # --allow-code loads the model before listening
        while True:
            try:
                if httpx.get(f"{base}/api/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"standoff serve did not start:\n{log.read_text()}")
            time.sleep(0.2)
        yield base, process
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=30)
