"""Citizen SMS records: read, each attempt and each receipt's effect written once (conditional writes
in transactions), listed, swept (docs/data-model.md)."""

from __future__ import annotations

import time
from datetime import datetime, timedelta
from typing import Any

from pynamodb.exceptions import DoesNotExist, PutError, TransactWriteError
from pynamodb.transactions import TransactWrite

from functions.adapters.dynamodb.call_items import CallItem
from functions.adapters.dynamodb.cursor import decode_cursor, encode_cursor
from functions.adapters.dynamodb.figures_repository import DynamoFigures
from functions.adapters.dynamodb.identity_items import citizen_key
from functions.adapters.dynamodb.notification_items import (
    PENDING_PARTITION,
    RETRY_PARTITION,
    MessagePointerItem,
    NotificationItem,
    ReportTakenItem,
    message_key,
    messages_partition,
    notification_sort_key,
    outbox_keys,
    report_key,
)
from functions.adapters.dynamodb.table import TableBinding
from functions.adapters.dynamodb.transactions import TRANSACTION_ATTEMPTS, failed_conditions, lost_to_another
from functions.domain.figures import FigureDelta
from functions.domain.notification import Notification
from functions.domain.paging import MAX_PAGE_SIZE, Page, PageRequest
from functions.domain.sms_delivery import CallListEntry

__all__ = ["DynamoNotificationRepository", "DynamoReportLedger"]

POINTER_LIFETIME = timedelta(days=30)
"""Receipts come within hours (the retry window); a month covers any carrier's slowest report."""


class DynamoNotificationRepository:
    def __init__(self, table: TableBinding, figures: DynamoFigures) -> None:
        self._table = table
        self._figures = figures
        self._items = table.bind(NotificationItem)
        self._pointers = table.bind(MessagePointerItem)
        self._calls = table.bind(CallItem)

    def add_to(self, transaction: TransactWrite, notification: Notification) -> None:
        """Record the SMS in another change's transaction; a second one for the same event fails it."""
        transaction.save(self._items.from_domain(notification), condition=NotificationItem.pk.does_not_exist())

    def get_notification(self, citizen_id: str, event_key: str) -> Notification | None:
        try:
            return self._items.get(citizen_key(citizen_id), notification_sort_key(event_key)).to_domain()
        except DoesNotExist:
            return None

    def mark_sending(self, previous: Notification, sent: Notification, figures: tuple[FigureDelta, ...]) -> bool:
        pointer = self._pointers(
            pk=message_key(sent.provider or "", sent.provider_message_id or ""),
            sk="SMSMSG",
            citizen_id=sent.citizen_id,
            event_key=sent.event_key,
            expires_at=POINTER_LIFETIME,
        )
        return self._write(previous, sent, figures, lambda transaction: transaction.save(pointer))

    def find_by_message(self, provider: str, message_id: str) -> Notification | None:
        try:
            pointer = self._pointers.get(message_key(provider, message_id), "SMSMSG", consistent_read=True)
            item = self._items.get(
                citizen_key(pointer.citizen_id), notification_sort_key(pointer.event_key), consistent_read=True
            )
        except DoesNotExist:
            return None
        return item.to_domain()

    def record_delivery(
        self,
        previous: Notification,
        updated: Notification,
        call: CallListEntry | None,
        figures: tuple[FigureDelta, ...],
    ) -> bool:
        def add_call(transaction: TransactWrite) -> None:
            if call is not None:
                transaction.save(self._calls.from_domain(call), condition=CallItem.pk.does_not_exist())

        return self._write(previous, updated, figures, add_call)

    def _write(
        self, previous: Notification, updated: Notification, figures: tuple[FigureDelta, ...], also: Any
    ) -> bool:
        """``updated`` if the stored SMS is still at ``previous``'s status and attempt, with ``also`` and the
        figures' counters. Tried again when it met another transaction on a shared item (the region's day
        of figures is in every SMS's): a provider took the message, so its record must not be lost."""
        item = self._items.from_domain(previous)
        attempt = 0
        while True:
            attempt += 1
            try:
                with TransactWrite(connection=self._table.connection()) as transaction:
                    transaction.update(
                        item,
                        actions=_state_of(updated),
                        condition=(NotificationItem.status == previous.status.value)
                        & (NotificationItem.attempts == previous.attempts),
                    )
                    also(transaction)
                    self._figures.add_to(transaction, figures)
            except TransactWriteError as error:
                if failed_conditions(error):
                    return False
                if attempt == TRANSACTION_ATTEMPTS or not lost_to_another(error):
                    raise
                time.sleep(0.02 * attempt)
            else:
                return True

    def list_for_citizen(self, citizen_id: str, page: PageRequest) -> Page[Notification]:
        partition = messages_partition(citizen_id)
        start = decode_cursor(page.after, partition_attribute="gsi1pk", partition=partition)
        results = self._items.gsi1.query(partition, limit=page.size, last_evaluated_key=start, scan_index_forward=False)
        return Page([item.to_domain() for item in results], encode_cursor(results.last_evaluated_key))

    def list_for_request(self, citizen_id: str, request_id: str) -> list[Notification]:
        prefix = notification_sort_key(f"REQ#{request_id}#")
        results = self._items.query(
            citizen_key(citizen_id), NotificationItem.sk.startswith(prefix), limit=MAX_PAGE_SIZE
        )
        return sorted((item.to_domain() for item in results), key=lambda n: n.created_at)

    def list_pending(self, created_before: datetime) -> list[Notification]:
        results = self._items.gsi2.query(
            PENDING_PARTITION, self._items.gsi2sk < created_before.isoformat(), limit=MAX_PAGE_SIZE
        )
        return [item.to_domain() for item in results]

    def list_retry_due(self, now: datetime) -> list[Notification]:
        results = self._items.gsi2.query(RETRY_PARTITION, self._items.gsi2sk < now.isoformat(), limit=MAX_PAGE_SIZE)
        return [item.to_domain() for item in results]


