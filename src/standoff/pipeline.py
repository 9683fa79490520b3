"""Article -> ArticleResult: the only place the stages are wired together."""

from __future__ import annotations

import atexit
import gc
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from standoff.actors.kb import load_knowledge_base
from standoff.actors.resolve import LOCATED_NOT_OWNED, ActorTable, ArticleActors
from standoff.errors import Bug, StandoffError
from standoff.events.assembly import SentenceContext
from standoff.events.coder import EventCoder
from standoff.events.composition import load_composition
from standoff.events.confidence import load_confidence_table
from standoff.events.dating import StoryTime
from standoff.events.counterpart import aimed_at_counterpart
from standoff.events.domestic import aimed_at_home
from standoff.events.embedding import SecondOpinion
from standoff.events.patterns import PatternStack, load_pattern_set
from standoff.events.petrarch_verbs import load_imported_set, load_verb_set
from standoff.events.quotes import attribute_quotes
from standoff.events.rules import ARTICLE_RULES
from standoff.geo import ActorCountry, ArticlePlaces, load_gazetteer
from standoff.geo.home import filed_from
from standoff.lexicon import load_lexicon
from standoff.model import Article, ArticleResult, Event, Failure
from standoff.nlp import Doc, Span, model_version, parse, sentence_of_tokens, sentence_spans
from standoff.ontology import load_ontology
from standoff.syntax.labels import repair_stranded_verbs
from standoff.syntax.predicates import PredicateReader
from standoff.syntax.tree import sentence_starts
from standoff.text.dates import Timeline
from standoff.text.discards import discard_sentences, load_discards

log = logging.getLogger(__name__)

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
    """How to code, and with what knowledge. A file left as None is the packaged one."""

    batch_size: int = 32
    actor_files: tuple[Path, ...] = ()  # actors stacked over the packaged ones (YAML or PETRARCH)
    pattern_files: tuple[Path, ...] = ()  # verb dictionaries over the packaged ones, the first highest (standoff YAML or PETRARCH)
    imported_patterns: bool = True  # the packaged PETRARCH verb dictionary, under the curated set
    lexicon_file: Path | None = None
    discard_file: Path | None = None  # phrases that make a sentence or story no political news
    composition_file: Path | None = None
    calibration_file: Path | None = None
    unrealised: bool = False  # also code acts that did not happen (negated, hypothetical, ...), marked in modality
    second_opinion: bool = False  # code sentences the patterns leave empty by embedding (needs the embed extra)


def pattern_stack(settings: Settings) -> PatternStack:
    """The pattern sets the settings name, highest first: the user's, the curated, the imported."""
    user_sets = [load_verb_set(path) for path in settings.pattern_files]
    imported = [load_imported_set()] if settings.imported_patterns else []
    return PatternStack([*user_sets, load_pattern_set(), *imported])


def _freeze_loaded() -> None:
    """Keeps what is loaded so far out of the cyclic collector's passes. The model and the
    knowledge, which the loaders cache for the life of the process, are some 700,000 objects that
    every full pass would walk: one pass every few hundred articles, 0.3 s each, ~0.7 ms an
    article. The garbage of loading is collected first, so that none is kept; the freeze is
    undone at exit, where the interpreter finalises objects that only a collection reaches
    (a module's open files)."""
    gc.collect()
    gc.freeze()
    atexit.unregister(gc.unfreeze)  # registered once, however many coders a process makes
    atexit.register(gc.unfreeze)


