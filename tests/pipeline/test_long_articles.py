"""Articles longer than the parser takes at once are parsed in pieces and coded as one text."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

from click.testing import CliRunner

import standoff.nlp
from standoff.cli import main
from standoff.model import Article
from standoff.records import event_record
from standoff.store import Store
from standoff.text.pieces import pieces

COUNTRIES = ("Russia", "China", "Japan", "Germany", "France", "Iran", "Israel", "Turkey", "India", "Pakistan", "Egypt", "Brazil")
SENTENCES = (
    "{a} accused {b} of violating the ceasefire on {day}.",
    "{a} launched a missile at {b} on {day}.",
    "The president of {a} met the prime minister of {b} in Geneva on {day}.",
    "{a} praised {b} for its help on {day}.",
    "{a} threatened {b} with military action on {day}.",
    "{a} imposed sanctions on {b} on {day}.",
)
ORDINARY = {
    "a-short.txt": "Japan's foreign minister telephoned his South Korean counterpart on Monday.\n\nNo one was hurt.",
    "c-short.txt": "North Korea launched a ballistic missile on Tuesday, the Japanese defence ministry said.",
}


def long_text(characters: int) -> str:
    """Paragraphs of three sentences about ever other pairs of countries and days, so that
    every sentence is an event of its own (none repeats an earlier one)."""
    paragraphs, size, number, day = [], 0, 0, date(1950, 1, 1)
    while size < characters:
        sentences = []
        for _ in range(3):
            a, b = COUNTRIES[number % 12], COUNTRIES[(number // 12 + number + 1) % 12]
            if a == b:
                b = COUNTRIES[(number + 1) % 12]
            sentences.append(SENTENCES[number % len(SENTENCES)].format(a=a, b=b, day=f"{day:%B} {day.day}, {day.year}"))
            number, day = number + 1, day + timedelta(days=1)
        paragraphs.append(" ".join(sentences))
        size += len(paragraphs[-1]) + 2
    return "\n\n".join(paragraphs)


def test_an_article_cut_into_pieces_is_coded_as_the_whole(coder, monkeypatch):
    article = Article("long", long_text(12_000), date(2024, 1, 1))
    whole = [event_record(e, article) for e in next(coder.code([article])).events]
    monkeypatch.setattr(standoff.nlp, "PIECE_CHARACTERS", 2_000)
    assert len(pieces(article.text, 2_000)) >= 6
    cut = [event_record(e, article) for e in next(coder.code([article])).events]
    assert cut == whole  # the same offsets, sentence numbers and ids
    assert max(e["trigger_start"] for e in cut) > 10_000
    starts = {e["sentence_index"]: e["start"] for e in cut}
    assert sorted(starts.values()) == [starts[i] for i in sorted(starts)]  # numbered in reading order
    assert all(article.text[e["trigger_start"] : e["trigger_end"]] == e["trigger"] for e in cut)


def test_code_prints_the_events_of_every_piece(tmp_path, monkeypatch):
    path = tmp_path / "long.txt"
    path.write_text(long_text(8_000), encoding="utf-8")
    monkeypatch.setattr(standoff.nlp, "PIECE_CHARACTERS", 2_000)
    result = CliRunner().invoke(main, ["code", str(path), "--date", "2024-01-01"])
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert max(e["trigger_start"] for e in events) > 6_000
    assert len({e["id"] for e in events}) == len(events)


def test_ingest_stores_a_long_article_with_the_others(tmp_path: Path):
    folder = tmp_path / "feed"
    folder.mkdir()
    (folder / "b-long.txt").write_text(long_text(1_500_000), encoding="utf-8")
    for name, text in ORDINARY.items():
        (folder / name).write_text(text, encoding="utf-8")
    db = tmp_path / "s.duckdb"
    result = CliRunner().invoke(main, ["ingest", str(folder), "--db", str(db), "--date", "2024-01-01", "--workers", "1"])
    assert result.exit_code == 0, result.output
    with Store(db, read_only=True) as store:
        articles = {row["id"]: row for row in store.fetch("SELECT id, length(text) AS size FROM articles").to_pylist()}
        last = store.fetch("SELECT max(trigger_start) AS last, count(*) AS n FROM events WHERE article_id = 'b-long'").to_pylist()[0]
        failures = store.fetch("SELECT count(*) AS n FROM failures").to_pylist()[0]["n"]
    assert set(articles) == {"a-short", "b-long", "c-short"} and articles["b-long"]["size"] >= 1_500_000
    assert last["last"] > 1_000_000 and last["n"] > 10_000
    assert failures == 0
