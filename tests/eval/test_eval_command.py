"""`standoff eval` end to end on the real coder: each set told by its content, text and JSON."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from standoff.cli import main

ARTICLES = Path(__file__).parent.parent / "fixtures" / "articles"


def run(*args: str | Path) -> str:
    result = CliRunner().invoke(main, ["eval", *map(str, args)])
    assert result.exit_code == 0, result.output
    return result.stdout


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


def test_whole_articles(tmp_path: Path) -> None:
    report = json.loads(run(ARTICLES, "--format", "json"))
    assert report["set"] == "articles"
    assert (report["articles"], report["required"]) == (3, 11)
    assert report["recall_strict"]["hits"] <= report["recall"]["hits"] <= 11
    assert [row["id"] for row in report["by_article"]] == ["a01-border-shelling", "a02-caucasus-talks", "a03-rights-report"]
    assert sum(b["count"] for b in report["confidence"]) == report["events"] > 0
    assert report["precision"]["total"] == sum(row["triples"] for row in report["by_article"])
    # The shelling is plain enough for today's coder; a regression here is a real one.
    assert report["by_article"][0]["found_strict"] >= 1
    assert json.loads(run(ARTICLES, "--json")) == report  # the deprecated name still works
    text = run(ARTICLES, "--by", "article", "--failures")
    assert "a02-caucasus-talks" in text and "required events not found in their sentence" in text
    table = tmp_path / "calibration.tsv"
    fitted = run(ARTICLES, "--fit-confidence", table)
    assert "fitted on 2 even records" in fitted and "checked on 1 odd records" in fitted
    assert "the even records of articles" in table.read_text(encoding="utf-8")


def test_sentence_sets_are_told_apart(tmp_path: Path) -> None:
    text = "Russian forces shelled the Ukrainian city of Kharkiv on Monday."
    plover = write_jsonl(tmp_path / "a.jsonl", [{
        "id": "p1", "text": text, "date": None, "events": [{"source": "RUSMIL", "target": "UKR", "code": "194", "plover": "FIGHT"}],
        "plover": {"event": "FIGHT", "source": [{"actorText": "Russian forces"}], "target": [], "eventLoc": {"name": "Kharkiv"}},
    }])  # fmt: skip
    report = json.loads(run(plover, "--format", "json"))
    assert report["set"] == "plover" and report["places"]["sentences"] == 1
    assert report["type_right"]["total"] == 1 and report["events"]["support"] == 1
    assert "by PLOVER type" in run(plover, "--by", "type")
    assert json.loads(run(plover, "--set", "sentences", "--format", "json"))["set"] == "sentences"

    codebook = write_jsonl(tmp_path / "b.jsonl", [
        {"id": "c1", "text": text, "events": [{"code": "194"}], "usable": True},
        {"id": "c2", "text": "Fragment of", "events": [{"code": "010"}], "usable": False},
    ])  # fmt: skip
    report = json.loads(run(codebook, "--format", "json"))
    assert (report["set"], report["examples"], report["unusable"]) == ("codebook", 1, 1)

    petrarch = write_jsonl(tmp_path / "c.jsonl", [
        {"id": "d1", "text": text, "date": "20230313", "events": [{"source": "RUSMIL", "target": "UKR", "code": "194"}], "expect": "events"},
        {"id": "d2", "text": "The weather was fine on Monday.", "date": "20230313", "events": [], "expect": "no_events"},
    ])  # fmt: skip
    report = json.loads(run(petrarch, "--level", "exact", "--format", "json"))
    assert report["set"] == "petrarch" and report["full_event"]["total"] == 1
    assert report["sentences"]["no_event"]["total"] == 1
    assert "PETRARCH's own check" in run(petrarch, "--failures")


def test_options_that_do_not_apply_are_refused_before_coding(tmp_path: Path) -> None:
    sentences = write_jsonl(tmp_path / "s.jsonl", [{"id": "s", "text": "t", "events": [{"penta_class": 3}]}])
    for args in ([ARTICLES, "--by", "type"], [sentences, "--failures"], [ARTICLES, "--set", "plover", "--by", "root"]):
        result = CliRunner().invoke(main, ["eval", *map(str, args)])
        assert result.exit_code == 2 and "does not apply" in result.output
    result = CliRunner().invoke(main, ["eval", str(tmp_path / "missing.jsonl")])
    assert result.exit_code == 2


def test_json_is_a_deprecated_name_of_format_json():
    result = CliRunner().invoke(main, ["eval", str(ARTICLES), "--json", "--limit", "1"])
    assert result.exit_code == 0, result.output
    assert "warning: --json is deprecated and will go in the next release; use --format json" in result.stderr
    assert json.loads(result.stdout)["set"] == "articles"
