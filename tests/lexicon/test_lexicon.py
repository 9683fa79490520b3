"""The lexicon: every closed-class word list in one data file, each list once."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from standoff.errors import BadDictionary
from standoff.lexicon import load_lexicon, read_lexicon

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "standoff"
WORD = re.compile(r"^[a-z][a-z'-]*$")
# What a token's words are read through.
TEXT_ATTRIBUTES = {"lower_", "lemma_", "text", "orth_", "norm_"}


def _is_token_text(node: ast.AST) -> bool:
    """``t.lower_``, ``t.lemma_.lower()``, ``t.text.lower()`` and the like."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "lower":
        node = node.func.value
    return isinstance(node, ast.Attribute) and node.attr in TEXT_ATTRIBUTES


def _words_of(node: ast.AST) -> list[str] | None:
    if isinstance(node, ast.Call) and node.args:  # frozenset((...)), set([...])
        node = node.args[0]
    if not isinstance(node, (ast.Set, ast.Tuple, ast.List)):
        return None
    words = [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
    return words if len(words) == len(node.elts) and all(WORD.match(w) for w in words) else None


def word_lists(path: Path) -> list[tuple[str, int]]:
    """Lists of three or more words that a token's text is matched against, written in the
    module (inline, or bound to a name): (the name or '', line)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    bound = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            values = [node.value.body, node.value.orelse] if isinstance(node.value, ast.IfExp) else [node.value]
            for target in node.targets:
                for value in values:
                    if isinstance(target, ast.Name) and len(_words_of(value) or []) >= 3:
                        bound[target.id] = (value, node.lineno)
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Compare) or not _is_token_text(node.left):
            continue
        for other in node.comparators:
            words = _words_of(other)
            if words is not None and len(words) >= 3:
                found.append(("", other.lineno))
            elif isinstance(other, ast.Name) and other.id in bound:
                found.append((other.id, bound[other.id][1]))
    return found


def test_no_two_lists_of_the_lexicon_hold_the_same_words() -> None:
    lexicon = load_lexicon()
    seen: dict[frozenset[str], str] = {}
    for name in type(lexicon).__dataclass_fields__:
        if name == "version":
            continue
        words = frozenset(getattr(lexicon, name))
        assert words not in seen, f"{name} repeats {seen.get(words)}"
        seen[words] = name


def test_the_coding_stages_define_no_word_lists_of_their_own() -> None:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        where = path.relative_to(PACKAGE).as_posix()
        if where.split("/")[0] not in ("events", "actors", "geo", "syntax", "lexicon") and where != "pipeline.py":
            continue
        found += [f"{where}:{line} {name}" for name, line in word_lists(path)]
    assert not found, "word lists outside lexicon/words.yaml:\n" + "\n".join(found)


def test_the_check_finds_an_inline_word_list() -> None:
    sample = PACKAGE / "events" / "_sample_for_check.py"
    try:
        sample.write_text('VERBS = {"say", "tell", "state"}\n\ndef f(t):\n    return t.lower_ in ("a", "an", "the") or t.lemma_.lower() in VERBS\n', encoding="utf-8")
        assert sorted(word_lists(sample)) == [("", 4), ("VERBS", 1)]
    finally:
        sample.unlink()


def test_a_word_that_yaml_reads_as_a_boolean_is_refused() -> None:
    text = Path(PACKAGE / "lexicon" / "words.yaml").read_text(encoding="utf-8").replace('negative_determiners: [neither, "no", none]', "negative_determiners: [neither, no, none]")
    with pytest.raises(BadDictionary, match="negative_determiners"):
        read_lexicon(text.encode("utf-8"), "words.yaml")


def test_an_unknown_or_missing_list_is_refused() -> None:
    text = Path(PACKAGE / "lexicon" / "words.yaml").read_text(encoding="utf-8")
    with pytest.raises(BadDictionary, match="unknown lists \\['speech_verbs'\\]"):
        read_lexicon((text + "\nspeech_verbs: [say]\n").encode("utf-8"), "words.yaml")
    with pytest.raises(BadDictionary, match="missing lists \\['here_words'\\]"):
        read_lexicon(text.replace("here_words: [here]\n", "").encode("utf-8"), "words.yaml")
