"""Translate a PETRARCH verb dictionary into standoff's pattern format (events/patterns.py).

PETRARCH matches a pattern's words around the verb (``*``) in a phrase; standoff turns each
pattern into constraints on the roles of the verb's predicate, so word order stops mattering
and the parse decides who is who:

- words after the verb are its object: ``* CONDEMNATION`` is ``object: [condemnation]``;
  ``{FINANCIAL AID}`` (and words written one after another) is a phrase whose last word is the
  head; a plural head also stands for its singular (``* SANCTIONS`` fits "a sanction");
- ``(PREP WORDS)`` is an oblique: ``* POLICE (TO BORDER)`` is ``object: [police], oblique:
  {to: [border]}``; a preposition written without parentheses before a word is read the same;
- words before the verb are its subject (``&WEAPON *``), an adverb of the verb (``SHARPLY *``)
  or its negation (``NOT *``, ``&NEGATVAUXVRB *``: the pattern fits only the negated verb);
- ``$`` and ``+`` mark where the source and target are: before the verb the subject, after it
  the object, inside parentheses that preposition's object; a marked actor must be found;
- ``%`` before the verb needs a subject of two or more joined actors;
- ``&SYNSET`` is a word class (``@synset``) with its members (and the singulars of plural ones,
  unless the set or member ends with ``_``) and the sets nested in it;
- a particle right after the verb (``* OUT VIEWS``, ``+CORDON_OFF``) must follow the verb;
- forms are lemmas: the lemma of a listed form is what the model gives it, and a form listed
  apart from its base verb ("LEFT" without "LEAVE") restricts its patterns to that form;
- ``[042:043]`` is a paired code: the source's 042 and the target's 043 back; ``[:173]`` only
  the target's; ``[---]`` means no event (the pattern fits and nothing is coded).

Within a block, patterns go from the most constrained to the least, the verbs' own codes last;
where two patterns of the same verbs have the same constraints, the later one is kept, as when
PETRARCH reads the file. What cannot be translated is listed with its line and the reason.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from standoff.errors import BadDictionary
from standoff.events.patterns import AS_GIVEN, IMPORTED, NO_EVENT, PatternSet, load_pattern_set, read_pattern_set
from standoff.events.verbfile import Block, PatternLine, VerbDictionary, VerbLine, read_verb_dictionary
from standoff.events.word_frames import Kind, verb_lemmas, word_kinds
from standoff.lexicon import Lexicon, load_lexicon

_MARKS = "*$+%^"
_TOKEN = re.compile(r"\{[^{}()]*\}|\([^{}()]*(?:\{[^{}()]*\}[^{}()]*)*\)|[*$+%^]|[^\s{}()*$+%^]+|[{}()]")
NULL_CODE = "---"
NOUN_SHARE = 0.8  # a synonym set whose members' heads are mostly nouns is a set of nouns
CONSULT_ROOT = "04"  # consult: meet, visit, host
MEET_INTENT = "036"  # express intent to meet or negotiate


@dataclass(frozen=True, slots=True)
class Untranslated:
    line: int
    text: str
    reason: str
    kind: str = "pattern"  # pattern, verb, other (a transformation), shadowed (translated, then replaced), gated


@dataclass(slots=True)
class Translation:
    """A dictionary translated: standoff patterns and classes, and what could not be."""

    source: str
    blocks: int
    verb_lines: int
    pattern_lines: int
    classes: dict[str, list[str]] = field(default_factory=dict)
    verb_classes: dict[str, list[str]] = field(default_factory=dict)  # each block's verbs
    patterns: list[dict[str, Any]] = field(default_factory=list)
    translated: int = 0  # pattern lines that became patterns
    verbs_coded: int = 0  # standoff patterns for the verbs' own codes
    duplicates: int = 0  # pattern lines that repeat an earlier one exactly
    untranslated: list[Untranslated] = field(default_factory=list)
    codes_as_given: Counter[str] = field(default_factory=Counter)

    def summary(self) -> str:
        def count(kind: str) -> int:
            return sum(u.kind == kind for u in self.untranslated)

        reasons = Counter(u.reason.split(":")[0] for u in self.untranslated if u.kind not in ("shadowed", "gated"))
        lines = [
            f"{self.source}: {self.blocks} verb blocks, {self.verb_lines} verbs, {self.pattern_lines} patterns, "
            f"{len(self.classes) - len(self.verb_classes)} synonym sets",
            f"patterns translated: {self.translated} (of them {self.duplicates} repeat an earlier pattern exactly and "
            f"{count('shadowed')} are shadowed by a later one with the same verbs and words and another code)",
            f"patterns not translated: {count('pattern')}",
            f"verbs standoff cannot match: {count('verb')}",
            f"other lines not translated: {count('other')}",
            f"gated (dropped on purpose, see docs/verbs.md): {count('gated')}",
            f"written: {len(self.patterns)} standoff patterns ({self.verbs_coded} for the verbs' own codes), "
            f"{len(self.classes)} word classes ({len(self.verb_classes)} of them a block's verbs)",
            "not translated, by reason:",
            *(f"  {n:5d}  {reason}" for reason, n in reasons.most_common()),
        ]
        if self.codes_as_given:
            given = ", ".join(f"{code} ({n})" for code, n in sorted(self.codes_as_given.items()))
            lines.append(f"codes CAMEO does not define, kept as given: {given}")
        return "\n".join(lines) + "\n"

    def report(self) -> str:
        """The summary, then every line that was not translated, with its reason."""
        listed = [f"line {u.line}: {u.text}  -- {u.reason}" for u in sorted(self.untranslated, key=lambda u: u.line)]
        return self.summary() + "\n" + "\n".join(listed) + ("\n" if listed else "")

    def to_yaml(self) -> str:
        head = [
            f"# Translated by `standoff import-verbs` from {self.source}: a PETRARCH verb dictionary.",
            "# Format: standoff/events/patterns.py. Each pattern's note gives its source line.",
            "# Open Event Data's dictionaries are under the MIT licence (see the LICENSE next to the",
            "# packaged copy, standoff/events/data/PETRARCH-LICENSE.txt).",
        ]
        body: dict[str, Any] = {}
        if self.codes_as_given:
            body["codes"] = AS_GIVEN
        text = "\n".join(head) + "\n" + (yaml.safe_dump(body) if body else "")
        text += "classes:\n" + "".join(f"  {name}: {_flow(words)}\n" for name, words in self.classes.items())
        text += "patterns:\n" + "".join(f"  - {_flow(pattern)}\n" for pattern in self.patterns)
        return text


def _flow(value: object) -> str:
    return yaml.safe_dump(value, default_flow_style=True, width=1_000_000, sort_keys=False).strip()


def translate_file(path: Path, dyad: bool = True, lexicon: Lexicon | None = None) -> Translation:
    """Read and translate the PETRARCH verb dictionary at ``path``; ``dyad``: every event needs
    a known source and target, as PETRARCH codes by default (its ``require_dyad``)."""
    try:
        text = Path(path).read_bytes().decode("utf-8", errors="replace")
    except OSError as exc:
        raise BadDictionary(f"cannot read the verb dictionary: {exc.strerror}", file=str(path)) from exc
    return translate(read_verb_dictionary(text, str(path)), Path(path).name, lexicon or load_lexicon(), dyad)


PACKAGED = "data/petrarch_verbs.yaml"


@cache
def load_imported_set() -> PatternSet:
    """The packaged translation of PETRARCH2's CAMEO.2.0 verb dictionary; read once per process."""
    return read_pattern_set(resources.files("standoff.events").joinpath(PACKAGED).read_bytes(), IMPORTED, PACKAGED)


