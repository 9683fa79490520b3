"""Find date expressions in a sentence and resolve them.

News dates events relative to publication ("on Tuesday", "last week", "several days ago"),
to each other ("two days later", "the same month", "in June that year") and by the calendar
("in 2014", "in the 1980s", "in July 2015"). Relative expressions are resolved against the
article's date (the anchor), anaphoric ones against the latest date the text gave before them
(the reference); without one they keep their span but get no date.

A date stands for a period: its precision (day, week, month, year, decade) says which, and
the date is the first day of it ("earlier this week" is that week's Monday at week precision,
never the publication day).
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

Precision = Literal["day", "week", "month", "year", "decade"]
_ORDER: tuple[Precision, ...] = ("day", "week", "month", "year", "decade")


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    text: str
    date: dt.date | None
    precision: Precision
    anaphoric: bool = False  # resolved against the latest date before it ("the same day")


@dataclass(frozen=True, slots=True)
class _Shift:
    """An anaphoric date: ``count`` units from the reference, or the reference's year with
    ``month`` ("in June that year"); never finer than the reference."""

    unit: str
    count: int
    precision: Precision
    month: int | None = None


_WEEKDAYS = {name: i for i, name in enumerate(calendar.day_name)}  # Monday = 0
# Vague counts ("several days ago") are read as three units, one precision step coarser.
_VAGUE_COUNT = 3
_UNIT_PRECISION: dict[str, Precision] = {"day": "day", "week": "week", "month": "month", "year": "year"}
_COARSER: dict[str, Precision] = {"day": "week", "week": "month", "month": "year", "year": "year"}
# A month-day without a year lies in the anchor's year unless that is this far in the future.
_FUTURE_SLACK = dt.timedelta(days=7)
_WEEKDAY = "|".join(name.lower() for name in _WEEKDAYS)
_YEAR = r"(?:,?\s+(?P<year>\d{4})\b|\s+(?P<deictic>this|last|next)\s+year\b)?"
# Years a news text names as dates ("in 1982", "since 2011"), not counts ("1500 troops").
_CALENDAR_YEAR = r"(?:1[89]|20)\d{2}"
# Words before a year or a month that make it a date: "in 2014", "since 2011", "the 2015 accord".
_DATE_LEAD = r"in|since|from|until|till|by|during|before|after|through|throughout|between|of|and|or|to|early|late|mid|as\s+of|the|a|an|its|his|her|their|['’]s"
_VAGUE = r"several|a\s+few|few"
_DEICTIC_YEAR = {"this": 0, "last": -1, "next": 1}  # "Feb. 7 this year", "in May last year"

Resolved = tuple[dt.date | None, Precision]
_Resolver = Callable[[re.Match[str], dt.date | None], Resolved | _Shift | None]
_Rule = tuple[re.Pattern[str], _Resolver, tuple[tuple[str, ...], ...]]  # the groups of cue words


def find_dates(text: str, anchor: dt.date | None, lexicon: Lexicon | None = None, reference: DateMention | None = None) -> list[DateMention]:
    """Date expressions in ``text`` (offsets into it), in order: relative ones resolved
    against ``anchor``, anaphoric ones against ``reference`` (or the latest date before them)."""
    return _finder(lexicon or load_lexicon()).find(text, anchor, reference)


@cache
def _finder(lexicon: Lexicon) -> DateFinder:
    return DateFinder(lexicon)


class Timeline:
    """The dates of one article, sentence by sentence in reading order: each anaphoric date
    ("two days later") is resolved against the latest date the article gave before it."""

    def __init__(self, anchor: dt.date | None, lexicon: Lexicon | None = None, text: str | None = None) -> None:
        """``text``: the article's text, which the sentences are parts of: its cue words are
        looked for once, and each sentence's among them only."""
        self._anchor = anchor
        self._finder = _finder(lexicon or load_lexicon())
        self._reference: DateMention | None = None
        self._cue_words = self._finder.cue_words_in(text) if text is not None else None

    def sentence(self, text: str, offset: int = 0) -> list[DateMention]:
        """The dates of the next sentence, with offsets shifted by ``offset``."""
        found = [
            DateMention(m.start + offset, m.end + offset, m.text, m.date, m.precision, m.anaphoric)
            for m in self._finder.find(text, self._anchor, self._reference, self._cue_words)
        ]
        dated = [m for m in found if m.date is not None]
        if dated:
            self._reference = dated[-1]
        return found


