"""WebSocket connections and their subscriptions in the connections table (see docs/data-model.md).

* connection:   pk ``CONNECTION#<id>``  sk ``CONNECTION``
                gsi1 ``CONNECTIONS`` / ``<expires at>#<id>``   the sweep's list, oldest expiry first
* subscription: pk ``CONNECTION#<id>``  sk ``SUBSCRIPTION#<operation id>``
                gsi1 ``<topic>`` / ``<connection id>#<operation id>``   the fan-out's list per topic
* account's:    pk ``USER#<user id>``   sk ``CONNECTION#<id>``
                an acknowledged connection under its account, so disabling the account closes it

Every item carries ``expires_at`` (the table's TTL): a pending connection its ``connection_init``
deadline, an acknowledged one (and its subscriptions) the end of its life.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

from pynamodb.attributes import TTLAttribute, UnicodeAttribute, UTCDateTimeAttribute
from pynamodb.models import Model

from functions.adapters.dynamodb.main_table import Gsi1
from functions.domain.live import LiveConnection, LiveSubscription
from functions.domain.principal import Principal, Role

__all__ = [
    "CONNECTIONS_PARTITION",
    "ConnectionsItem",
    "account_key",
    "connection_key",
    "expiry_key",
    "subscription_key",
]

CONNECTIONS_PARTITION = "CONNECTIONS"
CONNECTION_SORT_KEY = "CONNECTION"
SUBSCRIPTION_PREFIX = "SUBSCRIPTION#"


def connection_key(connection_id: str) -> str:
    return f"CONNECTION#{connection_id}"


def account_key(user_id: str) -> str:
    return f"USER#{user_id}"


def subscription_key(operation_id: str) -> str:
    return f"{SUBSCRIPTION_PREFIX}{operation_id}"


def expiry_key(at: datetime) -> str:
    """Sortable as text: always UTC, always microseconds."""
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


class ConnectionsItem(Model):
    """Both kinds of item; bind it with ``TableBinding.bind``."""

    class Meta:
        table_name: str | None = None

    pk = UnicodeAttribute(hash_key=True)
    sk = UnicodeAttribute(range_key=True)
    gsi1pk = UnicodeAttribute(null=True)
    gsi1sk = UnicodeAttribute(null=True)
    expires_at = TTLAttribute()
    connection_id = UnicodeAttribute()
    connected_at = UTCDateTimeAttribute(null=True)
    user_id = UnicodeAttribute(null=True)
    role = UnicodeAttribute(null=True)
    centre_id = UnicodeAttribute(null=True)
    agency_code = UnicodeAttribute(null=True)
    operation_id = UnicodeAttribute(null=True)
    topic = UnicodeAttribute(null=True)
    document = UnicodeAttribute(null=True)
    variables = UnicodeAttribute(null=True)
    operation_name = UnicodeAttribute(null=True)

    gsi1 = Gsi1()  # the same index layout as the main table's gsi1 (gsi1pk / gsi1sk, all attributes)

    @classmethod
    def of_connection(cls, connection: LiveConnection) -> ConnectionsItem:
        principal = connection.principal
        return cls(
            pk=connection_key(connection.connection_id),
            sk=CONNECTION_SORT_KEY,
            gsi1pk=CONNECTIONS_PARTITION,
            gsi1sk=f"{expiry_key(connection.expires_at)}#{connection.connection_id}",
            expires_at=connection.expires_at,
            connection_id=connection.connection_id,
            connected_at=connection.connected_at,
        ).with_principal(principal)

    @classmethod
    def of_account_connection(cls, connection: LiveConnection, user_id: str) -> ConnectionsItem:
        return cls(
            pk=account_key(user_id),
            sk=connection_key(connection.connection_id),
            expires_at=connection.expires_at,
            connection_id=connection.connection_id,
        )

    @classmethod
    def of_subscription(cls, subscription: LiveSubscription) -> ConnectionsItem:
        return cls(
            pk=connection_key(subscription.connection_id),
            sk=subscription_key(subscription.operation_id),
            gsi1pk=subscription.topic,
            gsi1sk=f"{subscription.connection_id}#{subscription.operation_id}",
            expires_at=subscription.expires_at,
            connection_id=subscription.connection_id,
            operation_id=subscription.operation_id,
            topic=subscription.topic,
            document=subscription.document,
            variables=json.dumps(subscription.variables),
            operation_name=subscription.operation_name,
        ).with_principal(subscription.principal)

    def with_principal(self, principal: Principal | None) -> ConnectionsItem:
        if principal is not None:
            self.user_id = principal.user_id
            self.role = principal.role.value
            self.centre_id = principal.centre_id
            self.agency_code = principal.agency_code
        return self

    def principal(self) -> Principal | None:
        if not self.user_id or not self.role:
            return None
        return Principal(self.user_id, Role(self.role), centre_id=self.centre_id, agency_code=self.agency_code)

    def to_connection(self) -> LiveConnection:
        return LiveConnection(
            connection_id=self.connection_id,
            connected_at=self.connected_at or self.expires_at,
            expires_at=self.expires_at,
            principal=self.principal(),
        )

    def to_subscription(self) -> LiveSubscription:
        principal = self.principal()
        if principal is None:
            raise ValueError(f"subscription {self.pk}/{self.sk} without a principal")
        return LiveSubscription(
            connection_id=self.connection_id,
            operation_id=self.operation_id or "",
            topic=self.topic or "",
            document=self.document or "",
            principal=principal,
            expires_at=self.expires_at,
            variables=json.loads(self.variables or "{}"),
            operation_name=self.operation_name,
        )
