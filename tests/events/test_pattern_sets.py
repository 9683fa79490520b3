"""Pattern sets stack: a higher set's pattern wins where it fits the predicate, and only there;
every event names the set its pattern came from, and the run's versions name every set."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from standoff.events.patterns import CURATED, PatternSet, PatternStack, load_pattern_set
from standoff.model import Article
from standoff.pipeline import Coder, Settings

USER_PATTERNS = """
patterns:
  - id: shell-as-assault
    verb: shell
    object: actor
    code: "1831"
"""


def code(coder: Coder, text: str) -> list:
    (result,) = coder.code([Article("a", text, date(2024, 1, 5))])
    return list(result.events)


def test_a_higher_set_wins_where_its_pattern_fits_and_the_curated_set_codes_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(USER_PATTERNS, encoding="utf-8")
    coder = Coder(Settings(pattern_files=(path,)))
    (shelled,) = code(coder, "Armenian forces shelled Azerbaijan on Thursday.")
    assert (shelled.cameo, shelled.rule.pattern_set, shelled.rule.pattern) == ("1831", "mine", "shell-as-assault")
    condemned = code(coder, "France condemned Iran on Thursday.")
    assert condemned and all(e.rule.pattern_set == CURATED for e in condemned)
    assert coder.versions()["patterns:mine"] == load_pattern_set(path, name="mine").version
    assert "patterns:curated" in coder.versions()


def test_the_curated_pattern_codes_a_predicate_the_higher_set_does_not_fit(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(USER_PATTERNS, encoding="utf-8")
    # "shelled the town": no actor as object, so the user's pattern does not fit; the curated one does
    events = code(Coder(Settings(pattern_files=(path,))), "Armenian forces shelled the town on Thursday.")
    assert events and all(e.rule.pattern_set == CURATED for e in events)


def test_candidates_come_from_the_index_higher_sets_first() -> None:
    curated = load_pattern_set()
    empty = PatternSet("empty", (), {}, "0")
    stack = PatternStack([empty, curated])
    assert stack.candidates("attack", nominal=False) == curated.candidates("attack", nominal=False)
    assert stack.candidates("no-such-verb", nominal=False) == ()
    assert "attack" in stack.verbs and "talks" in stack.nouns


def test_the_imported_dictionary_is_stacked_under_the_curated_set() -> None:
    coder = Coder()
    assert [k for k in coder.versions() if k.startswith("patterns:")] == ["patterns:curated", "patterns:petrarch"]
    # a verb only the imported dictionary knows, with the words of its pattern
    (sped,) = code(coder, "Pakistan sped police to the border with India on Monday.")
    assert (sped.cameo, sped.rule.pattern_set, sped.source.code.code, sped.target.code.code) == ("153", "petrarch", "PAK", "IND")  # type: ignore[union-attr]
    # where a curated pattern fits, the curated one codes
    assert all(e.rule.pattern_set == CURATED for e in code(coder, "France condemned Iran on Thursday."))
    assert [k for k in Coder(Settings(imported_patterns=False)).versions() if k.startswith("patterns:")] == ["patterns:curated"]
