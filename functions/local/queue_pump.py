"""The local stand-in for Lambda's SQS event source mappings.

Polls each queue on moto, hands batches to the very handler AWS would invoke (with an SQS event),
deletes what the handler did not report as a batch item failure, and makes failures visible again
after ``retry_delay_seconds`` (moto moves a message to its dead-letter queue after maxReceiveCount).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from functions.local.lambda_context import FakeLambdaContext
from functions.local.sqs_event import sqs_event

__all__ = ["QueuePump", "QueueRoute"]

logger = logging.getLogger("shubbak.local.pump")

Handler = Callable[[dict[str, Any], Any], Any]


@dataclass(frozen=True)
class QueueRoute:
    name: str
    queue_url: str
    queue_arn: str
    handler: Handler
    after_success: Callable[[str], None] | None = None


_ERROR_PAUSE_SECONDS = 1.0


class QueuePump:
    def __init__(self, sqs: Any, routes: list[QueueRoute], region: str, retry_delay_seconds: int = 2) -> None:
        self._sqs = sqs
        self._routes = routes
        self._region = region
        self._retry_delay = retry_delay_seconds
        self._stop = threading.Event()
        # One poller per queue, as Lambda polls each event source on its own: a queue never waits for
        # another's long poll (live events would otherwise queue behind the SMS queue's empty polls).
        self._threads = [
            threading.Thread(target=self._run, args=(route,), name=f"queue-pump-{route.name}", daemon=True)
            for route in routes
        ]

    def start(self) -> QueuePump:
        for thread in self._threads:
            thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=10)

    def drain(self) -> int:
        """One pass over every queue until all are empty; returns how many messages were handled."""
        handled = 0
        while True:
            batch = sum(self.pump_once(route) for route in self._routes)
            if batch == 0:
                return handled
            handled += batch

    def pump_once(self, route: QueueRoute, wait_seconds: int = 0) -> int:
        messages = self._sqs.receive_message(
            QueueUrl=route.queue_url,
            MaxNumberOfMessages=10,
            WaitTimeSeconds=wait_seconds,
            AttributeNames=["All"],
            MessageAttributeNames=["All"],
        ).get("Messages", [])
        if not messages:
            return 0
        try:
            response = route.handler(sqs_event(messages, route.queue_arn, self._region), FakeLambdaContext())
            failed = {item["itemIdentifier"] for item in (response or {}).get("batchItemFailures", [])}
        except Exception:
            logger.exception("%s handler failed for the whole batch", route.name)
            failed = {message["MessageId"] for message in messages}
        for message in messages:
            if message["MessageId"] in failed:
                self._sqs.change_message_visibility(
                    QueueUrl=route.queue_url,
                    ReceiptHandle=message["ReceiptHandle"],
                    VisibilityTimeout=self._retry_delay,
                )
                continue
            self._sqs.delete_message(QueueUrl=route.queue_url, ReceiptHandle=message["ReceiptHandle"])
            if route.after_success:
                route.after_success(message["Body"])
        return len(messages)

    def _run(self, route: QueueRoute) -> None:
        while not self._stop.is_set():
            try:
                self.pump_once(route, wait_seconds=1)
            except Exception:  # keep pumping: a local hiccup must not stop the stack
                logger.exception("queue pump error on %s", route.name)
                self._stop.wait(_ERROR_PAUSE_SECONDS)  # moto gone: retry each second, not in a busy loop
