"""Find date expressions in a sentence and resolve them against the article date.

News dates events relative to publication ("on Tuesday", "last week", "several days ago"),
so each expression is resolved against an anchor; without one, relative expressions keep
their span but get no date, while absolute ones ("2017-09-03") still resolve.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Literal

from standoff.lexicon import Lexicon, load_lexicon

Precision = Literal["day", "week", "month", "year"]


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    text: str
    date: dt.date | None
    precision: Precision


_WEEKDAYS = {name: i for i, name in enumerate(calendar.day_name)}  # Monday = 0
# Vague counts ("several days ago") are read as three units, one precision step coarser.
_VAGUE_COUNT = 3
_UNIT_PRECISION: dict[str, Precision] = {"day": "day", "week": "week", "month": "month", "year": "year"}
_COARSER: dict[str, Precision] = {"day": "week", "week": "month", "month": "year", "year": "year"}
# A month-day without a year lies in the anchor's year unless that is this far in the future.
_FUTURE_SLACK = dt.timedelta(days=7)
_WEEKDAY = "|".join(name.lower() for name in _WEEKDAYS)
_YEAR = r"(?:,?\s+(?P<year>\d{4})\b)?"

Resolved = tuple[dt.date | None, Precision]
_Resolver = Callable[[re.Match[str], dt.date | None], Resolved | None]
_Rule = tuple[re.Pattern[str], _Resolver, tuple[str, ...]]


def find_dates(text: str, anchor: dt.date | None, lexicon: Lexicon | None = None) -> list[DateMention]:
    """Date expressions in ``text`` (offsets into it), resolved against ``anchor``, in order."""
    return _finder(lexicon or load_lexicon()).find(text, anchor)


@cache
def _finder(lexicon: Lexicon) -> DateFinder:
    return DateFinder(lexicon)


class DateFinder:
    """The date rules, built once from the lexicon's month names and number words."""

    def __init__(self, lexicon: Lexicon) -> None:
        self._months = lexicon.months
        self._numbers = lexicon.number_words
        month = "|".join(sorted(self._months, key=len, reverse=True))
        number = r"\d{1,3}|" + "|".join(n.replace(" ", r"\s+") for n in sorted(self._numbers, key=len, reverse=True))
        # Each rule with words one of which any match contains: a rule whose words are all absent
        # from a sentence is not run (most sentences hold no date).
        self._rules: tuple[_Rule, ...] = (
            (_rule(r"today|tonight|this\s+(?:morning|afternoon|evening)"), _relative("day", 0, "day"), ("today", "tonight", "this")),
            (_rule(r"yesterday|last\s+night"), _relative("day", -1, "day"), ("yesterday", "last")),
            (_rule(r"tomorrow"), _relative("day", 1, "day"), ("tomorrow",)),
            (
                _rule(rf"(?:(?P<mod>last|past|next|this)\s+)?(?P<day>{_WEEKDAY})(?:\s+(?:morning|afternoon|evening|night))?"),
                _weekday,
                ("day",),
            ),
            (_rule(r"(?:over\s+the|at\s+the|this|last)\s+weekend"), _weekend, ("weekend",)),
            (_rule(r"(?:(?:earlier|later)\s+)?this\s+week"), _relative("day", 0, "week"), ("week",)),
            (_rule(r"last\s+week"), _relative("week", -1, "week"), ("week",)),
            (_rule(r"next\s+week"), _relative("week", 1, "week"), ("week",)),
            (_rule(r"(?:(?:earlier|later)\s+)?this\s+month"), _relative("day", 0, "month"), ("month",)),
            (_rule(r"last\s+month"), _relative("month", -1, "month"), ("month",)),
            (_rule(r"next\s+month"), _relative("month", 1, "month"), ("month",)),
            (_rule(r"(?:(?:earlier|later)\s+)?this\s+year"), _relative("day", 0, "year"), ("year",)),
            (_rule(r"last\s+year"), _relative("year", -1, "year"), ("year",)),
            (_rule(r"next\s+year"), _relative("year", 1, "year"), ("year",)),
            (_rule(rf"(?P<count>{number}|several|a\s+few|few)\s+(?P<unit>day|week|month|year)s?\s+ago"), self._ago, ("ago",)),
            (_rule(rf"(?P<month>{month})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b{_YEAR}"), self._month_day, _DIGITS),
            (_rule(rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{month})\b\.?{_YEAR}"), self._month_day, _DIGITS),
            (_rule(rf"(?P<month>{month})\.?,?\s+(?P<year>\d{{4}})"), self._month_year, _DIGITS),
            (_rule(r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})"), _iso, _DIGITS),
        )

    def find(self, text: str, anchor: dt.date | None) -> list[DateMention]:
        candidates = []
        lower = text.lower()
        for pattern, resolve, cues in self._rules:
            if not any(cue in lower for cue in cues):
                continue
            for match in pattern.finditer(text):
                resolved = resolve(match, anchor)
                if resolved is not None:
                    candidates.append((match.start(), match.end(), *resolved))
        # Leftmost, then longest wins: "earlier this week" over "this week", "last Tuesday" over "Tuesday".
        candidates.sort(key=lambda c: (c[0], c[0] - c[1]))
        mentions: list[DateMention] = []
        for start, end, date, precision in candidates:
            if not mentions or start >= mentions[-1].end:
                mentions.append(DateMention(start, end, text[start:end], date, precision))
        return mentions

    def _ago(self, match: re.Match[str], anchor: dt.date | None) -> Resolved:
        unit = match.group("unit").lower()
        count_word = re.sub(r"\s+", " ", match.group("count").lower())
        if count_word in ("several", "a few", "few"):
            count, precision = _VAGUE_COUNT, _COARSER[unit]
        else:
            count, precision = int(self._numbers.get(count_word, count_word)), _UNIT_PRECISION[unit]
        return (None if anchor is None else _shift(anchor, unit, -count)), precision

    def _month_day(self, match: re.Match[str], anchor: dt.date | None) -> Resolved | None:
        month_word = match.group("month")
        if month_word.islower():  # "troops march 5 km", "they may 10": a verb, not a month
            return None
        month = self._months[month_word.lower()]
        day = int(match.group("day"))
        if match.group("year"):
            return _valid(int(match.group("year")), month, day), "day"
        if anchor is None:
            return (None, "day") if _valid(2000, month, day) else None  # 2000 is a leap year
        resolved = _valid(anchor.year, month, day)
        if resolved is not None and resolved > anchor + _FUTURE_SLACK:
            resolved = _valid(anchor.year - 1, month, day)
        return (resolved, "day") if resolved is not None else None

    def _month_year(self, match: re.Match[str], anchor: dt.date | None) -> Resolved | None:
        if match.group("month").islower():
            return None
        return dt.date(int(match.group("year")), self._months[match.group("month").lower()], 1), "month"


def _shift_months(day: dt.date, months: int) -> dt.date:
    """Same day ``months`` later (earlier if negative), clamped to the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _shift(day: dt.date, unit: str, count: int) -> dt.date | None:
    """``day`` moved by ``count`` units; None past the ends of the calendar (years 1 and 9999)."""
    try:
        if unit in ("day", "week"):
            return day + dt.timedelta(days=count * (7 if unit == "week" else 1))
        return _shift_months(day, count * (12 if unit == "year" else 1))
    except (ValueError, OverflowError):
        return None


def _relative(unit: str, count: int, precision: Precision) -> _Resolver:
    def resolve(match: re.Match[str], anchor: dt.date | None) -> Resolved:
        return (None if anchor is None else _shift(anchor, unit, count)), precision

    return resolve


def _weekday(match: re.Match[str], anchor: dt.date | None) -> Resolved:
    if anchor is None:
        return None, "day"
    weekday = _WEEKDAYS[match.group("day").capitalize()]
    # "this Friday" may look back or ahead; without tense it is read like plain "Friday".
    modifier = (match.group("mod") or "").lower()
    if modifier == "next":
        return _shift(anchor, "day", (weekday - anchor.weekday()) % 7 or 7), "day"
    back = (anchor.weekday() - weekday) % 7
    if modifier in ("last", "past"):
        back = back or 7  # "last Friday" written on a Friday is a week earlier
    # Plain "on Friday" written on a Friday is the publication day itself.
    return _shift(anchor, "day", -back), "day"


def _weekend(match: re.Match[str], anchor: dt.date | None) -> Resolved:
    if anchor is None:
        return None, "week"
    saturday = 5
    return _shift(anchor, "day", -((anchor.weekday() - saturday) % 7)), "week"








def _iso(match: re.Match[str], anchor: dt.date | None) -> Resolved | None:
    resolved = _valid(int(match.group("year")), int(match.group("month")), int(match.group("day")))
    return (resolved, "day") if resolved is not None else None


def _valid(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _rule(pattern: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{pattern})\b", flags)


_DIGITS = tuple("0123456789")
