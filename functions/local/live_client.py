"""A small graphql-transport-ws client on the standard ``websockets`` library (its synchronous API): the
one the demo, the live-delivery bench and the tests speak to the WebSocket API with.

The protocol's client side, as far as these tools need it: ``connection_init`` with a bearer token,
``subscribe``, ``ping`` to learn that the server handled everything sent before (it answers one message
at a time, in order), then the server's ``next`` messages. Browsers use ``graphql-ws`` (docs/web.md).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from websockets.exceptions import ConnectionClosed
from websockets.sync.client import ClientConnection, connect
from websockets.typing import Subprotocol

__all__ = ["SUBPROTOCOL", "LiveClient"]

SUBPROTOCOL = Subprotocol("graphql-transport-ws")
_POLL_SECONDS = 0.5


@dataclass
class LiveClient:
    """One graphql-transport-ws connection: ``init``, ``subscribe``, then read ``next`` messages."""

    socket: ClientConnection
    received: list[dict[str, Any]] = field(default_factory=list)

    @classmethod
    @contextmanager
    def connect(cls, url: str) -> Iterator[LiveClient]:
        with connect(url, subprotocols=[SUBPROTOCOL], open_timeout=10) as socket:
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

    def listen(self, on_next: Callable[[dict[str, Any]], object], stop: threading.Event) -> None:
        """Hand each ``next`` message's payload to ``on_next`` until ``stop`` is set or the server closes."""
        while not stop.is_set():
            try:
                message = json.loads(self.socket.recv(timeout=_POLL_SECONDS))
            except TimeoutError:
                continue
            except ConnectionClosed:
                return
            if message.get("type") == "next":
                on_next(message["payload"])

    @property
    def close_code(self) -> int | None:
        return self.socket.close_code
