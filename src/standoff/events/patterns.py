"""Pattern sets: predicate patterns -> CAMEO codes, indexed by trigger lemma, stacked.

A pattern names a trigger (verb lemmas, or nouns for nominal events) and the roles it
needs filled. Within a set, the first pattern in file order that fits a predicate wins, so
specific patterns come before general ones. Word classes (``@missile``) keep the patterns
short. Sets are stacked: the patterns of a higher set are tried first for each predicate, so
a curated pattern wins over an imported one where both fit, and only there. Every set is
indexed by trigger lemma, so a sentence costs the same whatever the size of the sets.

The packaged set is patterns.yaml ("curated"); other files in the same format can be stacked
above or below it.

Pattern keys:
  id        stable name cited in each event's ``rule``
  verb      verb lemmas; "call on" = lemma + a particle or preposition that must be present
  noun      noun lemmas for nominal events ("talks", "telephone conversation"): the last word is
            the head, the words before it must precede it in the phrase
  object    "actor" (the direct object must be an actor, or a thing an actor owns or says),
            "party" (the direct object itself names an actor: "hosted Macron", not "welcomed
            the French position"), "thing" (there must be a direct object), "none", or a word
            class / lemma list the direct object's lemma must belong to
  prep      a preposition that must be present with an object ("with", "against")
  comp      word class / lemmas of the verb in an infinitival complement ("urge X to *refrain*")
  content   regular expressions; one must occur in the clause the verb introduces (statements)
  clause    true: the verb must introduce a clause ("warned that ...")
  bare      true: the verb must have no complement, clause or object predicate ("called X" is a
            phone call; "called X a liar" and "called X to apologise" are not)
  subject   word class / lemmas the subject's head (or a modifier of it) must belong to
            ("warplanes struck" is an air strike)
  source_sectors  CAMEO sectors one of the source actors must have ("the leaders clashed" is a
            war of words when the leaders are a government's)
  target_sectors  CAMEO sectors one of the actors named as patient or oblique must have
  voice     "active" or "passive": the voice the verb must have ("was flown to Berlin" is no visit)
  modifier  word class / lemmas one of the object's modifiers must belong to ("military aid")
  target    where the target is: object, prep:<word>, content (an actor in the clause), none
  needs_target  true: no event unless a target is found ("issued a warning" alone is no threat)
  code      CAMEO code
  negated   CAMEO code when the predicate is negated ("did not agree" -> reject); "none": a
            negated predicate is no event; absent: the refusal the composition table gives
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import yaml

from standoff.errors import BadDictionary

PATTERN_KEYS = {
    "id", "verb", "noun", "object", "prep", "comp", "content", "clause", "bare", "subject", "source_sectors", "target_sectors", "voice",
    "modifier", "target", "needs_target", "code", "negated", "note",
}  # fmt: skip
NO_EVENT = "none"
TARGET_KINDS = ("object", "content", "none", "default")
OBJECT_KINDS = ("actor", "party", "thing", "none")
VOICES = ("active", "passive")


@dataclass(frozen=True, slots=True)
class Trigger:
    lemma: str
    extra: tuple[str, ...]  # particle/preposition after a verb, or modifiers before a noun


@dataclass(frozen=True, slots=True)
class Pattern:
    id: str
    pattern_set: str  # the name of the set the pattern belongs to
    code: str
    triggers: tuple[Trigger, ...]
    nominal: bool
    object: frozenset[str] | str | None  # a word set, "actor", "thing", "none" or None (anything)
    prep: str | None
    comp: frozenset[str] | None
    content: tuple[re.Pattern[str], ...]
    clause: bool
    bare: bool
    subject: frozenset[str] | None
    modifier: frozenset[str] | None
    source_sectors: frozenset[str] | None
    target_sectors: frozenset[str] | None
    voice: str | None
    target: str
    needs_target: bool
    negated: str | None


class PatternSet:
    """One set of patterns, indexed by trigger lemma for verbal and nominal triggers."""

    def __init__(self, name: str, patterns: tuple[Pattern, ...], classes: dict[str, frozenset[str]], version: str) -> None:
        self.name = name
        self.patterns = patterns
        self.classes = classes
        self.version = version
        index: dict[tuple[bool, str], list[Pattern]] = {}
        for pattern in patterns:
            for trigger in pattern.triggers:
                bucket = index.setdefault((pattern.nominal, trigger.lemma), [])
                if pattern not in bucket:
                    bucket.append(pattern)
        self._index = {key: tuple(value) for key, value in index.items()}
        self._by_id = {p.id: p for p in patterns}

    def candidates(self, lemma: str, nominal: bool) -> tuple[Pattern, ...]:
        return self._index.get((nominal, lemma), ())

    def get(self, pattern_id: str) -> Pattern | None:
        return self._by_id.get(pattern_id)


class PatternStack:
    """Pattern sets in order of precedence, the first set highest."""

    def __init__(self, sets: Iterable[PatternSet]) -> None:
        self.sets = tuple(sets)
        names = [s.name for s in self.sets]
        if len(set(names)) != len(names):
            raise BadDictionary(f"pattern sets need distinct names, got {names}")
        self._by_name = {s.name: s for s in self.sets}
        self.verbs = frozenset(t.lemma for s in self.sets for p in s.patterns if not p.nominal for t in p.triggers)
        self.nouns = frozenset(t.lemma for s in self.sets for p in s.patterns if p.nominal for t in p.triggers)

    def candidates(self, lemma: str, nominal: bool) -> tuple[Pattern, ...]:
        """The patterns of a trigger lemma, higher sets first."""
        found: tuple[Pattern, ...] = ()
        for pattern_set in self.sets:
            found += pattern_set.candidates(lemma, nominal)
        return found

    def get(self, pattern_set: str, pattern_id: str) -> Pattern | None:
        found = self._by_name.get(pattern_set)
        return found.get(pattern_id) if found is not None else None

    def versions(self) -> dict[str, str]:
        return {f"patterns:{s.name}": s.version for s in self.sets}


def _words(value: object, classes: dict[str, frozenset[str]], where: str) -> frozenset[str]:
    items = value if isinstance(value, list) else [value]
    words: set[str] = set()
    for item in items:
        item = str(item)
        if item.startswith("@"):
            if item[1:] not in classes:
                raise BadDictionary(f"{where}: unknown word class {item!r}")
            words |= classes[item[1:]]
        else:
            words.add(item.lower())
    return frozenset(words)


def _sectors(value: object, classes: dict[str, frozenset[str]], where: str) -> frozenset[str]:
    return frozenset(word.upper() for word in _words(value, classes, where))


def _triggers(values: list[str], classes: dict[str, frozenset[str]], nominal: bool) -> tuple[Trigger, ...]:
    triggers = []
    for value in values:
        if value.startswith("@"):
            triggers.extend(Trigger(word, ()) for word in sorted(classes[value[1:]]))
            continue
        parts = value.lower().split()
        if nominal:
            triggers.append(Trigger(parts[-1], tuple(parts[:-1])))
        else:
            triggers.append(Trigger(parts[0], tuple(parts[1:])))
    return tuple(triggers)


def _pattern(raw: dict, classes: dict[str, frozenset[str]], codes: frozenset[str], set_name: str) -> Pattern:
    where = f"pattern {raw.get('id', '?')}"
    unknown = set(raw) - PATTERN_KEYS
    if unknown:
        raise BadDictionary(f"{where}: unknown keys {sorted(unknown)}")
    if "id" not in raw or "code" not in raw or ("verb" in raw) == ("noun" in raw):
        raise BadDictionary(f"{where}: needs id, code and exactly one of verb/noun")
    for key in ("code", "negated"):
        if key in raw and str(raw[key]) not in codes and not (key == "negated" and raw[key] == NO_EVENT):
            raise BadDictionary(f"{where}: {key} {raw[key]!r} is not a CAMEO code")
    nominal = "noun" in raw
    trigger_values = raw["noun"] if nominal else raw["verb"]
    trigger_values = trigger_values if isinstance(trigger_values, list) else [trigger_values]
    obj = raw.get("object")
    if obj is not None and obj not in OBJECT_KINDS:
        obj = _words(obj, classes, where)
    target = str(raw.get("target", "default"))
    if not (target in TARGET_KINDS or target.startswith("prep:")):
        raise BadDictionary(f"{where}: target {target!r} is not one of {TARGET_KINDS} or prep:<word>")
    voice = raw.get("voice")
    if voice is not None and voice not in VOICES:
        raise BadDictionary(f"{where}: voice {voice!r} is not one of {VOICES}")
    content = raw.get("content", [])
    content = content if isinstance(content, list) else [content]
    return Pattern(
        id=str(raw["id"]),
        pattern_set=set_name,
        code=str(raw["code"]),
        triggers=_triggers([str(v) for v in trigger_values], classes, nominal),
        nominal=nominal,
        object=obj,
        prep=raw.get("prep"),
        comp=_words(raw["comp"], classes, where) if "comp" in raw else None,
        content=tuple(re.compile(expr) for expr in content),
        clause=bool(raw.get("clause", False)),
        bare=bool(raw.get("bare", False)),
        subject=_words(raw["subject"], classes, where) if "subject" in raw else None,
        modifier=_words(raw["modifier"], classes, where) if "modifier" in raw else None,
        source_sectors=_sectors(raw["source_sectors"], classes, where) if "source_sectors" in raw else None,
        target_sectors=_sectors(raw["target_sectors"], classes, where) if "target_sectors" in raw else None,
        voice=voice,
        target=target,
        needs_target=bool(raw.get("needs_target", False)),
        negated=str(raw["negated"]) if "negated" in raw else None,
    )


CURATED = "curated"


def read_pattern_set(data: bytes, name: str, where: str) -> PatternSet:
    """Read and check a pattern file; codes must exist in the CAMEO table."""
    from standoff.ontology import load_ontology

    try:
        raw = yaml.safe_load(data)
    except yaml.YAMLError as exc:
        raise BadDictionary(f"not valid YAML: {exc}", file=where) from exc
    classes = {word_class: frozenset(str(w).lower() for w in words) for word_class, words in raw.get("classes", {}).items()}
    codes = frozenset(code.code for code in load_ontology().codes())
    patterns = tuple(_pattern(item, classes, codes, name) for item in raw["patterns"])
    ids = [p.id for p in patterns]
    duplicates = {i for i in ids if ids.count(i) > 1}
    if duplicates:
        raise BadDictionary(f"duplicate pattern ids {sorted(duplicates)}", file=where)
    version = hashlib.blake2b(data, digest_size=6).hexdigest()
    return PatternSet(name, patterns, classes, version)


@cache
def load_pattern_set(path: Path | None = None, name: str = CURATED) -> PatternSet:
    """The packaged curated set, or the set in the file at ``path``; read once per process."""
    if path is None:
        return read_pattern_set(resources.files("standoff.events").joinpath("patterns.yaml").read_bytes(), name, "patterns.yaml")
    return read_pattern_set(Path(path).read_bytes(), name, str(path))