@cache
def load_verb_set(path: Path, name: str | None = None) -> PatternSet:
    """A user's verb dictionary: a standoff pattern file (.yaml) or a PETRARCH verb file."""
    path = Path(path)
    name = name or path.stem
    if path.suffix.lower() in (".yaml", ".yml"):
        return load_pattern_set(path, name=name)
    return read_pattern_set(translate_file(path).to_yaml().encode("utf-8"), name, str(path))


# -- translation ---------------------------------------------------------------------------


def translate(dictionary: VerbDictionary, source: str, lexicon: Lexicon, dyad: bool = True) -> Translation:
    from standoff.ontology import load_ontology

    out = Translation(
        source,
        blocks=len(dictionary.blocks),
        verb_lines=sum(len(b.verbs) for b in dictionary.blocks),
        pattern_lines=sum(len(b.patterns) for b in dictionary.blocks),
    )
    out.untranslated += [Untranslated(s.line, s.text, s.reason, "other") for s in dictionary.skipped]
    cameo = frozenset(code.code for code in load_ontology().codes())
    synsets = _Synsets(dictionary, out)
    parsed = {(b.line, p.line): _elements(p.text) for b in dictionary.blocks for p in b.patterns}
    before = {w for elements in parsed.values() if isinstance(elements, tuple) for w in _words_before_verb(elements[0])}
    before |= {w for members in synsets.members.values() for member in members for w in member.split()}
    before |= {w for elements in parsed.values() if isinstance(elements, tuple) for w in _lone_word(elements[1])}  # "* ANGRILY"
    kinds = word_kinds(before, lexicon)
    entries = {v.words[v.verb].lower() for b in dictionary.blocks for v in b.verbs}
    irregular = {form[min(v.verb, len(form) - 1)].lower() for b in dictionary.blocks for v in b.verbs for form in v.forms}
    lemmas = verb_lemmas(entries | irregular | {word for word, kind in kinds.items() if kind is Kind.VERB})
    reader = _PatternReader(lexicon, kinds, lemmas, synsets)
    # A verb that is another's irregular form too (FOUND, and FIND {FOUND}) is a verb of its own
    # under its own entry: "founded", not every "found" of "find".
    entry_lemmas = {**lemmas, **{w: w for w in irregular & entries if lemmas[w] != w}}
    kept: dict[tuple[str, ...], tuple[int, dict[str, Any]]] = {}
    for block in dictionary.blocks:
        groups = _verb_groups(block, lemmas, entry_lemmas, lexicon, out)
        if len(groups.get((), ())) > 1:  # the block's verbs, written once as a class
            name = _verb_class_name(block, out.verb_classes)
            out.verb_classes[name] = groups[()]
            groups[()] = [f"@{name}"]
        if not groups:
            out.untranslated += [Untranslated(p.line, f"- {p.text} [{p.code}]", "its block has no verb standoff can match") for p in block.patterns]
            continue
        found: list[tuple[int, int, dict[str, Any]]] = []  # specificity, order, pattern
        for pattern in block.patterns:
            elements = parsed[(block.line, pattern.line)]
            constraints = elements if isinstance(elements, str) else reader.constraints(*elements)
            code = _codes(pattern.code)
            if isinstance(constraints, str) or isinstance(code, str):
                reason = constraints if isinstance(constraints, str) else code
                out.untranslated.append(Untranslated(pattern.line, f"- {pattern.text} [{pattern.code}]", str(reason)))
                continue
            out.translated += 1
            for forms, triggers in groups.items():
                for alternative in synsets.expanded(constraints):
                    made = _pattern(block, pattern, forms, triggers, alternative, code, cameo, out)
                    made["id"] += f"-{alternative['via']}" if "via" in alternative else ""
                    made.pop("via", None)
                    found.append((_specificity(made), len(found), made))
        found.sort(key=lambda item: (-item[0], item[1]))
        own = _own_codes(block, entry_lemmas, lexicon, cameo, out)
        for candidate in [m for _, _, m in found] + own:
            made = _without_travel(candidate, out.verb_classes, lexicon, out)
            made = _without_rule(made, out.verb_classes, lexicon, out) if made is not None else None
            if made is None:
                continue
            key = _same_key(made)
            if key in kept:
                earlier_line, earlier = kept[key]
                if (earlier["code"], earlier.get("reverse")) == (made["code"], made.get("reverse")):
                    out.duplicates += 1
                else:
                    out.untranslated.append(Untranslated(earlier_line, earlier["note"], f"shadowed: a later line has the same verbs and words with another code ({made['note']})", "shadowed"))
                out.patterns.remove(earlier)
            kept[key] = (_line_of(made), made)
            out.patterns.append(made)
    out.patterns.sort(key=lambda p: 0 if "forms" in p else 1)  # a form's own patterns before its lemma's
    out.classes = {**synsets.classes(), **out.verb_classes}
    if dyad:
        for pattern in out.patterns:
            pattern["dyad"] = True
    return out


