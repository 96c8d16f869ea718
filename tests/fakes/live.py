"""In-memory connection store, a recording management API and fixed tokens (the world's adapters of the
WebSocket API), and a view of the real protocol, schema and fan-out wired on them (tests/unit/test_live_*)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from functions.domain.live import LiveConnection, LiveSubscription
from functions.domain.principal import Principal

if TYPE_CHECKING:
    from tests.fakes.identity import IdentityWorld


@dataclass
class InMemoryConnections:
    connections: dict[str, LiveConnection] = field(default_factory=dict)
    subscriptions: dict[tuple[str, str], LiveSubscription] = field(default_factory=dict)
    unlisted: set[str] = field(default_factory=set)
    """Connections the look-up by account does not find yet (one that raced its account's disable)."""

    def open(self, connection: LiveConnection) -> None:
        self.connections[connection.connection_id] = connection

    def get(self, connection_id: str) -> LiveConnection | None:
        return self.connections.get(connection_id)

    def acknowledge(self, connection: LiveConnection) -> bool:
        stored = self.connections.get(connection.connection_id)
        if stored is None or stored.acknowledged:
            return False
        self.connections[connection.connection_id] = connection
        return True

    def add_subscription(self, subscription: LiveSubscription) -> bool:
        key = (subscription.connection_id, subscription.operation_id)
        if key in self.subscriptions:
            return False
        self.subscriptions[key] = subscription
        return True

    def count_subscriptions(self, connection_id: str) -> int:
        return sum(1 for (connection, _) in self.subscriptions if connection == connection_id)

    def remove_subscription(self, connection_id: str, operation_id: str) -> None:
        self.subscriptions.pop((connection_id, operation_id), None)

    def remove_connection(self, connection_id: str) -> None:
        self.connections.pop(connection_id, None)
        for key in [k for k in self.subscriptions if k[0] == connection_id]:
            del self.subscriptions[key]

    def subscriptions_for(self, topic: str) -> list[LiveSubscription]:
        return [s for s in self.subscriptions.values() if s.topic == topic]

    def connections_of(self, user_id: str) -> list[str]:
        return [
            c.connection_id
            for c in self.connections.values()
            if c.principal and c.principal.user_id == user_id and c.connection_id not in self.unlisted
        ]

    def expired(self, now: datetime, limit: int) -> list[LiveConnection]:
        return sorted((c for c in self.connections.values() if c.expires_at <= now), key=lambda c: c.expires_at)[:limit]


@dataclass
class RecordingGateway:
    """What API Gateway's management API was asked to do; connections in ``gone`` answer 410."""

    sent: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    closed: list[str] = field(default_factory=list)
    gone: set[str] = field(default_factory=set)
    failing: set[str] = field(default_factory=set)

    def send(self, connection_id: str, message: dict[str, Any]) -> bool:
        if connection_id in self.failing:
            raise RuntimeError("throttled")
        if connection_id in self.gone:
            return False
        self.sent.append((connection_id, message))
        return True

    def close(self, connection_id: str) -> None:
        self.closed.append(connection_id)

    def to(self, connection_id: str) -> list[dict[str, Any]]:
        return [message for (connection, message) in self.sent if connection == connection_id]


@dataclass
class FixedTokens:
    principals: dict[str, Principal] = field(default_factory=dict)

    def principal_of(self, token: str) -> Principal:
        if token not in self.principals:
            raise ValueError("invalid token")
        return self.principals[token]


class LiveWorld:
    """The protocol and the fan-out of the world's composition root, over its in-memory connections."""

    def __init__(self, world: IdentityWorld) -> None:
        """Starts on an empty WebSocket API (no connection, nothing sent), also on a world used before."""
        for fake in (world.connections, world.gateway, world.tokens):
            vars(fake).update(vars(type(fake)()))
        self.world = world
        self.store = world.connections
        self.gateway = world.gateway
        self.tokens = world.tokens
        self.connections = world.use_cases.live_connections
        self.sessions = world.use_cases.live_sessions
        self.fanout = world.use_cases.live_fanout

    def connected(self, connection_id: str, principal: Principal | None) -> str:
        """A connection through $connect and connection_init (anonymous when ``principal`` is None)."""
        assert self.sessions.connect(connection_id, "graphql-transport-ws") == "graphql-transport-ws"
        payload: dict[str, str] = {}
        if principal is not None:
            self.tokens.principals[f"token-{connection_id}"] = principal
            payload = {"authorization": f"Bearer token-{connection_id}"}
        self.receive(connection_id, {"type": "connection_init", "payload": payload})
        return connection_id

    def receive(self, connection_id: str, message: dict[str, Any] | str) -> None:
        body = message if isinstance(message, str) else json.dumps(message)
        self.sessions.receive(connection_id, body, "corr")

    def subscribe(
        self, connection_id: str, operation_id: str, query: str, variables: dict[str, Any] | None = None
    ) -> None:
        self.receive(
            connection_id,
            {"id": operation_id, "type": "subscribe", "payload": {"query": query, "variables": variables or {}}},
        )
