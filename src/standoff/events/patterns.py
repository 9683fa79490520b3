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
  forms     the surface forms the verb must have ("left" but not "leave"), where a dictionary
            codes one form of a verb apart
  noun      noun lemmas for nominal events ("talks", "telephone conversation"): the last word is
            the head, the words before it must precede it in the phrase
  object    "actor" (the direct object must be an actor, or a thing an actor owns or says),
            "party" (the direct object itself names an actor: "hosted Macron", not "welcomed
            the French position"), "thing" (there must be a direct object), "none", or words
            the direct object's lemma must belong to
  prep      a preposition that must be present with an object ("with", "against")
  oblique   prepositions that must be present, each with words its object must belong to (or
            null: any object): {to: [border]}; looked for on the verb, on its objects and on the
            objects of its other prepositions ("put police on alert along the border")
  comp      words of the verb in an infinitival complement ("urge X to *refrain*")
  content   regular expressions; one must occur in the clause the verb introduces (statements)
  clause    true: the verb must introduce a clause ("warned that ...")
  bare      true: the verb must have no complement or object predicate ("called X" is a phone
            call; "called X a liar" and "called X to apologise" are not), nor a clause other than
            one in place of an object ("doubts that X can cope"; not "said that ...")
  subject   words the subject's head (or a modifier of it) must belong to ("warplanes struck"
            is an air strike)
  source_sectors  CAMEO sectors one of the source actors must have ("the leaders clashed" is a
            war of words when the leaders are a government's)
  target_sectors  CAMEO sectors one of the actors named as patient or oblique must have
  voice     "active" or "passive": the voice the verb must have ("was flown to Berlin" is no visit)
  modifier  words one of the object's modifiers must belong to ("military aid")
  adverb    words one of the verb's adverbs must belong to ("sharply criticised")
  auxiliaries  word forms that must each be an auxiliary of the verb ("have" fits "have
            delayed", "would" fits "would act"), as a dictionary writes them before its verb
  governor  verb lemmas one of which the verb must be the clausal or infinitival complement of
            ("indicated it would act": the dictionary's "INDICATED WOULD *")
  called    words what the object is called must belong to ("called the strike *a war crime*",
            "called the removal *disgusting*")
  joint     true: the subject must be two or more actors joined by "and" ("X and Y agreed"),
            and without another target each acts toward the other
  polarity  "negated": the pattern fits only a negated verb, and its code is what the negated
            act is ("did not clash over": the dictionary's own reading of the negation)
  source    where the source is: subject (the default), object, prep:<word>, or, when the
            subject names a weapon rather than who used it, weapon (the weapon's owner:
            "Iranian missiles struck"; else no known source) or bomber (the bomb's owner, else
            an unidentified armed force of the country it went off in: "a roadside bomb killed"),
            or arrester (the subject; in a passive with no agent the text supplies, the police of
            the country the arrest was made in: "were arrested last June"), or captor (the
            subject; in a passive with no agent, whoever arrested or abducted the released
            people before: "rebels hijacked a plane ... the passengers were released")
  target    where the target is: object, prep:<word>, subject, content (an actor in the
            clause), none, default (the object, else the object of a preposition of the target
            prepositions), or phrase (the object, else the first object of any preposition on
            the verb or its object that names an actor: where PETRARCH looks)
  needs_source  true: no event unless the source is a known actor
  needs_target  true: no event unless a target is found ("issued a warning" alone is no threat)
  dyad      true: no event unless it has a known source and target once the rules ran ("X and
            Y renewed talks" has its targets from each other), as PETRARCH codes by default
  code      the event's code, or "none": the pattern fits and no event is coded ("avoided
            incidents"), so no lower pattern codes the predicate either
  reverse   the code of the paired event the target does toward the source ("arrived in X":
            042 visit, and X's 043 host)
  negated   code when the predicate is negated ("did not agree" -> reject); "none": a
            negated predicate is no event; absent: the refusal the composition table gives

Words (object, subject, modifier, comp, adverb, called, oblique) are a list of lemmas and ``@class``
references; an entry of several words separated by spaces is a phrase: its last word is the
head, the words before it must occur, in that order, before the head in its phrase ("financial
aid" fits "much-needed financial aid"; "@military aid" fits "troops aid" if troops is in the
class).

A set's codes must be CAMEO codes unless the file says ``codes: as-given``: then a code CAMEO
does not define is kept as the file gives it (PETRARCH's validation dictionary uses WEIS-style
codes) and its events have no Goldstein score, QuadClass or PLOVER type.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

import yaml

from standoff.errors import BadDictionary

PATTERN_KEYS = {
    "id", "verb", "forms", "noun", "object", "prep", "oblique", "comp", "content", "clause", "bare", "subject", "source_sectors",
    "target_sectors", "voice", "modifier", "adverb", "auxiliaries", "governor", "called", "joint", "polarity", "source", "target", "needs_source", "needs_target", "dyad",
    "code", "reverse", "negated", "note",
}  # fmt: skip
NO_EVENT = "none"
STATEMENT_ROOT = "01"  # CAMEO 01: make a public statement
FORCE_ROOT = "14"  # CAMEO 14 and above: protest and force, done in a place to whoever is there
INTERNATIONAL_BODY = "IGO"  # the code prefix, and the sector, of intergovernmental organisations
TARGET_KINDS = ("object", "subject", "phrase", "content", "none", "default")
SOURCE_KINDS = ("subject", "object", "weapon", "bomber", "arrester", "captor")
WEAPON_SOURCES = frozenset({"weapon", "bomber"})  # the subject names a weapon, not who used it
# Read from the subject; the coder looks further when a passive gives no agent.
SUBJECT_SOURCES = frozenset({"subject", "arrester", "captor"})
OBJECT_KINDS = ("actor", "party", "thing", "none")
VOICES = ("active", "passive")
POLARITIES = ("negated",)
AS_GIVEN = "as-given"  # the value of ``codes`` in a set that keeps codes CAMEO does not define

Phrase = tuple[frozenset[str], ...]  # the words before the head, in order, then the head


@dataclass(frozen=True, slots=True)
class Words:
    """What a role filler must be: one of ``single`` (its lemma or form), or one of ``phrases``."""

    single: frozenset[str]
    phrases: tuple[Phrase, ...] = ()
    heads: frozenset[str] = frozenset()  # the single words and the heads of the phrases

    def __post_init__(self) -> None:
        object.__setattr__(self, "heads", self.single.union(*(phrase[-1] for phrase in self.phrases)))

    def __contains__(self, word: str) -> bool:
        return word in self.single


@dataclass(frozen=True, slots=True)
class Trigger:
    lemma: str
    extra: tuple[str, ...]  # particle/preposition after a verb, or modifiers before a noun


@dataclass(frozen=True, slots=True)
class Pattern:
    id: str
    pattern_set: str  # the name of the set the pattern belongs to
    code: str  # a code, or NO_EVENT
    triggers: tuple[Trigger, ...]
    nominal: bool
    object: Words | str | None  # words, "actor", "thing", "none" or None (anything)
    prep: str | None
    comp: Words | None
    content: tuple[re.Pattern[str], ...]
    clause: bool
    bare: bool
    subject: Words | None
    modifier: Words | None
    source_sectors: frozenset[str] | None
    target_sectors: frozenset[str] | None
    voice: str | None
    target: str
    needs_target: bool
    negated: str | None
    forms: frozenset[str] = frozenset()  # empty: any form of the verb
    obliques: tuple[tuple[str, Words | None], ...] = ()  # preposition, the words its object must be
    adverb: Words | None = None
    auxiliaries: frozenset[str] = frozenset()
    governor: Words | None = None
    called: Words | None = None
    joint: bool = False
    polarity: str | None = None
    source: str = "subject"
    needs_source: bool = False
    reverse: str | None = None
    dyad: bool = False
    extras: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict, compare=False)  # lemma -> its triggers' extra words

    def __post_init__(self) -> None:
        for trigger in self.triggers:  # read once: every predicate of the lemma asks
            self.extras[trigger.lemma] = (*self.extras.get(trigger.lemma, ()), trigger.extra)


class PatternSet:
    """One set of patterns, indexed by trigger lemma for verbal and nominal triggers."""

    def __init__(self, name: str, patterns: tuple[Pattern, ...], classes: dict[str, frozenset[str]], version: str) -> None:
        self.name = name
        self.patterns = patterns
        self.classes = classes
        self.version = version
        index: dict[tuple[bool, str], dict[int, Pattern]] = {}  # by identity: patterns may be equal
        for pattern in patterns:
            for trigger in pattern.triggers:
                index.setdefault((pattern.nominal, trigger.lemma), {})[id(pattern)] = pattern
        self._index = {key: tuple(value.values()) for key, value in index.items()}
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
        self._candidates: dict[tuple[str, bool], tuple[Pattern, ...]] = {}

    def candidates(self, lemma: str, nominal: bool) -> tuple[Pattern, ...]:
        """The patterns of a trigger lemma, higher sets first."""
        key = (lemma, nominal)
        found = self._candidates.get(key)
        if found is None:
            found = self._candidates[key] = tuple(p for pattern_set in self.sets for p in pattern_set.candidates(lemma, nominal))
        return found

    def rank(self, pattern_set: str) -> int:
        """The set's precedence, 0 for the highest; the coder's own events (no set) rank above all."""
        names = [s.name for s in self.sets]
        return names.index(pattern_set) if pattern_set in names else -1

    def get(self, pattern_set: str, pattern_id: str) -> Pattern | None:
        found = self._by_name.get(pattern_set)
        return found.get(pattern_id) if found is not None else None

    def versions(self) -> dict[str, str]:
        return {f"patterns:{s.name}": s.version for s in self.sets}


def _class_words(item: str, classes: dict[str, frozenset[str]], where: str) -> frozenset[str]:
    if item[1:] not in classes:
        raise BadDictionary(f"{where}: unknown word class {item!r}")
    return classes[item[1:]]


def _words(value: object, classes: dict[str, frozenset[str]], where: str) -> Words:
    """Words from a list of lemmas, ``@class`` references and phrases (words separated by
    spaces); a class member with a space is a phrase too."""
    items = value if isinstance(value, list) else [value]
    single: set[str] = set()
    phrases: list[Phrase] = []
    for item in items:
        item = str(item).lower()
        parts = item.split()
        if len(parts) > 1:
            phrases.append(tuple(_class_words(part, classes, where) if part.startswith("@") else frozenset({part}) for part in parts))
            continue
        words = _class_words(item, classes, where) if item.startswith("@") else frozenset({item})
        for word in words:
            if " " in word:
                phrases.append(tuple(frozenset({part}) for part in word.split()))
            else:
                single.add(word)
    return Words(frozenset(single), tuple(phrases))


def _sectors(value: object, classes: dict[str, frozenset[str]], where: str) -> frozenset[str]:
    return frozenset(word.upper() for word in _words(value, classes, where).single)


def _triggers(values: list[str], classes: dict[str, frozenset[str]], nominal: bool) -> tuple[Trigger, ...]:
    triggers = []
    for value in values:
        if value.startswith("@"):  # a class of verbs, perhaps with a particle: "@setting_verbs out"
            name, *extra = value.lower().split()
            for member in sorted(classes[name[1:]]):
                lemma, *own = member.split()
                triggers.append(Trigger(lemma, (*own, *extra)))
            continue
        parts = value.lower().split()
        if nominal:
            triggers.append(Trigger(parts[-1], tuple(parts[:-1])))
        else:
            triggers.append(Trigger(parts[0], tuple(parts[1:])))
    return tuple(triggers)


def _obliques(value: object, classes: dict[str, frozenset[str]], where: str) -> tuple[tuple[str, Words | None], ...]:
    if not isinstance(value, dict) or not value:
        raise BadDictionary(f"{where}: oblique must map prepositions to words (or null)")
    return tuple((str(prep).lower(), None if words is None else _words(words, classes, where)) for prep, words in value.items())


def _place(raw: dict, key: str, kinds: tuple[str, ...], default: str, where: str) -> str:
    """Where a source or target is: one of ``kinds``, or prep:<word>."""
    value = str(raw.get(key, default))
    if not (value in kinds or (value.startswith("prep:") and len(value) > 5)):
        raise BadDictionary(f"{where}: {key} {value!r} is not one of {kinds} or prep:<word>")
    return value


def _pattern(raw: dict, classes: dict[str, frozenset[str]], codes: frozenset[str] | None, set_name: str) -> Pattern:
    where = f"pattern {raw.get('id', '?')}"
    unknown = set(raw) - PATTERN_KEYS
    if unknown:
        raise BadDictionary(f"{where}: unknown keys {sorted(unknown)}")
    if "id" not in raw or "code" not in raw or ("verb" in raw) == ("noun" in raw):
        raise BadDictionary(f"{where}: needs id, code and exactly one of verb/noun")
    for key in ("code", "reverse", "negated"):
        value = raw.get(key)
        if value is None or (key != "reverse" and value == NO_EVENT):
            continue
        if not str(value).strip() or (codes is not None and str(value) not in codes):
            raise BadDictionary(f"{where}: {key} {value!r} is not a CAMEO code")
    if raw["code"] == NO_EVENT and raw.get("reverse") is None and "negated" in raw:
        raise BadDictionary(f"{where}: a pattern that codes nothing has no negated code")
    nominal = "noun" in raw
    trigger_values = raw["noun"] if nominal else raw["verb"]
    trigger_values = trigger_values if isinstance(trigger_values, list) else [trigger_values]
    obj = raw.get("object")
    if obj is not None and obj not in OBJECT_KINDS:
        obj = _words(obj, classes, where)
    polarity = raw.get("polarity")
    if polarity is not None and polarity not in POLARITIES:
        raise BadDictionary(f"{where}: polarity {polarity!r} is not one of {POLARITIES}")
    voice = raw.get("voice")
    if voice is not None and voice not in VOICES:
        raise BadDictionary(f"{where}: voice {voice!r} is not one of {VOICES}")
    forms = raw.get("forms", [])
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
        target=_place(raw, "target", TARGET_KINDS, "default", where),
        needs_target=bool(raw.get("needs_target", False)),
        negated=str(raw["negated"]) if "negated" in raw else None,
        forms=frozenset(str(f).lower() for f in (forms if isinstance(forms, list) else [forms])),
        obliques=_obliques(raw["oblique"], classes, where) if "oblique" in raw else (),
        adverb=_words(raw["adverb"], classes, where) if "adverb" in raw else None,
        auxiliaries=frozenset(str(w).lower() for w in raw.get("auxiliaries", [])),
        governor=_words(raw["governor"], classes, where) if "governor" in raw else None,
        called=_words(raw["called"], classes, where) if "called" in raw else None,
        joint=bool(raw.get("joint", False)),
        polarity=polarity,
        source=_place(raw, "source", SOURCE_KINDS, "subject", where),
        needs_source=bool(raw.get("needs_source", False)),
        reverse=str(raw["reverse"]) if raw.get("reverse") is not None else None,
        dyad=bool(raw.get("dyad", False)),
    )


CURATED = "curated"
IMPORTED = "petrarch"  # the packaged set: PETRARCH's CAMEO verb dictionary, translated (petrarch_verbs.py)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml reads a large set five times faster


def read_pattern_set(data: bytes, name: str, where: str) -> PatternSet:
    """Read and check a pattern file; codes must exist in the CAMEO table unless the file keeps
    them as given."""
    from standoff.ontology import load_ontology

    try:
        raw = yaml.load(data, Loader=_LOADER)
    except yaml.YAMLError as exc:
        raise BadDictionary(f"not valid YAML: {exc}", file=where) from exc
    if not isinstance(raw, dict) or not isinstance(raw.get("patterns"), list):
        raise BadDictionary("a pattern file is a mapping with a list of patterns", file=where)
    if raw.get("codes", "cameo") not in ("cameo", AS_GIVEN):
        raise BadDictionary(f"codes must be cameo or {AS_GIVEN}, not {raw['codes']!r}", file=where)
    classes = {word_class: frozenset(str(w).lower() for w in words) for word_class, words in (raw.get("classes") or {}).items()}
    codes = None if raw.get("codes") == AS_GIVEN else frozenset(code.code for code in load_ontology().codes())
    try:
        patterns = tuple(_pattern(item, classes, codes, name) for item in raw["patterns"])
    except BadDictionary as exc:
        raise BadDictionary(exc.message, file=where) from exc
    duplicates = {i for i, count in Counter(p.id for p in patterns).items() if count > 1}
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
