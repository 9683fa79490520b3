"""Find the place names in a parsed article: the model's GPE/LOC/FAC entities, gazetteer names
the model missed or mislabelled ("Hokkaido" as ORG), and demonyms that name a country's
waters or territory ("into Chinese waters"). Resolving a name to one entry is resolve.py's job.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import compress
from operator import itemgetter

from standoff.geo.gazetteer import ALTERNATE, NAME, Candidate, Gazetteer, normalise
from standoff.lexicon import Lexicon, load_lexicon
from standoff.nlp import Doc, Token
from standoff.syntax.labels import PLAIN_OBLIQUE, PLAIN_PATIENT, Entity, Form, NamedSpan, Role, WordClass, entity, is_adjective_tag, is_possessive_ending, is_proper_noun_tag, link, named_spans, role, word_class
from standoff.syntax.tree import first_hanging_word, phrase_root, tokens

PLACE_ENTITIES = frozenset({Entity.COUNTRY_OR_CITY, Entity.LOCATION, Entity.FACILITY})
# A name inside one of these entities is part of another name ("Jordan Peterson", "Bank of Japan").
_BLOCKING_ENTITIES = frozenset({Entity.PERSON, Entity.ORGANISATION, Entity.NATIONALITY, Entity.OTHER_NAME})
# A name inside a date or a time is never a place, even after "in" ("in March", a town in Cambridgeshire).
_TIME_ENTITIES = frozenset({Entity.DATE, Entity.TIME})
# How a name before a place noun attaches to it: "*Kabul* airport", "*Japan's* waters".
_NAME_BEFORE_NOUN = frozenset({(Role.MODIFIER, Form.NOUN), (Role.POSSESSOR, Form.PLAIN), (Role.MODIFIER, Form.NOUN_PHRASE)})
# A GeoNames name the model did not label as a place must be a sizeable city to count, unless
# the words put it in a place slot: small towns are named Of, Along, Union, Police; and an
# alternate name must be a big city's exonym ("Kiev", "Bombay"), as smaller cities' include
# words like "Hamas" (for Hamm).
_MIN_UNLABELLED_POPULATION = 100_000
_MIN_UNLABELLED_ALTERNATE_POPULATION = 1_000_000
_MAX_NAME_WORDS = 6
_FIRST_CHARACTER = itemgetter(slice(0, 1))


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


def find_mentions(gazetteer: Gazetteer, doc: Doc, lexicon: Lexicon | None = None) -> list[PlaceMention]:
    """The place mentions of a parsed text, in reading order."""
    return scan(gazetteer, doc, lexicon or load_lexicon())[0]


def scan(gazetteer: Gazetteer, doc: Doc, lexicon: Lexicon, text: str | None = None) -> tuple[list[PlaceMention], list[tuple[int, str]]]:
    """The place mentions in reading order, and (token index, country) for each nationality
    word ("Lebanese", "North Korean"), which tells the resolver where the story is. ``text``:
    the doc's text, when the caller has it (Doc.text joins every token anew)."""
    mentions: list[PlaceMention] = []
    covered: set[int] = set()

    def keep(mention: PlaceMention) -> None:
        mentions.append(mention)
        covered.update(range(mention.start, mention.end))

    # Doc.ents builds new objects on every call: build them once, and read the words straight
    # from the text (a Token's attributes are slow to reach; few tokens are looked at).
    text = doc.text if text is None else text
    starts, lengths = doc.to_array(["IDX", "LENGTH"]).T.tolist()  # two lists, not a pair per token
    words = [text[i : i + n] for i, n in zip(starts, lengths)]
    spaces = [text[i + n : j] for i, n, j in zip(starts, lengths, starts[1:] + [len(text)])]
    entities = _Entities([_without_article(e, words) for e in named_spans(doc, text)])
    for ent in entities.all:
        if ent.kind in PLACE_ENTITIES:
            mention = _entity_mention(gazetteer, doc, words, spaces, ent.start, ent.end)
            if mention is None and ent.end - ent.start > 1 and normalise(words[ent.start]) in lexicon.direction_words:
                mention = _entity_mention(gazetteer, doc, words, spaces, ent.start + 1, ent.end)  # "Western Cambodia": Cambodia
            if mention is not None:
                keep(mention)
    for mention in _name_mentions(gazetteer, doc, words, spaces, entities, covered, lexicon):
        keep(mention)
    for mention in _demonym_mentions(gazetteer, doc, text, words, covered, lexicon):
        keep(mention)
    nationality = Entity.NATIONALITY  # read once: on Python 3.11 an Enum's member is read through EnumType.__getattr__, slowly
    demonyms = [(e.start, gazetteer.demonym(e.text)) for e in entities.all if e.kind is nationality]
    return sorted(mentions, key=lambda m: m.start), [(i, country) for i, country in demonyms if country]


