"""Remove what is not news (photo captions and credits, bylines, link lines, publisher footers).

Cleaning is the only step that changes the text: every later offset points into its output.
Decisions rest on line shapes and short word lists, so they carry over to unseen sources.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class CleanedText:
    text: str
    removed: tuple[str, ...]  # the dropped lines, in order, for logging


# Picture agencies and photo libraries seen in credit lines. Matched case-sensitively (as written
# or in capitals) so that "AP" never matches inside "map".
_AGENCIES = (
    "Reuters", "AFP", "AP", "AP Photo", "Associated Press", "Getty Images", "Getty", "EPA",
    "EPA-EFE", "EFE", "Xinhua", "TASS", "Sputnik", "Yonhap", "Kyodo", "Anadolu Agency", "Anadolu",
    "Bloomberg", "Shutterstock", "Alamy", "AAP", "dpa", "UPI", "ANI", "PTI", "Pool", "Flash90",
    "Wikimedia Commons", "iStock",
)  # fmt: skip
_AGENCY = "|".join(
    re.escape(name) for name in sorted({*_AGENCIES, *(a.upper() for a in _AGENCIES)}, key=len, reverse=True)
)
# "Reuters", "REUTERS/Kim Hong-Ji", "AFP via Getty Images", "Sputnik/Kremlin via Reuters".
# Names after "/" are capitalised words, so "Reuters/Ipsos poll" in prose is no credit (and the
# pattern cannot backtrack badly). The separator before the credit is empty when it is glued to
# the caption ("Vladimir PutinReuters").
_CAPITALISED = r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)*"
_AGENCY_CREDIT = re.compile(
    rf"(?P<sep>(?<=[a-z\d).’'])|\s*[|/•·–—-]\s*|\s+|^)"
    rf"(?P<credit>(?:{_AGENCY})(?:\s*/\s*{_CAPITALISED}|\s+via\s+(?:{_AGENCY}))*)\s*$"
)
_CREDIT_WORD = r"(?:photo(?:graph)?|image|picture)s?(?:\s+credit)?|credit|file\s+photo"
# The whole line is a credit: "Photo: AFP", "(Photo by Jane Doe/Getty Images)", "File photo".
_CREDIT_LINE = re.compile(rf"^\(?\s*(?:{_CREDIT_WORD})\b\s*(?:by\b|:|\)|$)", re.IGNORECASE)
# A keyword credit after a caption: "... in Moscow. (Photo by Jane Doe)", "Ships at sea Photo: EPA".
_CREDIT_TAIL = re.compile(
    rf"\s*\(\s*(?:{_CREDIT_WORD})\b[^()]*\)\s*$|\s+(?:{_CREDIT_WORD})\s*:\s*[^.!?]*$", re.IGNORECASE
)

# A sentence's closing stop, quotes and brackets after it included.
SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")

_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:(?:de|da|del|la|le|van|von|der|bin|al|el)\s+)?[A-Z][\w'’.-]*){0,3}"
# "By Jane Smith", "BY JANE SMITH", "By Jane Smith and John Doe, Reuters", "By J. Smith | Tokyo"
_BYLINE = re.compile(
    rf"^(?i:by)\s+(?P<names>{_NAME}(?:(?:\s*,\s*|\s+and\s+|\s*&\s*){_NAME})*)"
    r"(?:\s*[,|/•–—-]\s*[^.!?]*)?$"
)
# "By Tuesday ..." starts a time phrase, not a name.
_TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december".split()
)

_LINK_LINE = re.compile(
    r"^(?:(?:read\s+more|read\s+also|also\s+read|see\s+also)\b"
    r"|related(?:\s+(?:stories|articles|coverage|content|news|links?))?\s*(?::|$))"
    r"|\bclick\s+here\b",
    re.IGNORECASE,
)
# Publisher boilerplate that is never news, whatever its punctuation.
_PROMO_LINE = re.compile(
    r"^\(?\s*(?:(?:copyright|©|\(c\))\s*(?:©|\(c\)|\d{4})|©"
    r"|follow\s+us\s+on\b|sign\s+up\s+(?:for|to)\b|subscribe\s+to\b|like\s+us\s+on\b"
    r"|download\s+(?:our|the)\s+app\b)"
    r"|\ball\s+rights\s+reserved\b",
    re.IGNORECASE,
)
# Staff credits; a full sentence that starts this way ("Reporting by state media showed ...") is news.
_STAFF_LINE = re.compile(
    r"^\(?\s*(?:additional\s+)?(?:reporting|writing|editing|compiled|edited|written)\s+by\b", re.IGNORECASE
)
_PARENTHESISED = re.compile(r"^\(.*\)\.?$")

_MAX_CAPTION_WORDS = 40
_MAX_BYLINE_WORDS = 15
_MAX_NOTE_WORDS = 40
# A credit starts this close to the end of its line. Credit patterns are only tried there: tried
# everywhere, a long run of spaces costs time that grows with the square of its length.
_CREDIT_REACH = 250

_SPACES = str.maketrans(
    {"\u00a0": " ", "\u2007": " ", "\u202f": " ", "\ufeff": None, "\u200b": None, "\u2028": "\n", "\u2029": "\n\n"}
)


def clean_text(raw: str) -> CleanedText:
    """Normalise ``raw`` and drop the lines that are not news; paragraph breaks are kept.

    One pass from the top: each line is judged against the lines kept above it, and a credit
    takes the caption above it along. So the time grows with the text, and cleaning already
    cleaned text leaves it, and its offsets, alone.
    """
    lines = _normalise(raw).split("\n")
    stripped = [line.strip() for line in lines]
    kept: list[int] = []  # indices of the kept lines; never two blank ones in a row
    for i, line in enumerate(stripped):
        if not line:
            if kept and stripped[kept[-1]]:
                kept.append(i)  # one blank line stands for a run of them: the text keeps one
            continue
        if _is_note(line):
            continue
        previous = stripped[kept[-1]] or stripped[kept[-2]] if kept else None
        caption = _credit_caption(line, previous)
        if caption is None:
            kept.append(i)
        elif caption:
            _drop_copies(kept, stripped, caption)  # the caption is often printed once more above its credited copy
        elif kept and _is_caption_shape(stripped[kept[-1]]):
            kept.pop()  # a bare credit right under a short unpunctuated line: its caption
    _drop_footer(kept, stripped)
    remaining = set(kept)
    removed = tuple(line for i, line in enumerate(lines) if stripped[i] and i not in remaining)
    return CleanedText(text="\n".join(lines[i] for i in kept), removed=removed)


def _drop_copies(kept: list[int], stripped: list[str], caption: str) -> None:
    """Drop the copies of ``caption`` at the end of ``kept``, over the blank lines between them."""
    blank = None
    while kept and stripped[kept[-1]] in ("", caption):
        line = kept.pop()
        if not stripped[line]:
            blank = line
    if blank is not None and kept and stripped[kept[-1]]:
        kept.append(blank)


def _drop_footer(kept: list[int], stripped: list[str]) -> None:
    """Trailing publisher notes: parenthesised asides at the end (the other notes are gone by now)."""
    while kept and (not stripped[kept[-1]] or _PARENTHESISED.match(stripped[kept[-1]])):
        kept.pop()


def _normalise(raw: str) -> str:
    text = raw.replace("\r\n", "\n").replace("\r", "\n").translate(_SPACES)
    text = unicodedata.normalize("NFC", text)
    return "\n".join(line.rstrip() for line in text.split("\n"))


def _is_caption_shape(line: str) -> bool:
    """Short and without closing punctuation: a caption or a headline, not a news paragraph."""
    return bool(line) and not SENTENCE_END.search(line) and len(line.split()) <= _MAX_CAPTION_WORDS


def _credit_caption(line: str, previous: str | None) -> str | None:
    """If ``line`` is (or ends in) a photo credit, the caption before it ("" if none), else None.

    A plain agency name after a space ("Talks with Reuters") only counts when the line repeats
    the caption above it; glued, separated, keyword and photographer forms are credits outright.
    """
    if _CREDIT_LINE.match(line):
        return ""
    reach = max(0, len(line) - _CREDIT_REACH)
    if tail := _CREDIT_TAIL.search(line, reach):
        caption = line[: tail.start()].strip()
        # "(Photo by ...)" is a credit after any caption; "Photo: ..." only after a caption-like one.
        return caption if tail.group().lstrip().startswith("(") or _is_caption_shape(caption) else None
    match = _AGENCY_CREDIT.search(line, reach)
    if match is None:
        return None
    caption = line[: match.start()].strip()
    sep, credit = match.group("sep"), match.group("credit")
    if not caption or "/" in credit or " via " in credit:
        return caption
    if (sep == "" or sep.strip()) and _is_caption_shape(caption):
        return caption
    if _is_caption_shape(caption) and caption == previous:
        return caption
    return None


def _is_note(line: str) -> bool:
    """Link lines, boilerplate, staff credits and bylines, wherever they stand."""
    if not line or len(line.split()) > _MAX_NOTE_WORDS:
        return False
    if _LINK_LINE.search(line) or _PROMO_LINE.search(line):
        return True
    return _is_staff_credit(line) or _is_byline(line)


def _is_staff_credit(line: str) -> bool:
    # "Reporting by X; Editing by Y" lists several credits; one full sentence is news.
    return bool(_STAFF_LINE.match(line)) and (";" in line or not SENTENCE_END.search(line.rstrip(")")))


def _is_byline(line: str) -> bool:
    if len(line.split()) > _MAX_BYLINE_WORDS or SENTENCE_END.search(line):
        return False
    match = _BYLINE.match(line)
    return match is not None and match.group("names").split()[0].lower() not in _TIME_WORDS