class DateFinder:
    """The date rules, built once from the lexicon's month names and number words."""

    def __init__(self, lexicon: Lexicon) -> None:
        self._months = lexicon.months
        self._numbers = lexicon.number_words
        month = "|".join(sorted(self._months, key=len, reverse=True))
        month_names = tuple(self._months)
        number = r"\d{1,3}|" + "|".join(n.replace(" ", r"\s+") for n in sorted(self._numbers, key=len, reverse=True))
        count = rf"(?P<count>{number}|{_VAGUE})"
        # Each rule with groups of words, every match containing one word of each group: a rule
        # with a group all absent from a sentence is not run (most sentences hold no date).
        rules: tuple[_Rule, ...] = (
            (_rule(r"today|tonight|this\s+(?:morning|afternoon|evening)"), _relative("day", 0, "day"), (("today", "tonight", "this"),)),
            (_rule(r"yesterday|last\s+night|overnight"), _relative("day", -1, "day"), (("yesterday", "last", "overnight"),)),  # "overnight": the night before the story's day
            (_rule(r"tomorrow"), _relative("day", 1, "day"), (("tomorrow",),)),
            (
                _rule(rf"(?:(?P<mod>last|past|next|this)\s+)?(?P<day>{_WEEKDAY})(?:\s+(?:morning|afternoon|evening|night))?"),
                _weekday,
                (("day",),),
            ),
            (
                _rule(rf"(?P<day>{_WEEKDAY})(?:\s+(?:morning|afternoon|evening|night))?\s+(?P<when>last|next)\s+(?P<unit>week|month)"),
                _weekday_of_period,
                (("day",), ("week", "month")),
            ),
            (_rule(r"(?:over\s+the|at\s+the|this|last)\s+weekend"), _weekend, (("weekend",),)),
            (_rule(r"(?:(?:earlier|later)\s+)?this\s+week"), _relative("day", 0, "week"), (("week",),)),
            (_rule(r"last\s+week"), _relative("week", -1, "week"), (("week",),)),
            (_rule(r"next\s+week"), _relative("week", 1, "week"), (("week",),)),
            (_rule(r"(?:(?:earlier|later)\s+)?this\s+month"), _relative("day", 0, "month"), (("month",),)),
            (_rule(r"last\s+month"), _relative("month", -1, "month"), (("month",),)),
            (_rule(r"next\s+month"), _relative("month", 1, "month"), (("month",),)),
            (_rule(r"(?:(?:earlier|later)\s+)?this\s+year"), _relative("day", 0, "year"), (("year",),)),
            (_rule(r"last\s+year"), _relative("year", -1, "year"), (("year",),)),
            (_rule(r"next\s+year"), _relative("year", 1, "year"), (("year",),)),
            (_rule(r"(?:the\s+)?(?:past|last)\s+decade"), _relative("year", -10, "decade"), (("decade",),)),
            (_rule(rf"the\s+(?:past|last)\s+{count}\s+(?P<unit>day|week|month|year)s"), self._ago, (("past", "last"),)),
            (_rule(rf"{count}\s+(?P<unit>day|week|month|year)s?\s+ago"), self._ago, (("ago",),)),
            # anaphoric: against the latest date the text gave
            (_rule(r"(?:the\s+same|that)\s+(?:day|morning|afternoon|evening|night)|(?:hours|minutes|moments)\s+(?:later|earlier)"), _shift("day", 0, "day"), (("same", "that", "hours", "minutes", "moments"), _SAME_DAY_WORDS)),  # fmt: skip
            (_rule(r"within\s+(?:hours|minutes|moments)"), _shift("day", 0, "day"), (("within",), ("hours", "minutes", "moments"))),  # "Within minutes, Trump issued a statement"
            (_rule(r"the\s+(?:next|following)\s+(?:day|morning|afternoon|evening|night)"), _shift("day", 1, "day"), (("next", "following"),)),
            (_rule(r"the\s+(?:previous|preceding)\s+(?:day|morning|afternoon|evening|night)"), _shift("day", -1, "day"), (("previous", "preceding"),)),
            (_rule(r"(?:(?:later|earlier)\s+)?(?:that|the\s+same)\s+(?P<unit>week|month|year)"), self._same, (("that", "same"), ("week", "month", "year"))),
            (_rule(r"the\s+(?:next|following)\s+(?P<unit>week|month|year)"), self._next, (("next", "following"),)),
            (_rule(r"the\s+(?:previous|preceding)\s+(?P<unit>week|month|year)"), self._previous, (("previous", "preceding"),)),
            (_rule(rf"{count}\s+(?P<unit>day|week|month|year)s?\s+(?P<way>later|earlier)"), self._later, (("later", "earlier"),)),
            (_rule(r"(?P<unit>day|week|month|year)s\s+(?P<way>later|earlier)"), self._later, (("later", "earlier"),)),
            # the calendar
            (_rule(rf"(?P<month>{month})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b{_YEAR}"), self._month_day, (month_names, _DIGITS)),
            (_rule(rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{month})\b\.?{_YEAR}"), self._month_day, (month_names, _DIGITS)),
            (_rule(rf"(?P<month>{month})\.?,?\s+(?:of\s+)?(?P<year>\d{{4}})"), self._month_year, (month_names, _DIGITS)),
            (_rule(r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})"), _iso, (_DIGITS, ("-",))),
            (
                _rule(rf"(?:(?P<mod>{_DATE_LEAD}|last|next|this)[\s-]+)(?P<month>{month})\b(?!\.?\s*\d)(?:\s+(?:of\s+)?(?P<that>that|the\s+same|the\s+following|the\s+previous)\s+year|\s+(?P<deictic>this|last|next)\s+year)?"),  # fmt: skip
                self._month,
                (month_names,),
            ),
            (_rule(rf"(?:(?:{_DATE_LEAD})[\s-]+)(?P<span>(?P<year>{_CALENDAR_YEAR}))(?!\d|[,.]\d|\s*%|\s*[-–]\s*\d|\s+percent)|(?P<span2>(?P<year2>{_CALENDAR_YEAR}))['’]s\b"), _calendar_year, (_CENTURIES,)),  # fmt: skip
            (_rule(rf"(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(?P<span>(?P<decade>(?:1[89]|20)\d)0['’]?s)\b"), _decade, (_CENTURIES,)),
        )
        # Rules that share cue words look for them once per text: each rule keeps the bits of its
        # groups, each group its bit (1 << its index).
        cue_groups = list(dict.fromkeys(group for _, _, groups in rules for group in groups))
        self._rules = tuple((pattern, resolve, sum(1 << cue_groups.index(group) for group in set(groups))) for pattern, resolve, groups in rules)
        self._cue_groups = [(1 << index, frozenset(group)) for index, group in enumerate(cue_groups)]
        self._cue_words = tuple(dict.fromkeys(word for group in cue_groups for word in group))  # each looked for once

    def cue_words_in(self, text: str) -> tuple[str, ...]:
        """The cue words ``text`` holds: any part of it holds no others (they are ASCII, which
        lower-casing a part gives as it does the whole)."""
        lower = text.lower()
        return tuple(word for word in self._cue_words if word in lower)

    def find(self, text: str, anchor: dt.date | None, reference: DateMention | None = None, cue_words: tuple[str, ...] | None = None) -> list[DateMention]:
        """The dates in ``text``; ``cue_words``: the only cue words it may hold, those of a text it
        is part of (``cue_words_in``), default all."""
        candidates: list[tuple[int, int, Resolved | _Shift]] = []
        lower = text.lower()
        found = {word for word in (self._cue_words if cue_words is None else cue_words) if word in lower}
        missing = sum(bit for bit, group in self._cue_groups if found.isdisjoint(group))
        for pattern, resolve, needed in self._rules:
            if needed & missing:
                continue
            for match in pattern.finditer(text):
                resolved = resolve(match, anchor)
                if resolved is not None:
                    start, end = _span(match)
                    candidates.append((start, end, resolved))
        # Leftmost, then longest wins: "earlier this week" over "this week", "last Tuesday" over "Tuesday".
        candidates.sort(key=lambda c: (c[0], c[0] - c[1]))
        mentions: list[DateMention] = []
        for start, end, resolved in candidates:
            if mentions and start < mentions[-1].end:
                continue
            anaphoric = isinstance(resolved, _Shift)
            date, precision = _against(resolved, reference) if isinstance(resolved, _Shift) else resolved
            mention = DateMention(start, end, text[start:end], _period_start(date, precision), precision, anaphoric)
            mentions.append(mention)
            if mention.date is not None:
                reference = mention
        return mentions

    def _ago(self, match: re.Match[str], anchor: dt.date | None) -> Resolved:
        unit = match.group("unit").lower()
        count, precision = self._count(match, unit)
        return (None if anchor is None else _shift_by(anchor, unit, -count)), precision

    def _later(self, match: re.Match[str], anchor: dt.date | None) -> _Shift:
        unit = match.group("unit").lower()
        count, precision = self._count(match, unit) if "count" in match.groupdict() and match.group("count") else (_VAGUE_COUNT, _COARSER[unit])
        return _Shift(unit, count if match.group("way").lower() == "later" else -count, precision)

    def _count(self, match: re.Match[str], unit: str) -> tuple[int, Precision]:
        count_word = re.sub(r"\s+", " ", match.group("count").lower())
        if count_word in ("several", "a few", "few"):
            return _VAGUE_COUNT, _COARSER[unit]
        return int(self._numbers.get(count_word, count_word)), _UNIT_PRECISION[unit]

    @staticmethod
    def _same(match: re.Match[str], anchor: dt.date | None) -> _Shift:
        unit = match.group("unit").lower()
        return _Shift(unit, 0, _UNIT_PRECISION[unit])

    @staticmethod
    def _next(match: re.Match[str], anchor: dt.date | None) -> _Shift:
        unit = match.group("unit").lower()
        return _Shift(unit, 1, _UNIT_PRECISION[unit])

    @staticmethod
    def _previous(match: re.Match[str], anchor: dt.date | None) -> _Shift:
        unit = match.group("unit").lower()
        return _Shift(unit, -1, _UNIT_PRECISION[unit])

    def _month_day(self, match: re.Match[str], anchor: dt.date | None) -> Resolved | None:
        month_word = match.group("month")
        if month_word.islower():  # "troops march 5 km", "they may 10": a verb, not a month
            return None
        month = self._months[month_word.lower()]
        day = int(match.group("day"))
        if match.group("year"):
            return _valid(int(match.group("year")), month, day), "day"
        if anchor is not None and match.group("deictic"):  # "Feb. 7 this year"
            return _valid(anchor.year + _DEICTIC_YEAR[match.group("deictic").lower()], month, day), "day"
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

    def _month(self, match: re.Match[str], anchor: dt.date | None) -> Resolved | _Shift | None:
        """A month without a day or year: "in July", "last May", "in June that year"."""
        if match.group("month").islower():
            return None  # "may" the verb
        month = self._months[match.group("month").lower()]
        that = re.sub(r"\s+", " ", (match.group("that") or "").lower())
        if that:
            return _Shift("year", {"the following": 1, "the previous": -1}.get(that, 0), "month", month)
        if anchor is None:
            return None, "month"
        modifier = (match.group("mod") or "").lower()
        year = anchor.year
        if match.group("deictic"):  # "in May last year"
            year += _DEICTIC_YEAR[match.group("deictic").lower()]
        elif modifier == "next":
            year += month <= anchor.month
        elif month > anchor.month or (modifier == "last" and month == anchor.month):
            year -= 1  # a month not yet come this year is last year's
        return dt.date(year, month, 1), "month"


def _span(match: re.Match[str]) -> tuple[int, int]:
    """The match, or only its ``span`` group where the rule names one ("in *2014*")."""
    for group in ("span", "span2"):
        if group in match.groupdict() and match.group(group) is not None:
            return match.start(group), match.end(group)
    return match.start(), match.end()


def _against(shift: _Shift, reference: DateMention | None) -> Resolved:
    """An anaphoric date resolved against the reference; no date without one."""
    precision = max(shift.precision, reference.precision if reference is not None else "day", key=_ORDER.index)
    if reference is None or reference.date is None:
        return None, shift.precision
    if shift.month is not None:  # the reference gives only the year
        return _valid(reference.date.year + shift.count, shift.month, 1), shift.precision
    return _shift_by(reference.date, shift.unit, shift.count), precision


def _period_start(day: dt.date | None, precision: Precision) -> dt.date | None:
    """The first day of the period ``day`` lies in: Monday of its week, the 1st of its month ..."""
    if day is None or precision == "day":
        return day
    if precision == "week":
        return day - dt.timedelta(days=day.weekday())
    if precision == "month":
        return day.replace(day=1)
    if precision == "year":
        return day.replace(month=1, day=1)
    return dt.date(max(day.year - day.year % 10, 1), 1, 1)


def _shift_months(day: dt.date, months: int) -> dt.date:
    """Same day ``months`` later (earlier if negative), clamped to the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _shift_by(day: dt.date, unit: str, count: int) -> dt.date | None:
    """``day`` moved by ``count`` units; None past the ends of the calendar (years 1 and 9999)."""
    try:
        if unit in ("day", "week"):
            return day + dt.timedelta(days=count * (7 if unit == "week" else 1))
        return _shift_months(day, count * (12 if unit == "year" else 1))
    except (ValueError, OverflowError):
        return None


def _relative(unit: str, count: int, precision: Precision) -> _Resolver:
    def resolve(match: re.Match[str], anchor: dt.date | None) -> Resolved:
        return (None if anchor is None else _shift_by(anchor, unit, count)), precision

    return resolve


def _shift(unit: str, count: int, precision: Precision) -> _Resolver:
    def resolve(match: re.Match[str], anchor: dt.date | None) -> _Shift:
        return _Shift(unit, count, precision)

    return resolve


def _weekday(match: re.Match[str], anchor: dt.date | None) -> Resolved:
    if anchor is None:
        return None, "day"
    weekday = _WEEKDAYS[match.group("day").capitalize()]
    # "this Friday" may look back or ahead; without tense it is read like plain "Friday".
    modifier = (match.group("mod") or "").lower()
    if modifier == "next":
        return _shift_by(anchor, "day", (weekday - anchor.weekday()) % 7 or 7), "day"
    back = (anchor.weekday() - weekday) % 7
    if modifier in ("last", "past"):
        back = back or 7  # "last Friday" written on a Friday is a week earlier
    # Plain "on Friday" written on a Friday is the publication day itself.
    return _shift_by(anchor, "day", -back), "day"


def _weekday_of_period(match: re.Match[str], anchor: dt.date | None) -> Resolved:
    """ "Tuesday last week" is that week's Tuesday; "Palm Sunday last month" is some day of last
    month, which the weekday alone does not tell."""
    step = -1 if match.group("when").lower() == "last" else 1
    if match.group("unit").lower() == "month":
        return (_shift_by(anchor, "month", step) if anchor is not None else None), "month"
    if anchor is None:
        return None, "day"
    monday = anchor - dt.timedelta(days=anchor.weekday())
    return _shift_by(monday, "day", 7 * step + _WEEKDAYS[match.group("day").capitalize()]), "day"


def _weekend(match: re.Match[str], anchor: dt.date | None) -> Resolved:
    if anchor is None:
        return None, "week"
    saturday = 5
    return _shift_by(anchor, "day", -((anchor.weekday() - saturday) % 7)), "week"


def _calendar_year(match: re.Match[str], anchor: dt.date | None) -> Resolved:
    return dt.date(int(match.group("year") or match.group("year2")), 1, 1), "year"


def _decade(match: re.Match[str], anchor: dt.date | None) -> Resolved:
    return dt.date(int(match.group("decade")) * 10, 1, 1), "decade"


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
_SAME_DAY_WORDS = ("day", "morning", "afternoon", "evening", "night", "later", "earlier")  # one is in every "that day" or "hours later"
_CENTURIES = ("18", "19", "20")  # in every calendar year and decade the rules read
