"""Article -> ArticleResult: the only place the stages are wired together."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from standoff.actors.kb import load_knowledge_base
from standoff.actors.resolve import ActorTable, ArticleActors
from standoff.events.coder import EventCoder, SentenceContext
from standoff.events.composition import load_composition
from standoff.events.dictionary import load_verb_dictionary
from standoff.events.embedding import SecondOpinion
from standoff.events.quotes import attribute_quotes
from standoff.geo import ArticlePlaces, load_gazetteer
from standoff.model import Actor, Article, ArticleResult, Event
from standoff.nlp import Doc, Span, model_version, parse, sentence_of_tokens, sentence_spans
from standoff.ontology import load_ontology
from standoff.text.dates import DateMention, find_dates


# The parser's memory grows with the tokens of a batch: a batch of long articles ends early.
# (Parses do not depend on how articles are batched, only the speed and the memory do.)
BATCH_CHARACTERS = 25_000


def batches(articles: Iterable[Article], size: int, characters: int = BATCH_CHARACTERS) -> Iterator[list[Article]]:
    """Consecutive articles, ``size`` at a time, or fewer once a batch holds ``characters`` of text."""
    batch: list[Article] = []
    held = 0
    for article in articles:
        batch.append(article)
        held += len(article.text)
        if len(batch) >= size or held >= characters:
            yield batch
            batch, held = [], 0
    if batch:
        yield batch


@dataclass(frozen=True, slots=True)
class Settings:
    batch_size: int = 32
    actor_files: tuple[Path, ...] = ()
    unrealised: bool = False  # also code acts that did not happen (negated, hypothetical, ...), marked in modality
    second_opinion: bool = False  # code sentences the dictionary leaves empty by embedding (needs the embed extra)


class Coder:
    """Loads the model and dictionaries once; codes articles in batches."""

    def __init__(self, settings: Settings = Settings()) -> None:
        self.settings = settings
        self._kb = load_knowledge_base(settings.actor_files)
        self._actors = ActorTable(self._kb)
        self._dictionary = load_verb_dictionary()
        self._ontology = load_ontology()
        self._composition = load_composition()
        second_opinion = SecondOpinion() if settings.second_opinion else None
        self._events = EventCoder(self._dictionary, self._composition, self._ontology, settings.unrealised, second_opinion)
        self._gazetteer = load_gazetteer()

    def versions(self) -> dict[str, str]:
        """What produced the codes, to store with every run."""
        return {
            "model": model_version(),
            "actors": self._kb.version,
            "verbs": self._dictionary.version,
            "composition": self._composition.version,
            "ontology": self._ontology.version,
            "gazetteer": self._gazetteer.version,
        }

    def code(self, articles: Iterable[Article]) -> Iterator[ArticleResult]:
        for batch in batches(articles, self.settings.batch_size):
            yield from self._code_batch(batch)

    def _code_batch(self, batch: list[Article]) -> Iterator[ArticleResult]:
        for article, doc in zip(batch, parse((a.text for a in batch), batch_size=len(batch))):
            yield self.code_doc(article, doc)

    def code_doc(self, article: Article, doc: Doc) -> ArticleResult:
        sentences = [s for s in map(_trimmed, sentence_spans(doc)) if len(s)]
        sentence_of = sentence_of_tokens(sentences)
        actors = ArticleActors(self._actors, doc, article.id, article.published, sentence_of)
        events: list[Event] = []
        for index, sentence in enumerate(sentences):
            ctx = SentenceContext(article.id, index, sentence, article.published, _sentence_dates(sentence.text, sentence.start_char, article))
            events.extend(self._events.code_sentence(ctx, actors, events))
        events = _without_repeats(events)
        if events:  # finding and resolving the places is only needed to locate events
            countries = {a.code.country for a in actors.all() if a.code is not None and a.code.country}
            places = ArticlePlaces(self._gazetteer, doc, article, countries)
            events = [places.locate_event(event) for event in events]
        quotes = attribute_quotes(article, doc, actors, events, sentence_of)
        return ArticleResult(article, tuple(events), tuple(quotes))


def _trimmed(sentence: Span) -> Span:
    """The sentence without the blank lines the tokenizer keeps at its edges."""
    start, end = sentence.start, sentence.end
    doc = sentence.doc
    while start < end and doc[start].is_space:
        start += 1
    while end > start and doc[end - 1].is_space:
        end -= 1
    return doc[start:end]


def _sentence_dates(text: str, offset: int, article: Article) -> list[DateMention]:
    return [
        DateMention(m.start + offset, m.end + offset, m.text, m.date, m.precision)
        for m in find_dates(text, article.published)
    ]


def _without_repeats(events: list[Event]) -> list[Event]:
    """An article that reports the same act twice ("Trump's assertion that ...", "North Korea's
    missile launches") holds one event; a mention without a target adds nothing to one with."""

    def code(actor: Actor | None) -> str | None:
        return actor.code.code if actor and actor.code else None

    targeted = {(code(e.source), e.cameo, e.event_date) for e in events if code(e.target)}
    seen: set[tuple] = set()
    kept = []
    for event in events:
        key = (code(event.source), code(event.target), event.cameo, event.event_date)
        if key in seen or (key[1] is None and (key[0], key[2], key[3]) in targeted):
            continue
        seen.add(key)
        kept.append(event)
    return kept
