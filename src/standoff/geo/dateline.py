"""Find the dateline that opens a wire story: "SEOUL (Reuters) -", "PARIS, Texas (AP) —",
"BEIJING, Sept 5 (Reuters) -", "WASHINGTON —". It says where the story was filed."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from standoff.lexicon import Lexicon, load_lexicon

# A place name in capitals: "SEOUL", "MEXICO CITY", "PORT-AU-PRINCE".
_PLACE = r"[A-Z][A-Z'’.]{2,}(?:[ -][A-Z][A-Z'’.]+){0,3}"
# Only the opening lines: headline, caption and byline lines come first in copied articles.
_SEARCH_CHARS = 1500


@dataclass(frozen=True, slots=True)
class Dateline:
    start: int
    end: int
    name: str  # as written: "SEOUL", "ANKARA/ISTANBUL"
    qualifier: str | None  # "Texas" in "PARIS, Texas"
    story_start: int  # where the story begins, after the dateline's date, agency and dash

    @property
    def names(self) -> list[str]:
        """Each place of the dateline: "ANKARA/ISTANBUL" files from two."""
        return self.name.split("/")


def find_dateline(text: str, lexicon: Lexicon | None = None) -> Dateline | None:
    pattern = _dateline_pattern(frozenset((lexicon or load_lexicon()).months))
    offset = 0
    for line in text[:_SEARCH_CHARS].splitlines(keepends=True):
        stripped = line.lstrip()
        match = pattern.match(stripped)
        if match is not None:
            start = offset + len(line) - len(stripped)
            return Dateline(start + match.start("name"), start + match.end("name"), match["name"], match["qualifier"], start + match.end())
        offset += len(line)
    return None


@lru_cache(maxsize=4)
def _dateline_pattern(months: frozenset[str]) -> re.Pattern[str]:
    """The dateline expression for these month names and abbreviations ("Sept", "September")."""
    month = "(?:" + "|".join(m.capitalize() for m in sorted(months, key=lambda m: (-len(m), m))) + r")\.?"
    return re.compile(
        r"(?P<name>" + _PLACE + "(?:/" + _PLACE + ")*)"  # the place(s), in capitals (not "US -"): "ANKARA/ISTANBUL"
        r"(?:,\s*(?P<qualifier>(?!" + month + r"\s+\d)[A-Z][A-Za-z.'’]+(?: [A-Z][A-Za-z.'’]+){0,2}))?"  # ", Texas"
        r"(?:,?\s+" + month + r"\s+\d{1,2})?"  # ", Sept 5"
        r"\s*(?:\([^()\n]{1,60}\))?"  # "(Reuters)"
        r"\s*(?:--|[-–—])\s"
    )
