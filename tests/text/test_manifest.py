"""A manifest of file names and dates, and which date an article keeps when it has several."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from standoff.cli import main
from standoff.errors import BadDate, MalformedRecord, MissingColumn
from standoff.model import DateSource
from standoff.text.manifest import read_manifest
from standoff.text.readers import ReadOptions, read_articles

LISTED, DATELINE, FALLBACK = date(2017, 9, 1), date(2017, 9, 3), date(2017, 9, 5)
WITH_DATELINE = "SEOUL, Sept 3 (Wire) - North Korea fired a missile over Japan on Sunday.\n"
PLAIN = "North Korea fired a missile over Japan on Sunday.\n"


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    (folder / "2017").mkdir(parents=True)
    (folder / "listed.txt").write_text(WITH_DATELINE, encoding="utf-8")
    (folder / "2017" / "nested.txt").write_text(PLAIN, encoding="utf-8")
    (folder / "dateline.txt").write_text(WITH_DATELINE, encoding="utf-8")
    (folder / "plain.txt").write_text(PLAIN, encoding="utf-8")
    (folder / "dates.csv.manifest").write_text("file,date\nlisted.txt,2017-09-01\n2017/nested.txt,2017-09-01\n", encoding="utf-8")
    return folder


def test_a_manifest_row_wins_then_the_dateline_then_the_fallback(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    options = ReadOptions(manifest=read_manifest(folder / "dates.csv.manifest"))
    articles = {a.id: (a.published, a.date_source) for a in read_articles([str(folder)], FALLBACK, options=options)}
    assert articles == {
        "2017/nested": (LISTED, DateSource.MANIFEST),
        "dateline": (DATELINE, DateSource.DATELINE),
        "listed": (LISTED, DateSource.MANIFEST),  # over its own dateline
        "plain": (FALLBACK, DateSource.FALLBACK),
    }


def test_without_any_date_an_article_has_none(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text(PLAIN, encoding="utf-8")
    [article] = read_articles([str(path)])
    assert (article.published, article.date_source) == (None, None)


def test_a_record_date_wins_over_its_dateline(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    records = [{"id": "a", "text": WITH_DATELINE, "date": "2017-09-01"}, {"id": "b", "text": WITH_DATELINE}]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    found = [(a.published, a.date_source) for a in read_articles([str(path)], FALLBACK)]
    assert found == [(LISTED, DateSource.RECORD), (DATELINE, DateSource.DATELINE)]


def test_a_file_name_alone_finds_its_row(tmp_path: Path) -> None:
    manifest_path = tmp_path / "m.csv"
    manifest_path.write_text("file,date\nreport.txt,2017-09-01\n", encoding="utf-8")
    manifest = read_manifest(manifest_path)
    assert manifest.date_of(tmp_path / "elsewhere" / "report.txt") == LISTED
    assert manifest.date_of(tmp_path / "other.txt") is None


@pytest.mark.parametrize(
    ("content", "error", "line"),
    [
        ("name,when\na.txt,2017-09-01\n", MissingColumn, 1),
        ("file,date\na.txt,2017-09-01\nb.txt,1 Sept\n", BadDate, 3),
        ("file,date\na.txt,2017-09-01\na.txt,2017-09-02\n", MalformedRecord, 3),
        ("file,date\na.txt\n", MalformedRecord, 2),
    ],
)
def test_a_bad_manifest_names_the_file_and_line(tmp_path: Path, content: str, error: type, line: int) -> None:
    path = tmp_path / "m.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(error) as raised:
        read_manifest(path)
    assert (raised.value.file, raised.value.line) == (str(path), line)


def test_the_command_takes_a_manifest_and_says_how_many_articles_have_no_date(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    result = CliRunner().invoke(main, ["code", str(folder), "--manifest", str(folder / "dates.csv.manifest")])
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in result.stdout.splitlines()]
    dates = {e["article_id"]: e["event_date"] for e in events if e["trigger"] == "fired"}
    # "on Sunday" before the manifest's date; a dateline without a year, and no --date, gives no date
    assert dates == {"2017/nested": "2017-08-27", "listed": "2017-08-27", "dateline": None, "plain": None}
    assert "2 articles have no publication date" in result.stderr
