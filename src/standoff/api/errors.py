"""Errors as JSON: every failure the API returns is ``{"error": {"code", "status", "message"}}``.

Input problems raised by the library (StandoffError) keep their own code; the API's own
problems have codes E8xx. Anything else is a bug: it is logged, and the client gets E800
without a traceback.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException

from standoff.api.responses import JSONResponse
from standoff.errors import StandoffError, TooLarge

log = logging.getLogger(__name__)


class ApiError(StandoffError):
    code = "E800"
    status = 500


class NotFound(ApiError):
    code = "E802"
    status = 404


class CodingOff(ApiError):
    code = "E803"
    status = 403


class BodyTooLarge(ApiError):
    code = "E804"
    status = 413


class ResultTooLarge(ApiError):
    code = "E805"
    status = 422


class UnsupportedMedia(ApiError):
    code = "E806"
    status = 415


class BadHost(ApiError):
    code = "E808"
    status = 400


class Busy(ApiError):
    code = "E809"
    status = 503


class BadBody(ApiError):
    code = "E810"
    status = 422


VALIDATION_CODE = "E801"
_HTTP_CODES = {404: "E802", 405: "E807", 413: "E804", 415: "E806"}
OTHER_HTTP_CODE = "E811"  # any other refusal by the framework (a malformed request, ...)


def error_response(status: int, code: str, message: str, details: list[dict[str, Any]] | None = None) -> JSONResponse:
    body: dict[str, Any] = {"code": code, "status": status, "message": message}
    if details:
        body["details"] = details
    return JSONResponse({"error": body}, status_code=status)


def _status_of(exc: StandoffError) -> int:
    if isinstance(exc, ApiError):
        return exc.status
    if isinstance(exc, TooLarge):
        return 413
    if exc.code.startswith("E6") and exc.code != "E602":  # the store itself: cannot be read now
        return 503
    return 422  # a bad query, date, article, ...: the request has to change


async def _standoff_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StandoffError)
    return error_response(_status_of(exc), exc.code, exc.message)


async def _validation_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    details = [
        {"where": ".".join(str(part) for part in error.get("loc", ())), "problem": error.get("msg", "")}
        for error in exc.errors()[:20]
    ]
    first = details[0] if details else {"where": "request", "problem": "invalid"}
    return error_response(422, VALIDATION_CODE, f"{first['where']}: {first['problem']}", details)


async def _http_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    message = exc.detail if isinstance(exc.detail, str) else "request refused"
    if exc.status_code == 404:
        message = "nothing here; see /api/openapi.json for the routes"
    return error_response(exc.status_code, _HTTP_CODES.get(exc.status_code, OTHER_HTTP_CODE), message)


async def _bug(request: Request, exc: Exception) -> JSONResponse:
    log.exception("error answering %s %s", request.method, request.url.path, exc_info=exc)
    return error_response(500, ApiError.code, "internal error; the server log has the details")


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(StandoffError, _standoff_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(Exception, _bug)
