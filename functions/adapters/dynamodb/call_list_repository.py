"""The centres' call lists on DynamoDB: a call is added with the receipt that causes it (in the SMS's
own transaction, ``notification_repository.py``); marked done once, with its audit record."""

from __future__ import annotations

from pynamodb.exceptions import DoesNotExist, TransactWriteError
from pynamodb.transactions import TransactWrite

from functions.adapters.dynamodb.audit_log import DynamoAuditLog
from functions.adapters.dynamodb.call_items import CallItem, call_key, calls_partition
from functions.adapters.dynamodb.cursor import decode_cursor, encode_cursor
from functions.adapters.dynamodb.table import TableBinding
from functions.adapters.dynamodb.transactions import failed_conditions
from functions.domain.audit import AuditRecord
from functions.domain.paging import Page, PageRequest
from functions.domain.sms_delivery import CallListEntry

__all__ = ["DynamoCallList"]


class DynamoCallList:
    def __init__(self, table: TableBinding, audit: DynamoAuditLog) -> None:
        self._table = table
        self._calls = table.bind(CallItem)
        self._audit = audit

    def get_call(self, call_id: str) -> CallListEntry | None:
        try:
            return self._calls.get(call_key(call_id), "CALL", consistent_read=True).to_domain()
        except DoesNotExist:
            return None

    def list_calls(self, centre_id: str, done: bool, page: PageRequest) -> Page[CallListEntry]:
        partition = calls_partition(centre_id, done)
        start = decode_cursor(page.after, partition_attribute="gsi1pk", partition=partition)
        results = self._calls.gsi1.query(partition, limit=page.size, last_evaluated_key=start)
        return Page([item.to_domain() for item in results], encode_cursor(results.last_evaluated_key))

    def mark_done(self, call: CallListEntry, audit: AuditRecord) -> bool:
        try:
            with TransactWrite(connection=self._table.connection()) as transaction:
                transaction.save(self._calls.from_domain(call), condition=CallItem.done_at.does_not_exist())
                self._audit.add_to(transaction, audit)
        except TransactWriteError as error:
            if failed_conditions(error):
                return False
            raise
        return True
