"""Citizen SMS records: read, marked sent exactly once (conditional write), listed, swept."""

from __future__ import annotations

from datetime import datetime

from pynamodb.exceptions import DoesNotExist, UpdateError
from pynamodb.transactions import TransactWrite

from functions.adapters.dynamodb.cursor import decode_cursor, encode_cursor
from functions.adapters.dynamodb.identity_items import citizen_key
from functions.adapters.dynamodb.notification_items import (
    PENDING_PARTITION,
    NotificationItem,
    messages_partition,
    notification_sort_key,
)
from functions.adapters.dynamodb.table import TableBinding
from functions.domain.notification import DeliveryStatus, Notification
from functions.domain.paging import MAX_PAGE_SIZE, Page, PageRequest

__all__ = ["DynamoNotificationRepository"]


class DynamoNotificationRepository:
    def __init__(self, table: TableBinding) -> None:
        self._items = table.bind(NotificationItem)

    def add_to(self, transaction: TransactWrite, notification: Notification) -> None:
        """Record the SMS in another change's transaction; a second one for the same event fails it."""
        transaction.save(self._items.from_domain(notification), condition=NotificationItem.pk.does_not_exist())

    def get_notification(self, citizen_id: str, event_key: str) -> Notification | None:
        try:
            return self._items.get(citizen_key(citizen_id), notification_sort_key(event_key)).to_domain()
        except DoesNotExist:
            return None

    def mark_sent(self, notification: Notification, text: str, provider_message_id: str, at: datetime) -> bool:
        item = self._items.from_domain(notification)
        try:
            item.update(
                actions=[
                    NotificationItem.status.set(DeliveryStatus.SENT.value),
                    NotificationItem.text.set(text),
                    NotificationItem.sent_at.set(at),
                    NotificationItem.provider_message_id.set(provider_message_id),
                    NotificationItem.attempts.add(1),
                    NotificationItem.gsi2pk.remove(),
                    NotificationItem.gsi2sk.remove(),
                ],
                condition=NotificationItem.status == DeliveryStatus.PENDING.value,
            )
        except UpdateError as error:
            if error.cause_response_code == "ConditionalCheckFailedException":
                return False
            raise
        return True

    def list_for_citizen(self, citizen_id: str, page: PageRequest) -> Page[Notification]:
        partition = messages_partition(citizen_id)
        start = decode_cursor(page.after, partition_attribute="gsi1pk", partition=partition)
        results = self._items.gsi1.query(partition, limit=page.size, last_evaluated_key=start, scan_index_forward=False)
        return Page([item.to_domain() for item in results], encode_cursor(results.last_evaluated_key))

    def list_pending(self, created_before: datetime) -> list[Notification]:
        results = self._items.gsi2.query(
            PENDING_PARTITION, self._items.gsi2sk < created_before.isoformat(), limit=MAX_PAGE_SIZE
        )
        return [item.to_domain() for item in results]
