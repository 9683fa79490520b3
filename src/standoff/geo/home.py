"""Where a story is set: the country that "police" or "the army" with no country of their own
most likely belong to. Read from its wire dateline (whose words name no actor), else from its
headline when the headline names one country and no other ("Yemen: aid groups demand inquiry",
"Navalny jailed for 30 days after return to Russia")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from standoff.geo.dateline import find_dateline
from standoff.geo.gazetteer import Gazetteer
from standoff.geo.resolve import best_entry
from standoff.lexicon import Lexicon
from standoff.text.clean import SENTENCE_END

# A run of capitalised words in a headline ("Navalny", "South Sudan", "Uzbekistan's"); a
# hyphenated pair ("Russia-Ukraine talks") is one word and names no single country.
_NAME_RUN = re.compile(r"[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*")
_POSSESSIVE = re.compile(r"['’]s?$")
_MAX_NAME_WORDS = 3
# A headline is a short opening line without a sentence's closing stop.
_MAX_HEADLINE_WORDS = 25


@dataclass(frozen=True, slots=True)
class FiledFrom:
    """The dateline's character span, from its place to its dash ("BOGOTA, May 15 (Reuters) -";
    empty when the country comes from the headline), and the
    story's one country (None when its places are unknown or lie in different countries,
    "MANILA/BEIJING")."""

    start: int
    end: int
    country: str | None


def filed_from(text: str, gazetteer: Gazetteer, lexicon: Lexicon, title: str | None = None) -> FiledFrom | None:
    """The dateline of a wire story ("TALLINN, April 28 -", "ANKARA/ISTANBUL, July 17 -",
    "SCHIPHOL, Netherlands, Nov 17 -") and its country; without a dateline, the one country of
    the headline (``title``, else the text's first line when it is shaped as one); else None."""
    dateline = find_dateline(text, lexicon)
    if dateline is None:
        country = headline_country(title if title is not None else _first_line(text), gazetteer)
        return FiledFrom(0, 0, country) if country is not None else None
    names = [dateline.qualifier] if dateline.qualifier else dateline.names  # "PARIS, Texas": the qualifier says where
    countries = set()
    for name in names:
        entry = best_entry(gazetteer.candidates(name), ())
        countries.add(entry.country if entry is not None else None)
    country = countries.pop() if len(countries) == 1 else None
    return FiledFrom(dateline.start, dateline.story_start, country)


def headline_country(headline: str | None, gazetteer: Gazetteer) -> str | None:
    """The one country a headline names by its name or its people's ("Syria:", "Uzbekistan's
    allies", "Iraqi forces"); None when it names none or several."""
    if not headline:
        return None
    found: set[str] = set()
    for run in _NAME_RUN.findall(headline):
        words = [_POSSESSIVE.sub("", word) for word in run.split()]
        start = 0
        while start < len(words):
            for size in range(min(_MAX_NAME_WORDS, len(words) - start), 0, -1):  # the longest name first
                country = _country_named(" ".join(words[start : start + size]), gazetteer)
                if country is not None:
                    found.add(country)
                    break
            start += size  # past the name found, else (size 1) past one word
    return found.pop() if len(found) == 1 else None


def _country_named(name: str, gazetteer: Gazetteer) -> str | None:
    countries = {c.entry.country for c in gazetteer.candidates(name) if c.entry.feature == "country"}
    if len(countries) == 1:
        return countries.pop()
    return gazetteer.demonym(name) if " " not in name else None


def _first_line(text: str) -> str | None:
    """The opening line when it heads a body of text: a lone line is the story itself."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) < 2 or SENTENCE_END.search(lines[0]) or len(lines[0].split()) > _MAX_HEADLINE_WORDS:
        return None
    return lines[0]
