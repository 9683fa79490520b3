"""Coding results as plain rows for the store's tables (one dict per row, keyed by column name)."""

from __future__ import annotations

import hashlib
from typing import Any

from standoff.model import Actor, Article, ArticleResult, Event, Failure, Quote
from standoff.ontology import Ontology
from standoff.records import event_record, quote_record

Row = dict[str, Any]

ORIGIN = "standoff"


def digest(*parts: object) -> str:
    key = "\x1f".join("" if part is None else str(part) for part in parts)
    return hashlib.blake2b(key.encode("utf-8"), digest_size=10).hexdigest()


def content_hash(text: str) -> str:
    """What makes two articles the same article, whatever their ids."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def article_row(article: Article, run_id: int) -> Row:
    return {
        "id": article.id,
        "source": article.source,
        "url": article.url,
        "title": article.title,
        "published": article.published,
        "content_hash": content_hash(article.text),
        "text": article.text,
        "run_id": run_id,
        "date_source": article.date_source,
    }


# The record's event_loc fields, flattened into columns.
LOCATION_COLUMNS = {
    "name": "location_name",
    "country": "location_country",
    "admin1": "location_admin1",
    "lat": "location_lat",
    "lon": "location_lon",
    "feature": "location_feature",
    "geonames_id": "location_geonames_id",
}


def event_row(event: Event, article: Article, ontology: Ontology, run_id: int) -> Row:
    """The event's output record (standoff.records.event_record) flattened into the events table's columns."""
    row = event_record(event, article)
    row["sentence_start"] = row.pop("start")
    row["sentence_end"] = row.pop("end")
    row["event_date"] = event.event_date  # the record holds it as text
    place = row.pop("event_loc") or {}
    row.update({column: place.get(key) for key, column in LOCATION_COLUMNS.items()})
    known = ontology.get(event.cameo)
    row.update(
        plover_mode=known.plover_mode if known else None,
        plover_context=known.plover_context if known else None,
        incident_id=None,  # assigned by the store when the batch is written
        origin=ORIGIN,
        url=None,
        run_id=run_id,
    )
    return row


def quote_id(quote: Quote) -> str:
    return digest(quote.article_id, quote.start, quote.end)


def quote_row(quote: Quote) -> Row:
    row = quote_record(quote)
    row["id"] = quote_id(quote)
    return row


def actor_row(actor: Actor, role: str, *, event_id: str | None = None, quote_id: str | None = None) -> Row:
    mention, code, antecedent = actor.mention, actor.code, actor.antecedent
    return {
        "article_id": mention.article_id,
        "event_id": event_id,
        "quote_id": quote_id,
        "role": role,
        "code": code.code if code else None,
        "country": code.country if code else None,
        "sector": code.sector if code else None,
        "valid_from": code.valid_from if code else None,
        "valid_until": code.valid_until if code else None,
        "sentence_index": mention.sentence_index,
        "start": mention.start,
        "end": mention.end,
        "text": mention.text,
        "kind": mention.kind,
        "method": actor.method,
        "confidence": actor.confidence,
        "antecedent_text": antecedent.text if antecedent else None,
        "antecedent_start": antecedent.start if antecedent else None,
        "antecedent_end": antecedent.end if antecedent else None,
    }


def failure_row(failure: Failure, run_id: int) -> Row:
    fields = (failure.file, failure.line, failure.article_id, failure.stage, failure.code, failure.message)
    return {
        "id": digest(*fields),
        "file": failure.file,
        "line": failure.line,
        "article_id": failure.article_id,
        "stage": failure.stage,
        "code": failure.code,
        "message": failure.message,
        "run_id": run_id,
    }


def result_rows(result: ArticleResult, ontology: Ontology, run_id: int) -> dict[str, list[Row]]:
    """Rows for every table one coded article touches. Events repeating an id are kept once."""
    article = result.article
    events: dict[str, Row] = {}
    actors: list[Row] = []
    for event in result.events:
        if event.id in events:
            continue
        events[event.id] = event_row(event, article, ontology, run_id)
        for role, actor in (("source", event.source), ("target", event.target)):
            if actor is not None:
                actors.append(actor_row(actor, role, event_id=event.id))
    quotes: dict[str, Row] = {}
    for quote in result.quotes:
        row = quote_row(quote)
        if row["id"] not in quotes:
            quotes[row["id"]] = row
            if quote.speaker is not None:
                actors.append(actor_row(quote.speaker, "speaker", quote_id=row["id"]))
    return {
        # An article that failed to code is not stored, so that the next run codes it again.
        "articles": [] if result.failures else [article_row(article, run_id)],
        "events": list(events.values()),
        "actors": actors,
        "quotes": list(quotes.values()),
        "failures": [failure_row(f, run_id) for f in result.failures],
    }
