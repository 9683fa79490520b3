"""`standoff actor`: one JSON object per phrase, the same resolver as `standoff code`."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from standoff.cli import main

KEYS = {"text", "code", "country", "sector", "method", "confidence", "mention", "antecedent"}


def run(*args: str) -> list[dict]:
    result = CliRunner().invoke(main, ["actor", *args])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines()]


def test_one_object_per_text_with_the_documented_keys() -> None:
    lavrov, destroyer = run("Russian Foreign Minister Sergei Lavrov", "a US destroyer", "--date", "2017-09-01")
    assert KEYS <= set(lavrov) and lavrov["text"] == "Russian Foreign Minister Sergei Lavrov"
    assert (lavrov["code"], lavrov["country"], lavrov["sector"], lavrov["method"]) == ("RUSGOV", "RUS", "GOV", "person")
    assert 0 < lavrov["confidence"] <= 1
    assert (destroyer["code"], destroyer["sector"]) == ("USAMIL", "MIL")
    assert "candidates" not in lavrov


def test_dates_and_context_change_the_answer() -> None:
    (trump_2010,) = run("Trump", "--date", "2010-05-01")
    (trump_2017,) = run("Trump", "--date", "2017-05-01")
    assert (trump_2010["code"], trump_2017["code"]) == ("USA", "USAGOV")
    (he,) = run("he", "--context", "Turkish President Recep Tayyip Erdogan arrived.", "--date", "2020-01-01")
    assert he["code"] == "TURGOV" and he["antecedent"] == "Turkish President Recep Tayyip Erdogan"
    (guard,) = run("the National Guard", "--context", "Saudi officials said so.")
    assert guard["code"] == "SAUMIL"


def test_ambiguous_names_list_their_candidates() -> None:
    (congo,) = run("Congo")
    assert congo["country"] == "COD"
    assert [c["country"] for c in congo["candidates"]] == ["COD", "COG"]


def test_file_of_phrases_echoes_ids(tmp_path: Path) -> None:
    path = tmp_path / "phrases.jsonl"
    lines = [
        {"id": "a1", "text": "Trump", "date": "2010-05-01"},
        {"text": "Pakistani Army"},
        {"id": 7, "text": "the minister", "context": "Foreign Minister Sergei Lavrov spoke.", "date": "2017-09-01"},
    ]
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n\n", encoding="utf-8")
    first, second, third = run("--file", str(path), "--date", "2017-09-01")
    assert (first["id"], first["code"]) == ("a1", "USA")  # the line's date wins
    assert "id" not in second and second["code"] == "PAKMIL"
    assert (third["id"], third["code"], third["antecedent"]) == (7, "RUSGOV", "Foreign Minister Sergei Lavrov")


def test_bad_input_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "Trump"}\n{"id": 2}\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["actor", "--file", str(path)])
    assert result.exit_code != 0 and "bad.jsonl:2" in result.output and '"text"' in result.output
    result = CliRunner().invoke(main, ["actor"])
    assert result.exit_code != 0 and "--file" in result.output
