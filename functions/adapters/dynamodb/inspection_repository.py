"""Field inspections on DynamoDB: by id, by centre (newest visit first), and open follow-ups by due date."""

from __future__ import annotations

from datetime import date

from pynamodb.exceptions import DoesNotExist, TransactWriteError
from pynamodb.transactions import TransactWrite

from functions.adapters.dynamodb.audit_log import DynamoAuditLog
from functions.adapters.dynamodb.cursor import decode_cursor, encode_cursor
from functions.adapters.dynamodb.licensing_items import NoticeItem
from functions.adapters.dynamodb.oversight_items import FOLLOW_UP_OPEN, InspectionItem, inspections_partition
from functions.adapters.dynamodb.table import TableBinding
from functions.adapters.dynamodb.transactions import failed_conditions
from functions.domain.audit import AuditRecord
from functions.domain.centre_notice import CentreNotice
from functions.domain.errors import Conflict, ErrorCode
from functions.domain.inspection import Inspection
from functions.domain.paging import MAX_PAGE_SIZE, Page, PageRequest

__all__ = ["DynamoInspections"]


class DynamoInspections:
    def __init__(self, table: TableBinding, audit: DynamoAuditLog) -> None:
        self._table = table
        self._inspections = table.bind(InspectionItem)
        self._notices = table.bind(NoticeItem)
        self._audit = audit

    def add_inspection(self, inspection: Inspection, audit: AuditRecord, notice: CentreNotice) -> None:
        self._write(self._inspections.from_domain(inspection), audit, notice)

    def get_inspection(self, inspection_id: str) -> Inspection | None:
        try:
            return self._inspections.get(f"INSPECTION#{inspection_id}", "INSPECTION", consistent_read=True).to_domain()
        except DoesNotExist:
            return None

    def close_findings(self, inspection: Inspection, audit: AuditRecord, notice: CentreNotice) -> None:
        item = self._inspections.from_domain(inspection)
        item.version = inspection.version  # the version read: written only if nobody changed it since
        self._write(item, audit, notice)

    def list_for_centre(self, centre_id: str, page: PageRequest) -> Page[Inspection]:
        partition = inspections_partition(centre_id)
        start = decode_cursor(page.after, partition_attribute="gsi1pk", partition=partition)
        results = self._inspections.gsi1.query(
            partition, limit=page.size, last_evaluated_key=start, scan_index_forward=False
        )
        return Page([item.to_domain() for item in results], encode_cursor(results.last_evaluated_key))

    def overdue_follow_ups(self, today: date) -> list[Inspection]:
        results = self._inspections.gsi2.query(
            FOLLOW_UP_OPEN, InspectionItem.gsi2sk < f"{today.isoformat()}#", limit=MAX_PAGE_SIZE
        )
        return [item.to_domain() for item in results]

    def _write(self, item: InspectionItem, audit: AuditRecord, notice: CentreNotice) -> None:
        try:
            with TransactWrite(connection=self._table.connection()) as transaction:
                transaction.save(item)
                transaction.save(self._notices.from_domain(notice))
                self._audit.add_to(transaction, audit)
        except TransactWriteError as error:
            if failed_conditions(error) or error.cause_response_code == "TransactionCanceledException":
                raise Conflict(ErrorCode.CONFLICT) from error
            raise
