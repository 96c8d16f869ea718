"""In-memory connection store, a recording management API and fixed tokens, wired with the real
protocol, the real schema and the real fan-out (tests/unit/test_live_*)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from functions.api.live.documents import GraphQLSubscriptionDocuments, SubscriptionDocuments
from functions.api.live.fanout import LiveFanOut
from functions.api.live.sessions import LiveSessions
from functions.api.live.trusted import TrustedSubscriptionDocuments
from functions.api.schema import GraphQLPolicy, build_schema
from functions.api.trusted_documents import TrustedDocuments
from functions.domain.live import LiveConnection, LiveSubscription
from functions.domain.principal import Principal
from functions.services.live_connections import LiveConnections
from functions.services.live_updates import LiveUpdates
from tests.fakes.identity import IdentityWorld

SCHEMA = build_schema(GraphQLPolicy.for_stage("local"))


@dataclass
class InMemoryConnections:
    connections: dict[str, LiveConnection] = field(default_factory=dict)
    subscriptions: dict[tuple[str, str], LiveSubscription] = field(default_factory=dict)

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
        return [c.connection_id for c in self.connections.values() if c.principal and c.principal.user_id == user_id]

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
    """The protocol and the fan-out over the identity world's requests and audit log."""

    def __init__(
        self,
        world: IdentityWorld,
        *,
        init_timeout: timedelta = timedelta(seconds=10),
        trusted: TrustedDocuments | None = None,
    ) -> None:
        self.world = world
        self.store = InMemoryConnections()
        self.gateway = RecordingGateway()
        self.tokens = FixedTokens()
        live = LiveUpdates(requests=world.requests, authorizer=world.authorizer)
        documents: SubscriptionDocuments = GraphQLSubscriptionDocuments(SCHEMA, live)
        if trusted is not None:
            documents = TrustedSubscriptionDocuments(documents, trusted)
        self.connections = LiveConnections(
            store=self.store,
            gateway=self.gateway,
            clock=world.clock,
            standing=world.standing,
            init_timeout=init_timeout,
            lifetime=timedelta(hours=2),
            max_subscriptions=3,
        )
        self.sessions = LiveSessions(
            connections=self.connections, gateway=self.gateway, tokens=self.tokens, documents=documents
        )
        world.live_connections = self.sessions
        self.fanout = LiveFanOut(connections=self.connections, gateway=self.gateway, documents=documents)

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
