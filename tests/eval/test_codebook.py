"""CAMEO codebook examples: the root of the most confident event, per gold root."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from standoff.errors import BadGoldFile
from standoff.eval.codebook import read_codebook, score_codebook


def example(example_id: str, code: str | None, usable: bool = True) -> dict:
    return {"id": example_id, "text": f"Example {example_id}.", "date": None, "usable": usable,
            "events": [{"source": None, "target": None, "code": code, "plover": None}]}  # fmt: skip


def write(tmp_path: Path, examples: list[dict]) -> Path:
    path = tmp_path / "codebook.jsonl"
    path.write_text("\n".join(json.dumps(e) for e in examples) + "\n", encoding="utf-8")
    return path


EXAMPLES = [example("a", "190"), example("b", "1823"), example("c", "193"), example("d", "0211"), example("e", "036"),
            example("off", "111", usable=False), example("f", "195")]  # fmt: skip


def test_only_usable_examples_are_read(tmp_path: Path) -> None:
    examples, unusable = read_codebook(write(tmp_path, EXAMPLES))
    assert [e.gold.id for e in examples] == ["a", "b", "c", "d", "e", "f"]
    assert unusable == 1
    assert examples[3].code == "0211"


def test_a_usable_example_needs_a_code(tmp_path: Path) -> None:
    path = write(tmp_path, [example("a", "190"), example("b", None)])
    with pytest.raises(BadGoldFile, match="exactly one event") as info:
        read_codebook(path)
    assert info.value.line == 2


def test_root_of_the_most_confident_event(tmp_path: Path, coded) -> None:
    examples, unusable = read_codebook(write(tmp_path, EXAMPLES))
    results = [
        coded.result("a", coded.event(None, None, "193", 0.9), coded.event(None, None, "0211", 0.2)),  # right
        coded.result("b", coded.event(None, None, "193", 0.9), coded.event(None, None, "1823", 0.5)),  # wrong: 19 on top
        coded.result("c", coded.event(None, None, "173", 0.9)),  # wrong: 17
        coded.result("d"),  # no event
        coded.result("e", coded.event(None, None, "036")),
        # "f" has no result at all: scored as no event
    ]
    report = score_codebook(examples, unusable, results)
    assert (report.root_right.hits, report.root_right.total) == (2, 6)
    assert report.root_any.hits == 3
    assert report.by_root["19"].support == 3 and report.by_root["19"].correct == 1
    assert report.by_root["19"].wrong == (("17", 1), ("none", 1))
    assert report.by_root["18"].wrong == (("19", 1),)
    assert report.by_root["02"].wrong == (("none", 1),)
    assert [m.id for m in report.misses] == ["b", "c", "d", "f"]
    table = report.to_text(by="root")
    assert any(line.split()[:4] == ["19", "3", "1", "0.333"] and "17 x1, none x1" in line for line in table.splitlines())
    failures = report.to_text(failures=True)
    assert "c: 193, got 173" in failures and "d: 0211, got no event" in failures
    with pytest.raises(ValueError, match="--by type"):
        report.to_text(by="type")
