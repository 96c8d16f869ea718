"""Fan-out: one request event (or monitoring alert) to every live subscription that may see it.

The subscriptions of the event's topics are read from the connection store (an index by topic); each
stored document is executed with the event as its root value, so every client gets exactly the fields
it asked for; each result is posted to its connection. A connection that is gone (API Gateway answers
410) is removed with its subscriptions, one past its life or of an account since disabled is closed and
removed, and any other failure to post is logged: none of them stops delivery to the other subscribers.
"""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from functions.domain.live import LiveEvent, LiveSubscription, topics_of
from functions.services.live_ports import ConnectionGateway, ConnectionStore, SubscriptionDocuments
from functions.services.ports import Clock, StandingCheck

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
        store: ConnectionStore,
        gateway: ConnectionGateway,
        documents: SubscriptionDocuments,
        clock: Clock,
        standing: StandingCheck,
        concurrency: int = 8,
    ) -> None:
        self._store = store
        self._gateway = gateway
        self._documents = documents
        self._clock = clock
        self._standing = standing
        self._concurrency = concurrency

    def deliver(self, event: LiveEvent) -> Delivery:
        subscriptions = [s for topic in topics_of(event) for s in self._store.subscriptions_for(topic)]
        now = self._clock.now()
        expired = {s.connection_id for s in subscriptions if s.expires_at <= now or not self._may_listen(s)}
        live = [s for s in subscriptions if s.connection_id not in expired]
        for connection_id in expired:
            self._gateway.close(connection_id)
            self._store.remove_connection(connection_id)
        payloads = self._documents.render(live, event) if live else []
        messages = [
            (subscription, {"id": subscription.operation_id, "type": "next", "payload": payload})
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
            self._store.remove_connection(connection_id)
        return Delivery(
            sent=outcomes.count("sent"), gone=len(gone), expired=len(expired), failed=outcomes.count("failed")
        )

    def _may_listen(self, subscription: LiveSubscription) -> bool:
        """An account disabled since it subscribed hears nothing more (its connections were closed when it
        was disabled; this catches one that raced the disable)."""
        return self._standing.standing_of(subscription.principal).account_active

    def _post(self, subscription: LiveSubscription, message: dict[str, Any]) -> str:
        try:
            return "sent" if self._gateway.send(subscription.connection_id, message) else "gone"
        except Exception:
            logger.exception("live event not posted to connection %s", subscription.connection_id)
            return "failed"
