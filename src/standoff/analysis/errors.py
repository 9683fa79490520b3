"""The analysis's own input error (bad windows, an empty store, an unknown plot format)."""

from __future__ import annotations

from standoff.errors import StandoffError


class AnalysisError(StandoffError):
    code = "E701"
