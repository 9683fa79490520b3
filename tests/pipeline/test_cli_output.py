"""The output contract of `standoff code`, through the real command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from standoff.cli import main

REQUIRED_KEYS = {
    "id", "article_id", "sentence_index", "start", "end", "text", "trigger", "source", "source_country",
    "target", "target_country", "cameo", "cameo_root", "goldstein", "quad_class", "plover", "modality",
    "event_date", "confidence", "rule", "complete",
}
ARTICLE = (
    "Photo of the foreign minister\n"
    "Photo of the foreign ministerAFP\n\n"
    "Japan's foreign minister telephoned his South Korean counterpart on Monday.\n\n"
    "North Korea launched a ballistic missile on Tuesday, the Japanese defence ministry said.\n\n"
    "(Our Asia desk is keeping you updated around the clock.)\n"
)


def run(*args: str, stdin: str | None = None) -> list[dict]:
    result = CliRunner().invoke(main, list(args), input=stdin)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_txt_article_events_have_every_key(tmp_path: Path) -> None:
    path = tmp_path / "asia-wire.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    events = run("code", str(path), "--date", "2023-03-08")
    assert events
    for event in events:
        assert REQUIRED_KEYS <= set(event)
        assert event["article_id"] == "asia-wire"
        assert event["cameo_root"] == event["cameo"][:2]
        assert 1 <= event["quad_class"] <= 4
        assert -10 <= event["goldstein"] <= 10
        assert event["text"] in ARTICLE
        assert "AFP" not in event["text"] and "desk" not in event["text"]
    launch = next(e for e in events if e["cameo"].startswith("15"))
    assert launch["source"] == "PRK" and launch["event_date"] == "2023-03-07"
    phone = next(e for e in events if e["cameo"] == "041")
    assert (phone["source"], phone["target"]) == ("JPNGOV", "KORGOV")
    assert phone["event_date"] == "2023-03-06"


def test_jsonl_input_with_published_dates(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [
        {"id": "a1", "text": "Russia accused Ukraine of shelling a border village.", "published": "2024-05-02T10:00:00Z"},
        {"id": "a2", "text": "Iran's foreign minister visited Turkey.", "date": "2015-06-01"},
    ]
    path.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    events = run("code", str(path))
    by_article = {e["article_id"]: e for e in events}
    assert (by_article["a1"]["source"], by_article["a1"]["cameo"], by_article["a1"]["target"]) == ("RUS", "112", "UKR")
    assert by_article["a2"]["source"] == "IRNGOV" and by_article["a2"]["cameo"] == "042"
    assert by_article["a2"]["event_date"] == "2015-06-01"


def test_stdin_and_table_format() -> None:
    result = CliRunner().invoke(main, ["code", "-", "--format", "table", "--date", "2020-01-01"], input="China condemned Japan.")
    assert result.exit_code == 0, result.output
    assert "CHN" in result.output and "111" in result.output


def test_an_event_without_a_known_source_is_flagged_not_dropped() -> None:
    text = "Two rockets were fired at Japan on Thursday. Japan condemned North Korea."
    events = run("code", "-", "--date", "2020-01-02", stdin=text)
    assert [(e["source"], e["target"], e["complete"]) for e in events] == [(None, "JPN", False), ("JPN", "PRK", True)]
    table = CliRunner().invoke(main, ["code", "-", "--format", "table", "--date", "2020-01-02"], input=text)
    assert table.output.count("(incomplete)") == 1


def test_bad_input_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text('{"id": "x", "text": "fine"}\n{not json\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["code", str(path)])
    assert result.exit_code != 0
    assert "feed.jsonl:2" in result.output


def test_quotes_option_prints_speakers(tmp_path: Path) -> None:
    path = tmp_path / "q.txt"
    path.write_text('Turkish President Recep Tayyip Erdogan said: "We will not bow to threats."\n', encoding="utf-8")
    quotes = run("code", str(path), "--quotes", "--date", "2019-10-10")
    assert quotes[0]["text"] == "We will not bow to threats."
    assert quotes[0]["speaker"] == "TURGOV"


def test_unrealised_acts_only_on_request() -> None:
    text = "Turkey did not attack Syria. Iran could impose sanctions on Iraq. Egypt denied attacking Libya."
    plain = run("code", "-", "--date", "2020-01-01", stdin=text)
    assert [(e["source"], e["cameo"]) for e in plain] == [("EGY", "016")]  # only the denial happened
    marked = run("code", "-", "--date", "2020-01-01", "--unrealised", stdin=text)
    found = {(e["source"], e["cameo"][:2], e["target"], e["modality"]) for e in marked}
    assert ("TUR", "19", "SYR", "negated") in found
    assert ("IRN", "16", "IRQ", "hypothetical") in found
    assert ("EGY", "19", "LBY", "denied") in found


@pytest.mark.parametrize("columns", [80, 200])
def test_the_example_table_fits_the_terminal(monkeypatch, columns):
    monkeypatch.setenv("COLUMNS", str(columns))
    result = CliRunner().invoke(main, ["example"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= columns and "sentence" in result.stdout
    assert ("modality" in result.stdout) == (columns >= 120)  # a narrow table leaves out what JSON lines keep
