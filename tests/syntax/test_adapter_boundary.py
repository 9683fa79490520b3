"""The parse adapter is the only reader of the parser's labels: no other module of the package
names a dependency label, part of speech, Penn tag or entity type, or reads a token's label
attributes. Changing the parser's label set is then a change to syntax/labels.py alone."""

from __future__ import annotations

import ast
from pathlib import Path

import spacy.parts_of_speech

from standoff.nlp import load_pipeline

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "standoff"
ADAPTER = PACKAGE / "syntax" / "labels.py"
LABEL_ATTRIBUTES = {"dep_", "pos_", "tag_", "ent_type_", "ent_iob_", "label_", "dep", "pos", "tag", "ent_type", "ent_iob"}
# standoff's own words that happen to spell a label: (module, word) -> what it is there.
OWN_WORDS = {
    ("actors/resolve.py", "agent"): "a kind of mention (a generic agent noun)",
    ("events/patterns.py", "prep"): "a key of the pattern file format",
    ("actors/petrarch.py", "X"): "a letter of an English plural ending",
}


def parser_labels() -> set[str]:
    """Every label the model writes, but the tags that are punctuation marks themselves."""
    nlp = load_pipeline()
    labels = set(nlp.get_pipe("parser").labels) | set(nlp.get_pipe("tagger").labels) | set(nlp.get_pipe("ner").labels)
    labels |= {name for name in spacy.parts_of_speech.IDS if name.isupper()}
    return {label for label in labels | {"ROOT"} if any(c.isalpha() for c in label)}


def reads_parses(path: Path) -> bool:
    """The coding stages, and any other module that handles parsed tokens (importing the
    model's types or the adapter)."""
    if path.relative_to(PACKAGE).parts[0] in ("events", "actors", "geo", "syntax"):
        return True
    source = path.read_text(encoding="utf-8")
    return "standoff.nlp" in source or "standoff.syntax" in source


def offences(path: Path, labels: set[str]) -> list[str]:
    found = []
    where = path.relative_to(PACKAGE).as_posix()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in labels and (where, node.value) not in OWN_WORDS:
            found.append(f"{where}:{node.lineno} names the label {node.value!r}")
        if isinstance(node, ast.Attribute) and node.attr in LABEL_ATTRIBUTES:
            found.append(f"{path.relative_to(PACKAGE)}:{node.lineno} reads .{node.attr}")
    return found


def test_no_module_but_the_adapter_reads_parser_labels() -> None:
    labels = parser_labels()
    assert len(labels) > 80  # the model's dependency, tag, part-of-speech and entity labels
    modules = [path for path in sorted(PACKAGE.rglob("*.py")) if path != ADAPTER and reads_parses(path)]
    assert len(modules) >= 30  # events/, actors/, geo/, syntax/, the pipeline ...
    found = [o for path in modules for o in offences(path, labels)]
    assert not found, "\n".join(found)


def test_the_check_finds_a_label_where_there_is_one() -> None:
    sample = PACKAGE / "_sample_for_check.py"
    try:
        sample.write_text('from standoff.nlp import Token\n\ndef f(t):\n    return t.dep_ == "nsubj"\n', encoding="utf-8")
        assert reads_parses(sample)
        assert len(offences(sample, parser_labels())) == 2
    finally:
        sample.unlink()
