"""Fan-out: one request event (or monitoring alert) to every live subscription that may see it.

The listeners are the services' to choose (``LiveConnections.listeners_of``: the subscriptions on the
event's topic keys, less those of connections past their life or of accounts since disabled, which are
closed). Here each stored document is executed with the event as its root value, so every client gets
exactly the fields it asked for, and each result is posted to its connection as a ``next`` message. A
connection that is gone (API Gateway answers 410) is forgotten with its subscriptions, and any other
failure to post is logged: none of them stops delivery to the other subscribers.

Each delivery logs where its time went: the event's age when the fan-out took it (the events topic, the
live queue and the trigger), then finding the listeners, rendering their documents and posting them
(docs/performance.md, "Live delivery").
"""

from __future__ import annotations

import logging
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from functions.api.live.documents import SubscriptionDocuments
from functions.api.live.protocol import next_message
from functions.domain.live import LiveEvent, LiveSubscription
from functions.domain.monitoring_alert import MonitoringAlert
from functions.services.live_connections import LiveConnections
from functions.services.live_ports import ConnectionGateway

__all__ = ["Delivery", "LiveFanOut"]

logger = logging.getLogger("shubbak.live")


@dataclass(frozen=True)
class Delivery:
    sent: int = 0
    gone: int = 0
    expired: int = 0
    failed: int = 0


class LiveFanOut:
    def __init__(
        self,
        *,
        connections: LiveConnections,
        gateway: ConnectionGateway,
        documents: SubscriptionDocuments,
        concurrency: int = 32,
    ) -> None:
        self._connections = connections
        self._gateway = gateway
        self._documents = documents
        self._concurrency = concurrency

    def deliver(self, event: LiveEvent) -> Delivery:
        taken = datetime.now(UTC)
        clock = [time.perf_counter()]

        def lap() -> float:
            clock.append(time.perf_counter())
            return round((clock[-1] - clock[-2]) * 1000, 1)

        listeners = self._connections.listeners_of(event)
        live = listeners.subscriptions
        listeners_ms = lap()
        payloads = self._documents.render(live, event) if live else []
        render_ms = lap()
        messages = [
            (subscription, next_message(subscription.operation_id, payload))
            for subscription, payload in zip(live, payloads, strict=True)
            if payload is not None
        ]
        # the posts wait on API Gateway, not the CPU: an agency's screens in one or two rounds, not four
        with ThreadPoolExecutor(max_workers=max(1, min(self._concurrency, len(messages)))) as pool:
            outcomes = list(pool.map(lambda pair: self._post(*pair), messages))
        logger.info(
            "live event delivered",
            extra={
                "event_id": event.event_id,
                "subscriptions": len(live),
                "age_when_taken_ms": round((taken - _occurred_at(event)).total_seconds() * 1000, 1),
                "listeners_ms": listeners_ms,
                "render_ms": render_ms,
                "post_ms": lap(),
            },
        )
        gone = {
            subscription.connection_id
            for (subscription, _), outcome in zip(messages, outcomes, strict=True)
            if outcome == "gone"
        }
        for connection_id in gone:
            self._connections.forget_connection(connection_id)
        return Delivery(
            sent=outcomes.count("sent"), gone=len(gone), expired=listeners.closed, failed=outcomes.count("failed")
        )

    def _post(self, subscription: LiveSubscription, message: dict[str, Any]) -> str:
        try:
            return "sent" if self._gateway.send(subscription.connection_id, message) else "gone"
        except Exception:
            logger.exception("live event not posted to connection %s", subscription.connection_id)
            return "failed"


def _occurred_at(event: LiveEvent) -> datetime:
    return event.raised_at if isinstance(event, MonitoringAlert) else event.at
