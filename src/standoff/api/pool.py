"""A few connections to the store, lent to one request at a time, within its time budget.

A DuckDB connection must not run two queries at once, and opening one per request would check the
file each time; so the app opens ``size`` of them at start and each request borrows one. They are
read-only, or, in a server that also writes (``serve --watch``), connections to its writer's
database, which see each batch it commits as a whole or not at all.

Requests wait for a connection in the event loop, not in a worker thread: a thread blocked
waiting would hold one of the few worker threads that the requests holding the connections need
to finish, and under load every worker could end up waiting for the others. A request waits at
most until its deadline; a query still running then is interrupted.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

from standoff.errors import TimedOut
from standoff.store import Store

RETRY_STOP_SECONDS = 0.1  # after the deadline, stop again this often: a query may start after the last stop


class StorePool:
    def __init__(self, connect: Callable[[], Store], size: int, memory_mb: int) -> None:
        self._all: list[Store] = []
        self._free: asyncio.Queue[Store] | None = None  # made in the loop that serves the app
        try:
            for _ in range(size):
                self._all.append(connect())
            self._all[0].serve_long(memory_mb)
        except BaseException:
            self.close()
            raise

    @asynccontextmanager
    async def borrow(self, deadline: float) -> AsyncIterator[Store]:
        """A connection until the block ends; its queries are stopped once the loop's clock passes ``deadline``."""
        if self._free is None:
            self._free = asyncio.Queue()
            for store in self._all:
                self._free.put_nowait(store)
        loop = asyncio.get_running_loop()
        try:
            store = await asyncio.wait_for(self._free.get(), max(deadline - loop.time(), 0))
        except TimeoutError:
            raise TimedOut("no connection to the store came free within the request's time budget; try again") from None
        timer: asyncio.TimerHandle

        def stop() -> None:
            nonlocal timer
            store.interrupt()
            timer = loop.call_later(RETRY_STOP_SECONDS, stop)

        timer = loop.call_at(deadline, stop)
        try:
            yield store
        finally:
            timer.cancel()
            self._free.put_nowait(store)

    def close(self) -> None:
        for store in self._all:
            store.close()
        self._all.clear()
