"""An act whose words name no target is aimed at the side its actor deals with in the story.

A report is about a few parties, and its sentences lean on that: "Moscow rejects 'scandalous'
verdict" in a story about a Dutch court's verdict on Russians, "Washington reimposed sanctions
in 2018" in a story about the United States and Iran, "Orban had previously threatened a veto"
in a story about Hungary and the European Union. An analyst codes each of these against the
party its actor deals with throughout the story, and so does this rule: an event with a known
source and no known target takes as target the country its source's country is most often
paired with in the events of the article's other sentences that name both sides (its own
country, when the story is about its affairs at home: "the authorities sealed off Andijan").
A pair within the act's own sentence is not counted: a text of one sentence has no story.
The target's method says the story gave it, so its confidence is that of such targets, not of
named ones.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from standoff.events.rules import retargeted
from standoff.model import Actor, ActorCode, Event, Mention, Resolution, RuleId

# Acts often aimed at no one: a meeting or a call with no one named is held among the actor's own
# ("ECOWAS leaders will meet again", "Erdogan, speaking by video link"), and a show of force with
# no one named (a missile test, an alert) is made to the world at large, not to the other side.
UNAIMED_ROOTS = frozenset({"04", "15"})


def aimed_at_counterpart(events: list[Event], rescore: Callable[[Event], Event], stateless: frozenset[str] = frozenset()) -> list[Event]:
    """Each event, one with a source country and no resolved target given its source's
    counterpart in the story as target; ``rescore`` scores a changed event on what it now is.
    A target its words say is of no one country (modifiers ``stateless``: "foreign journalists")
    is left as it is."""
    pairs = _pairs(events)
    total: Counter[tuple[str, str]] = sum(pairs.values(), Counter())
    return [event if _of_no_country(event.target, stateless) else _aimed(event, events, pairs, total, rescore) for event in events]


def _of_no_country(target: Actor | None, stateless: frozenset[str]) -> bool:
    return target is not None and _country(target) is None and not stateless.isdisjoint(target.mention.text.lower().split())


def _aimed(
    event: Event, events: list[Event], pairs: dict[int, Counter[tuple[str, str]]], total: Counter[tuple[str, str]], rescore: Callable[[Event], Event]
) -> Event:
    source = _country(event.source)
    if source is None or _country(event.target) is not None or event.cameo_root in UNAIMED_ROOTS:
        return event
    # the story is the other sentences: within its own, a pair says little of whom the act was aimed at
    story = total - pairs.get(event.sentence_index, Counter())
    partners = [(count, other) for (one, other), count in story.items() if one == source]
    if not partners:
        return event
    most = max(count for count, _ in partners)
    tied = {other for count, other in partners if count == most}
    mention = _nearest_mention(event, events, source, tied)
    if mention is None:
        return event
    country, where = mention
    target = Actor(where, ActorCode(country, country), Resolution.STORY_COUNTERPART, 0.4)
    return rescore(retargeted(event, target, RuleId.STORY_COUNTERPART))


def _pairs(events: list[Event]) -> dict[int, Counter[tuple[str, str]]]:
    """By sentence, how often each country is paired with each in the events that name both
    sides, both ways; a country's acts at home pair it with itself."""
    pairs: dict[int, Counter[tuple[str, str]]] = {}
    for event in events:
        source, target = _country(event.source), _country(event.target)
        if source is None or target is None:
            continue
        counted = pairs.setdefault(event.sentence_index, Counter())
        counted[source, target] += 1
        if target != source:
            counted[target, source] += 1
    return pairs


def _nearest_mention(event: Event, events: list[Event], source: str, partners: set[str]) -> tuple[str, Mention] | None:
    """Of the tied ``partners``, the one paired with ``source`` nearest the event in another
    sentence, with the mention that names it there: the target points at words of the article."""
    best: tuple[int, str, Mention] | None = None
    for other in events:
        if other.sentence_index == event.sentence_index:
            continue
        ends = [(other.source, other.target), (other.target, other.source)]
        for own, partner in ends:
            country = _country(partner)
            if _country(own) != source or partner is None or country is None or country not in partners:
                continue
            distance = abs(other.sentence_index - event.sentence_index)
            if best is None or distance < best[0]:
                best = (distance, country, partner.mention)
    return None if best is None else (best[1], best[2])


def _country(actor: Actor | None) -> str | None:
    return (actor.code.country or None) if actor is not None and actor.code is not None else None
