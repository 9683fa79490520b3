"""The events coded so far in an article, found by a later noun that names one of them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from standoff.events.patterns import PatternStack, Words
from standoff.model import Event

# "the launch" names an act whose trigger starts the same way ("launched"), to this many letters.
_PREFIX = 5


class EarlierActs:
    """The events coded so far in one article, indexed by the nouns that can name them: a noun
    that starts like the trigger ("the launch" after "launched"), or the object the pattern asks
    for ("the sanctions" after "imposed sanctions"). A look-up costs the same however long the
    article is."""

    def __init__(self, patterns: PatternStack) -> None:
        self._patterns = patterns
        self._events: list[Event] = []
        self._by_prefix: dict[str, int] = {}  # trigger prefix, 0 to 5 letters -> latest event
        self._by_object: dict[str, int] = {}

    def add(self, events: Iterable[Event]) -> None:
        for event in events:
            position = len(self._events)
            self._events.append(event)
            trigger = event.trigger.lower()
            for length in range(min(len(trigger), _PREFIX) + 1):
                self._by_prefix[trigger[:length]] = position
            for word in self._objects(event):
                self._by_object[word] = position

    def latest(self, lemma: str, since: Sequence[Event] = ()) -> Event | None:
        """The latest event a noun with this lemma names; ``since`` are events found after the
        last ``add`` (the sentence being coded), which come later than all the others."""
        for event in reversed(since):
            if event.trigger.lower().startswith(lemma[:_PREFIX]) or lemma in self._objects(event):
                return event
        positions = [p for p in (self._by_prefix.get(lemma[:_PREFIX]), self._by_object.get(lemma)) if p is not None]
        return self._events[max(positions)] if positions else None

    def _objects(self, event: Event) -> frozenset[str]:
        pattern = self._patterns.get(event.rule.pattern_set, event.rule.pattern)
        return pattern.object.single if pattern is not None and isinstance(pattern.object, Words) else frozenset()
