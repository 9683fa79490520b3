"""Where a story is filed from, read from its wire dateline: the country that "police" or "the
army" with no country of their own most likely belong to. The dateline's words name no actor."""

from __future__ import annotations

from dataclasses import dataclass

from standoff.geo.dateline import find_dateline
from standoff.geo.gazetteer import Gazetteer
from standoff.geo.resolve import best_entry
from standoff.lexicon import Lexicon


@dataclass(frozen=True, slots=True)
class FiledFrom:
    """The dateline's character span, and its one country (None when its places are unknown or
    lie in different countries, "MANILA/BEIJING")."""

    start: int
    end: int
    country: str | None


def filed_from(text: str, gazetteer: Gazetteer, lexicon: Lexicon) -> FiledFrom | None:
    """The dateline of a wire story ("TALLINN, April 28 -", "ANKARA/ISTANBUL, July 17 -",
    "SCHIPHOL, Netherlands, Nov 17 -") and its country; None without a dateline."""
    dateline = find_dateline(text, lexicon)
    if dateline is None:
        return None
    names = [dateline.qualifier] if dateline.qualifier else dateline.names  # "PARIS, Texas": the qualifier says where
    countries = set()
    for name in names:
        entry = best_entry(gazetteer.candidates(name), ())
        countries.add(entry.country if entry is not None else None)
    country = countries.pop() if len(countries) == 1 else None
    return FiledFrom(dateline.start, dateline.end, country)
