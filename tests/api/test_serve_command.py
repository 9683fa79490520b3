"""`standoff serve`: refuses what it cannot serve before it listens, and says who else can reach it."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from fastapi.testclient import TestClient

from standoff.api import ApiSettings, create_app
from standoff.api.settings import LOOPBACK_HOSTS, exposure, hosts_to_answer
from standoff.cli import main


def test_serve_without_a_store_says_so(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "missing.duckdb"), "--port", "8765"])
    assert result.exit_code == 1
    assert "E601" in result.output and "standoff ingest" in result.output


def test_serve_checks_its_port() -> None:
    result = CliRunner().invoke(main, ["serve", "--port", "70000"])
    assert result.exit_code == 2 and "70000" in result.output


def test_network_servers_answer_any_host_unless_told_which() -> None:
    assert hosts_to_answer("127.0.0.1") == LOOPBACK_HOSTS
    assert hosts_to_answer("0.0.0.0") is None
    assert hosts_to_answer("0.0.0.0", ("Events.Example.org",)) == (*LOOPBACK_HOSTS, "events.example.org")
    assert hosts_to_answer("192.168.1.5", ("events.example.org",)) == (*LOOPBACK_HOSTS, "192.168.1.5", "events.example.org")
    assert "127.0.0.1" in hosts_to_answer("127.0.0.1", ("proxy.example.org",))


def test_the_warning_says_what_anyone_can_do() -> None:
    assert exposure("127.0.0.1", True, LOOPBACK_HOSTS) is None
    reading = exposure("0.0.0.0", False, None)
    assert "read the store" in reading and "post articles" not in reading and "--allowed-host" in reading
    coding = exposure("0.0.0.0", True, ("events.example.org",))
    assert "post articles to be coded (--allow-code)" in coding and "only requests to events.example.org" in coding


def test_named_hosts_are_answered_and_others_refused(api_db: Path) -> None:
    settings = ApiSettings(api_db, allowed_hosts=hosts_to_answer("0.0.0.0", ("events.example.org",)))
    with TestClient(create_app(settings), base_url="http://events.example.org") as named:
        assert named.get("/api/health").status_code == 200
        assert named.get("/api/health", headers={"host": "127.0.0.1:8000"}).status_code == 200
        refused = named.get("/api/health", headers={"host": "rebound.example.net"})
        assert refused.status_code == 400 and refused.json()["error"]["code"] == "E808"
