"""Errors for problems with the user's input or settings.

Each subclass has a stable code; the message says what went wrong and what to do. Any other
exception is a bug and should stop the run loudly.
"""

from __future__ import annotations


class StandoffError(Exception):
    code = "E000"

    def __init__(self, message: str, *, file: str | None = None, line: int | None = None) -> None:
        self.message = message
        self.file = file
        self.line = line
        where = ""
        if file is not None:
            where = f"{file}:{line}: " if line is not None else f"{file}: "
        super().__init__(f"[{self.code}] {where}{message}")


class InputNotFound(StandoffError):
    code = "E101"


class UnsupportedInput(StandoffError):
    code = "E102"


class MalformedRecord(StandoffError):
    code = "E201"


class BadEncoding(StandoffError):
    code = "E202"


class EmptyArticle(StandoffError):
    code = "E203"


class BadDate(StandoffError):
    code = "E204"


class ModelNotInstalled(StandoffError):
    code = "E301"


class BadDictionary(StandoffError):
    code = "E401"


class BadGoldFile(StandoffError):
    code = "E501"


class UnreadableInput(StandoffError):
    """Not text at all: a binary file, a broken .gz archive, a file the user may not read."""

    code = "E103"


class MissingColumn(StandoffError):
    code = "E104"


class TooLarge(StandoffError):
    code = "E205"


class NotEnglish(StandoffError):
    code = "E206"