def _without_article(name: NamedSpan, words: list[str]) -> NamedSpan:
    """The name from the word after a leading "the" ("the Gulf of Aden"), its text kept whole; a
    new span only then (most names have none)."""
    if words[name.start].lower() != "the":
        return name
    return NamedSpan(name.start + 1, name.end, name.kind, name.text)


class _Entities:
    """The doc's entities in reading order, found by the tokens they overlap: a name looks at
    those around it, not at every entity of the article."""

    def __init__(self, entities: list[NamedSpan]) -> None:
        self.all = entities
        self._ends = [e.end for e in entities]  # in order too: entities do not overlap

    def overlapping(self, start: int, end: int) -> Iterator[NamedSpan]:
        for index in range(bisect_right(self._ends, start), len(self.all)):
            entity = self.all[index]
            if entity.start >= end:
                return
            yield entity


def _entity_mention(gazetteer: Gazetteer, doc: Doc, words: list[str], spaces: list[str], start: int, end: int) -> PlaceMention | None:
    """The entity without a trailing possessive ("the United States's"). ``words`` and
    ``spaces``: each token's text and the blank after it."""
    doc_tokens = tokens(doc)
    while end > start and (is_possessive_ending(doc_tokens[end - 1]) or doc_tokens[end - 1].is_punct):
        end -= 1
    if start == end:
        return None
    text = "".join(words[i] + spaces[i] for i in range(start, end - 1)) + words[end - 1]
    candidates = gazetteer.candidates(text)
    if not text[:1].isupper():
        candidates = [c for c in candidates if c.entry.source != "shapes"]  # "off its west coast"
    if not candidates:
        return None
    return PlaceMention(start, end, first_hanging_word(doc, start, end).i, text, tuple(candidates), "entity")


def _name_mentions(
    gazetteer: Gazetteer, doc: Doc, words: list[str], spaces: list[str], entities: _Entities, covered: set[int], lexicon: Lexicon
) -> list[PlaceMention]:
    """Longest gazetteer names starting at capitalised words, where the model saw no place."""
    found: list[PlaceMention] = []
    resume = 0  # names do not overlap: the next starts after the last one found
    capitalised = compress(range(len(words)), map(str.isupper, map(_FIRST_CHARACTER, words)))  # in C: every word of the article
    for i in capitalised:
        if i < resume or i in covered:
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
                if _acceptable(doc, entities, i, stop, candidates, lexicon):
                    match = PlaceMention(i, stop, phrase_root(doc, i, stop).i, text, candidates, "name")
        if match is not None:
            found.append(match)
            resume = match.end
    return found


def _acceptable(doc: Doc, entities: _Entities, start: int, end: int, candidates: tuple[Candidate, ...], lexicon: Lexicon) -> bool:
    curated = any(c.curated for c in candidates)
    words = [t for t in doc[start:end] if t.lower_ not in lexicon.name_joiners and not t.is_punct]
    # Our own multiword names may be written in lower case after the first word ("Korean
    # peninsula"); GeoNames names must be capitalised proper nouns throughout.
    if not curated and not all(t.text[:1].isupper() and is_proper_noun_tag(t) for t in words):
        return False
    first = doc[start]
    if first.is_sent_start and end - start == 1 and not is_proper_noun_tag(first):
        return False  # "Police said ..."
    if not curated and (len(normalise(doc[start:end].text)) < 3 or (end - start == 1 and first.is_upper)):
        return False  # "D", "GAO": initials and acronyms
    # The small model often calls a foreign city a person; where the words put it in a place
    # slot ("in Kharkiv", "bombed Sanaa"), it is one.
    # The words say what kind of place it is ("the town of Kidal"): a place of any size.
    kind_named = _kind_named(doc, start, end, lexicon)
    trusted = curated or kind_named or _locative_slot(phrase_root(doc, start, end), lexicon)
    if _inside_other_entity(doc, entities, start, end, trusted) or _part_of_longer_name(doc, start, end, lexicon):
        return False
    if all(c.kind == ALTERNATE for c in candidates) and entity(first) is Entity.ORGANISATION:
        return False  # "Hamas" is also an old name of Hamm
    return curated or kind_named or any(_sizeable(c, trusted) for c in candidates)


def _kind_named(doc: Doc, start: int, end: int, lexicon: Lexicon) -> bool:
    """The words say what kind of place the name is: "the town of Kidal", "Idlib province"."""
    before = start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in lexicon.place_kind_before
    return before or (end < len(doc) and doc[end].lower_ in lexicon.place_kind_after)


