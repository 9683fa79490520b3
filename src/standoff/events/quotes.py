"""Direct quotations with their speaker, linked to the statement events they carry."""

from __future__ import annotations

from bisect import bisect_right

from standoff.actors.resolve import ArticleActors
from standoff.lexicon import Lexicon
from standoff.model import Article, Event, Quote
from standoff.nlp import Doc, Token
from standoff.syntax.labels import WordClass, word_class
from standoff.syntax.predicates import PredicateReader
from standoff.text.quotes import find_quotes


def attribute_quotes(
    article: Article, doc: Doc, actors: ArticleActors, events: list[Event], predicates: PredicateReader, words: Lexicon
) -> list[Quote]:
    quotes = []
    carried = _EventsBySentence(events)
    for span in find_quotes(article.text):
        verb = _speech_verb(doc, span.start, span.end, words)
        speaker = None
        if verb is not None:
            subjects = predicates.verb(verb).agents
            found = [a for s in subjects for a in actors.actors(s)]
            speaker = found[0] if found else None
        linked = tuple(events[i].id for i in carried.linked(span.start, verb.idx if verb is not None else None))
        quotes.append(Quote(article.id, span.start, span.end, span.text, speaker, linked))
    return quotes


class _EventsBySentence:
    """The events a quote carries: those of the sentence it starts in, and those of its verb of
    saying. Looked up by position, so an article's quotes do not each read all its events."""

    def __init__(self, events: list[Event]) -> None:
        self._sentences: dict[int, list[int]] = {}  # sentence start -> positions of its events
        self._ends: dict[int, int] = {}
        self._triggers: dict[int, list[int]] = {}
        for position, event in enumerate(events):
            self._sentences.setdefault(event.sentence_start, []).append(position)
            self._ends[event.sentence_start] = event.sentence_end
            self._triggers.setdefault(event.trigger_start, []).append(position)
        self._starts = sorted(self._sentences)  # sentences do not overlap

    def linked(self, start: int, verb: int | None) -> list[int]:
        """Positions, in order, of the events whose sentence holds ``start`` or whose trigger is at ``verb``."""
        found = set(self._triggers.get(verb, ())) if verb is not None else set()
        index = bisect_right(self._starts, start) - 1
        if index >= 0 and start < self._ends[self._starts[index]]:
            found.update(self._sentences[self._starts[index]])
        return sorted(found)


def _speech_verb(doc: Doc, start: int, end: int, words: Lexicon) -> Token | None:
    """The verb of saying in the sentence(s) of the quote, outside the quoted words
    ('..., he added.' / 'Putin wrote, "..."')."""
    inside = doc.char_span(start, end, alignment_mode="expand")
    if inside is None:
        return None
    sentences = {inside[0].sent, inside[-1].sent}
    candidates = [
        t
        for sent in sentences
        for t in sent
        if t.lemma_.lower() in words.quote_verbs and word_class(t) is WordClass.VERB and not (start <= t.idx < end)
    ]
    if not candidates:
        return None
    # The closest verb of saying to the quote wins.
    return min(candidates, key=lambda t: min(abs(t.idx - start), abs(t.idx - end)))
