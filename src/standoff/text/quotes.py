"""Find quoted passages: straight and curly double quotes, paired within a paragraph.

Real copy mixes quote styles (an opening " closed by ”), so any closing mark ends an open
quote. Single quotes are never used: they cannot be told apart from apostrophes (Russia’s).
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    start: int  # first character inside the quote marks
    end: int  # the closing mark (exclusive end of the content)
    text: str


_OPEN, _STRAIGHT = "“", '"'  # the closing ” needs no name: any mark but “ closes
_MARKS = re.compile(r'["“”]')
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


def find_quotes(text: str) -> list[QuoteSpan]:
    """Quoted passages in ``text``, in order; offsets exclude the quote marks."""
    paragraphs = _paragraphs(text)
    spans: list[QuoteSpan] = []
    for index, (start, end) in enumerate(paragraphs):
        next_start = paragraphs[index + 1][0] if index + 1 < len(paragraphs) else None
        continues = next_start is not None and text[next_start] in (_OPEN, _STRAIGHT)
        spans.extend(_paragraph_quotes(text, start, end, continues))
    return spans


def _paragraphs(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for brk in _PARAGRAPH_BREAK.finditer(text):
        bounds.append((start, brk.start()))
        start = brk.end()
    bounds.append((start, len(text)))
    return [(s, e) for s, e in bounds if s < e]


def _paragraph_quotes(text: str, start: int, end: int, continues: bool) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    opened: int | None = None
    for mark in _MARKS.finditer(text, start, end):
        i, char = mark.start(), mark.group()
        if opened is not None and char != _OPEN:
            spans.extend(_span(text, opened + 1, i))
            opened = None
        elif char == _OPEN or (char == _STRAIGHT and _opens(text, i, end)):
            opened = i  # an earlier unclosed mark was a stray one
    # News style: a quote running on into the next paragraph is left open, and that paragraph
    # starts with a fresh opening mark.
    if opened is not None and continues:
        spans.extend(_span(text, opened + 1, end))
    return spans


def _opens(text: str, i: int, end: int) -> bool:
    """A straight mark with text right after it opens; one followed by a space or the end closes."""
    return i + 1 < end and not text[i + 1].isspace()


def _span(text: str, start: int, end: int) -> list[QuoteSpan]:
    return [QuoteSpan(start, end, text[start:end])] if text[start:end].strip() else []
