"""The ports of live subscriptions: where connections are kept, how messages reach them, and how an
account's connections are closed (the API's protocol does that one, ``api/live/sessions.py``)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Protocol

from functions.domain.live import LiveConnection, LiveSubscription

__all__ = ["AccountConnections", "ConnectionGateway", "ConnectionStore"]


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
