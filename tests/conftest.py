"""Shared fixtures: the real coder, loaded once per test session."""

from __future__ import annotations

import pytest

from standoff.pipeline import Coder


@pytest.fixture(scope="session")
def coder() -> Coder:
    return Coder()
