"""The local stand-in for EventBridge schedules: each scheduled handler invoked on its own thread.

Locally the interval is seconds where AWS's is minutes, so a connection that never initialises is seen
closed promptly (the same handler and the same rule decide it)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from functions.local.lambda_context import FakeLambdaContext

__all__ = ["ScheduledRoute", "Scheduler"]

logger = logging.getLogger("shubbak.local.schedule")


@dataclass(frozen=True)
class ScheduledRoute:
    name: str
    handler: Callable[[dict[str, Any], Any], Any]
    every_seconds: float


class Scheduler:
    def __init__(self, routes: list[ScheduledRoute]) -> None:
        self._stop = threading.Event()
        self._threads = [
            threading.Thread(target=self._run, args=(route,), name=f"schedule-{route.name}", daemon=True)
            for route in routes
        ]

    def start(self) -> Scheduler:
        for thread in self._threads:
            thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=10)

    def _run(self, route: ScheduledRoute) -> None:
        while not self._stop.wait(route.every_seconds):
            try:
                route.handler({"source": "aws.events", "detail-type": "Scheduled Event"}, FakeLambdaContext())
            except Exception:  # keep ticking: a local hiccup must not stop the stack
                logger.exception("scheduled %s failed", route.name)
