"""What routes get from the app: its settings and a borrowed read-only store."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request

from standoff.api.settings import ApiSettings
from standoff.store import Store


def get_settings(request: Request) -> ApiSettings:
    return request.app.state.settings


async def get_store(request: Request) -> AsyncIterator[Store]:
    async with request.app.state.pool.borrow() as store:
        yield store


StoreDep = Annotated[Store, Depends(get_store)]
SettingsDep = Annotated[ApiSettings, Depends(get_settings)]