def _verb_class_name(block: Block, taken: dict[str, list[str]]) -> str:
    slug = re.sub(r"[^a-z0-9]+", "_", block.name.lower()).strip("_")
    return f"{slug}_verbs" if f"{slug}_verbs" not in taken else f"{slug}_{block.line}_verbs"


def _without_travel(pattern: dict[str, Any], verb_classes: dict[str, list[str]], lexicon: Lexicon, out: Translation) -> dict[str, Any] | None:
    """The gate on travel: a verb of motion whose pattern names no words ("FLY * (TO)") gets no
    code of meeting or visiting (04, 036): "a student travelled to Syria" is neither. Such a
    pattern written for a verb of motion ("- * (TO) [042]  # HEAD") is gated for its whole block:
    the block's other verbs share its words, not its going ("ordered a halt to operations")."""
    codes = (pattern["code"], pattern.get("reverse") or "")
    if not any(code[:2] == CONSULT_ROOT or code == MEET_INTENT for code in codes):
        return pattern
    written_for = pattern["note"].partition("  # ")[2].lower().split()[:1]
    if written_for and written_for[0] in lexicon.motion_verbs:
        return _gated(pattern, verb_classes, _every_verb(pattern, verb_classes), "written for a verb of motion; its block's other verbs go nowhere", out)
    return _gated(pattern, verb_classes, lexicon.motion_verbs, "a verb of motion alone is no visit or meeting", out)


