"""One GraphQL client interface over both transports the API is served by.

* ``asgi``: the Starlette/Strawberry ASGI app, as uvicorn serves it locally;
* ``lambda``: the Lambda handler with an API Gateway HTTP API (v2) event, as AWS runs it.

API tests take the ``client`` fixture and so run every case through both.
"""

from __future__ import annotations

import asyncio
import base64
import json
from dataclasses import dataclass
from typing import Any, Protocol

import httpx

from functions.bootstrap import Container
from functions.local.http_api_event import http_api_event
from functions.local.lambda_context import FakeLambdaContext

__all__ = ["ACCEPT", "AsgiClient", "GraphQLClient", "LambdaClient", "Reply", "ServerClient"]

ACCEPT = "application/graphql-response+json, application/json"
"""What a client following the GraphQL-over-HTTP specification sends (graphql-http's own client does)."""


@dataclass(frozen=True)
class Reply:
    status: int
    headers: dict[str, str]
    text: str

    def json(self) -> Any:
        return json.loads(self.text)

    @property
    def data(self) -> Any:
        return self.json().get("data")

    @property
    def error_codes(self) -> list[str]:
        return [error.get("extensions", {}).get("code") for error in self.json().get("errors", [])]


class GraphQLClient(Protocol):
    def post(
        self, query: str, variables: dict[str, Any] | None = None, *, token: str | None = None, path: str = "/graphql"
    ) -> Reply: ...

    def raw(
        self, method: str, body: str | None, headers: dict[str, str], query_string: str = "", path: str = "/graphql"
    ) -> Reply: ...


class AsgiClient:
    def __init__(self, container: Container) -> None:
        self.app = container.asgi_app

    def post(
        self, query: str, variables: dict[str, Any] | None = None, *, token: str | None = None, path: str = "/graphql"
    ) -> Reply:
        headers = {"content-type": "application/json", "accept": ACCEPT}
        if token:
            headers["authorization"] = f"Bearer {token}"
        return self.raw("POST", json.dumps({"query": query, "variables": variables or {}}), headers, path=path)

    def raw(
        self, method: str, body: str | None, headers: dict[str, str], query_string: str = "", path: str = "/graphql"
    ) -> Reply:
        async def send() -> httpx.Response:
            transport = httpx.ASGITransport(app=self.app)
            async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
                url = path + (f"?{query_string}" if query_string else "")
                return await client.request(method, url, content=body, headers=headers)

        response = asyncio.run(send())
        return Reply(response.status_code, {k.lower(): v for k, v in response.headers.items()}, response.text)


class LambdaClient:
    def __init__(self, handler: Any) -> None:
        self.handler = handler

    def post(
        self, query: str, variables: dict[str, Any] | None = None, *, token: str | None = None, path: str = "/graphql"
    ) -> Reply:
        event = http_api_event(
            {"query": query, "variables": variables or {}}, token=token, path=path, headers={"accept": ACCEPT}
        )
        return self._invoke(event)

    def raw(
        self, method: str, body: str | None, headers: dict[str, str], query_string: str = "", path: str = "/graphql"
    ) -> Reply:
        event = http_api_event(body, method=method, headers=headers, query_string=query_string, path=path)
        if "content-type" not in {k.lower() for k in headers}:
            event["headers"].pop("content-type", None)
        return self._invoke(event)

    def _invoke(self, event: dict[str, Any]) -> Reply:
        # Mangum runs the app on the thread's current event loop, as the Lambda runtime provides one.
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        try:
            response = self.handler(event, FakeLambdaContext())
        finally:
            asyncio.set_event_loop(None)
            loop.close()
        headers = {k.lower(): v for k, v in (response.get("headers") or {}).items()}
        body = response.get("body") or ""
        if response.get("isBase64Encoded"):  # as API Gateway decodes it for the client
            body = base64.b64decode(body).decode()
        return Reply(response["statusCode"], headers, body)


class ServerClient:
    """Over HTTP to a running server (``make dev`` in the end-to-end tests)."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url.rstrip("/")

    def post(
        self, query: str, variables: dict[str, Any] | None = None, *, token: str | None = None, path: str = "/graphql"
    ) -> Reply:
        headers = {"content-type": "application/json", "accept": ACCEPT}
        if token:
            headers["authorization"] = f"Bearer {token}"
        return self.raw("POST", json.dumps({"query": query, "variables": variables or {}}), headers, path=path)

    def raw(
        self, method: str, body: str | None, headers: dict[str, str], query_string: str = "", path: str = "/graphql"
    ) -> Reply:
        url = self.base_url + path + (f"?{query_string}" if query_string else "")
        response = httpx.request(method, url, content=body, headers=headers, timeout=30)
        return Reply(response.status_code, {k.lower(): v for k, v in response.headers.items()}, response.text)
