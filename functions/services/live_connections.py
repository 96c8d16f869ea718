"""The live connections kept, the subscriptions they hold, and who hears an event: the use cases under
the WebSocket API, whatever protocol speaks over it (``functions/api/live/`` speaks graphql-transport-ws).

A connection is **pending** from the handshake until its ``connection_init`` is accepted, and must be
acknowledged within the init timeout; then it lives until the end of its lifetime (API Gateway's two
hours) and holds at most ``max_subscriptions``. An event is heard on its topic keys (``domain/live.py``)
by the subscriptions of connections still alive and of accounts still in good standing; the others are
closed and forgotten on the way.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import timedelta

from functions.domain.errors import ErrorCode, ValidationFailed
from functions.domain.live import LiveConnection, LiveEvent, LiveSubscription, topics_of
from functions.domain.principal import Principal
from functions.services.live_ports import ConnectionGateway, ConnectionStore
from functions.services.ports import Clock, StandingCheck

__all__ = ["Listeners", "LiveConnections"]


@dataclass(frozen=True)
class Listeners:
    subscriptions: list[LiveSubscription]
    """The subscriptions that may hear the event."""
    closed: int
    """Connections closed on the way: past their life, or of an account no longer in good standing."""


class LiveConnections:
    def __init__(
        self,
        *,
        store: ConnectionStore,
        gateway: ConnectionGateway,
        clock: Clock,
        standing: StandingCheck,
        init_timeout: timedelta,
        lifetime: timedelta,
        max_subscriptions: int,
    ) -> None:
        self._store = store
        self._gateway = gateway
        self._clock = clock
        self._standing = standing
        self._init_timeout = init_timeout
        self._lifetime = lifetime
        self._max_subscriptions = max_subscriptions

    def open(self, connection_id: str) -> None:
        """A pending connection, to be acknowledged within the init timeout."""
        now = self._clock.now()
        self._store.open(LiveConnection(connection_id, connected_at=now, expires_at=now + self._init_timeout))

    def current(self, connection_id: str) -> LiveConnection | None:
        """The connection, unless it is unknown or past its time."""
        connection = self._store.get(connection_id)
        if connection is None or connection.expires_at <= self._clock.now():
            return None
        return connection

    def acknowledge(self, connection: LiveConnection, principal: Principal) -> bool:
        """The connection's principal recorded, for its lifetime; False if it was acknowledged already."""
        acknowledged = replace(connection, principal=principal, expires_at=self._clock.now() + self._lifetime)
        return self._store.acknowledge(acknowledged)

    def ensure_room(self, connection_id: str) -> None:
        """``TOO_MANY_SUBSCRIPTIONS`` when the connection holds as many as it may."""
        if self._store.count_subscriptions(connection_id) >= self._max_subscriptions:
            raise ValidationFailed(ErrorCode.TOO_MANY_SUBSCRIPTIONS)

    def keep(self, subscription: LiveSubscription) -> bool:
        """Store an accepted subscription; False if the connection already has one with its operation id."""
        return self._store.add_subscription(subscription)

    def forget_subscription(self, connection_id: str, operation_id: str) -> None:
        self._store.remove_subscription(connection_id, operation_id)

    def forget_connection(self, connection_id: str) -> None:
        """The client left (``$disconnect``, or API Gateway answered 410): the connection and its
        subscriptions are forgotten."""
        self._store.remove_connection(connection_id)

    def close(self, connection_id: str) -> None:
        """Close the connection (API Gateway closes it normally) and forget it with its subscriptions."""
        self._gateway.close(connection_id)
        self._store.remove_connection(connection_id)

    def connections_of(self, user_id: str) -> list[str]:
        return self._store.connections_of(user_id)

    def expired(self, limit: int) -> list[LiveConnection]:
        """Connections past their time: never acknowledged in time, or at the end of their life."""
        return self._store.expired(self._clock.now(), limit)

    def listeners_of(self, event: LiveEvent) -> Listeners:
        """The subscriptions on the event's topic keys that may hear it. Those of connections past their
        life, or of an account disabled since it subscribed (its connections were closed when it was
        disabled; this catches one that raced the disable), are closed on the way."""
        subscriptions = [s for topic in topics_of(event) for s in self._store.subscriptions_for(topic)]
        now = self._clock.now()
        expired = {s.connection_id for s in subscriptions if s.expires_at <= now or not self._may_listen(s)}
        for connection_id in expired:
            self.close(connection_id)
        return Listeners([s for s in subscriptions if s.connection_id not in expired], closed=len(expired))

    def _may_listen(self, subscription: LiveSubscription) -> bool:
        return self._standing.standing_of(subscription.principal).account_active
