"""Fixtures for the geo tests: the real gazetteer and model, and a helper that locates a trigger."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from standoff.geo import ActorCountry, ArticlePlaces, Gazetteer, load_gazetteer
from standoff.model import Article, Place
from standoff.nlp import parse

Locate = Callable[..., tuple[Place | None, str]]


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


@pytest.fixture(scope="session")
def article_places(gazetteer: Gazetteer) -> Callable[..., tuple[object, ArticlePlaces]]:
    """text -> (doc, ArticlePlaces) on the real model."""

    def build(text: str, actor_countries: tuple[str, ...] = ()) -> tuple[object, ArticlePlaces]:
        doc = next(parse([text]))
        return doc, ArticlePlaces(gazetteer, doc, Article("t", text), [ActorCountry(c) for c in actor_countries])

    return build


@pytest.fixture(scope="session")
def locate(article_places) -> Locate:
    """(text, trigger word, [nth occurrence], [countries]) -> (place, reason)."""

    def run(text: str, trigger: str, nth: int = 0, countries: list[str] | None = None) -> tuple[Place | None, str]:
        doc, places = article_places(text)
        tokens = [t for t in doc if t.text == trigger]
        assert tokens, f"{trigger!r} not in {text!r}"
        return places.locate(tokens[nth], countries)

    return run
