"""Builders for coded events, so that scorers can be tested on exactly the events a test names."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from standoff.model import Actor, ActorCode, Article, ArticleResult, Event, Mention, Place


@dataclass(frozen=True)
class Coded:
    """Make actors, events and results: ``coded.event("RUSGOV", "UKR", "190")``."""

    def actor(self, code: str | None, country: str | None = None) -> Actor:
        mention = Mention("a", 0, 0, 1, code or "someone")
        if code is None:
            return Actor(mention, None, "none", 0.0)
        return Actor(mention, ActorCode(code, country or code[:3]), "test", 1.0)

    def event(
        self,
        source: str | Actor | None,
        target: str | Actor | None,
        cameo: str,
        confidence: float = 0.9,
        *,
        plover: str | None = None,
        sentence: tuple[int, int] = (0, 10),
        when: date | None = None,
        basis: str | None = None,
        place: Place | None = None,
        trigger: str = "x",
    ) -> Event:
        def as_actor(value: str | Actor | None) -> Actor | None:
            return self.actor(value) if isinstance(value, str) else value

        return Event(
            id=f"{source}-{target}-{cameo}-{confidence}-{sentence}",
            article_id="a",
            sentence_index=0,
            sentence_start=sentence[0],
            sentence_end=sentence[1],
            trigger_start=sentence[0],
            trigger_end=sentence[0] + 1,
            trigger=trigger,
            source=as_actor(source),
            target=as_actor(target),
            cameo=cameo,
            plover=plover,
            goldstein=0.0,
            quad_class=1,
            modality="asserted",
            event_date=when,
            date_basis=basis or ("text" if when else "none"),
            confidence=confidence,
            rule="test",
            location=place,
        )

    def result(self, record_id: str, *events: Event, text: str = "text") -> ArticleResult:
        return ArticleResult(Article(record_id, text), tuple(events))


@pytest.fixture(scope="session")
def coded() -> Coded:
    return Coded()
