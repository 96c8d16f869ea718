"""Ports of the centres' money: the ledger (docs/money.md)."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from functions.domain.audit import AuditRecord
    from functions.domain.ledger import AccountBalance, JournalEntry
    from functions.domain.paging import Page, PageRequest
    from functions.domain.statement import DayStatement

__all__ = ["Ledger"]


class Ledger(Protocol):
    def post(self, entry: JournalEntry, audit: AuditRecord) -> bool:
        """Write an entry on its own, with its balances, day figures and audit record, all or nothing.
        False: the entry was posted before. ``Conflict``: its day is closed (``DAY_CLOSED``), or a
        remittance would take the drawer below zero (``REMITTANCE_EXCEEDS_CASH``)."""
        ...

    def entry(self, centre_id: str, entry_id: str) -> JournalEntry | None: ...

    def balances(self, centre_id: str) -> list[AccountBalance]:
        """Every account the centre has posted to, with its balance: one read, whatever the history."""
        ...

    def statement(self, centre_id: str, day: date) -> DayStatement: ...

    def statements(self, centre_id: str, since: date, until: date) -> list[DayStatement]:
        """The days in the range something was posted on (or that were closed), in order: one read."""
        ...

    def journal(self, centre_id: str, day: date, page: PageRequest) -> Page[JournalEntry]: ...

    def close_day(self, centre_id: str, day: date, closed_by: str, at: datetime, audit: AuditRecord) -> DayStatement:
        """Close a day to postings; closing a closed day changes nothing (and records nothing)."""
        ...
