"""An article that cannot be coded, whatever the reason, fails alone: the batch goes on, and a
bug is recorded as one and makes the command exit with an error at the end."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

import standoff.pipeline
from standoff.cli import main
from standoff.errors import Bug
from standoff.model import Article
from standoff.store import Store

TEXTS = {
    "a": "Japan's foreign minister telephoned his South Korean counterpart on Monday.",
    "b": "China imposed sanctions on Japan on Tuesday.",
    "c": "North Korea launched a ballistic missile on Tuesday, the Japanese defence ministry said.",
}


@pytest.fixture
def bug_in_b(monkeypatch):
    """A coding stage (attributing quotes) that raises for article b only."""
    real = standoff.pipeline.attribute_quotes

    def broken(article, *args):
        if article.id == "b":
            raise RuntimeError("injected for the test")
        return real(article, *args)

    monkeypatch.setattr(standoff.pipeline, "attribute_quotes", broken)


def articles() -> list[Article]:
    return [Article(key, text, date(2024, 1, 5)) for key, text in TEXTS.items()]


def test_a_bug_in_one_article_becomes_its_failure(coder, bug_in_b, caplog):
    with caplog.at_level(logging.ERROR, logger="standoff.pipeline"):
        results = {r.article.id: r for r in coder.code(articles())}
    assert results["a"].events and results["c"].events and not results["a"].failures
    (failure,) = results["b"].failures
    assert (failure.article_id, failure.stage, failure.code) == ("b", "code", Bug.code)
    assert "RuntimeError: injected for the test" in failure.message and not results["b"].events
    assert "injected for the test" in caplog.text and "Traceback" in caplog.text


def test_a_text_that_breaks_the_parser_fails_alone(coder, monkeypatch):
    real = standoff.pipeline.parse

    def parse(texts, batch_size=64):
        texts = list(texts)
        if any("sanctions" in text for text in texts):
            raise ValueError("the parser gave up")
        return real(texts, batch_size)

    monkeypatch.setattr(standoff.pipeline, "parse", parse)
    results = {r.article.id: r for r in coder.code(articles())}
    assert results["a"].events and results["c"].events
    assert [(f.stage, f.code) for f in results["b"].failures] == [("parse", Bug.code)]


def write(folder: Path) -> Path:
    folder.mkdir()
    for key, text in TEXTS.items():
        (folder / f"{key}.txt").write_text(text, encoding="utf-8")
    return folder


def test_code_prints_the_other_articles_and_exits_with_an_error(tmp_path, bug_in_b):
    folder = write(tmp_path / "in")
    result = CliRunner().invoke(main, ["code", str(folder), "--date", "2024-01-05"])
    assert result.exit_code == 1
    assert {line.split('"article_id": "')[1][0] for line in result.stdout.splitlines()} == {"a", "c"}
    assert f"[{Bug.code}] b: a bug in standoff (RuntimeError: injected for the test)" in result.stderr
    assert "1 article(s) could not be coded because of a bug" in result.stderr


def test_ingest_stores_the_other_articles_records_the_bug_and_exits_with_an_error(tmp_path, bug_in_b, monkeypatch):
    folder = write(tmp_path / "in")
    db = tmp_path / "s.duckdb"
    result = CliRunner().invoke(main, ["ingest", str(folder), "--db", str(db), "--date", "2024-01-05"])
    assert result.exit_code == 1, result.output
    assert "could not be coded because of a bug" in result.stderr
    with Store(db, read_only=True) as store:
        assert sorted(store.fetch("SELECT id FROM articles").column("id").to_pylist()) == ["a", "c"]
        failures = store.fetch("SELECT article_id, stage, code FROM failures").to_pylist()
    assert failures == [{"article_id": "b", "stage": "code", "code": Bug.code}]
    # Once the bug is gone, the next run codes the article that failed.
    monkeypatch.undo()
    again = CliRunner().invoke(main, ["ingest", str(folder), "--db", str(db), "--date", "2024-01-05"])
    assert again.exit_code == 0, again.output
    with Store(db, read_only=True) as store:
        assert sorted(store.fetch("SELECT id FROM articles").column("id").to_pylist()) == ["a", "b", "c"]
