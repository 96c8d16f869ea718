"""Live subscriptions in tests: the local WebSocket API emulation served on a free port (as ``make dev``
serves it), and a small graphql-transport-ws client on the standard ``websockets`` library."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import uvicorn
from starlette.responses import PlainTextResponse
from starlette.types import Receive, Scope, Send
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import ClientConnection, connect

from functions.local.websocket_api import LocalWebSocketApi
from tests.support.ports import port_is_open

__all__ = ["LiveClient", "serve_socket_api"]

SUBPROTOCOL = "graphql-transport-ws"


async def _no_http(scope: Scope, receive: Receive, send: Send) -> None:
    await PlainTextResponse("not here", status_code=404)(scope, receive, send)


@contextmanager
def serve_socket_api(port: int) -> Iterator[LocalWebSocketApi]:
    """The emulated WebSocket API in front of ``functions.handlers.graphql_ws`` (which reads the
    process's environment: set the stack's, with ``WEBSOCKET_MANAGEMENT_URL`` naming this port)."""
    from functions.handlers import graphql_ws

    api = LocalWebSocketApi(_no_http, graphql_ws.handler)
    server = uvicorn.Server(uvicorn.Config(api, host="127.0.0.1", port=port, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, name="socket-api", daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not port_is_open(port):
        if time.monotonic() > deadline:
            raise RuntimeError("the socket API did not start")
        time.sleep(0.05)
    try:
        yield api
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@dataclass
class LiveClient:
    """One graphql-transport-ws connection: ``init``, ``subscribe``, then read ``next`` messages."""

    socket: ClientConnection
    received: list[dict[str, Any]] = field(default_factory=list)

    @classmethod
    @contextmanager
    def connect(cls, url: str) -> Iterator[LiveClient]:
        with connect(url, subprotocols=[SUBPROTOCOL], open_timeout=10) as socket:  # type: ignore[list-item]
            yield cls(socket)

    def send(self, message: dict[str, Any]) -> None:
        self.socket.send(json.dumps(message))

    def init(self, token: str | None) -> dict[str, Any] | None:
        """``connection_init``; the server's first answer (the ack, or the coded refusal before it closes the
        connection), or None if it closed the connection without one."""
        self.send({"type": "connection_init", "payload": {"authorization": f"Bearer {token}"} if token else {}})
        return self.next_message(timeout=10)

    def subscribe(self, operation_id: str, query: str, variables: dict[str, Any] | None = None) -> None:
        self.send({"id": operation_id, "type": "subscribe", "payload": {"query": query, "variables": variables or {}}})

    def settle(self) -> list[dict[str, Any]]:
        """Every message the server sent before answering a ping (it handles one message at a time)."""
        self.send({"type": "ping"})
        messages = []
        while (message := self.next_message(timeout=10)) is not None and message["type"] != "pong":
            messages.append(message)
        return messages

    def next_message(self, timeout: float = 10) -> dict[str, Any] | None:
        try:
            message: dict[str, Any] = json.loads(self.socket.recv(timeout=timeout))
        except (TimeoutError, ConnectionClosed):
            return None
        self.received.append(message)
        return message

    @property
    def close_code(self) -> int | None:
        return self.socket.close_code
