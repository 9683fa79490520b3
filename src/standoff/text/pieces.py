"""Cut a long text into pieces the parser accepts, at the most natural boundaries near the limit.

spaCy refuses a text over its length limit, and its memory grows with the text it parses at
once. A long text is cut into consecutive pieces that together are the whole text: after a
paragraph break where one falls in the second half of a piece, else after a sentence end, else
after a space; a run of characters with none of these is cut where the piece must end.
"""

from __future__ import annotations

import re

_BOUNDARIES = (
    re.compile(r"\n[ \t]*\n\s*"),  # a blank line, with the spaces after it
    re.compile(r"[.!?…][\"'”’)\]]*\s+"),  # a sentence end and the spaces after it
    re.compile(r"\s+"),
)


def pieces(text: str, limit: int) -> list[tuple[int, int]]:
    """(start, end) of consecutive pieces of ``text``, each at most ``limit`` characters; one
    piece, the whole text, when it is short enough (also when it is empty)."""
    if limit < 2:
        raise ValueError(f"a piece holds at least 2 characters, not {limit}")
    bounds = []
    start = 0
    while len(text) - start > limit:
        end = _cut(text, start + limit // 2, start + limit)
        bounds.append((start, end))
        start = end
    bounds.append((start, len(text)))
    return bounds


def _cut(text: str, earliest: int, latest: int) -> int:
    """Where to end a piece: after the last boundary of the best kind ending in [earliest, latest]."""
    for boundary in _BOUNDARIES:
        ends = [match.end() for match in boundary.finditer(text, earliest, latest)]
        if ends:
            return ends[-1]
    return latest
