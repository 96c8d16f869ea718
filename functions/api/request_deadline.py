"""Every HTTP request gets a deadline before anything else runs (RELIABILITY GQL-14, CHAOS-06).

API Gateway gives up on the function at 30 s and the function stops at its own timeout (28 s in
serverless.yml); the request's work must end well before, so its answer — a result, or a coded,
retryable ``TEMPORARILY_UNAVAILABLE`` — reaches the client. The deadline is the smaller of
``seconds`` and the Lambda invocation's remaining time less a margin; no AWS call attempt starts that
could end after it (``services/deadline.py``, ``adapters/call_budget.py``).
"""

from __future__ import annotations

from typing import Any

from starlette.types import ASGIApp, Receive, Scope, Send

from functions.services.deadline import deadline_after

__all__ = ["LAMBDA_MARGIN_SECONDS", "RequestDeadline"]

LAMBDA_MARGIN_SECONDS = 6.0
"""Kept back from the invocation's remaining time: the answer is still written, logged and returned."""


class RequestDeadline:
    def __init__(self, app: ASGIApp, seconds: float) -> None:
        self.app = app
        self.seconds = seconds

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        with deadline_after(self._seconds(scope.get("aws.context"))):
            await self.app(scope, receive, send)

    def _seconds(self, lambda_context: Any) -> float:
        remaining = getattr(lambda_context, "get_remaining_time_in_millis", None)
        if remaining is None:
            return self.seconds
        return min(self.seconds, float(remaining()) / 1000 - LAMBDA_MARGIN_SECONDS)
