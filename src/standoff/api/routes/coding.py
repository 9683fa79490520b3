"""POST /api/code: code pasted text and return its events, when the server was started with --allow-code.

The text is coded exactly as ingest would code it (same cleaning, same checks), but nothing is
stored: the store stays read-only. Texts wait in the coding worker's bounded queue
(standoff.api.worker) and are coded one at a time; a full queue answers 429 at once.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, replace
from typing import Any

from fastapi import APIRouter, Request
from pydantic import ValidationError

from standoff.api.responses import JSONResponse
from standoff.api.schemas import CodeRequest, CodeResponse
from standoff.api.schemas import Error as ErrorSchema
from standoff.api.settings import ApiSettings
from standoff.api.spans import event_spans
from standoff.api.worker import CodingWorker
from standoff.errors import BadBody, BodyTooLarge, CodingOff, UnsupportedMedia, error_class

router = APIRouter(prefix="/api", tags=["coding"])

ARTICLE_ID = "pasted"


@dataclass(frozen=True, slots=True)
class CodeText:
    """A coding job: one pasted text, read with the API's size limit, coded, returned with spans."""

    request: CodeRequest
    max_chars: int

    def run(self, coder: Any) -> dict[str, Any]:
        from standoff.records import event_record, quote_record
        from standoff.text.readers import ReadOptions, read_articles

        options = ReadOptions(max_bytes=self.max_chars)
        article = next(read_articles(["-"], self.request.date, stdin=io.StringIO(self.request.text), options=options))
        article = replace(article, id=ARTICLE_ID, title=self.request.title)
        result = next(iter(coder.code([article])))
        for failure in result.failures:  # the text could not be coded: say so, rather than answer with no events
            raise error_class(failure.code)(failure.message)
        events = [event_record(event, article) for event in result.events]
        return {
            "article": {"id": article.id, "title": article.title, "url": None, "source": None, "published": article.published, "text": article.text},
            "events": [{**record, "spans": event_spans(record)} for record in events],
            "quotes": [quote_record(quote) for quote in result.quotes],
            "stored": False,
        }


BODY = {
    "required": True,
    "content": {"application/json": {"schema": CodeRequest.model_json_schema(ref_template="#/components/schemas/{model}")}},
}


@router.post(
    "/code",
    response_model=CodeResponse,
    responses={code: {"model": ErrorSchema} for code in (403, 413, 415, 422, 429, 503)},
    openapi_extra={"requestBody": BODY},
)
async def code(request: Request) -> JSONResponse:
    """Code an article's text (JSON: text, optional date and title) and return its events with their
    spans. Only when the server runs with --allow-code; bodies and texts are size-limited (413);
    texts are coded one at a time, and when too many wait the answer is 429 with Retry-After."""
    settings: ApiSettings = request.app.state.settings
    if not settings.allow_code:
        raise CodingOff("coding text is off on this server; start it with `standoff serve --allow-code`")
    if request.headers.get("content-type", "").split(";")[0].strip().lower() != "application/json":
        raise UnsupportedMedia("send the text as JSON (Content-Type: application/json): {\"text\": \"...\"}")
    worker: CodingWorker = request.app.state.coder
    worker.check_room()  # refuse before reading and parsing the body: a flood of posts stays cheap
    body = await request.body()
    try:
        wanted = CodeRequest.model_validate(json.loads(body))
    except json.JSONDecodeError as exc:
        raise BadBody(f"the body is not valid JSON ({exc.msg} at column {exc.colno})") from None
    except (ValidationError, RecursionError, ValueError) as exc:
        raise BadBody(_first_problem(exc)) from None
    if len(wanted.text) > settings.max_code_chars:
        raise BodyTooLarge(f"the text has {len(wanted.text):,} characters, more than {settings.max_code_chars:,}")
    return JSONResponse(await worker.submit(CodeText(wanted, settings.max_code_chars), request.state.deadline))


def _first_problem(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        error = exc.errors()[0]
        where = ".".join(str(part) for part in error.get("loc", ())) or "body"
        return f"{where}: {error.get('msg', 'invalid')} (send {{\"text\": \"...\", \"date\": \"YYYY-MM-DD\"}})"
    return f"the body cannot be read ({exc})"
