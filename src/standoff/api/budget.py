"""An ASGI layer that gives every request a time budget.

The request's deadline goes into its state: waiting for a connection ends there, and a query
still running then is interrupted (standoff.api.pool), so the route fails at once with a clear
error. Work that no interrupt reaches (Python between two queries, a coding job) gets a moment's
grace; then the client is answered with the same error, and whatever still runs finishes in the
background with nobody to answer.
"""

from __future__ import annotations

import asyncio
import logging

from standoff.api.errors import error_response
from standoff.api.guard import ASGIApp, Message, Receive, Scope, Send
from standoff.errors import TimedOut

log = logging.getLogger(__name__)

GRACE_SECONDS = 1.0


def timed_out(seconds: float) -> TimedOut:
    return TimedOut(
        f"the request took longer than this server's {seconds:g} s budget and was stopped; narrow it "
        "(a shorter range, one dyad or actor, a longer freq) or try again when the server is less busy"
    )


class Budget:
    def __init__(self, app: ASGIApp, *, seconds: float) -> None:
        self.app = app
        self.seconds = seconds
        self._orphans: set[asyncio.Task[None]] = set()  # requests answered for, still running

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        loop = asyncio.get_running_loop()
        scope.setdefault("state", {})["deadline"] = loop.time() + self.seconds
        started = answered = False

        async def send_unless_answered(message: Message) -> None:
            nonlocal started
            if answered:
                return
            started = started or message["type"] == "http.response.start"
            await send(message)

        task = asyncio.ensure_future(self.app(scope, receive, send_unless_answered))
        done, _ = await asyncio.wait({task}, timeout=self.seconds + GRACE_SECONDS)
        if task in done or started:  # on time, or an answer is already on its way
            await task
            return
        answered = True
        self._orphans.add(task)
        task.add_done_callback(self._forget)
        error = timed_out(self.seconds)
        await error_response(TimedOut, error.message)(scope, receive, send)

    def _forget(self, task: asyncio.Task[None]) -> None:
        self._orphans.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("a request that timed out failed afterwards", exc_info=task.exception())
