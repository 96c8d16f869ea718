"""The business calendar kept in memory, with the same version rule as DynamoDB's conditional write."""

from __future__ import annotations

from dataclasses import dataclass, replace

from functions.domain.audit import AuditRecord
from functions.domain.business_calendar import BusinessCalendar
from functions.domain.errors import Conflict, ErrorCode
from tests.fakes.identity import RecordingAuditLog

__all__ = ["InMemoryCalendar"]


@dataclass
class InMemoryCalendar:
    log: RecordingAuditLog
    stored: BusinessCalendar | None = None
    reads: int = 0

    def get_calendar(self) -> BusinessCalendar | None:
        self.reads += 1
        return self.stored

    def put_calendar(self, calendar: BusinessCalendar, audit: AuditRecord) -> BusinessCalendar:
        if calendar.version != (self.stored.version if self.stored else 0):
            raise Conflict(ErrorCode.CONFLICT)
        self.stored = replace(calendar, version=calendar.version + 1)
        self.log.record(audit)
        return self.stored
