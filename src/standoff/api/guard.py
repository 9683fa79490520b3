"""An ASGI layer around the whole app: answer only expected Host headers, bound request bodies,
and send headers that keep the browser from running anything but the dashboard's own scripts."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from standoff.api.errors import error_response
from standoff.errors import BadHost, BodyTooLarge

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

# No inline script or style, no plugins, no framing, and requests only to this server: even text
# that slipped past escaping could not run or send anything anywhere.
SECURITY_HEADERS = (
    (b"content-security-policy", b"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
     b"connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-resource-policy", b"same-origin"),
)


def host_of(header: str) -> str:
    """The host part of a Host header: ``[::1]:8000`` -> ``::1``, ``localhost:80`` -> ``localhost``."""
    if header.startswith("["):
        return header[1 : header.find("]")] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


class Guard:
    def __init__(self, app: ASGIApp, *, allowed_hosts: tuple[str, ...] | None, max_body_bytes: int) -> None:
        self.app = app
        self.allowed_hosts = None if allowed_hosts is None else frozenset(h.lower() for h in allowed_hosts)
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {key.decode("latin-1").lower(): value.decode("latin-1") for key, value in scope["headers"]}

        async def send_secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        refusal = self._refusal(headers)
        if refusal is not None:
            await refusal(scope, receive, send_secured)
            return
        await self.app(scope, self._bounded(receive), send_secured)

    def _refusal(self, headers: dict[str, str]) -> Callable[[Scope, Receive, Send], Awaitable[None]] | None:
        if self.allowed_hosts is not None and host_of(headers.get("host", "")).lower() not in self.allowed_hosts:
            return error_response(BadHost, "this server answers requests to its own address only")
        length = headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body_bytes):
            return error_response(BodyTooLarge, self._too_large())
        return None

    def _bounded(self, receive: Receive) -> Receive:
        """``receive`` that stops a body (sent in chunks, without a length) once it passes the limit."""
        seen = 0

        async def bounded() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body_bytes:
                    raise BodyTooLarge(self._too_large())
            return message

        return bounded

    def _too_large(self) -> str:
        return f"the request body is larger than {self.max_body_bytes:,} bytes"
