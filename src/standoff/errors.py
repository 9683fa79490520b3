"""Every error code standoff gives, in one registry: problems with the user's input, settings or request.

Each class has a stable code and a one-line ``meaning``; the message of each raise says what went
wrong and what to do. Codes by hundred: E1xx input files, E2xx records and articles, E3xx what must
be installed, E4xx dictionaries, E5xx gold sets, E6xx the store and its queries, E7xx the analysis,
E8xx the HTTP API (its status codes are mapped in standoff.api.errors). Any other exception is a
bug and should stop the run loudly.
"""

from __future__ import annotations

from typing import ClassVar


class StandoffError(Exception):
    code: ClassVar[str] = "E000"
    meaning: ClassVar[str] = "a problem with the input, the settings or the request"

    def __init__(self, message: str, *, file: str | None = None, line: int | None = None) -> None:
        self.message = message
        self.file = file
        self.line = line
        where = ""
        if file is not None:
            where = f"{file}:{line}: " if line is not None else f"{file}: "
        super().__init__(f"[{self.code}] {where}{message}")


# ---------------------------------------------------------------- E1xx input files


class InputNotFound(StandoffError):
    code = "E101"
    meaning = "no such file or folder"


class UnsupportedInput(StandoffError):
    code = "E102"
    meaning = "a format or kind of input standoff does not read"


class UnreadableInput(StandoffError):
    code = "E103"
    meaning = "not text at all: a binary file, a broken .gz archive, a file the user may not read"


class MissingColumn(StandoffError):
    code = "E104"
    meaning = "a table without a column it needs"


# ---------------------------------------------------------------- E2xx records and articles


class MalformedRecord(StandoffError):
    code = "E201"
    meaning = "a line or record that cannot be read"


class BadEncoding(StandoffError):
    code = "E202"
    meaning = "text that is not in the expected encoding"


class EmptyArticle(StandoffError):
    code = "E203"
    meaning = "an article with no text left after cleaning"


class BadDate(StandoffError):
    code = "E204"
    meaning = "a date that cannot be read"


class TooLarge(StandoffError):
    code = "E205"
    meaning = "an article or file above the size limit"


class NotEnglish(StandoffError):
    code = "E206"
    meaning = "text that is not English"


# ---------------------------------------------------------------- E3xx installation


class ModelNotInstalled(StandoffError):
    code = "E301"
    meaning = "the spaCy model or an optional model is not installed"


class EngineNotInstalled(StandoffError):
    code = "E302"
    meaning = "an optional engine (Ray) is not installed or cannot be reached"


# ---------------------------------------------------------------- E4xx dictionaries, E5xx gold sets


class BadDictionary(StandoffError):
    code = "E401"
    meaning = "a dictionary or data file with an entry that cannot be read"


class BadGoldFile(StandoffError):
    code = "E501"
    meaning = "a gold set that cannot be read"


# ---------------------------------------------------------------- E6xx the store


class StoreError(StandoffError):
    code = "E601"
    meaning = "the store cannot be opened or read now (missing, locked, of another schema)"


class BadQuery(StandoffError):
    code = "E602"
    meaning = "a query the store cannot answer as asked (a dyad, root, field, cursor or range)"


class QueryStopped(StandoffError):
    code = "E603"
    meaning = "a query stopped before its end, because its time ran out"


# ---------------------------------------------------------------- E7xx analysis


class AnalysisError(StandoffError):
    code = "E701"
    meaning = "an analysis that cannot run as asked (bad windows, no events, an unknown plot format)"


# ---------------------------------------------------------------- E8xx the HTTP API


class ApiError(StandoffError):
    code = "E800"
    meaning = "internal error of the server (a bug; the server log has the details)"


class InvalidParameter(ApiError):
    code = "E801"
    meaning = "a request parameter of the wrong type, range or pattern"


class NotFound(ApiError):
    code = "E802"
    meaning = "no such route, event or incident"


class CodingOff(ApiError):
    code = "E803"
    meaning = "coding text is switched off on this server"


class BodyTooLarge(ApiError):
    code = "E804"
    meaning = "a request body or text above the size limit"


class ResultTooLarge(ApiError):
    code = "E805"
    meaning = "an answer that would pass a documented size limit"


class UnsupportedMedia(ApiError):
    code = "E806"
    meaning = "a request body that is not JSON"


class MethodNotAllowed(ApiError):
    code = "E807"
    meaning = "a method the route does not take"


class BadHost(ApiError):
    code = "E808"
    meaning = "a Host header this server does not answer"


class BadBody(ApiError):
    code = "E810"
    meaning = "a JSON body that does not fit the schema"


class RequestRefused(ApiError):
    code = "E811"
    meaning = "a request the web framework refused (malformed)"


class TimedOut(ApiError):
    code = "E812"
    meaning = "a request that took longer than the server's time budget, and was stopped"


class QueueFull(ApiError):
    code = "E813"
    meaning = "the coding queue is full; try again after the Retry-After seconds"

    def __init__(self, message: str, *, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after



# ---------------------------------------------------------------- E9xx bugs


class Bug(StandoffError):
    """Not a problem with the input: an exception standoff did not expect while coding an article.
    It is recorded as that article's failure, with its traceback in the log, and the batch goes
    on; the command then exits with an error."""

    code = "E900"
    meaning = "a bug met while coding one article (its traceback is in the log); the rest of the batch is kept"


def error_class(code: str) -> type[StandoffError]:
    """The class of a registered code (a failure row keeps only the code), StandoffError if none."""
    waiting: list[type[StandoffError]] = [StandoffError]
    while waiting:
        kind = waiting.pop()
        if kind.code == code:
            return kind
        waiting.extend(kind.__subclasses__())
    return StandoffError