class Coder:
    """Loads the model and the knowledge once; codes articles in batches."""

    def __init__(self, settings: Settings = Settings()) -> None:
        self.settings = settings
        self._lexicon = load_lexicon(settings.lexicon_file)
        self._kb = load_knowledge_base(settings.actor_files, self._lexicon)
        self._actors = ActorTable(self._kb, self._lexicon)
        # kinds of actor whose protests and arrests are aimed at home: the armed forces are often abroad
        self._home_sectors = self._lexicon.domestic_sectors - LOCATED_NOT_OWNED
        self._patterns = pattern_stack(settings)
        self._ontology = load_ontology()
        self._composition = load_composition(settings.composition_file)
        self._confidence = load_confidence_table(settings.calibration_file)
        second_opinion = SecondOpinion() if settings.second_opinion else None
        self._predicates = PredicateReader(self._lexicon)
        self._events = EventCoder(
            self._patterns, self._composition, self._ontology, self._lexicon, self._confidence, settings.unrealised, second_opinion
        )
        self._gazetteer = load_gazetteer()
        self._discards = load_discards(settings.discard_file)
        _freeze_loaded()

    def versions(self) -> dict[str, str]:
        """What produced the codes, to store with every run: every data file that changes output."""
        return {
            "model": model_version(),
            "actors": self._kb.version,
            **{f"actors:{name}": version for name, version in self._kb.versions.items()},
            **self._patterns.versions(),
            "composition": self._composition.version,
            "lexicon": self._lexicon.version,
            "calibration": self._confidence.version,
            "ontology": self._ontology.version,
            "gazetteer": self._gazetteer.version,
            "discards": self._discards.version,
        }

    def code(self, articles: Iterable[Article]) -> Iterator[ArticleResult]:
        """A result for every article, in order. An article that cannot be coded, whatever the
        reason, gets a result with a failure (a bug's code is ``Bug.code``) and the rest go on."""
        for batch in batches(articles, self.settings.batch_size):
            yield from self._code_batch(batch)

    def _code_batch(self, batch: list[Article]) -> Iterator[ArticleResult]:
        try:
            docs: list[Doc | ArticleResult] = list(parse((a.text for a in batch), batch_size=len(batch)))
        except Exception:  # one text broke the parser: parse each alone, so that only it fails
            docs = [self._parse_alone(article) for article in batch]
        for article, doc in zip(batch, docs):
            yield doc if isinstance(doc, ArticleResult) else self._code_one(article, doc)

    def _parse_alone(self, article: Article) -> Doc | ArticleResult:
        try:
            return next(parse([article.text]))
        except Exception as exc:
            return _failed(article, "parse", exc)

    def _code_one(self, article: Article, doc: Doc) -> ArticleResult:
        try:
            return self.code_doc(article, doc)
        except Exception as exc:
            return _failed(article, "code", exc)

    def code_doc(self, article: Article, doc: Doc) -> ArticleResult:
        repair_stranded_verbs(doc)
        # the starts the doc's tree reads (every stage reads the tree): not a second array
        sentences = [s for s in map(_trimmed, sentence_spans(doc, sentence_starts(doc))) if len(s)]
        sentence_of = sentence_of_tokens(sentences)
        filed = filed_from(article.text, self._gazetteer, self._lexicon, article.title)
        actors = ArticleActors(self._actors, doc, article.id, article.published, sentence_of, filed, article.text)
        events: list[Event] = []
        # Offsets point into the article's text: a slice of it is a sentence's text, where
        # Span.text would build a Token object for every word, each time it is read.
        texts = [article.text[s.start_char : s.end_char] for s in sentences]
        discarded = discard_sentences(self._discards, article.text, texts)
        skipped = {d.sentence_index for d in discarded}
        earlier = self._events.earlier_acts()
        timeline = Timeline(article.published, self._lexicon, article.text)
        story = StoryTime(article.text, article.published, self._lexicon)
        # A discarded sentence's dates still set the story's time; a sentence's time may be told by the next one.
        dates = [timeline.sentence(text, sentence.start_char) for text, sentence in zip(texts, sentences)]
        for index, sentence in enumerate(sentences):
            if index in skipped:
                continue
            following = (sentences[index + 1], dates[index + 1]) if index + 1 < len(sentences) else None
            narrative = story.sentence(sentence, dates[index], following)
            ctx = SentenceContext(article.id, index, sentence, article.published, dates[index], narrative, story.presupposed)
            found = self._events.code_sentence(ctx, actors, earlier)
            events.extend(found)
            earlier.add(found)
        if events:  # finding and resolving the places is only needed to locate events
            countries = [ActorCountry(a.code.country, a.mention.start, a.mention.end) for a in actors.all() if a.code is not None and a.code.country]
            places = ArticlePlaces(self._gazetteer, doc, article, countries, self._lexicon)
            events = places.locate_events(events)
            named = frozenset(c.country for c in countries)
            events = aimed_at_home(events, places, self._events.rescored, self._home_sectors, self._lexicon.dissident_sectors, named)
            events = aimed_at_counterpart(events, self._events.rescored, self._lexicon.stateless_modifiers)
        for rule in ARTICLE_RULES:  # once the targets are known: the same act told twice is one event
            events = rule.apply(events)
        quotes = attribute_quotes(article, doc, actors, events, self._predicates, self._lexicon)
        return ArticleResult(article, tuple(events), tuple(quotes), discarded=discarded)


def _failed(article: Article, stage: str, exc: Exception) -> ArticleResult:
    """The result of an article whose coding raised ``exc``: a failure, and for a bug its traceback in the log."""
    if isinstance(exc, StandoffError):
        return ArticleResult(article, failures=(Failure(article.id, stage, exc.code, exc.message, exc.file, exc.line),))
    log.error("bug while coding article %r (%s stage); the batch goes on without it", article.id, stage, exc_info=exc)
    message = f"a bug in standoff ({type(exc).__name__}: {exc}); the traceback is in the log; please report it"
    return ArticleResult(article, failures=(Failure(article.id, stage, Bug.code, message),))


def _trimmed(sentence: Span) -> Span:
    """The sentence without the blank lines the tokenizer keeps at its edges."""
    start, end = sentence.start, sentence.end
    doc = sentence.doc
    while start < end and doc[start].is_space:
        start += 1
    while end > start and doc[end - 1].is_space:
        end -= 1
    return doc[start:end]
