"""Telling gold sets apart by their content, and the names the command line offers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from standoff.cli import EVAL_BREAKDOWNS, EVAL_SETS
from standoff.eval.sets import BREAKDOWNS, LISTS_FAILURES, SETS, detect_set

RECORDS = {
    "actors": {"id": "a", "text": "Armenian Prime Minister", "method": "agent_to_code", "expect": {"country": "ARM"}},
    "plover": {"id": "p", "text": "t", "events": [], "plover": {"event": "AGREE", "source": [], "target": []}},
    "codebook": {"id": "c", "text": "t", "events": [{"code": "010"}], "usable": True},
    "petrarch": {"id": "d", "text": "t", "events": [], "expect": "no_events"},
    "sentences": {"id": "s", "text": "t", "events": [{"penta_class": 3}]},
}


@pytest.mark.parametrize("name", sorted(RECORDS))
def test_each_set_is_told_by_its_first_record(tmp_path: Path, name: str) -> None:
    path = tmp_path / "gold.jsonl"  # the same name for every set: the content decides
    path.write_text("\n" + json.dumps(RECORDS[name]) + "\n", encoding="utf-8")
    assert detect_set(path) == name


def test_a_folder_is_a_whole_article_set_and_unreadable_files_fall_back(tmp_path: Path) -> None:
    assert detect_set(tmp_path) == "articles"
    broken = tmp_path / "broken.jsonl"
    broken.write_text("{not json\n", encoding="utf-8")
    assert detect_set(broken) == "sentences"  # the reader then names the bad line


def test_the_command_line_offers_every_set_and_breakdown() -> None:
    assert set(EVAL_SETS) == set(SETS) == set(BREAKDOWNS)
    assert set(EVAL_BREAKDOWNS) == {by for names in BREAKDOWNS.values() for by in names}
    assert LISTS_FAILURES <= set(SETS)
