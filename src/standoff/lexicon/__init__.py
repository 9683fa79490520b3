"""standoff's closed-class English: the word lists of the coder, the resolver and the place
finder, read from one data file (words.yaml) and passed to the stages that use them.

Each list has one job, named by its field. ``load_lexicon()`` reads the packaged file once per
process; a user's own file (same keys) can be given instead.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, fields
from functools import cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType

import yaml

from standoff.errors import BadDictionary

Words = frozenset[str]  # a set of words: membership is all that matters
Ordered = tuple[str, ...]  # words in order of preference


@dataclass(frozen=True, slots=True, eq=False)  # compared and hashed by identity: one per file
class Lexicon:
    """Every list is described in words.yaml, next to its words."""

    version: str
    saying_verbs: Words
    announcing_verbs: Words
    speaker_clause_verbs: Words
    declaring_adjectives: Words
    communication_verbs: Words
    quote_verbs: Words
    telling_verbs: Words
    claim_nouns: Words
    rejecting_verbs: Words
    answering_verbs: Words
    speaker_pronouns: Words
    self_pronouns: Words
    hypothetical_auxiliaries: Words
    future_auxiliaries: Words
    promising_auxiliaries: Words
    conditional_subordinators: Words
    condition_openers: Words
    circumstance_openers: Words
    negative_determiners: Words
    hypothetical_determiners: Words
    negating_adverbs: Words
    future_heads: Words
    hypothetical_heads: Words
    negating_heads: Words
    denying_heads: Words
    light_verbs: Words
    reaction_verbs: Words
    relative_pronouns: Words
    relative_words: Words
    manner_prepositions: Words
    bare_infinitive_heads: Words
    series_nouns: Words
    partnered_nouns: Words
    among_pronouns: Words
    stateless_modifiers: Words
    relative_possessives: Words
    attacking_verbs: Words
    deadline_prepositions: Words
    pending_openers: Words
    later_openers: Words
    wishing_verbs: Words
    culpable_adjectives: Words
    request_nouns: Words
    source_prepositions: Words
    target_prepositions: Ordered
    statement_topic_prepositions: Words
    response_prepositions: Words
    owner_prepositions: Ordered
    nesting_prepositions: Words
    target_location_prepositions: Ordered
    path_prepositions: Words
    definite_determiners: Words
    stopping_nouns: Words
    owned_place_nouns: Words
    personal_pronouns: Words
    possessive_pronouns: Words
    collective_possessives: Words
    pair_nouns: Words
    pair_words: Words
    pair_prepositions: Words
    party_nouns: Words
    party_words: Words
    member_nouns: Words
    collective_subject_pronouns: Words
    dummy_subject_verbs: Words
    member_determiners: Words
    indefinite_words: Words
    title_owner_prepositions: Words
    title_place_prepositions: Words
    partitives: Words
    count_nouns: Words
    toll_verbs: Words
    generic_heads: Words
    organisation_anaphors: Words
    currency_nouns: Words
    held_place_nouns: Words
    statement_heads: Words
    head_titles: Words
    unique_offices: Words
    leader_titles: Words
    leader_words: Words
    former_words: Words
    domestic_sectors: Words
    dissident_sectors: Words
    scene_prepositions: Words
    civilian_modifiers: Words
    backer_participles: Words
    describing_participles: Words
    document_nouns: Words
    allowance_nouns: Words
    stance_prefixes: Words
    title_abbreviations: Mapping[str, str]
    title_fillers: Words
    institutions: Words
    territory_nouns: Mapping[str, str | None]
    place_prepositions: Words
    noun_place_prepositions: Words
    source_goal_prepositions: Words
    rule_verbs: Words
    motion_verbs: Words
    motion_nouns: Words
    topic_nouns: Words
    deliberation_prepositions: Words
    naming_verbs: Words
    judging_verbs: Words
    topic_prepositions: Words
    of_place_nouns: Words
    place_object_verbs: Words
    locative_place_nouns: Words
    place_kind_before: Mapping[str, str]
    place_kind_after: Mapping[str, str]
    the_country_words: Ordered
    place_anaphor_nouns: Words
    name_joiners: Words
    here_words: Words
    act_class_nouns: Mapping[str, str]
    deed_nouns: Words
    deciding_verbs: Words
    holder_verbs: Words
    judgment_nouns: Words
    act_nominalisations: Mapping[str, str]
    deed_roots: Ordered
    direction_words: Words
    months: Mapping[str, int]
    number_words: Mapping[str, int]
    pattern_particles: Words
    pattern_auxiliaries: Words
    pattern_prepositions: Words
    habitual_adverbs: Words
    additive_adverbs: Words
    additive_adjectives: Words
    time_prepositions: Words
    sequence_prepositions: Words
    prior_act_prepositions: Words
    period_prepositions: Words


_LIST_FIELDS: dict[str, str] = {f.name: str(f.type) for f in fields(Lexicon) if f.name != "version"}


def read_lexicon(data: bytes, where: str) -> Lexicon:
    """Check and convert the YAML text of a lexicon; every key must be known and present."""
    try:
        raw = yaml.safe_load(data)
    except yaml.YAMLError as exc:
        raise BadDictionary(f"not valid YAML: {exc}", file=where) from exc
    if not isinstance(raw, dict):
        raise BadDictionary("a lexicon is a mapping of list names to words", file=where)
    unknown, missing = set(raw) - set(_LIST_FIELDS), set(_LIST_FIELDS) - set(raw)
    if unknown or missing:
        raise BadDictionary(f"unknown lists {sorted(unknown)}, missing lists {sorted(missing)}", file=where)
    values = {name: _convert(name, kind, raw[name], where) for name, kind in _LIST_FIELDS.items()}
    return Lexicon(version=hashlib.blake2b(data, digest_size=6).hexdigest(), **values)


def _convert(name: str, kind: str, value: object, where: str) -> object:
    if kind.startswith("Mapping"):
        if not isinstance(value, dict) or not all(isinstance(k, str) for k in value):
            raise BadDictionary(f"{name}: expected a mapping of words", file=where)
        return MappingProxyType(dict(value))
    # YAML reads bare on/off/yes/no as booleans: a word list must hold strings only
    if not isinstance(value, list) or not all(isinstance(word, str) for word in value):
        raise BadDictionary(f"{name}: expected a list of words (quote words YAML reads as booleans, such as \"on\" or \"no\")", file=where)
    return tuple(value) if kind == "Ordered" else frozenset(value)


@cache
def load_lexicon(path: Path | None = None) -> Lexicon:
    """The packaged lexicon, or the one at ``path``; read once per process."""
    if path is None:
        return read_lexicon(resources.files("standoff.lexicon").joinpath("words.yaml").read_bytes(), "words.yaml")
    return read_lexicon(Path(path).read_bytes(), str(path))
