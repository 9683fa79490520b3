"""Discards: sports results, entertainment and idioms leave their sentence (or story) uncoded."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from standoff.cli import main
from standoff.errors import BadDictionary
from standoff.model import Article
from standoff.pipeline import Coder, Settings
from standoff.text.discards import discard_sentences, load_discards, read_discards

LIST = b"""
sentence:
  - "goalless draw*"
  - "basketball*"
  - "group a"
story:
  - "world cup*"
not_applied:
  years: ["2001*"]
"""


@pytest.fixture(scope="module")
def discards():
    return read_discards(LIST, "test.yaml")


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("The match ended in a GOALLESS DRAW on Sunday.", "goalless draw*"),
        ("The basketballer was traded to Boston.", "basketball*"),  # a stem: its last word may go on
        ("Spain top Group A after two games.", "group a"),
        ("Spain met the Group Against Torture.", None),  # a whole word: "a" is not "against"
        ("The army attacked the town in 2001.", None),  # a family left out is not applied
    ],
)
def test_a_sentence_phrase_matches_whole_words_or_a_stem(discards, text: str, phrase: str | None) -> None:
    assert discards.sentence_phrase(text) == phrase


def test_a_story_phrase_leaves_every_sentence_of_the_story_uncoded(discards) -> None:
    sentences = ["France beat Brazil.", "The World Cup final is on Sunday.", "Fans celebrated."]
    found = discard_sentences(discards, " ".join(sentences), sentences)
    assert [(d.sentence_index, d.story) for d in found] == [(0, True), (1, True), (2, True)]
    found = discard_sentences(discards, "Russia shelled Kharkiv. The basketball game was cancelled.", ["Russia shelled Kharkiv.", "The basketball game was cancelled."])
    assert [(d.sentence_index, d.phrase, d.story) for d in found] == [(1, "basketball*", False)]


def test_the_packaged_list_holds_the_phoenix_sports_and_entertainment_phrases() -> None:
    packaged = load_discards()
    assert packaged.sentence_phrase("India won the Champions Trophy final on Sunday.") == "champions trophy*"
    assert packaged.story_phrase("He scored twice in the World Cup qualifier.") == "world cup*"
    # Families the list has but standoff does not apply: past years, "... ago", disasters.
    assert packaged.sentence_phrase("Russia, which annexed Crimea in 2013, sent troops two years ago.") is None
    assert packaged.sentence_phrase("Germany sent aid to fight the Ebola epidemic.") is None


def test_bad_lists_name_the_file(tmp_path: Path) -> None:
    with pytest.raises(BadDictionary, match="bad.yaml"):
        read_discards(b"sentence: football\n", "bad.yaml")
    with pytest.raises(BadDictionary, match="missing.yaml"):
        load_discards(tmp_path / "missing.yaml")


SPORT = "Brazil attacked Argentina in the World Cup semi-final on Tuesday."
POLITICS = "Russian forces shelled the Ukrainian city of Kharkiv on Monday."


def test_the_coder_leaves_a_discarded_sentence_uncoded(tmp_path: Path) -> None:
    empty = tmp_path / "none.yaml"
    empty.write_text("sentence: []\nstory: []\n", encoding="utf-8")
    article = Article("a", SPORT)
    (without,) = Coder(Settings(discard_file=empty)).code([article])
    assert without.events and not without.discarded  # what the discard list prevents: "attacked" coded as an assault
    (result,) = Coder().code([article])
    assert not result.events and [(d.sentence_index, d.phrase, d.story) for d in result.discarded] == [(0, "world cup*", True)]
    (mixed,) = Coder().code([Article("b", POLITICS + " A goalless draw ended the derby.")])
    assert [e.sentence_index for e in mixed.events] == [0] and [d.sentence_index for d in mixed.discarded] == [1]
    assert "discards" in Coder().versions()


def test_eval_reports_the_sentences_discarded(tmp_path: Path) -> None:
    gold = tmp_path / "sentences.jsonl"
    records = [{"id": "s1", "text": POLITICS, "events": [{"source": "RUS", "target": "UKR", "code": "190"}]},
               {"id": "s2", "text": "The champions won a goalless draw at home.", "events": []}]  # fmt: skip
    gold.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", str(gold), "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["discarded"]["sentences"] == 1 and report["discarded"]["list"][0]["id"] == "s2"
    text = CliRunner().invoke(main, ["eval", str(gold)]).output
    assert "discarded:    1 sentences left uncoded as no political news" in text


def test_a_petrarch_discard_list_is_read_as_petrarch_reads_it(tmp_path: Path) -> None:
    path = tmp_path / "validate.discards.txt"
    path.write_text("# comment\n+WORLD CUP   # story\nGROUP A_\nBASEBALL\n", encoding="utf-8")
    discards = load_discards(path)
    assert discards.story_phrase("The World Cup draw is on Friday.") == "world cup*"
    assert discards.sentence_phrase("Baseballs were thrown.") == "baseball*"  # a stem
    assert discards.sentence_phrase("Spain top Group A.") == "group a" and discards.sentence_phrase("Group Alpha met.") is None


def test_eval_takes_another_discard_list(tmp_path: Path) -> None:
    gold = tmp_path / "sentences.jsonl"
    gold.write_text(json.dumps({"id": "s1", "text": "The champions won a goalless draw at home.", "events": []}) + "\n", encoding="utf-8")
    none = tmp_path / "none.discards.txt"
    none.write_text("# nothing to discard\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", str(gold), "--format", "json", "--discards", str(none)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["discarded"]["sentences"] == 0
