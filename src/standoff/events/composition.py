"""Load composition.yaml: how a governing verb changes the action below it.

"urged X to refrain from attacks" is an appeal (0256), "agreed to lift sanctions" an intent
(0354), "refused to negotiate" a rejection (125), "threatened to strike" a threat (138). The
action is coded by the ordinary patterns; this table maps its code through the head's group.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import yaml

from standoff.errors import BadDictionary

GROUPS = ("appeal", "demand", "intend", "threaten", "refuse", "consider", "future", "aspect", "attempt", "fail", "prepare", "hypothetical")
MAPPED_GROUPS = ("appeal", "demand", "intend", "threaten", "refuse", "consider", "future", "attempt", "fail", "prepare")


@dataclass(frozen=True, slots=True)
class Head:
    lemma: str
    extra: tuple[str, ...]  # particle or preposition that must follow ("call on")
    group: str


class Composition:
    def __init__(self, heads: tuple[Head, ...], maps: dict[str, dict[str, str | None]], version: str) -> None:
        self.version = version
        self._maps = maps
        self._heads: dict[str, list[Head]] = {}
        for head in heads:
            self._heads.setdefault(head.lemma, []).append(head)

    def groups_of(self, lemma: str, words: set[str]) -> list[str]:
        """The groups of a governing verb, given the particles and prepositions it has."""
        return [h.group for h in self._heads.get(lemma, ()) if all(w in words for w in h.extra)]

    def compose(self, group: str, code: str) -> str | None:
        """The composed code for an action code under a mapped group, or None for no event."""
        mapping = self._maps[group]
        for length in range(len(code), -1, -1):
            prefix = code[:length]
            if prefix in mapping:
                return mapping[prefix]
        return None


@cache
def load_composition(path: Path | None = None) -> Composition:
    """The packaged table (composition.yaml), or the one at ``path``; read once per process."""
    from standoff.ontology import load_ontology

    data = resources.files("standoff.events").joinpath("composition.yaml").read_bytes() if path is None else Path(path).read_bytes()
    raw = yaml.safe_load(data)
    ontology = load_ontology()
    heads = []
    for group, lemmas in raw["heads"].items():
        if group not in GROUPS:
            raise BadDictionary(f"composition.yaml: unknown head group {group!r}")
        for text in lemmas:
            words = str(text).lower().split()
            if words[0] == "be" and len(words) > 1:
                words = words[1:]  # "be ready": the adjective carries it
            heads.append(Head(words[0], tuple(words[1:]), group))
    maps: dict[str, dict[str, str | None]] = {}
    for group in MAPPED_GROUPS:
        mapping = {str(k): (None if v is None else str(v)) for k, v in raw["maps"].get(group, {}).items()}
        for code in mapping.values():
            if code is not None and ontology.get(code) is None:
                raise BadDictionary(f"composition.yaml: {group} maps to unknown CAMEO code {code!r}")
        maps[group] = mapping
    return Composition(tuple(heads), maps, hashlib.blake2b(data, digest_size=6).hexdigest())
