"""Direct quotations with their speaker, linked to the statement events they carry."""

from __future__ import annotations

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
    for span in find_quotes(article.text):
        verb = _speech_verb(doc, span.start, span.end, words)
        speaker = None
        if verb is not None:
            subjects = predicates.verb(verb).agents
            found = [a for s in subjects for a in actors.actors(s)]
            speaker = found[0] if found else None
        linked = tuple(
            e.id
            for e in events
            if e.sentence_start <= span.start < e.sentence_end or (verb is not None and e.trigger_start == verb.idx)
        )
        quotes.append(Quote(article.id, span.start, span.end, span.text, speaker, linked))
    return quotes


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
