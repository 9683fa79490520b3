"""The dependency tree of a doc, read once: each word's dependents as tokens, with the columns
the coder asks for often (parts of speech, sentence starts, character offsets, dependency
labels and lower-case forms).

``Token.children``, ``lefts`` and ``rights`` scan the doc and build a new Token object for
every word they give, each time they are read, and the coder reads the same words' dependents
many times over (about 1.6 million Token objects for 134 articles). Here the tree is read from
one array per doc, with one Token object per word, and kept for the doc being coded: reading
another doc replaces it. The answers are spaCy's, in spaCy's order.
"""

from __future__ import annotations

from bisect import bisect_right

from standoff.nlp import Doc, Span, Token, flagged_starts, parse_columns, word_columns


class _Tree:
    """One doc's tokens, each word's head and dependents in order, how many of them come before
    it, each word's part of speech, first character, dependency label and lower-case form (as
    string ids), and where its sentences start."""

    __slots__ = ("doc", "tokens", "heads", "children", "lefts_count", "parts_of_speech", "sentence_starts", "characters", "text_end", "labels", "lowers")

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.tokens: list[Token] = list(doc)
        self.children: list[list[Token]] = [[] for _ in self.tokens]
        self.lefts_count = [0] * len(self.tokens)
        offsets, self.parts_of_speech, starts, self.characters = parse_columns(doc)
        self.text_end = self.characters[-1] + len(self.tokens[-1].text_with_ws) if self.tokens else 0
        self.sentence_starts = flagged_starts(starts)
        self.labels, self.lowers = word_columns(doc)
        self.heads = [i + offset for i, offset in enumerate(offsets)]
        for i, offset in enumerate(offsets):
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


def span_tokens(span: Span) -> list[Token]:
    """The tokens of ``span``, the doc's own: iterating a Span builds a Token object per word."""
    return _tree(span.doc).tokens[span.start : span.end]


def children(token: Token) -> list[Token]:
    """``token.children``, in order (the list is shared: do not change it)."""
    tree = _latest  # read here rather than through _tree: this is asked for most often
    if tree is None or tree.doc is not token.doc:
        tree = _tree(token.doc)
    return tree.children[token.i]


def lefts(token: Token) -> list[Token]:
    """``token.lefts``: the dependents before the word, in order."""
    tree = _tree(token.doc)
    return tree.children[token.i][: tree.lefts_count[token.i]]


def rights(token: Token) -> list[Token]:
    """``token.rights``: the dependents after the word, in order."""
    tree = _tree(token.doc)
    return tree.children[token.i][tree.lefts_count[token.i] :]


def words_tagged(words: Doc | Span, parts_of_speech: frozenset[int]) -> list[Token]:
    """The tokens of ``words`` whose part of speech (spaCy's id) is one of ``parts_of_speech``,
    in order: read from the doc's array, where a Span would read one of its own every time."""
    if isinstance(words, Doc):
        tree, start, end = _tree(words), 0, len(words)
    else:
        tree, start, end = _tree(words.doc), words.start, words.end
    tags = tree.parts_of_speech
    return [tree.tokens[i] for i in range(start, end) if tags[i] in parts_of_speech]


def words_labelled_or_written(words: Doc | Span, labels: frozenset[int] = frozenset(), forms: frozenset[int] = frozenset()) -> list[Token]:
    """The tokens of ``words`` whose dependency label is one of ``labels`` or whose lower-case
    form is one of ``forms`` (string ids), in order: read from the doc's arrays, for questions
    that few words pass."""
    if isinstance(words, Doc):
        tree, start, end = _tree(words), 0, len(words)
    else:
        tree, start, end = _tree(words.doc), words.start, words.end
    label_of, lower_of = tree.labels, tree.lowers
    return [tree.tokens[i] for i in range(start, end) if label_of[i] in labels or lower_of[i] in forms]


def dependency_labels(doc: Doc) -> list[int]:
    """Each token's dependency label as a string id (``token.dep``), read once per doc (the list
    is shared: do not change it)."""
    return _tree(doc).labels


def heads(doc: Doc) -> list[int]:
    """The index of each token's head (its own for a sentence's root), read once per doc (the
    list is shared: do not change it)."""
    return _tree(doc).heads


def first_hanging_word(doc: Doc, start: int, end: int) -> Token:
    """The first word of ``doc[start:end]`` whose head is outside it, or a sentence's root: the
    head of a name or a date phrase, read as the geo and date code always have (``phrase_root``
    is spaCy's ``Span.root``, which prefers the word nearest the sentence's root)."""
    up = _tree(doc).heads
    return tokens(doc)[next(i for i in range(start, end) if not start <= up[i] < end or up[i] == i)]


def phrase_root(doc: Doc, start: int, end: int) -> Token:
    """``doc[start:end].root``, without building the Span: a sentence's root among the tokens,
    else the first of those nearest to it among the tokens whose head is outside them (spaCy
    puts a space or punctuation without dependents last)."""
    tree = _tree(doc)
    if end - start == 1:
        return tree.tokens[start]  # most phrases asked about are one word: a trigger
    up = tree.heads
    for i in range(start, end):
        if up[i] == i:
            return tree.tokens[i]
    root, nearest = start, len(up)
    for i in range(start, end):
        if start <= up[i] < end:
            continue
        word = tree.tokens[i]
        if not tree.children[i] and (word.is_space or word.is_punct):
            steps = len(up) - 1
        else:
            steps, above = 0, i
            while up[above] != above:
                above = up[above]
                steps += 1
        if steps < nearest:
            root, nearest = i, steps
    return tree.tokens[root]


def sentence_starts(doc: Doc) -> list[int]:
    """``nlp.sentence_starts``, read once per doc (the list is shared: do not change it)."""
    return _tree(doc).sentence_starts


def sentence_bounds(token: Token) -> tuple[int, int]:
    """The first token and the end of ``token``'s sentence, as ``Token.sent`` gives it (which
    looks for them anew, token by token, each time)."""
    starts = _tree(token.doc).sentence_starts
    number = bisect_right(starts, token.i) - 1
    return starts[number], starts[number + 1] if number + 1 < len(starts) else len(token.doc)


def subtree_ends(token: Token) -> tuple[Token, Token]:
    """The first and the last word ``token.subtree`` gives, without walking it: the subtree
    opens with its first dependent's and closes with its last one's, down to a word that has
    none on that side."""
    tree = _tree(token.doc)
    first = last = token.i
    while tree.lefts_count[first]:
        first = tree.children[first][0].i
    while len(tree.children[last]) > tree.lefts_count[last]:
        last = tree.children[last][-1].i
    return tree.tokens[first], tree.tokens[last]


def char_span_bounds(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """The tokens [first, stop) of ``doc.char_span(start, end, alignment_mode="expand")``, found
    from the doc's offsets (char_span builds a Token object for each of several looks), or None
    when it gives None or no token."""
    tree = _tree(doc)
    first, last = _token_at(tree, start), _token_at(tree, end - 1)
    if first < 0 or last < 0:
        return None
    if start == tree.characters[first] + len(tree.tokens[first]):
        first += 1  # the space after a word is no part of it
    return (first, last + 1) if first <= last else None


def _token_at(tree: _Tree, character: int) -> int:
    """The token whose text or the space after it holds ``character``, or -1: the tokens tile
    the text, each starting where the one before ends."""
    if not 0 <= character < tree.text_end:
        return -1
    return bisect_right(tree.characters, character) - 1
