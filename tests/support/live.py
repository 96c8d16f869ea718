"""Live subscriptions in tests: the local WebSocket API emulation served on a free port (as ``make dev``
serves it). The client is ``functions/local/live_client.py``, the one the demo and the bench use."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import uvicorn
from starlette.responses import PlainTextResponse
from starlette.types import Receive, Scope, Send

from functions.local.websocket_api import LocalWebSocketApi
from tests.support.ports import port_is_open

__all__ = ["serve_socket_api"]


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