def _every_verb(pattern: dict[str, Any], verb_classes: dict[str, list[str]]) -> frozenset[str]:
    return frozenset(member.split()[0] for value in pattern["verb"] for member in _members(value, verb_classes))


def _without_rule(pattern: dict[str, Any], verb_classes: dict[str, list[str]], lexicon: Lexicon, out: Translation) -> dict[str, Any] | None:
    """The gate on rule: a verb of holding power whose pattern names no words ("GOVERN *",
    "CONTROL *", "LEAD *") tells who rules what, a state of affairs, not an act: "the Taliban,
    who have governed Afghanistan since August", "Russia now controls a fifth of Ukraine"."""
    return _gated(pattern, verb_classes, lexicon.rule_verbs, "a verb of holding power alone tells a state, not an act", out)


def _gated(pattern: dict[str, Any], verb_classes: dict[str, list[str]], gated: frozenset[str], why: str, out: Translation) -> dict[str, Any] | None:
    """A pattern that names no words without its verbs that are ``gated`` (listed in the report,
    ``why``); the pattern keeps its other verbs; None when none is left."""
    worded = any(key in pattern for key in ("object", "subject", "adverb")) or any(pattern.get("oblique", {}).values())
    if worded:
        return pattern
    verbs = [member for value in pattern["verb"] for member in _members(value, verb_classes)]
    dropped = [v for v in verbs if v.split()[0] in gated]
    if not dropped:
        return pattern
    for verb in dropped:
        out.untranslated.append(Untranslated(_line_of(pattern), f"{verb}: {pattern['note']}", f"gated: {why}", "gated"))
    kept = [v for v in verbs if v not in dropped]
    return {**pattern, "verb": kept} if kept else None


def _members(value: str, verb_classes: dict[str, list[str]]) -> list[str]:
    """The triggers a verb entry stands for: "@fly_verbs out" is each of the class with "out"."""
    if not value.startswith("@"):
        return [value]
    name, *extra = value.split()
    return [" ".join([member, *extra]) for member in verb_classes[name[1:]]]


def _line_of(pattern: dict[str, Any]) -> int:
    return int(pattern["note"].split(":")[0].split()[-1])


def _same_key(pattern: dict[str, Any]) -> tuple[str, ...]:
    return tuple(sorted(f"{k}={v}" for k, v in pattern.items() if k not in ("id", "code", "reverse", "note")))


def _specificity(pattern: dict[str, Any]) -> int:
    """How much a pattern asks of the sentence: the more, the earlier it is tried."""
    score = 3 * ("polarity" in pattern) + 2 * ("joint" in pattern) + ("adverb" in pattern) + 2 * ("governor" in pattern)
    score += len(pattern.get("auxiliaries", ()))
    for key in ("object", "subject"):
        if key in pattern:
            score += 2 + max(len(entry.split()) for entry in pattern[key])
    for words in pattern.get("oblique", {}).values():
        score += 3 if words else 2
    score += sum(len(t.split()) - 1 for t in pattern["verb"][:1])
    score += (pattern["target"] != "phrase") + ("source" in pattern)
    return score


def _codes(text: str) -> tuple[str, str | None] | str:
    """The event's code and the paired code back: "042:043", ":173", "---"; or why not."""
    parts = [part.strip() for part in text.split(":")]
    if len(parts) > 2 or not text.strip():
        return f"a code that is no CODE or CODE:CODE: [{text}]"
    code = parts[0] if parts[0] and parts[0] != NULL_CODE else NO_EVENT
    back = parts[1] if len(parts) == 2 and parts[1] and parts[1] != NULL_CODE else None
    return code, back


