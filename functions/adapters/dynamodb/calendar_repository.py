"""The business calendar on DynamoDB: one GetItem to read it, one transaction (with its audit record)
to change it."""

from __future__ import annotations

from dataclasses import replace

from pynamodb.exceptions import DoesNotExist, TransactWriteError
from pynamodb.transactions import TransactWrite

from functions.adapters.dynamodb.audit_log import DynamoAuditLog
from functions.adapters.dynamodb.calendar_items import CALENDAR_KEY, CALENDAR_SORT, BusinessCalendarItem
from functions.adapters.dynamodb.table import TableBinding
from functions.adapters.dynamodb.transactions import failed_conditions
from functions.domain.audit import AuditRecord
from functions.domain.business_calendar import BusinessCalendar
from functions.domain.errors import Conflict, ErrorCode

__all__ = ["DynamoBusinessCalendarRepository"]


class DynamoBusinessCalendarRepository:
    def __init__(self, table: TableBinding, audit: DynamoAuditLog) -> None:
        self._table = table
        self._items = table.bind(BusinessCalendarItem)
        self._audit = audit

    def get_calendar(self) -> BusinessCalendar | None:
        try:
            return self._items.get(CALENDAR_KEY, CALENDAR_SORT).to_domain()
        except DoesNotExist:
            return None

    def put_calendar(self, calendar: BusinessCalendar, audit: AuditRecord) -> BusinessCalendar:
        item = self._items.from_domain(calendar)
        try:
            with TransactWrite(connection=self._table.connection()) as transaction:
                transaction.save(item)
                self._audit.add_to(transaction, audit)
        except TransactWriteError as error:
            if failed_conditions(error) or error.cause_response_code == "TransactionCanceledException":
                raise Conflict(ErrorCode.CONFLICT) from error
            raise
        return replace(calendar, version=calendar.version + 1)
