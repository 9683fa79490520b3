"""`standoff serve`: refuses what it cannot serve before it listens."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from standoff.cli import main


def test_serve_without_a_store_says_so(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "missing.duckdb"), "--port", "8765"])
    assert result.exit_code == 1
    assert "E601" in result.output and "standoff ingest" in result.output


def test_serve_checks_its_port() -> None:
    result = CliRunner().invoke(main, ["serve", "--port", "70000"])
    assert result.exit_code == 2 and "70000" in result.output
