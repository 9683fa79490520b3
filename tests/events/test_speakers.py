"""Who said it: a pronoun subject of what was said is its speaker, known or not."""

from __future__ import annotations

from datetime import date

from standoff.model import Article
from standoff.pipeline import Coder


def coded(coder: Coder, text: str) -> list[tuple[str, str | None, str | None]]:
    (result,) = coder.code([Article("t", text, published=date(2019, 1, 10))])
    return [(e.cameo, e.source.mention.text if e.source else None, e.source.code.code if e.source and e.source.code else None) for e in result.events]


def test_a_speaker_of_no_known_country_is_still_the_source_of_what_it_said(coder: Coder) -> None:
    assert ("1242", "Teachers", None) in coded(coder, "Teachers said they will not end the strike until their demands are met.")


def test_a_pronoun_deeper_in_what_was_said_is_not_the_speaker(coder: Coder) -> None:
    events = coded(coder, "Two suicide bombers killed 23 people when they blew themselves up in the market, police said.")
    assert not any(source == "police" for _, source, _ in events)
