"""What routes get from the app: its settings and a borrowed read-only store, within the request's budget.

Pages, single events and the health check borrow from one set of connections (``ReadStoreDep``);
the analysis and anything that scans much of the store from another (``AnalysisStoreDep``), so
that slow requests queue among themselves and never hold up a page of events.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Annotated

from fastapi import Depends, Request

from standoff.api.budget import timed_out
from standoff.api.settings import ApiSettings
from standoff.errors import QueryStopped
from standoff.store import Store


async def get_settings(request: Request) -> ApiSettings:
    return request.app.state.settings


def _borrower(pool: str) -> Callable[[Request], AsyncIterator[Store]]:
    async def borrow(request: Request) -> AsyncIterator[Store]:
        async with request.app.state.pools[pool].borrow(request.state.deadline) as store:
            try:
                yield store
            except QueryStopped:
                raise timed_out(request.app.state.settings.request_seconds) from None

    return borrow


SettingsDep = Annotated[ApiSettings, Depends(get_settings)]
ReadStoreDep = Annotated[Store, Depends(_borrower("reads"))]
AnalysisStoreDep = Annotated[Store, Depends(_borrower("analysis"))]
