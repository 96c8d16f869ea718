"""Where the business calendar is kept (one item: the region's calendar with its agency overrides)."""

from __future__ import annotations

from typing import Protocol

from functions.domain.audit import AuditRecord
from functions.domain.business_calendar import BusinessCalendar

__all__ = ["BusinessCalendarRepository"]


class BusinessCalendarRepository(Protocol):
    def get_calendar(self) -> BusinessCalendar | None:
        """The stored calendar; None when no administrator stored one yet."""
        ...

    def put_calendar(self, calendar: BusinessCalendar, audit: AuditRecord) -> BusinessCalendar:
        """Store it with its audit record, if nobody stored another since ``calendar.version`` was read
        (else ``Conflict``); returns it with its new version."""
        ...
