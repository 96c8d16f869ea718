"""The local stand-in for API Gateway's WebSocket API and its management endpoint, in the dev server.

* ``ws://127.0.0.1:8000/graphql`` — each connection becomes what API Gateway would send the Lambda
  integration: a ``$connect`` event (refused unless it answers 200; its ``Sec-WebSocket-Protocol``
  header names the subprotocol), one ``$default`` event per message (one at a time per connection) and
  a ``$disconnect`` event — handed to the very handler AWS runs (``functions.handlers.graphql_ws``).
* ``POST /@connections/{id}`` sends the body to that connection, ``DELETE`` closes it (normally,
  1000, as API Gateway does); a connection that is not open answers 410 ``GoneException``, so boto3's
  ``apigatewaymanagementapi`` client behaves exactly as against AWS.

Everything else goes to the HTTP app unchanged.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import unquote

from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send
from starlette.websockets import WebSocket, WebSocketDisconnect

from functions.local.lambda_context import FakeLambdaContext
from functions.local.websocket_events import connect_event, disconnect_event, message_event, new_connection_id

__all__ = ["LocalWebSocketApi"]

logger = logging.getLogger("shubbak.local.websocket")

Handler = Callable[[dict[str, Any], Any], Any]
CONNECTIONS_PREFIX = "/@connections/"
_NORMAL_CLOSURE = 1000
_ACCEPTED = 200


class LocalWebSocketApi:
    def __init__(self, app: ASGIApp, handler: Handler, *, path: str = "/graphql", stage: str = "local") -> None:
        self.app = app
        self.handler = handler
        self.path = path
        self.stage = stage
        self.connections: dict[str, WebSocket] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "websocket" and scope["path"] == self.path:
            await self._serve(WebSocket(scope, receive, send))
        elif scope["type"] == "http" and scope["path"].startswith(CONNECTIONS_PREFIX):
            response = await self._manage(Request(scope, receive))
            await response(scope, receive, send)
        elif scope["type"] == "websocket":
            await WebSocket(scope, receive, send).close(code=1008)
        else:
            await self.app(scope, receive, send)

    async def _invoke(self, event: dict[str, Any]) -> Any:
        """In a worker thread, as Lambda would: the handler may call back into this server."""
        context = FakeLambdaContext(function_name="shubbak-local-graphqlWs")
        return await asyncio.to_thread(self.handler, event, context)

    async def _serve(self, websocket: WebSocket) -> None:
        connection_id = new_connection_id()
        connected_at = int(time.time() * 1000)
        domain = websocket.headers.get("host", "localhost")
        headers = dict(websocket.headers.items())
        answer = await self._invoke(
            connect_event(connection_id, headers, connected_at, stage=self.stage, domain=domain)
        )
        if not isinstance(answer, dict) or answer.get("statusCode") != _ACCEPTED:
            await websocket.close(code=1008)  # before accept: the handshake is refused (HTTP 403)
            return
        subprotocol = {k.lower(): v for k, v in (answer.get("headers") or {}).items()}.get("sec-websocket-protocol")
        await websocket.accept(subprotocol=subprotocol)
        self.connections[connection_id] = websocket
        status = _NORMAL_CLOSURE
        try:
            while True:
                message = await websocket.receive()
                if message["type"] == "websocket.disconnect":
                    status = int(message.get("code") or _NORMAL_CLOSURE)
                    break
                text = message.get("text")
                body = text if isinstance(text, str) else (message.get("bytes") or b"").decode()
                await self._invoke(message_event(connection_id, body, connected_at, stage=self.stage, domain=domain))
        except WebSocketDisconnect as disconnected:
            status = disconnected.code
        finally:
            self.connections.pop(connection_id, None)
            await self._invoke(disconnect_event(connection_id, connected_at, status, stage=self.stage, domain=domain))

    async def _manage(self, request: Request) -> Response:
        connection_id = unquote(request.url.path.removeprefix(CONNECTIONS_PREFIX))
        websocket = self.connections.get(connection_id)
        if websocket is None:
            return _gone()
        if request.method == "POST":
            data = await request.body()
            try:
                await websocket.send_text(data.decode())
            except Exception:  # closed while we were sending: gone, as API Gateway would say
                self.connections.pop(connection_id, None)
                return _gone()
            return Response(status_code=200)
        if request.method == "DELETE":
            self.connections.pop(connection_id, None)
            try:
                await websocket.close(code=_NORMAL_CLOSURE)
            except Exception:
                logger.debug("connection %s already closed", connection_id)
            return Response(status_code=204)
        return Response(status_code=405)


def _gone() -> Response:
    body = json.dumps({"message": None})
    return Response(body, status_code=410, media_type="application/json", headers={"x-amzn-ErrorType": "GoneException"})
