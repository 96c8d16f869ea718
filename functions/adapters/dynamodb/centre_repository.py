"""Centres by id (their licensing lifecycle is the monitoring office's)."""

from __future__ import annotations

from pynamodb.exceptions import DoesNotExist
from pynamodb.transactions import TransactWrite

from functions.adapters.dynamodb.audit_log import DynamoAuditLog
from functions.adapters.dynamodb.identity_items import CentreItem, centre_key
from functions.adapters.dynamodb.table import TableBinding
from functions.domain.audit import AuditRecord
from functions.domain.centre import Centre

__all__ = ["DynamoCentreRepository"]


class DynamoCentreRepository:
    def __init__(self, table: TableBinding, audit: DynamoAuditLog) -> None:
        self._table = table
        self._centres = table.bind(CentreItem)
        self._audit = audit

    def get_centre(self, centre_id: str) -> Centre | None:
        try:
            return self._centres.get(centre_key(centre_id), "CENTRE").to_domain()
        except DoesNotExist:
            return None

    def put_centre(self, centre: Centre, audit: AuditRecord) -> None:
        with TransactWrite(connection=self._table.connection()) as transaction:
            transaction.save(self._centres.from_domain(centre))
            self._audit.add_to(transaction, audit)
