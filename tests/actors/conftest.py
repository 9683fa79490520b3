"""Shared fixtures: the packaged knowledge base compiled into a phrase table, and a helper
that resolves the actors of a short text with the real model."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from standoff.actors.kb import load_knowledge_base
from standoff.actors.resolve import ArticleActors
from standoff.actors.table import ActorTable
from standoff.geo.home import FiledFrom
from standoff.model import Actor
from standoff.nlp import parse, sentence_of_tokens, sentence_spans

ActorAt = Callable[..., Actor | None]


@pytest.fixture(scope="session")
def table() -> ActorTable:
    return ActorTable(load_knowledge_base())


@pytest.fixture(scope="session")
def actor_at(table: ActorTable) -> ActorAt:
    """actor_at(text, words, day) -> the actor whose phrase ends with the first ``words``;
    with ``all=True``, that actor and the actors of its conjuncts; ``home`` is the country the
    story is filed from."""

    def find(text: str, words: str, day: date | None = None, all: bool = False, home: str | None = None):  # noqa: A002
        (doc,) = parse([text])
        sentence_of = sentence_of_tokens(sentence_spans(doc))  # as the pipeline reads it: blank lines between paragraphs in no sentence
        actors = ArticleActors(table, doc, "test", day, sentence_of, FiledFrom(0, 0, home) if home else None)
        end = text.index(words) + len(words)
        head = next(t for t in reversed(list(doc)) if t.idx < end)
        return actors.actors(head) if all else actors.actor(head)

    return find
