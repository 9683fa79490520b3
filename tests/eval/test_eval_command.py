"""`standoff eval` end to end on the real coder: each set told by its content, text and JSON."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from standoff.cli import main

def run(*args: str | Path) -> str:
    result = CliRunner().invoke(main, ["eval", *map(str, args)])
    assert result.exit_code == 0, result.output
    return result.output


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


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
    report = json.loads(run(codebook, "--json"))
    assert (report["set"], report["examples"], report["unusable"]) == ("codebook", 1, 1)

    petrarch = write_jsonl(tmp_path / "c.jsonl", [
        {"id": "d1", "text": text, "date": "20230313", "events": [{"source": "RUSMIL", "target": "UKR", "code": "194"}], "expect": "events"},
        {"id": "d2", "text": "The weather was fine on Monday.", "date": "20230313", "events": [], "expect": "no_events"},
    ])  # fmt: skip
    report = json.loads(run(petrarch, "--level", "exact", "--json"))
    assert report["set"] == "petrarch" and report["full_event"]["total"] == 1
    assert report["sentences"]["no_event"]["total"] == 1
    assert "PETRARCH's own check" in run(petrarch, "--failures")


def test_options_that_do_not_apply_are_refused_before_coding(tmp_path: Path) -> None:
    sentences = write_jsonl(tmp_path / "s.jsonl", [{"id": "s", "text": "t", "events": [{"penta_class": 3}]}])
    for args in ([sentences, "--by", "type"], [sentences, "--failures"], [sentences, "--set", "plover", "--by", "root"]):
        result = CliRunner().invoke(main, ["eval", *map(str, args)])
        assert result.exit_code == 2 and "does not apply" in result.output
    result = CliRunner().invoke(main, ["eval", str(tmp_path / "missing.jsonl")])
    assert result.exit_code == 2