def _state_of(updated: Notification) -> list[Any]:
    """Every attribute an attempt or a receipt may change, set to ``updated``'s (removed when None)."""
    n = NotificationItem
    values: list[tuple[Any, Any]] = [
        (n.status, updated.status.value),
        (n.text, updated.text),
        (n.sent_at, updated.sent_at),
        (n.first_sent_at, updated.first_sent_at),
        (n.provider, updated.provider),
        (n.provider_message_id, updated.provider_message_id),
        (n.attempts, updated.attempts),
        (n.status_reason, updated.status_reason),
        (n.status_at, updated.status_at),
        (n.next_attempt_at, updated.next_attempt_at),
        (n.on_call_list, updated.on_call_list),
    ]
    outbox = outbox_keys(updated)
    values += [(n.gsi2pk, outbox[0] if outbox else None), (n.gsi2sk, outbox[1] if outbox else None)]
    return [attribute.remove() if value is None else attribute.set(value) for attribute, value in values]


class DynamoReportLedger:
    """Delivery reports taken from a provider's webhook, each kept until a replay could no longer pass."""

    def __init__(self, table: TableBinding) -> None:
        self._reports = table.bind(ReportTakenItem)

    def seen(self, provider: str, report_id: str) -> bool:
        try:
            self._reports.get(report_key(provider, report_id), "SMSREPORT", consistent_read=True)
        except DoesNotExist:
            return False
        return True

    def remember(self, provider: str, report_id: str, at: datetime, keep_for: timedelta) -> None:
        item = self._reports(pk=report_key(provider, report_id), sk="SMSREPORT", taken_at=at, expires_at=at + keep_for)
        try:
            item.save(condition=ReportTakenItem.pk.does_not_exist())
        except PutError as error:
            if error.cause_response_code != "ConditionalCheckFailedException":
                raise
