"""One HTTP API route served locally by its own Lambda handler (as API Gateway routes it to a function of
its own), beside the dev server's app: each request becomes the payload-2.0 event the handler gets on AWS.
``make dev`` serves the aggregator's delivery-report webhook (``POST /sms/reports``) this way."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

from functions.local.http_api_event import http_api_event
from functions.local.lambda_context import FakeLambdaContext

__all__ = ["LambdaHttpRoute"]

Handler = Callable[[dict[str, Any], Any], dict[str, Any]]


class LambdaHttpRoute:
    def __init__(self, app: ASGIApp, *, method: str, path: str, handler: Handler) -> None:
        self.app = app
        self.method = method
        self.path = path
        self.handler = handler

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] != self.path or scope["method"] != self.method:
            await self.app(scope, receive, send)
            return
        request = Request(scope, receive)
        body = (await request.body()).decode("utf-8", errors="replace")
        event = http_api_event(body, method=self.method, path=self.path, headers=dict(request.headers))
        answer = await run_in_threadpool(self.handler, event, FakeLambdaContext())
        response = Response(answer.get("body") or "", answer["statusCode"], headers=answer.get("headers") or {})
        await response(scope, receive, send)
