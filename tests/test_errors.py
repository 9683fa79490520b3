"""The error registry: every code is defined once, in standoff.errors, and the API gives each a status."""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import standoff
from standoff import errors
from standoff.api.errors import status_of



def _every_error_class() -> list[type[errors.StandoffError]]:
    for module in pkgutil.walk_packages(standoff.__path__, "standoff."):
        importlib.import_module(module.name)  # a code defined anywhere in the package is found
    found, waiting = [], [errors.StandoffError]
    while waiting:
        kind = waiting.pop()
        found.append(kind)
        waiting.extend(kind.__subclasses__())
    return found


def test_every_code_is_unique_and_in_the_registry() -> None:
    classes = _every_error_class()
    codes = [kind.code for kind in classes]
    assert len(codes) == len(set(codes)), sorted(code for code in codes if codes.count(code) > 1)
    for kind in classes:
        assert kind.__module__ == "standoff.errors", f"{kind.__name__} ({kind.code}) is defined outside standoff.errors"
        assert re.fullmatch(r"E\d{3}", kind.code) and kind.meaning, kind.__name__
        assert kind is errors.StandoffError or kind.meaning != errors.StandoffError.meaning, kind.__name__


def test_every_code_has_an_http_status() -> None:
    for kind in _every_error_class():
        assert 400 <= status_of(kind) < 600
    assert status_of(errors.BadQuery) == 422 and status_of(errors.StoreError) == 503 and status_of(errors.NotFound) == 404


def test_the_docs_list_every_code() -> None:
    table = (Path(__file__).resolve().parents[1] / "docs" / "errors.md").read_text(encoding="utf-8")
    listed = re.findall(r"^\| `(E\d{3})` \| (\w+) \|.*\| (\d{3}) \|$", table, re.MULTILINE)
    expected = [(kind.code, kind.__name__, str(status_of(kind))) for kind in _every_error_class() if kind is not errors.StandoffError]
    assert sorted(listed) == sorted(expected)