def _pattern(
    block: Block,
    line: PatternLine,
    forms: tuple[str, ...],
    triggers: list[str],
    constraints: dict[str, Any],
    code: tuple[str, str | None],
    cameo: frozenset[str],
    out: Translation,
) -> dict[str, Any]:
    particles = constraints.get("particles", [])
    made: dict[str, Any] = {"id": _id(block, line.line, forms), "verb": [" ".join([t, *particles]) for t in triggers]}
    if forms:
        made["forms"] = list(forms)
    made.update((key, value) for key, value in constraints.items() if key != "particles")
    made["code"] = code[0]
    if code[1] is not None:
        made["reverse"] = code[1]
    for value in code:
        if value is not None and value != NO_EVENT and value not in cameo:
            out.codes_as_given[value] += 1
    made["note"] = f"line {line.line}: - {line.text} [{line.code}]" + (f"  # {line.note}" if line.note else "")
    return made


def _own_codes(block: Block, lemmas: dict[str, str], lexicon: Lexicon, cameo: frozenset[str], out: Translation) -> list[dict[str, Any]]:
    """Patterns for the verbs' own codes (the block's code unless a verb gives its own)."""
    by_code: dict[tuple[str, tuple[str, ...]], list[str]] = {}
    for verb in block.verbs:
        if _unusable(verb, lexicon) is None:
            by_code.setdefault((verb.code or block.code, _restricted_form(verb, block, lemmas)), []).append(_trigger(verb, lemmas))
    made = []
    for (text, form), triggers in by_code.items():
        code = _codes(text)
        if isinstance(code, str):
            out.untranslated.append(Untranslated(block.line, f"--- {block.name} [{text}] ---", code, "verb"))
            continue
        if code == (NO_EVENT, None):
            continue  # the isolated verb codes no event
        line = PatternLine(block.line, "*", text, f"the verb's own code ({', '.join(triggers)})")
        # the verb alone: a verb with a clause, a complement or a predicative is another act
        made.append(_pattern(block, line, form, sorted(set(triggers)), {"bare": True, "target": "phrase"}, code, cameo, out))
        made[-1]["id"] += ".verb" if len(by_code) == 1 else f".verb-{text.replace(':', '-')}"
        out.verbs_coded += 1
    return made


def _id(block: Block, line: int, forms: tuple[str, ...]) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", block.name.lower()).strip("-")
    return f"{slug}.{line}" + (f"-{'-'.join(forms)}" if forms else "")


def _trigger(verb: VerbLine, lemmas: dict[str, str]) -> str:
    return " ".join([lemmas[verb.words[0].lower()], *(w.lower() for w in verb.words[1:])])


def _unusable(verb: VerbLine, lexicon: Lexicon) -> str | None:
    """Why standoff cannot match a verb line, or None."""
    if verb.verb > 0:
        return "a word before the verb of a multi-word verb (WIRE_+TAP)"
    if any(w.lower() not in lexicon.pattern_particles | lexicon.pattern_prepositions for w in verb.words[1:]):
        return "a multi-word verb whose later word is no particle or preposition"
    return None


def _restricted_form(verb: VerbLine, block: Block, lemmas: dict[str, str]) -> tuple[str, ...]:
    """The form a listed verb is restricted to: a form listed without its base verb ("LEFT")."""
    word = verb.words[verb.verb].lower()
    lemma = lemmas[word]
    if lemma == word or any(v.words[v.verb].lower() == lemma for v in block.verbs):
        return ()
    return (word,)


def _verb_groups(block: Block, lemmas: dict[str, str], entry_lemmas: dict[str, str], lexicon: Lexicon, out: Translation) -> dict[tuple[str, ...], list[str]]:
    """The block's triggers ("set", "cordon off"), grouped by the form they are restricted to;
    ``entry_lemmas`` are the lemmas of the verbs' own entries, ``lemmas`` those of their forms."""
    groups: dict[tuple[str, ...], list[str]] = {}
    for verb in block.verbs:
        problem = _unusable(verb, lexicon)
        if problem is not None:
            out.untranslated.append(Untranslated(verb.line, verb.text, problem, "verb"))
            continue
        later = [w.lower() for w in verb.words[1:]]
        triggers = groups.setdefault(_restricted_form(verb, block, entry_lemmas), [])
        triggers.append(_trigger(verb, entry_lemmas))
        base = entry_lemmas[verb.words[0].lower()]
        for form in verb.forms:  # an irregular form the model lemmatizes apart
            lemma = lemmas.get(form[0].lower(), base)
            if lemma != base:
                triggers.append(" ".join([lemma, *later]))
    return {form: sorted(set(triggers)) for form, triggers in groups.items()}


