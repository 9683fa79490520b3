"""Errors as JSON: every failure the API returns is ``{"error": {"code", "status", "message"}}``.

The codes are standoff.errors' (input problems raised by the library keep their own); this module
only gives each its HTTP status. Anything else is a bug: it is logged, and the client gets E800
without a traceback.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException

from standoff.api.responses import JSONResponse
from standoff.errors import (
    ApiError, BadBody, BadHost, BodyTooLarge, Bug, CodingOff, InvalidParameter, MethodNotAllowed, NotFound, QueryStopped,
    QueueFull, RequestRefused, ResultTooLarge, StandoffError, StoreError, TimedOut, TooLarge, UnsupportedMedia,
)

log = logging.getLogger(__name__)

# The status of each error class; a class not listed takes its nearest listed ancestor's.
STATUS: dict[type[StandoffError], int] = {
    StandoffError: 422,  # a bad query, date, article, ...: the request has to change
    TooLarge: 413,
    StoreError: 503,  # the store itself cannot be read now
    QueryStopped: 503,
    ApiError: 500,
    Bug: 500,
    InvalidParameter: 422,
    NotFound: 404,
    CodingOff: 403,
    BodyTooLarge: 413,
    ResultTooLarge: 422,
    UnsupportedMedia: 415,
    MethodNotAllowed: 405,
    BadHost: 400,
    TimedOut: 503,
    QueueFull: 429,
    BadBody: 422,
    RequestRefused: 400,  # the framework's own status is sent
}
_BY_STATUS: dict[int, type[ApiError]] = {404: NotFound, 405: MethodNotAllowed, 413: BodyTooLarge, 415: UnsupportedMedia}


def status_of(kind: type[StandoffError]) -> int:
    return next(STATUS[ancestor] for ancestor in kind.__mro__ if ancestor in STATUS)


def error_response(
    kind: type[StandoffError], message: str, *, status: int | None = None, details: list[dict[str, Any]] | None = None
) -> JSONResponse:
    """The error's JSON answer; ``status`` overrides the class's (for refusals by the framework)."""
    status = status or status_of(kind)
    body: dict[str, Any] = {"code": kind.code, "status": status, "message": message}
    if details:
        body["details"] = details
    return JSONResponse({"error": body}, status_code=status)


async def _standoff_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StandoffError)
    response = error_response(type(exc), exc.message)
    if isinstance(exc, QueueFull):
        response.headers["retry-after"] = str(exc.retry_after)
    return response


async def _validation_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    details = [
        {"where": ".".join(str(part) for part in error.get("loc", ())), "problem": error.get("msg", "")}
        for error in exc.errors()[:20]
    ]
    first = details[0] if details else {"where": "request", "problem": "invalid"}
    return error_response(InvalidParameter, f"{first['where']}: {first['problem']}", details=details)


async def _http_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    message = exc.detail if isinstance(exc.detail, str) else "request refused"
    if exc.status_code == 404:
        message = "nothing here; see /api/openapi.json for the routes"
    return error_response(_BY_STATUS.get(exc.status_code, RequestRefused), message, status=exc.status_code)


async def _bug(request: Request, exc: Exception) -> JSONResponse:
    log.exception("error answering %s %s", request.method, request.url.path, exc_info=exc)
    return error_response(ApiError, "internal error; the server log has the details")


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(StandoffError, _standoff_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(Exception, _bug)
