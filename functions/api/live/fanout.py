"""Fan-out: one request event (or monitoring alert) to every live subscription that may see it.

The listeners are the services' to choose (``LiveConnections.listeners_of``: the subscriptions on the
event's topic keys, less those of connections past their life or of accounts since disabled, which are
closed). Here each stored document is executed with the event as its root value, so every client gets
exactly the fields it asked for, and each result is posted to its connection as a ``next`` message. A
connection that is gone (API Gateway answers 410) is forgotten with its subscriptions, and any other
failure to post is logged: none of them stops delivery to the other subscribers.
"""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from functions.api.live.documents import SubscriptionDocuments
from functions.api.live.protocol import next_message
from functions.domain.live import LiveEvent, LiveSubscription
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
        concurrency: int = 8,
    ) -> None:
        self._connections = connections
        self._gateway = gateway
        self._documents = documents
        self._concurrency = concurrency

    def deliver(self, event: LiveEvent) -> Delivery:
        listeners = self._connections.listeners_of(event)
        live = listeners.subscriptions
        payloads = self._documents.render(live, event) if live else []
        messages = [
            (subscription, next_message(subscription.operation_id, payload))
            for subscription, payload in zip(live, payloads, strict=True)
            if payload is not None
        ]
        with ThreadPoolExecutor(max_workers=self._concurrency) as pool:
            outcomes = list(pool.map(lambda pair: self._post(*pair), messages))
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
