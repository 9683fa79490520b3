"""docs/actors.md: its worked examples give what it says, and every --actors help points to both formats."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from standoff.cli import main

DOC = Path(__file__).resolve().parents[2] / "docs" / "actors.md"


def _block(language: str, index: int = 0) -> str:
    return re.findall(rf"```{language}\n(.*?)```", DOC.read_text(encoding="utf-8"), re.DOTALL)[index]


def _codes(actor_file: Path, date: str, *texts: str) -> list[str | None]:
    result = CliRunner().invoke(main, ["actor", *texts, "--date", date, "--actors", str(actor_file)])
    assert result.exit_code == 0, result.output
    return [json.loads(line)["code"] for line in result.output.splitlines()]


@pytest.mark.parametrize("command", ["code", "ingest", "eval", "actor"])
def test_the_help_of_actors_names_both_formats(command: str) -> None:
    text = " ".join(CliRunner().invoke(main, [command, "--help"], terminal_width=200).output.split())
    assert "--actors FILE Extra actors: a YAML file or a PETRARCH dictionary" in text


def test_the_yaml_example_codes_as_the_page_says(tmp_path: Path) -> None:
    actors = tmp_path / "my-actors.yaml"
    actors.write_text(_block("yaml"), encoding="utf-8")
    assert _codes(actors, "2019-06-01", "Jane Doe", "Senator Doe") == ["USALEG", "USALEG"]
    assert _codes(actors, "2022-06-01", "Jane Doe", "Acme", "acme", "the NLF") == ["USAGOV", "PANBUS", None, "MLIREB"]


def test_the_petrarch_example_codes_the_same(tmp_path: Path) -> None:
    actors = tmp_path / "my-actors.txt"
    actors.write_text(_block("text", 1), encoding="utf-8")
    assert _codes(actors, "2019-06-01", "Jane Doe", "Senator Doe") == ["USALEG", "USALEG"]
    assert _codes(actors, "2022-06-01", "Jane Doe", "Acme Shipping", "the Northern Liberation Front", "Boromir") == [
        "USAGOV", "PANBUS", "MLIREB", None]
