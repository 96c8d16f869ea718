"""Connections and subscriptions by key, by topic (gsi1) and by expiry (gsi1 ``CONNECTIONS``)."""

from __future__ import annotations

from datetime import datetime

from pynamodb.exceptions import DoesNotExist, PutError

from functions.adapters.dynamodb.connection_items import (
    CONNECTION_SORT_KEY,
    CONNECTIONS_PARTITION,
    SUBSCRIPTION_PREFIX,
    ConnectionsItem,
    account_key,
    connection_key,
    expiry_key,
    subscription_key,
)
from functions.adapters.dynamodb.table import TableBinding
from functions.domain.live import LiveConnection, LiveSubscription

__all__ = ["DynamoConnectionStore"]

_CONDITION_FAILED = "ConditionalCheckFailedException"


class DynamoConnectionStore:
    def __init__(self, table: TableBinding) -> None:
        self._items = table.bind(ConnectionsItem)

    def open(self, connection: LiveConnection) -> None:
        self._items.of_connection(connection).save()

    def get(self, connection_id: str) -> LiveConnection | None:
        try:
            item = self._items.get(connection_key(connection_id), CONNECTION_SORT_KEY, consistent_read=True)
        except DoesNotExist:
            return None
        return item.to_connection()

    def acknowledge(self, connection: LiveConnection) -> bool:
        if connection.principal is not None:  # first: a connection is never acknowledged unfindable
            self._items.of_account_connection(connection, connection.principal.user_id).save()
        acknowledged = self._items.of_connection(connection)
        try:
            acknowledged.save(condition=ConnectionsItem.pk.exists() & ConnectionsItem.user_id.does_not_exist())
        except PutError as error:
            if error.cause_response_code == _CONDITION_FAILED:
                return False
            raise
        return True

    def add_subscription(self, subscription: LiveSubscription) -> bool:
        try:
            self._items.of_subscription(subscription).save(condition=ConnectionsItem.pk.does_not_exist())
        except PutError as error:
            if error.cause_response_code == _CONDITION_FAILED:
                return False
            raise
        return True

    def count_subscriptions(self, connection_id: str) -> int:
        return int(self._items.count(connection_key(connection_id), ConnectionsItem.sk.startswith(SUBSCRIPTION_PREFIX)))

    def remove_subscription(self, connection_id: str, operation_id: str) -> None:
        self._items(connection_key(connection_id), subscription_key(operation_id)).delete()

    def remove_connection(self, connection_id: str) -> None:
        items = list(self._items.query(connection_key(connection_id), attributes_to_get=["pk", "sk", "user_id"]))
        accounts = [
            self._items(account_key(item.user_id), connection_key(connection_id))
            for item in items
            if item.sk == CONNECTION_SORT_KEY and item.user_id
        ]
        with self._items.batch_write() as batch:
            for item in items + accounts:
                batch.delete(item)

    def connections_of(self, user_id: str) -> list[str]:
        return [item.connection_id for item in self._items.query(account_key(user_id))]

    def subscriptions_for(self, topic: str) -> list[LiveSubscription]:
        return [item.to_subscription() for item in self._items.gsi1.query(topic)]

    def expired(self, now: datetime, limit: int) -> list[LiveConnection]:
        items = self._items.gsi1.query(
            CONNECTIONS_PARTITION, ConnectionsItem.gsi1sk < f"{expiry_key(now)}#", limit=limit
        )
        return [item.to_connection() for item in items]
