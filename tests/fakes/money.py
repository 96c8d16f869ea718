"""An in-memory ledger with the DynamoDB ledger's semantics: an entry is written whole or not at all,
once per entry id, never to a closed day, never taking the drawer below zero by a remittance; a card
slip pays for one request only."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from types import MappingProxyType

from functions.domain.audit import AuditRecord
from functions.domain.errors import Conflict, ErrorCode
from functions.domain.ledger import Account, AccountBalance, AccountKind, EntryKind, JournalEntry, PosSlip
from functions.domain.paging import Page, PageRequest
from functions.domain.statement import DayStatement
from tests.fakes.identity import RecordingAuditLog

__all__ = ["InMemoryLedger"]


@dataclass
class InMemoryLedger:
    log: RecordingAuditLog
    entries: dict[tuple[str, str], JournalEntry] = field(default_factory=dict)
    accounts: dict[tuple[str, Account], int] = field(default_factory=dict)
    days: dict[tuple[str, date], DayStatement] = field(default_factory=dict)
    slips: dict[str, str] = field(default_factory=dict)

    def check(self, entry: JournalEntry, slip: PosSlip | None = None) -> None:
        """Raise as the transaction would be cancelled (the ledger's part of it)."""
        if (entry.centre_id, entry.entry_id) in self.entries:
            raise Conflict(ErrorCode.CONFLICT)
        if self.statement(entry.centre_id, entry.day).closed:
            raise Conflict(ErrorCode.DAY_CLOSED)
        if slip is not None and self.slips.get(slip.key, entry.request_id) != entry.request_id:
            raise Conflict(ErrorCode.POS_SLIP_USED, field="posSlip")
        if entry.kind is EntryKind.REMITTANCE:
            drawer = self.accounts.get((entry.centre_id, Account(AccountKind.CASH_DRAWER)), 0)
            if drawer < entry.amount.halalas:
                raise Conflict(ErrorCode.REMITTANCE_EXCEEDS_CASH, field="amount")

    def write(self, entry: JournalEntry, slip: PosSlip | None = None) -> None:
        self.entries[(entry.centre_id, entry.entry_id)] = entry
        for line in entry.lines:
            key = (entry.centre_id, line.account)
            self.accounts[key] = self.accounts.get(key, 0) + line.halalas
        day = self.statement(entry.centre_id, entry.day)
        figures = dict(day.figures)
        for figure, value in entry.figures.items():
            figures[figure] = figures.get(figure, 0) + value
        self.days[(entry.centre_id, entry.day)] = DayStatement(
            entry.centre_id, entry.day, MappingProxyType(figures), day.closed_at, day.closed_by
        )
        if slip is not None:
            self.slips[slip.key] = entry.request_id or ""

    def post(self, entry: JournalEntry, audit: AuditRecord) -> bool:
        if (entry.centre_id, entry.entry_id) in self.entries:
            return False
        self.check(entry)
        self.write(entry)
        self.log.record(audit)
        return True

    def entry(self, centre_id: str, entry_id: str) -> JournalEntry | None:
        return self.entries.get((centre_id, entry_id))

    def balances(self, centre_id: str) -> list[AccountBalance]:
        return sorted(
            (
                AccountBalance(account, halalas)
                for (centre, account), halalas in self.accounts.items()
                if centre == centre_id
            ),
            key=lambda balance: balance.account.key,
        )

    def statement(self, centre_id: str, day: date) -> DayStatement:
        return self.days.get((centre_id, day), DayStatement(centre_id, day))

    def statements(self, centre_id: str, since: date, until: date) -> list[DayStatement]:
        return sorted(
            (s for (centre, day), s in self.days.items() if centre == centre_id and since <= day <= until),
            key=lambda s: s.day,
        )

    def journal(self, centre_id: str, day: date, page: PageRequest) -> Page[JournalEntry]:
        chosen = [e for (centre, _), e in self.entries.items() if centre == centre_id and e.day == day]
        return Page(sorted(chosen, key=lambda e: (e.posted_at, e.entry_id))[: page.size])

    def close_day(self, centre_id: str, day: date, closed_by: str, at: datetime, audit: AuditRecord) -> DayStatement:
        current = self.statement(centre_id, day)
        if current.closed:
            return current
        closed = DayStatement(centre_id, day, current.figures, at, closed_by)
        self.days[(centre_id, day)] = closed
        self.log.record(audit)
        return closed
