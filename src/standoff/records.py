"""The output contract: events and quotes as plain JSON-ready dicts."""

from __future__ import annotations

from typing import Any

from standoff.model import Actor, Article, Event, Place, Quote


def _actor_fields(prefix: str, actor: Actor | None) -> dict[str, Any]:
    code = actor.code if actor is not None else None
    mention = actor.mention if actor is not None else None
    return {
        prefix: code.code if code else None,
        f"{prefix}_country": code.country if code else None,
        f"{prefix}_sector": code.sector if code else None,
        f"{prefix}_text": mention.text if mention else None,
        f"{prefix}_start": mention.start if mention else None,
        f"{prefix}_end": mention.end if mention else None,
        f"{prefix}_method": actor.method if actor else None,
        f"{prefix}_antecedent": actor.antecedent.text if actor and actor.antecedent else None,
    }


def event_record(event: Event, article: Article) -> dict[str, Any]:
    return {
        "id": event.id,
        "article_id": event.article_id,
        "sentence_index": event.sentence_index,
        "start": event.sentence_start,
        "end": event.sentence_end,
        "text": article.text[event.sentence_start : event.sentence_end],
        "trigger": event.trigger,
        "trigger_start": event.trigger_start,
        "trigger_end": event.trigger_end,
        **_actor_fields("source", event.source),
        **_actor_fields("target", event.target),
        "complete": event.complete,
        "cameo": event.cameo,
        "cameo_root": event.cameo_root,
        "goldstein": event.goldstein,
        "quad_class": event.quad_class,
        "plover": event.plover,
        "modality": event.modality,
        "event_date": event.event_date.isoformat() if event.event_date else None,
        "date_basis": event.date_basis,
        "date_precision": event.date_precision,
        "confidence": event.confidence,
        "rule": str(event.rule),
        "event_loc": _place(event.location),
        "loc_reason": event.loc_reason,
    }


def _place(place: Place | None) -> dict[str, Any] | None:
    if place is None:
        return None
    return {
        "name": place.name,
        "country": place.country,
        "admin1": place.admin1,
        "lat": place.latitude,
        "lon": place.longitude,
        "feature": place.feature,
        "geonames_id": place.geonames_id,
    }


def quote_record(quote: Quote) -> dict[str, Any]:
    speaker = quote.speaker
    return {
        "article_id": quote.article_id,
        "start": quote.start,
        "end": quote.end,
        "text": quote.text,
        "speaker": speaker.code.code if speaker and speaker.code else None,
        "speaker_text": speaker.mention.text if speaker else None,
        "speaker_method": speaker.method if speaker else None,
        "speaker_antecedent": speaker.antecedent.text if speaker and speaker.antecedent else None,
        "event_ids": list(quote.event_ids),
    }
