"""Read a PETRARCH (or TABARI-style) verb dictionary into its parts, as written.

The format (PETRARCH2's ``dictionaries.rst``): ``&NAME`` starts a synonym set whose members
follow on ``+`` lines; ``--- NAME [CODE] ---`` starts a verb block; the block's verbs follow one
a line (``SPEED {SPEEDING SPEEDS SPED}`` with irregular forms, ``+CORDON_OFF`` a multi-word
verb whose ``+`` marks the verb, an optional ``[CODE]`` of its own); lines starting with ``-``
are the block's patterns (``- * (TO BORDER) [154]  # RUSH``); ``~`` lines are transformations.
``#`` starts a comment, and so does ``<!--`` (the validation dictionaries use it).

Nothing is interpreted here beyond the layout: ``petrarch_verbs`` translates the parts. Every
line keeps its number, so whatever cannot be translated can be reported where it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from standoff.errors import BadDictionary

_BLOCK = re.compile(r"^---\s*(?P<name>[^\[]*?)[\s-]*(?:\[(?P<code>[^\]]*)\].*)?$")
_CODE = re.compile(r"\[([^\]]*)\]")


@dataclass(frozen=True, slots=True)
class VerbLine:
    """One verb of a block: its words (``+`` marks the verb among several), irregular forms and code."""

    line: int
    text: str
    words: tuple[str, ...]  # upper case, in order
    verb: int  # the index of the verb among ``words``
    forms: tuple[tuple[str, ...], ...]  # the irregular forms, each as words
    code: str | None  # its own code, or None: the block's


@dataclass(frozen=True, slots=True)
class PatternLine:
    line: int
    text: str  # the pattern without its leading "-" and its code
    code: str  # what is in the brackets
    note: str  # the comment after it


@dataclass(slots=True)
class Block:
    line: int
    name: str
    code: str  # the block's code, "---" when it has none
    verbs: list[VerbLine] = field(default_factory=list)
    patterns: list[PatternLine] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Synset:
    line: int
    name: str  # without the "&"
    members: tuple[tuple[int, str], ...]  # (line, member as written)


@dataclass(frozen=True, slots=True)
class Skipped:
    line: int
    text: str
    reason: str


@dataclass(slots=True)
class VerbDictionary:
    synsets: dict[str, Synset]
    blocks: list[Block]
    skipped: list[Skipped]  # lines the layout has no place for (transformations, stray lines)


def read_verb_dictionary(text: str, where: str) -> VerbDictionary:
    """The synonym sets, verb blocks and patterns of a verb dictionary, in file order."""
    synsets: dict[str, Synset] = {}
    blocks: list[Block] = []
    skipped: list[Skipped] = []
    synset: tuple[int, str, list[tuple[int, str]]] | None = None

    def close_synset() -> None:
        nonlocal synset
        if synset is not None:
            line, name, members = synset
            synsets[name] = Synset(line, name, tuple(members))
            synset = None

    for number, raw in enumerate(text.splitlines(), start=1):
        line = _without_comment(raw)
        if not line:
            continue
        if synset is not None and line.startswith("+"):
            synset[2].append((number, line[1:].strip()))
            continue
        close_synset()
        if line.startswith("&"):
            synset = (number, line[1:].split()[0], [])
        elif line.startswith("---"):
            blocks.append(_block(line, number, where))
        elif line.startswith("-"):
            if not blocks:
                raise BadDictionary("a pattern before the first verb block (--- NAME [CODE] ---)", file=where, line=number)
            blocks[-1].patterns.append(_pattern(raw, line, number, where))
        elif line.startswith("~"):
            skipped.append(Skipped(number, line, "a transformation (verb acting on verb)"))
        elif blocks:
            blocks[-1].verbs.append(_verb(line, number, where))
        else:
            skipped.append(Skipped(number, line, "a line before the first verb block that is no synonym set"))
    close_synset()
    return VerbDictionary(synsets, blocks, skipped)


def _without_comment(raw: str) -> str:
    if raw.lstrip().startswith("<!--"):
        return ""
    return raw[: _comment_start(raw)].strip()


def _comment_start(raw: str) -> int:
    """Where the comment starts: the first "#" outside brackets ("[###]" is a code)."""
    depth = 0
    for i, char in enumerate(raw):
        depth += (char == "[") - (char == "]")
        if char == "#" and depth <= 0:
            return i
    return len(raw)


def _block(line: str, number: int, where: str) -> Block:
    match = _BLOCK.match(line)
    if match is None or not match.group("name"):
        raise BadDictionary(f"a verb block starts as --- NAME [CODE] ---, not {line!r}", file=where, line=number)
    return Block(number, match.group("name").strip(), (match.group("code") or "---").strip())


def _pattern(raw: str, line: str, number: int, where: str) -> PatternLine:
    codes = list(_CODE.finditer(line))
    if not codes:
        raise BadDictionary(f"a pattern needs its code in brackets: {line!r}", file=where, line=number)
    last = codes[-1]
    note = raw[_comment_start(raw) + 1 :].strip()
    return PatternLine(number, line[1 : last.start()].strip(), last.group(1).strip(), note)


def _verb(line: str, number: int, where: str) -> VerbLine:
    line = line.split(";", 1)[0].strip()  # TABARI's comment mark
    code = None
    found = _CODE.search(line)
    if found is not None:
        code = found.group(1).strip()
        line = (line[: found.start()] + line[found.end() :]).strip()
    forms: tuple[tuple[str, ...], ...] = ()
    if "{" in line:
        if "}" not in line:
            raise BadDictionary(f"irregular forms open with {{ and do not close: {line!r}", file=where, line=number)
        head, rest = line.split("{", 1)
        inside, after = rest.split("}", 1)
        if after.strip():
            raise BadDictionary(f"words after the irregular forms: {line!r}", file=where, line=number)
        forms = tuple(tuple(form.replace("+", "").split("_")) for form in inside.split())
        line = head.strip()
    words = tuple(word for word in re.split(r"[_\s]+", line) if word)  # "LASH OUT" as "LASH_OUT"
    if not words:
        raise BadDictionary(f"a verb line without a verb: {line!r}", file=where, line=number)
    marked = [i for i, word in enumerate(words) if word.startswith("+")]
    verb = marked[0] if marked else 0
    return VerbLine(number, line, tuple(w.lstrip("+") for w in words), verb, forms, code)
