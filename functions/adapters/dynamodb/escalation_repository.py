"""Escalations on DynamoDB, each written with the counters it changes, in one transaction."""

from __future__ import annotations

from pynamodb.exceptions import DoesNotExist, TransactWriteError
from pynamodb.transactions import TransactWrite

from functions.adapters.dynamodb.audit_log import DynamoAuditLog
from functions.adapters.dynamodb.cursor import decode_cursor, encode_cursor
from functions.adapters.dynamodb.figures_repository import DynamoFigures
from functions.adapters.dynamodb.oversight_items import EscalationItem, escalations_partition
from functions.adapters.dynamodb.table import TableBinding
from functions.adapters.dynamodb.transactions import failed_conditions
from functions.domain.audit import AuditRecord
from functions.domain.errors import Conflict, ErrorCode
from functions.domain.escalation import Escalation, EscalationStatus
from functions.domain.figures import FigureDelta
from functions.domain.paging import Page, PageRequest

__all__ = ["DynamoEscalations"]


class DynamoEscalations:
    def __init__(self, table: TableBinding, audit: DynamoAuditLog, figures: DynamoFigures) -> None:
        self._table = table
        self._escalations = table.bind(EscalationItem)
        self._audit = audit
        self._figures = figures

    def get_escalation(self, escalation_id: str) -> Escalation | None:
        try:
            item = self._escalations.get(f"ESCALATION#{escalation_id}", "ESCALATION", consistent_read=True)
        except DoesNotExist:
            return None
        return item.to_domain()

    def save_escalation(
        self, escalation: Escalation, deltas: tuple[FigureDelta, ...], audit: AuditRecord | None = None
    ) -> None:
        try:
            with TransactWrite(connection=self._table.connection()) as transaction:
                transaction.save(self._escalations.from_domain(escalation))
                self._figures.add_to(transaction, deltas)
                if audit is not None:
                    self._audit.add_to(transaction, audit)
        except TransactWriteError as error:
            if failed_conditions(error) or error.cause_response_code == "TransactionCanceledException":
                raise Conflict(ErrorCode.CONFLICT) from error
            raise

    def list_escalations(self, status: EscalationStatus, page: PageRequest) -> Page[Escalation]:
        partition = escalations_partition(status)
        start = decode_cursor(page.after, partition_attribute="gsi1pk", partition=partition)
        results = self._escalations.gsi1.query(
            partition, limit=page.size, last_evaluated_key=start, scan_index_forward=False
        )
        return Page([item.to_domain() for item in results], encode_cursor(results.last_evaluated_key))
