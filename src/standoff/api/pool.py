"""A few read-only connections to the store, lent to one request at a time.

A DuckDB connection must not run two queries at once, and opening one per request would check the
file each time; so the app opens ``size`` of them at start and each request borrows one.

Requests wait for a connection in the event loop, not in a worker thread: a thread blocked
waiting would hold one of the few worker threads that the requests holding the connections need
to finish, and under load every worker could end up waiting for the others.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from standoff.errors import Busy
from standoff.store import Store


class StorePool:
    def __init__(self, path: Path, size: int, wait_seconds: float) -> None:
        self._all: list[Store] = []
        self._free: asyncio.Queue[Store] | None = None  # made in the loop that serves the app
        self._wait = wait_seconds
        try:
            for _ in range(size):
                self._all.append(Store(path, read_only=True))
        except BaseException:
            self.close()
            raise

    @asynccontextmanager
    async def borrow(self) -> AsyncIterator[Store]:
        if self._free is None:
            self._free = asyncio.Queue()
            for store in self._all:
                self._free.put_nowait(store)
        try:
            store = await asyncio.wait_for(self._free.get(), self._wait)
        except TimeoutError:
            raise Busy("the server is busy; try again in a moment") from None
        try:
            yield store
        finally:
            self._free.put_nowait(store)

    def close(self) -> None:
        for store in self._all:
            store.close()
        self._all.clear()