# -- the words of a pattern ------------------------------------------------------------------

Element = tuple[Any, ...]  # ("word", w) | ("brace", words) | ("pp", preposition, elements) | ("sign", c)


def _elements(text: str) -> tuple[list[Element], list[Element]] | str:
    """A pattern's elements before and after its verb, or why they cannot be read."""
    spaced = re.sub(r"_?([*$+%^])_?", r" \1 ", text)
    tokens = _TOKEN.findall(spaced)
    if any(t in "{}()" for t in tokens):
        return "unbalanced brackets"
    elements: list[Element] = []
    for token in tokens:
        found = _element(token)
        if isinstance(found, str):
            return found
        elements.extend(found)
    stars = [i for i, e in enumerate(elements) if e == ("sign", "*")]
    if len(stars) != 1:
        return "no verb (*) in the pattern" if not stars else "more than one verb (*) in the pattern"
    return elements[: stars[0]], elements[stars[0] + 1 :]


def _element(token: str) -> list[Element] | str:
    if token in _MARKS:
        return [("sign", token)]
    if token.startswith("{"):
        words = _split(token[1:-1])
        if not words or any(w in _MARKS for w in words):
            return "a phrase in braces that is empty or holds a mark"
        return [("brace", tuple(words))]
    if token.startswith("("):
        inner: list[Element] = []
        for part in _TOKEN.findall(re.sub(r"_?([$+^%])_?", r" \1 ", token[1:-1])):
            found = "unbalanced brackets" if part in "{}()" else _element(part)
            if isinstance(found, str):
                return found
            inner += found
        if not inner or inner[0][0] != "word":
            return "a prepositional phrase that does not start with its preposition"
        return [("pp", inner[0][1], tuple(inner[1:]))]
    return [("word", w) for w in _split(token)]


def _split(text: str) -> list[str]:
    return [w.lower() for w in re.split(r"[_\s]+", text) if w]


def _lone_word(elements: list[Element]) -> list[str]:
    """The word after the verb when it is all that follows it: "* NOW", "* ANGRILY"."""
    return [elements[0][1]] if len(elements) == 1 and elements[0][0] == "word" and not elements[0][1].startswith("&") else []


def _words_before_verb(elements: list[Element]) -> list[str]:
    return [e[1] for e in elements if e[0] == "word" and not e[1].startswith("&")]


class _Synsets:
    """The synonym sets as word classes: members as written, their singulars, nested sets expanded."""

    def __init__(self, dictionary: VerbDictionary, out: Translation) -> None:
        self._raw = dictionary.synsets
        self._out = out
        self.members: dict[str, list[str]] = {}
        for name in self._raw:
            self.members[_class_name(name)] = self._expand(name, set())

    def _expand(self, name: str, seen: set[str]) -> list[str]:
        synset = self._raw[name]
        inflect = not name.endswith("_")
        words: list[str] = []
        for line, member in synset.members:
            if member.startswith("&"):
                inner = member[1:].split()[0]
                if inner not in self._raw or inner in seen:
                    self._out.untranslated.append(Untranslated(line, f"+{member}", "an unknown or circular synonym set in a synonym set", "other"))
                    continue
                words += self._expand(inner, seen | {name})
                continue
            phrase = _split(member.rstrip("_"))
            if not phrase:
                continue
            words.append(" ".join(phrase))
            singular = _singular(phrase[-1])
            if inflect and not member.endswith("_") and singular:
                words.append(" ".join([*phrase[:-1], singular]))
        return list(dict.fromkeys(words))

    def known(self, word: str) -> bool:
        return _class_name(word[1:]) in self.members

    def of_prepositions(self, word: str, lexicon: Lexicon) -> bool:
        """A synonym set of prepositions (&PREPOSIT1: against, in, on, ...)."""
        members = self.members.get(_class_name(word[1:])) if word.startswith("&") else None
        return bool(members) and all(m in lexicon.pattern_prepositions for m in members)

    def expanded(self, constraints: dict[str, Any]) -> list[dict[str, Any]]:
        """A pattern with a set of prepositions stands for one pattern per preposition."""
        obliques = constraints.get("oblique", {})
        sets = [p for p in obliques if p.startswith("&")]
        if not sets:
            return [constraints]
        first = sets[0]
        out = []
        for member in self.members[_class_name(first[1:])]:
            renamed = {(member if p == first else p): words for p, words in obliques.items()}
            if len(renamed) == len(obliques):  # the set's preposition is not already there
                out += self.expanded({**constraints, "oblique": renamed, "via": member})
        return out

    def classes(self) -> dict[str, list[str]]:
        return dict(self.members)


