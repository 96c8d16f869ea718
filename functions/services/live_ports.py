"""The ports of live subscriptions: where connections are kept, how messages reach them, and how a
subscription document is checked and executed (the GraphQL layer implements that one)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from functions.domain.live import LiveConnection, LiveEvent, LiveSubscription
from functions.domain.principal import Principal
from functions.services.caller import Caller

__all__ = [
    "AccessTokens",
    "AccountConnections",
    "ConnectionGateway",
    "ConnectionStore",
    "SubscribeRequest",
    "SubscriptionAccepted",
    "SubscriptionDocuments",
    "SubscriptionRefused",
]


class ConnectionStore(Protocol):
    def open(self, connection: LiveConnection) -> None: ...

    def get(self, connection_id: str) -> LiveConnection | None: ...

    def acknowledge(self, connection: LiveConnection) -> bool:
        """Record the principal of a pending connection; False if it was acknowledged already or is gone."""
        ...

    def add_subscription(self, subscription: LiveSubscription) -> bool:
        """False if the connection already has a subscription with this operation id."""
        ...

    def count_subscriptions(self, connection_id: str) -> int: ...

    def remove_subscription(self, connection_id: str, operation_id: str) -> None: ...

    def remove_connection(self, connection_id: str) -> None:
        """The connection and every subscription it holds (idempotent)."""
        ...

    def subscriptions_for(self, topic: str) -> list[LiveSubscription]: ...

    def connections_of(self, user_id: str) -> list[str]:
        """The ids of the account's acknowledged connections (some may be gone already)."""
        ...

    def expired(self, now: datetime, limit: int) -> list[LiveConnection]:
        """Connections past their ``expires_at`` (pending ones that never sent ``connection_init`` included)."""
        ...


class ConnectionGateway(Protocol):
    """API Gateway's management API for WebSocket connections (``@connections``)."""

    def send(self, connection_id: str, message: dict[str, Any]) -> bool:
        """Post one message; False if the connection is gone."""
        ...

    def close(self, connection_id: str) -> None:
        """Close the connection (API Gateway closes it normally, code 1000); a gone one is no error."""
        ...


class AccountConnections(Protocol):
    def close_connections_of(self, user_id: str) -> int:
        """Close every live connection of an account (its subscriptions go with them); how many."""
        ...


class AccessTokens(Protocol):
    def principal_of(self, token: str) -> Principal:
        """The token's principal; raises for any token that is not a valid access token."""
        ...


@dataclass(frozen=True)
class SubscribeRequest:
    """The payload of a graphql-transport-ws ``subscribe`` message."""

    query: str
    variables: dict[str, object] = field(default_factory=dict)
    operation_name: str | None = None
    document_id: str | None = None
    """A trusted document named by its id (``sha256:…``) instead of its text (docs/web.md)."""


@dataclass(frozen=True)
class SubscriptionAccepted:
    topic: str
    document: str | None = None
    """The text every event is rendered with, when it is not the ``query`` the client sent."""


@dataclass(frozen=True)
class SubscriptionRefused:
    errors: list[dict[str, Any]]
    """GraphQL errors, formatted as the ``error`` message's payload."""


class SubscriptionDocuments(Protocol):
    def prepare(self, caller: Caller, request: SubscribeRequest) -> SubscriptionAccepted | SubscriptionRefused:
        """Validate the document and authorise it for the caller; the topic it listens on."""
        ...

    def render(self, subscriptions: Sequence[LiveSubscription], event: LiveEvent) -> list[dict[str, Any] | None]:
        """Each subscription's ``next`` payload for the event (None: not for this subscriber)."""
        ...
