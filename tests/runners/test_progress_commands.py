"""Long commands show progress on standard error when it is no terminal, and keep standard output for their results."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from standoff.cli import main


@pytest.fixture(autouse=True)
def every_batch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("standoff.progress.LINE_SECONDS", 0.0)  # a line for every batch, however quick


def test_ingest_reports_each_batch_on_standard_error(tmp_path: Path, make_article, jsonl) -> None:
    feed = jsonl(tmp_path / "feed.jsonl", [make_article(n) for n in range(6)])
    result = CliRunner().invoke(main, ["ingest", str(feed), "--db", str(tmp_path / "s.duckdb"), "--workers", "1", "--batch-size", "2"])
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert lines[0].startswith("ingest: 1 articles, ") and lines[-1].startswith("ingest: 6 articles, ")
    assert all(" events, 0 failures, " in line and "articles/s" in line for line in lines)
    assert result.stdout.startswith("run 1: 6 articles read, 6 new")  # the summary alone on standard output


def test_code_to_a_file_reports_progress_and_prints_only_events(tmp_path: Path, make_article, jsonl) -> None:
    feed = jsonl(tmp_path / "feed.jsonl", [make_article(n) for n in range(3)])
    result = CliRunner().invoke(main, ["code", str(feed), "--workers", "1"])
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert events and result.stderr.splitlines()[-1].startswith(f"code: 3 articles, {len(events)} events, ")
