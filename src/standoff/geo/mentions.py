"""Find the place names in a parsed article: the model's GPE/LOC/FAC entities, gazetteer names
the model missed or mislabelled ("Hokkaido" as ORG), and demonyms that name a country's
waters or territory ("into Chinese waters"). Resolving a name to one entry is resolve.py's job.
"""

from __future__ import annotations

from dataclasses import dataclass

from standoff.geo.gazetteer import ALTERNATE, NAME, Candidate, Gazetteer, normalise
from standoff.geo.words import LOCATIVE_PREPS, PLACE_NOUNS, PLACE_OBJECT_VERBS, TERRITORY_NOUNS
from standoff.nlp import Doc, Token

PLACE_LABELS = frozenset(("GPE", "LOC", "FAC"))
# A name inside one of these entities is part of another name ("Jordan Peterson", "Bank of Japan").
_BLOCKING_LABELS = frozenset(("PERSON", "ORG", "NORP", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW", "LANGUAGE"))
_NAME_JOINERS = frozenset(("of", "the", "and", "el", "al", "de", "-", "la", "du"))
# A GeoNames name the model did not label as a place must be a sizeable city to count:
# small towns are named Of, Along, Union, Police; and an alternate name must be a big city's
# exonym ("Kiev", "Bombay"), as smaller cities' include words like "Hamas" (for Hamm).
_MIN_UNLABELLED_POPULATION = 100_000
_MIN_UNLABELLED_ALTERNATE_POPULATION = 1_000_000
_MAX_NAME_WORDS = 6


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A stretch of tokens naming a place, with every gazetteer entry the name could be."""

    start: int  # first token
    end: int  # one past the last token
    head: int  # the token that links the mention into the parse
    text: str
    candidates: tuple[Candidate, ...]
    how: str  # "entity" (labelled by the model), "name" (gazetteer match), "demonym" or "anaphor"
    implied: str | None = None  # feature the wording implies ("offshore" for "Chinese waters")


def find_mentions(gazetteer: Gazetteer, doc: Doc) -> list[PlaceMention]:
    """The place mentions of a parsed text, in reading order."""
    return scan(gazetteer, doc)[0]


def scan(gazetteer: Gazetteer, doc: Doc) -> tuple[list[PlaceMention], list[tuple[int, str]]]:
    """The place mentions in reading order, and (token index, country) for each nationality
    word ("Lebanese", "North Korean"), which tells the resolver where the story is."""
    mentions: list[PlaceMention] = []
    covered: set[int] = set()

    def keep(mention: PlaceMention) -> None:
        mentions.append(mention)
        covered.update(range(mention.start, mention.end))

    # Doc.ents builds new objects on every call: build them once, and read the words straight
    # from the text (a Token's attributes are slow to reach; few tokens are looked at).
    text = doc.text
    bounds = doc.to_array(["IDX", "LENGTH"]).tolist()
    words = [text[i : i + n] for i, n in bounds]
    spaces = [text[i + n : j] for (i, n), (j, _) in zip(bounds, bounds[1:] + [[len(text), 0]])]
    entities = [_Entity(e.start + (words[e.start].lower() == "the"), e.end, e.label_, e.text) for e in doc.ents]
    for ent in entities:
        if ent.label in PLACE_LABELS:
            mention = _entity_mention(gazetteer, doc, ent.start, ent.end)
            if mention is not None:
                keep(mention)
    for mention in _name_mentions(gazetteer, doc, words, spaces, entities, covered):
        keep(mention)
    for mention in _demonym_mentions(gazetteer, doc, words, covered):
        keep(mention)
    demonyms = [(e.start, gazetteer.demonym(e.text)) for e in entities if e.label == "NORP"]
    return sorted(mentions, key=lambda m: m.start), [(i, country) for i, country in demonyms if country]


@dataclass(frozen=True, slots=True)
class _Entity:
    start: int  # after a leading "the"
    end: int
    label: str
    text: str


def _entity_mention(gazetteer: Gazetteer, doc: Doc, start: int, end: int) -> PlaceMention | None:
    """The entity without a trailing possessive ("the United States's")."""
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct):
        end -= 1
    if start == end:
        return None
    text = "".join(t.text_with_ws for t in doc[start : end - 1]) + doc[end - 1].text
    candidates = gazetteer.candidates(text)
    if not candidates:
        return None
    inside = range(start, end)
    head = next((t.i for t in doc[start:end] if t.head.i not in inside or t.head.i == t.i), end - 1)
    return PlaceMention(start, end, head, text, tuple(candidates), "entity")


def _name_mentions(
    gazetteer: Gazetteer, doc: Doc, words: list[str], spaces: list[str], entities: list[_Entity], covered: set[int]
) -> list[PlaceMention]:
    """Longest gazetteer names starting at capitalised words, where the model saw no place."""
    found = []
    i = 0
    while i < len(words):
        if i in covered or not words[i][:1].isupper():
            i += 1
            continue
        match = None
        text = ""
        for stop in range(i + 1, min(len(words), i + _MAX_NAME_WORDS) + 1):
            if stop - 1 in covered:
                break
            text += (spaces[stop - 2] if stop > i + 1 else "") + words[stop - 1]
            key = text.lower() if text.isalpha() and text.isascii() else normalise(text)  # the same, faster
            if not gazetteer.starts_name(key):
                break  # no name goes on like this
            if words[stop - 1][:1].isalnum() and gazetteer.has(key):
                candidates = tuple(gazetteer.candidates(text))
                if _acceptable(doc, entities, i, stop, candidates):
                    match = PlaceMention(i, stop, doc[i:stop].root.i, text, candidates, "name")
        if match is None:
            i += 1
        else:
            found.append(match)
            i = match.end
    return found


def _acceptable(doc: Doc, entities: list[_Entity], start: int, end: int, candidates: tuple[Candidate, ...]) -> bool:
    curated = any(c.curated for c in candidates)
    words = [t for t in doc[start:end] if t.lower_ not in _NAME_JOINERS and not t.is_punct]
    # Our own multiword names may be written in lower case after the first word ("Korean
    # peninsula"); GeoNames names must be capitalised proper nouns throughout.
    if not curated and not all(t.text[:1].isupper() and t.tag_ in ("NNP", "NNPS") for t in words):
        return False
    first = doc[start]
    if first.is_sent_start and end - start == 1 and first.tag_ not in ("NNP", "NNPS"):
        return False  # "Police said ..."
    if not curated and (len(normalise(doc[start:end].text)) < 3 or (end - start == 1 and first.is_upper)):
        return False  # "D", "GAO": initials and acronyms
    # The small model often calls a foreign city a person; where the words put it in a place
    # slot ("in Kharkiv", "bombed Sanaa"), it is one.
    trusted = curated or _locative_slot(doc[start:end].root)
    if _inside_other_entity(doc, entities, start, end, trusted) or _part_of_longer_name(doc, start, end):
        return False
    if all(c.kind == ALTERNATE for c in candidates) and first.ent_type_ == "ORG":
        return False  # "Hamas" is also an old name of Hamm
    return curated or any(_sizeable(c, trusted) for c in candidates)


def _sizeable(candidate: Candidate, in_place_slot: bool) -> bool:
    entry = candidate.entry
    if candidate.kind == ALTERNATE and not in_place_slot:
        return entry.population >= _MIN_UNLABELLED_ALTERNATE_POPULATION
    return entry.population >= _MIN_UNLABELLED_POPULATION or entry.capital


def _part_of_longer_name(doc: Doc, start: int, end: int) -> bool:
    """A proper noun right before or after ("Galwan Valley", "New York Times"), or a hyphenated
    name going on ("Pul-e-Charki"): the match is only part of a name the gazetteer lacks."""
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    if any(
        t is not None and t.tag_ in ("NNP", "NNPS") and t.text[:1].isupper() and t.lower_ not in _NAME_JOINERS
        for t in (before, after)
    ):
        return True
    hyphen_after = after is not None and after.text == "-" and not doc[end - 1].whitespace_ and end + 1 < len(doc)
    return hyphen_after and (doc[end + 1].text[:1].isupper() or len(doc[end + 1]) <= 2)


def _locative_slot(token: Token) -> bool:
    """The words put this noun where a place goes: after a locative preposition, as the
    object of a verb like "visit" or "bomb", or before a place noun ("Kabul airport")."""
    while token.dep_ in ("conj", "appos") and token.head.i != token.i:
        token = token.head
    head = token.head
    if token.dep_ == "pobj":
        return head.lower_ in LOCATIVE_PREPS
    if token.dep_ == "dobj":
        return head.lemma_.lower() in PLACE_OBJECT_VERBS
    return token.dep_ in ("compound", "poss", "nmod") and head.lower_ in PLACE_NOUNS


def _inside_other_entity(doc: Doc, entities: list[_Entity], start: int, end: int, trusted: bool) -> bool:
    """Part of a person's or organisation's name ("Jordan Peterson", "Bank of Japan"), unless
    the name follows "in" or "at" inside it, or runs past it ("Korean" + "peninsula"). An
    entity that is just this name blocks a city name ("Bush said", "Victoria police") unless
    it is trusted: curated (the model calls "Hokkaido" an ORG and "Georgia" a person) or in a
    place slot."""
    for ent in entities:
        if ent.label not in _BLOCKING_LABELS or ent.end <= start or ent.start >= end:
            continue
        if ent.start == start and ent.end == end:
            if ent.label == "NORP":
                return doc[start].tag_ == "JJ"  # "Korean" is an adjective, "Aegean" a sea
            return not trusted
        if ent.start < start and doc[start - 1].lower_ in ("in", "at"):
            continue
        if ent.start >= start and ent.end < end:
            continue
        return True
    return False


def _demonym_mentions(gazetteer: Gazetteer, doc: Doc, words: list[str], covered: set[int]) -> list[PlaceMention]:
    """"Chinese waters", "North Korean territory": the demonym names the country's place."""
    found = []
    for i, word in enumerate(words):
        if word.lower() not in TERRITORY_NOUNS or doc[i].pos_ != "NOUN":
            continue
        noun = doc[i]
        capitalised = [t for t in doc[noun.left_edge.i : i] if t.text[:1].isupper() and t.i not in covered]
        for k in range(len(capitalised)):
            phrase = capitalised[k:]
            if phrase[-1].i + 1 != i and doc[phrase[-1].i + 1].pos_ != "ADJ":
                continue  # the demonym must modify this noun ("Chinese territorial waters" is fine)
            country = gazetteer.demonym(" ".join(t.text for t in phrase))
            entry = gazetteer.country(country) if country else None
            if entry is not None:
                start, end = phrase[0].i, phrase[-1].i + 1
                implied = TERRITORY_NOUNS[word.lower()]
                found.append(PlaceMention(start, end, i, doc[start:end].text, (Candidate(entry, NAME),), "demonym", implied))
                break
    return found

