"""What a CAMEO event code string says by its shape alone: root, parent and coarse classes.

These need no tables, so coders and exporters can classify a code without loading the ontology.
"""

from __future__ import annotations


class UnknownCode(KeyError):
    """A CAMEO code (or PLOVER type) that the ontology does not know."""

    def __str__(self) -> str:
        # KeyError would print the repr of its argument; the message reads better plain.
        return str(self.args[0]) if self.args else ""


def root_of(code: str) -> str:
    """The two-digit root of a CAMEO event code ("0256" -> "02"); raises UnknownCode if malformed."""
    if not (isinstance(code, str) and 2 <= len(code) <= 4 and code.isascii() and code.isdigit()):
        raise UnknownCode(f"not a CAMEO event code: {code!r} (expected 2-4 digits such as '041')")
    root = code[:2]
    if not 1 <= int(root) <= 20:
        raise UnknownCode(f"not a CAMEO event code: {code!r} (roots run from 01 to 20)")
    return root


def parent_of(code: str) -> str | None:
    """The code one level up ("0256" -> "025", "025" -> "02"); None for a root."""
    root_of(code)
    return code[:-1] if len(code) > 2 else None


def quad_class_of_root(root: str) -> int:
    """GDELT QuadClass: 1 verbal cooperation (01-04), 2 material cooperation (05-08),
    3 verbal conflict (09-13), 4 material conflict (14-20). Longer codes count by their root."""
    n = int(root_of(root))
    if n <= 4:
        return 1
    if n <= 8:
        return 2
    if n <= 13:
        return 3
    return 4


def penta_class(code: str) -> int:
    """ConfliBERT's five coarse classes: 0 roots 01-02, 1 roots 03-05, 2 roots 06-08,
    3 roots 09-13 and 16, 4 roots 14-15 and 17-20."""
    n = int(root_of(code))
    if n <= 2:
        return 0
    if n <= 5:
        return 1
    if n <= 8:
        return 2
    if n <= 13 or n == 16:
        return 3
    return 4