def _sizeable(candidate: Candidate, in_place_slot: bool) -> bool:
    """A name the model did not label is taken for a place when it is big enough to be the
    likely reading; in a place slot ("in Soroti", "bombed Kidal") a town of any size is."""
    entry = candidate.entry
    if candidate.kind == ALTERNATE:
        return entry.population >= (_MIN_UNLABELLED_POPULATION if in_place_slot else _MIN_UNLABELLED_ALTERNATE_POPULATION)
    return in_place_slot or entry.population >= _MIN_UNLABELLED_POPULATION or entry.capital


def _part_of_longer_name(doc: Doc, start: int, end: int, lexicon: Lexicon) -> bool:
    """A proper noun right before or after ("Galwan Valley", "New York Times"), or a hyphenated
    name going on ("Pul-e-Charki"): the match is only part of a name the gazetteer lacks."""
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    if any(_proper_name_word(t, lexicon) for t in (before, after)):
        return True
    if after is not None and after.lower_ == "of" and end + 1 < len(doc) and _proper_name_word(doc[end + 1], lexicon):
        return True  # "the Republic of Turkey": not Republic, Missouri
    hyphen_after = after is not None and after.text == "-" and not doc[end - 1].whitespace_ and end + 1 < len(doc)
    return hyphen_after and (doc[end + 1].text[:1].isupper() or len(doc[end + 1]) <= 2)


def _proper_name_word(token: Token | None, lexicon: Lexicon) -> bool:
    return token is not None and is_proper_noun_tag(token) and token.text[:1].isupper() and token.lower_ not in lexicon.name_joiners


def _locative_slot(token: Token, lexicon: Lexicon) -> bool:
    """The words put this noun where a place goes: after a locative preposition, as the
    object of a verb like "visit" or "bomb", or before a place noun ("Kabul airport")."""
    while role(token) in (Role.CONJUNCT, Role.APPOSITIVE) and token.head.i != token.i:
        token = token.head
    head = token.head
    kind = link(token)
    if kind == PLAIN_OBLIQUE:
        return head.lower_ in lexicon.place_prepositions
    if kind == PLAIN_PATIENT:
        return head.lemma_.lower() in lexicon.place_object_verbs
    return kind in _NAME_BEFORE_NOUN and head.lower_ in lexicon.locative_place_nouns


def _inside_other_entity(doc: Doc, entities: _Entities, start: int, end: int, trusted: bool) -> bool:
    """Part of a date ("in March"), or of a person's or organisation's name ("Jordan Peterson",
    "Bank of Japan") unless the name follows "in" or "at" inside it, or runs past it ("Korean"
    + "peninsula"). An entity that is just this name blocks a city name ("Bush said",
    "Victoria police") unless it is trusted: curated (the model calls "Hokkaido" an ORG and
    "Georgia" a person) or in a place slot."""
    for ent in entities.overlapping(start, end):
        if ent.kind in _TIME_ENTITIES:
            return True
        if ent.kind not in _BLOCKING_ENTITIES:
            continue
        if ent.start == start and ent.end == end:
            if ent.kind is Entity.NATIONALITY:
                return is_adjective_tag(doc[start])  # "Korean" is an adjective, "Aegean" a sea
            return not trusted
        if ent.start < start and doc[start - 1].lower_ in ("in", "at"):
            continue
        if ent.start >= start and ent.end < end:
            continue
        return True
    return False


def _demonym_mentions(gazetteer: Gazetteer, doc: Doc, text: str, words: list[str], covered: set[int], lexicon: Lexicon) -> list[PlaceMention]:
    """"Chinese waters", "North Korean territory": the demonym names the country's place."""
    found: list[PlaceMention] = []
    territory_nouns = lexicon.territory_nouns
    lowered = text.lower()
    if not any(noun in lowered for noun in territory_nouns):
        return found  # most articles name no waters or territory: no need to look word by word
    for i, word in enumerate(words):
        if word.lower() not in territory_nouns or word_class(doc[i]) is not WordClass.NOUN:
            continue
        noun = doc[i]
        capitalised = [t for t in doc[noun.left_edge.i : i] if t.text[:1].isupper() and t.i not in covered]
        for k in range(len(capitalised)):
            phrase = capitalised[k:]
            if phrase[-1].i + 1 != i and word_class(doc[phrase[-1].i + 1]) is not WordClass.ADJECTIVE:
                continue  # the demonym must modify this noun ("Chinese territorial waters" is fine)
            country = gazetteer.demonym(" ".join(t.text for t in phrase))
            entry = gazetteer.country(country) if country else None
            if entry is not None:
                start, end = phrase[0].i, phrase[-1].i + 1
                implied = territory_nouns[word.lower()]
                found.append(PlaceMention(start, end, i, doc[start:end].text, (Candidate(entry, NAME),), "demonym", implied))
                break
    return found

