"""The date an article carries in its own opening lines: a date line ("Friday 1 September 2017",
"Jan 10, 2020") or a wire dateline ("MOSCOW, Sept 1 (Reuters) -", "GENEVA, 27 February 2018 -").

A date without a year ("Sept 1") needs a hint, the date the caller would otherwise use: it is
that day in the hint's year (the year before when it would lie more than a week ahead).
"""

from __future__ import annotations

import re
from datetime import date

from standoff.lexicon import Lexicon, load_lexicon
from standoff.text.dates import DateMention, find_dates

# Only the opening lines: headline, byline and date lines come first.
_SEARCH_LINES = 8
_SEARCH_CHARS = 1500
# A date line holds the date and little else: "Updated: Friday 1 September 2017, 08:30 GMT".
_MAX_DATE_LINE = 60
_DATE_LINE_FILLER = re.compile(
    r"(?i)\b(?:updated|published|posted|first|last|modified|on|at|gmt|utc|bst|cet|est|edt|[ap]\.?m\b\.?)|\d{1,2}[:.]\d{2}|[\s|,:()/-]"
)
# A wire dateline: a place in capitals, perhaps qualified ("PARIS, Texas"), then the date, an
# agency and a dash.
_DATELINE = re.compile(r"^[A-Z][A-Z'’./ -]{2,}(?:,\s*[A-Z][A-Za-z.'’ ]+?)?,\s*(?P<date>[^()\n]{3,30}?)\s*(?:\([^()\n]{1,60}\))?\s*(?:--|[-–—])\s")


def date_in_text(text: str, hint: date | None = None, lexicon: Lexicon | None = None) -> date | None:
    """The publication date the opening lines give, or None."""
    words = lexicon or load_lexicon()
    for line in text[:_SEARCH_CHARS].splitlines()[:_SEARCH_LINES]:
        line = line.strip()
        dateline = _DATELINE.match(line)
        if dateline is not None:
            found = _calendar_day(find_dates(dateline.group("date"), hint, words))
        elif len(line) <= _MAX_DATE_LINE:
            mentions = find_dates(line, hint, words)
            rest = line
            for mention in mentions:
                rest = rest.replace(mention.text, "")
            found = _calendar_day(mentions) if not _DATE_LINE_FILLER.sub("", rest) else None
        else:
            found = None
        if found is not None:
            return found
    return None


def _calendar_day(mentions: list[DateMention]) -> date | None:
    """The one day written with its number ("1 September 2017", "Sept 1"), beside at most its weekday."""
    days = [m for m in mentions if m.precision == "day" and any(c.isdigit() for c in m.text)]
    return days[0].date if len(days) == 1 and len(mentions) <= 2 else None
