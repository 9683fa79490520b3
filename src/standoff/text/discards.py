"""Discards: phrases that make a sentence, or a whole story, no political news.

"Manchester United", "goalless draw", "box office": a sentence that names a sports result, an
entertainment story or an idiom of that kind is not coded, whatever its verbs say ("beat",
"attack", "shot"); a few phrases ("World Cup", "Academy Award") leave the whole story uncoded.
The list is data (``discards.yaml``, converted from the Phoenix discard list by
``tools/phoenix_dictionaries.py``), loaded once, passed in through ``Settings.discard_file`` and
versioned like the other knowledge.

A phrase matches whole words in any case, and its last word, when written with ``*``, as the
start of a word ("basketball*" in "basketballer"). Words are runs of letters and digits, so
"semi-final" matches "semi final" and "semi-final" alike.

``--discards FILE`` replaces the packaged list with the user's: a YAML file in this format, or
a PETRARCH discard list (``*.txt``), read as PETRARCH reads it: one phrase a line, ``+`` before
a phrase that discards the story, ``_`` after one that must end a word (else it is a stem),
``#`` comments. A PETRARCH list is applied whole; the packaged list leaves some of the Phoenix
list's families out (``not_applied``).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from standoff.errors import BadDictionary
from standoff.model import Discard

_WORD = re.compile(r"[a-z0-9]+")
_STEM = "*"
_LONGEST_PREFIX = 4  # single-word stems are indexed by their first letters, up to this many


@dataclass(frozen=True, slots=True)
class _Phrase:
    text: str  # as the list writes it
    words: tuple[str, ...]
    stem: bool  # the last word may go on ("basketball*": "basketballer")

    def fits(self, words: list[str], start: int) -> bool:
        end = start + len(self.words)
        if end > len(words) or words[start : end - 1] != list(self.words[:-1]):
            return False
        last = words[end - 1]
        return last.startswith(self.words[-1]) if self.stem else last == self.words[-1]


class _Phrases:
    """Phrases indexed by their first word (or, for a single-word stem, its first letters)."""

    def __init__(self, phrases: list[_Phrase]) -> None:
        self._by_word: dict[str, list[_Phrase]] = {}
        self._by_prefix: dict[str, list[_Phrase]] = {}
        for phrase in phrases:
            first = phrase.words[0]
            if phrase.stem and len(phrase.words) == 1:
                self._by_prefix.setdefault(first[:_LONGEST_PREFIX], []).append(phrase)
            else:
                self._by_word.setdefault(first, []).append(phrase)
        self._prefix_lengths = sorted({len(prefix) for prefix in self._by_prefix})
        # The first letters of every first word and stem: a word that starts like none of them
        # (most words) is passed by with one look-up.
        self._shortest = min(self._prefix_lengths, default=_LONGEST_PREFIX)
        self._openings = {key[: self._shortest] for key in (*self._by_word, *self._by_prefix)}

    def first_in(self, text: str) -> str | None:
        """The first phrase found in ``text``, as the list writes it, or None."""
        words = _WORD.findall(text.lower())
        for start, word in enumerate(words):
            if word[: self._shortest] not in self._openings:
                continue
            for phrase in self._by_word.get(word, ()):
                if phrase.fits(words, start):
                    return phrase.text
            for length in self._prefix_lengths:
                for phrase in self._by_prefix.get(word[:length], ()):
                    if phrase.fits(words, start):
                        return phrase.text
        return None


@dataclass(frozen=True, slots=True, eq=False)
class DiscardList:
    """The phrases that stop coding of a sentence, and those that stop coding of its story."""

    sentence: _Phrases
    story: _Phrases
    version: str

    def sentence_phrase(self, text: str) -> str | None:
        """The phrase that makes this sentence no political news, or None."""
        return self.sentence.first_in(text)

    def story_phrase(self, text: str) -> str | None:
        """The phrase that makes this whole story no political news, or None."""
        return self.story.first_in(text)


def discard_sentences(discards: DiscardList, story: str, sentences: list[str]) -> tuple[Discard, ...]:
    """The sentences of a story to leave uncoded: all of them when a story phrase is found in
    it, else each sentence that holds a sentence phrase."""
    phrase = discards.story_phrase(story)
    if phrase is not None:
        return tuple(Discard(index, phrase, story=True) for index in range(len(sentences)))
    found = ((index, discards.sentence_phrase(text)) for index, text in enumerate(sentences))
    return tuple(Discard(index, phrase) for index, phrase in found if phrase is not None)


@cache
def load_discards(path: Path | None = None) -> DiscardList:
    """The packaged discard list, or the one at ``path`` (YAML, or a PETRARCH list: ``*.txt``);
    read once per process."""
    if path is None:
        return read_discards(resources.files("standoff.text").joinpath("discards.yaml").read_bytes(), "discards.yaml")
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise BadDictionary(f"cannot read the file: {exc.strerror}", file=str(path)) from None
    if Path(path).suffix == ".txt":
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise BadDictionary(f"not UTF-8 text (byte {exc.start}); save the file as UTF-8", file=str(path)) from None
        entries = petrarch_discards(text)
        lists = {name: [phrase for phrase, story in entries if story == (name == "story")] for name in ("sentence", "story")}
        return DiscardList(_phrases(lists["sentence"], "sentence", str(path)), _phrases(lists["story"], "story", str(path)), _version(data))
    return read_discards(data, str(path))


def petrarch_discards(text: str) -> list[tuple[str, bool]]:
    """The phrases of a PETRARCH discard list, written this module's way (lower case, a stem
    marked with ``*``), each with whether it discards the whole story."""
    found: list[tuple[str, bool]] = []
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        phrase = " ".join(line.lstrip("+").split()).lower()
        phrase = phrase[:-1].rstrip() if phrase.endswith("_") else phrase + _STEM
        entry = (phrase, line.startswith("+"))
        if entry not in found:
            found.append(entry)
    return found


def read_discards(data: bytes, where: str) -> DiscardList:
    """Check and read a discard list: ``sentence`` and ``story``, each a list of phrases."""
    try:
        raw = yaml.safe_load(data)
    except yaml.YAMLError as exc:
        raise BadDictionary(f"not valid YAML: {exc}", file=where) from None
    if not isinstance(raw, dict) or set(raw) - {"sentence", "story", "not_applied"}:
        raise BadDictionary("a discard list is a mapping with the lists sentence and story (and not_applied)", file=where)
    lists = {name: _phrases(raw.get(name) or [], name, where) for name in ("sentence", "story")}
    return DiscardList(lists["sentence"], lists["story"], _version(data))


def _version(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=6).hexdigest()


def _phrases(value: Any, name: str, where: str) -> _Phrases:
    if not isinstance(value, list):
        raise BadDictionary(f"{name}: expected a list of phrases", file=where)
    phrases = []
    for item in value:
        text = str(item)
        words = tuple(_WORD.findall(text.lower()))
        if not words:
            raise BadDictionary(f"{name}: {item!r} has no words", file=where)
        phrases.append(_Phrase(text, words, text.rstrip().endswith(_STEM)))
    return _Phrases(phrases)