def _class_name(name: str) -> str:
    return name.lower().rstrip("_") or "synset"


def _singular(word: str) -> str | None:
    """The regular singular of a plural ("sanctions" -> "sanction"), the lemma the parser gives
    it; None for a word that does not look plural. (Plurals need no entry: they have the lemma.)"""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return None


class _PatternReader:
    """Turns a pattern's elements into role constraints."""

    def __init__(self, lexicon: Lexicon, kinds: dict[str, Kind], lemmas: dict[str, str], synsets: _Synsets) -> None:
        self._words = lexicon
        self._kinds = kinds
        self._lemmas = lemmas
        self._synsets = synsets

    def constraints(self, before: list[Element], after: list[Element]) -> dict[str, Any] | str:
        found: dict[str, Any] = {}
        problem = self._before(before, found) or self._after(after, found)
        if problem:
            return problem
        if found.get("source") is not None and found.get("source") == found.get("target"):
            return "the source and the target are marked in the same place"
        if found.get("target") == "subject" and "source" not in found:
            return "the target is the subject and no source is marked"
        if found.get("source") == "subject":
            del found["source"]  # the default
        found.setdefault("target", "phrase")
        return found

    def _before(self, elements: list[Element], found: dict[str, Any]) -> str | None:
        subject: list[str] = []
        adverbs: list[str] = []
        auxiliaries: list[str] = []
        governor: str | None = None
        for element in elements:
            kind = element[0]
            if kind == "pp":
                return "a prepositional phrase before the verb"
            if kind == "sign":
                if element[1] == "$":
                    found["source"], found["needs_source"] = "subject", True
                elif element[1] == "+":
                    found["target"], found["needs_target"] = "subject", True
                elif element[1] == "%":
                    found["joint"] = True
                continue
            if kind == "brace":  # a phrase in braces is a noun phrase
                subject += [self._word(w) for w in element[1]]
                continue
            word = element[1]
            what = self._kind(word)
            if isinstance(what, str):
                return what
            if what is Kind.NOUN:
                subject.append(self._word(word))
            elif what is Kind.ADVERB:
                adverbs.append(word)
            elif what is Kind.NEGATION:
                found["polarity"] = "negated"
            elif what is Kind.AUXILIARY:
                auxiliaries.append(word)
            elif what is Kind.VERB and governor is None and not (subject or adverbs or auxiliaries or "polarity" in found):
                # "SAID WOULD *": the verb is what was said; what follows belongs to the verb
                governor = self._lemmas.get(word, word)
            elif what is Kind.VERB:
                return f"words of the governing verb before it, or two governing verbs: {word.upper()}"
            else:
                return f"a word before the verb that is no subject, adverb, negation, auxiliary or governing verb (a preposition, an adjective): {word.upper()}"
        if len(adverbs) > 1:
            return "more than one adverb before the verb"
        if adverbs:
            found["adverb"] = adverbs
        if subject:
            found["subject"] = self._phrase(subject)
        if auxiliaries:
            found["auxiliaries"] = auxiliaries
        if governor:
            found["governor"] = [governor]
        return None

    def _kind(self, word: str) -> Kind | str:
        if not word.startswith("&"):
            return self._kinds.get(word, Kind.OTHER)
        if not self._synsets.known(word):
            return f"an unknown synonym set: {word.upper()}"
        members = [member.split() for member in self._synsets.members[_class_name(word[1:])]]
        if all(any(self._kinds.get(w) is Kind.NEGATION for w in member) for member in members):
            return Kind.NEGATION
        heads = [self._kinds.get(member[-1], Kind.OTHER) for member in members]
        if heads.count(Kind.NOUN) >= NOUN_SHARE * len(heads):
            return Kind.NOUN  # the parser reads a few nouns alone as verbs ("shells", "mortar")
        return f"a synonym set before the verb whose members are not nouns nor negations: {word.upper()}"

    def _word(self, word: str) -> str:
        return f"@{_class_name(word[1:])}" if word.startswith("&") else word

    def _phrase(self, words: list[str]) -> list[str]:
        """Entries for a phrase: as written, and with the head in its other number."""
        singular = None if words[-1].startswith("@") else _singular(words[-1])
        return [" ".join([*words[:-1], head]) for head in ([words[-1], singular] if singular else [words[-1]])]

    def _after(self, elements: list[Element], found: dict[str, Any]) -> str | None:
        lone = _lone_word(elements)
        if lone and lone[0] not in self._words.pattern_particles and self._kinds.get(lone[0]) is Kind.ADVERB:
            if "adverb" in found:
                return "more than one adverb around the verb"
            found["adverb"] = lone  # "* ANGRILY": an adverb of the verb, wherever it stands
            return None
        particles: list[str] = []
        obj: list[str] = []
        obliques: dict[str, list[str] | None] = {}
        last_pp: str | None = None  # a preposition written without an object: "(FROM) +"
        marked = False  # a source or target mark after the verb
        i = 0
        while i < len(elements):
            element = elements[i]
            kind = element[0]
            if kind == "word" and element[1].startswith("&") and not self._synsets.known(element[1]):
                return f"an unknown synonym set: {element[1].upper()}"
            if kind == "word" and not obj and not obliques and element[1] in self._words.pattern_particles:
                particles.append(element[1])
            elif kind == "word" and (element[1] in self._words.pattern_prepositions or self._synsets.of_prepositions(element[1], self._words)):
                following = elements[i + 1 : i + 2]
                if (not following or following[0][0] == "pp") and not obj:
                    particles.append(element[1])  # "* FOR", "* OFF (FOR)": it follows the verb
                elif not following or following[0][0] == "pp":
                    # "* ECONOMIC_MEMOS FROM": a preposition after the object, with any object
                    problem = self._oblique(element[1], [], obliques, found)
                    if problem:
                        return problem
                else:
                    taken = self._bare_pp(elements, i)
                    problem = self._oblique(element[1], taken, obliques, found)
                    if problem:
                        return problem
                    i += len(taken)
            elif kind == "word" or kind == "brace":
                if obliques or marked:
                    return "object words after a prepositional phrase or a mark"
                obj += [self._word(w) for w in (element[1] if kind == "brace" else (element[1],))]
            elif kind == "pp":
                problem = self._oblique(element[1], list(element[2]), obliques, found)
                if problem:
                    return problem
                last_pp = element[1] if not element[2] else None
            elif element[1] in "$+":
                marked = True
                role = "source" if element[1] == "$" else "target"
                if role in found:
                    return f"the {role} is marked twice"
                if last_pp is not None:
                    found[role] = f"prep:{last_pp}"
                elif obj:
                    return f"a {role} mark after the object's words"
                else:
                    found[role] = "object"
                found[f"needs_{role}"] = True
            elif element[1] == "%":
                return "a joined actor (%) after the verb"
            if kind != "pp":
                last_pp = None
            i += 1
        if particles:
            found["particles"] = particles
        if obj:
            found["object"] = self._phrase(obj)
        if obliques:
            found["oblique"] = obliques
        return None

    def _bare_pp(self, elements: list[Element], start: int) -> list[Element]:
        """The object of a preposition written without parentheses: the words and marks after it."""
        taken = []
        for element in elements[start + 1 :]:
            if element[0] == "pp" or (element[0] == "word" and element[1] in self._words.pattern_prepositions):
                break
            taken.append(element)
        return taken

    def _oblique(self, preposition: str, inside: list[Element], obliques: dict[str, list[str] | None], found: dict[str, Any]) -> str | None:
        if preposition in obliques:
            return f"the preposition {preposition.upper()} twice"
        words: list[str] = []
        for element in inside:
            if element[0] == "sign" and element[1] in "$+":
                if words or len(inside) > 1:
                    return "words beside a source or target mark in a prepositional phrase"
                role = "source" if element[1] == "$" else "target"
                if role in found:
                    return f"the {role} is marked twice"
                found[role], found[f"needs_{role}"] = f"prep:{preposition}", True
            elif element[0] == "sign" and element[1] == "^":
                continue
            elif element[0] == "sign":
                return "a joined actor (%) after the verb"
            elif element[0] in ("word", "brace"):
                for word in element[1] if element[0] == "brace" else (element[1],):
                    if word.startswith("&") and not self._synsets.known(word):
                        return f"an unknown synonym set: {word.upper()}"
                    words.append(self._word(word))
            else:
                return "a prepositional phrase inside a prepositional phrase"
        obliques[preposition] = self._phrase(words) if words else None
        return None


def write_translation(translation: Translation, out: Path, report: Path) -> None:
    """Write the standoff pattern file and the report of what was not translated."""
    out.write_text(translation.to_yaml(), encoding="utf-8")
    report.write_text(translation.report(), encoding="utf-8")

