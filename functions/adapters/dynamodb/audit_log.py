"""The append-only audit log: records are only ever put (never updated or deleted) and read by key."""

from __future__ import annotations

from datetime import datetime

from pynamodb.exceptions import PutError
from pynamodb.transactions import TransactWrite

from functions.adapters.dynamodb.audit_items import AuditItem
from functions.adapters.dynamodb.cursor import decode_cursor, encode_cursor
from functions.adapters.dynamodb.table import TableBinding
from functions.domain.audit import AuditRecord
from functions.domain.paging import Page, PageRequest

__all__ = ["DynamoAuditLog"]


class DynamoAuditLog:
    def __init__(self, table: TableBinding) -> None:
        self._items = table.bind(AuditItem)

    def add_to(self, transaction: TransactWrite, audit: AuditRecord) -> None:
        """Put the record in another change's transaction (it must not exist yet: append only)."""
        transaction.save(self._items.from_domain(audit), condition=AuditItem.pk.does_not_exist())

    def record(self, audit: AuditRecord) -> None:
        self._items.from_domain(audit).save(condition=AuditItem.pk.does_not_exist())

    def record_once(self, audit: AuditRecord) -> bool:
        try:
            self.record(audit)
        except PutError as error:
            if error.cause_response_code == "ConditionalCheckFailedException":
                return False
            raise
        return True

    def trail(
        self, *, target: str | None, actor: str | None, since: datetime, until: datetime, page: PageRequest
    ) -> Page[AuditRecord]:
        window = AuditItem.sk.between(since.isoformat(), f"{until.isoformat()}~")
        if target is not None:
            start = decode_cursor(page.after, partition_attribute="pk", partition=target)
            results = self._items.query(
                target, window, limit=page.size, last_evaluated_key=start, scan_index_forward=False
            )
        else:
            start = decode_cursor(page.after, partition_attribute="gsi1pk", partition=actor or "")
            results = self._items.by_actor.query(
                actor or "", window, limit=page.size, last_evaluated_key=start, scan_index_forward=False
            )
        records = [item.to_domain() for item in results]
        return Page(records, encode_cursor(results.last_evaluated_key))
