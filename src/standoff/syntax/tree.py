"""The dependency tree of a doc, read once: each word's dependents as tokens.

``Token.children``, ``lefts`` and ``rights`` scan the doc and build a new Token object for
every word they give, each time they are read, and the coder reads the same words' dependents
many times over (about 1.6 million Token objects for 134 articles). Here the tree is read from
one array per doc, with one Token object per word, and kept for the doc being coded: reading
another doc replaces it. The answers are spaCy's, in spaCy's order.
"""

from __future__ import annotations

from standoff.nlp import Doc, Token, head_offsets


class _Tree:
    """One doc's tokens, each word's dependents in order, and how many of them come before it."""

    __slots__ = ("doc", "tokens", "children", "lefts_count")

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.tokens: list[Token] = list(doc)
        self.children: list[list[Token]] = [[] for _ in self.tokens]
        self.lefts_count = [0] * len(self.tokens)
        for i, offset in enumerate(head_offsets(doc)):
            if offset:
                self.children[i + offset].append(self.tokens[i])
                if offset > 0:
                    self.lefts_count[i + offset] += 1


_latest: _Tree | None = None  # the tree of the doc read last: the coder reads one doc at a time


def _tree(doc: Doc) -> _Tree:
    global _latest
    tree = _latest
    if tree is None or tree.doc is not doc:
        tree = _latest = _Tree(doc)
    return tree


def tokens(doc: Doc) -> list[Token]:
    """``list(doc)``, built once per doc (the list is shared: do not change it)."""
    return _tree(doc).tokens


def children(token: Token) -> list[Token]:
    """``token.children``, in order (the list is shared: do not change it)."""
    return _tree(token.doc).children[token.i]


def lefts(token: Token) -> list[Token]:
    """``token.lefts``: the dependents before the word, in order."""
    tree = _tree(token.doc)
    return tree.children[token.i][: tree.lefts_count[token.i]]


def rights(token: Token) -> list[Token]:
    """``token.rights``: the dependents after the word, in order."""
    tree = _tree(token.doc)
    return tree.children[token.i][tree.lefts_count[token.i] :]
