"""An in-memory ledger with the DynamoDB ledger's semantics: an entry is written whole or not at all,
once per entry id, never to a closed day, never taking the drawer below zero by a remittance; a card
slip pays for one request only."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from types import MappingProxyType
from typing import Any

from functions.domain.audit import AuditRecord
from functions.domain.errors import Conflict, ErrorCode
from functions.domain.ledger import Account, AccountBalance, AccountKind, EntryKind, JournalEntry, PosSlip
from functions.domain.madinah_time import business_day
from functions.domain.money import Money
from functions.domain.paging import Page, PageRequest
from functions.domain.sadad import BillStatus
from functions.domain.settlement import BillClaim, Claim, Discrepancy, SlipClaim
from functions.domain.statement import DayStatement
from tests.fakes.identity import RecordingAuditLog

__all__ = ["InMemoryLedger", "InMemorySettlements"]


@dataclass
class InMemoryLedger:
    log: RecordingAuditLog
    entries: dict[tuple[str, str], JournalEntry] = field(default_factory=dict)
    accounts: dict[tuple[str, Account], int] = field(default_factory=dict)
    days: dict[tuple[str, date], DayStatement] = field(default_factory=dict)
    slips: dict[str, SlipClaim] = field(default_factory=dict)

    def check(self, entry: JournalEntry, slip: PosSlip | None = None) -> None:
        """Raise as the transaction would be cancelled (the ledger's part of it)."""
        if (entry.centre_id, entry.entry_id) in self.entries:
            raise Conflict(ErrorCode.CONFLICT)
        if self.statement(entry.centre_id, entry.day).closed:
            raise Conflict(ErrorCode.DAY_CLOSED)
        claimed = self.slips.get(slip.key) if slip is not None else None
        if claimed is not None and claimed.request_id != entry.request_id:
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
        self.days[(entry.centre_id, entry.day)] = replace(day, figures=MappingProxyType(figures))
        if slip is not None:
            self.slips[slip.key] = SlipClaim(slip, entry.centre_id, entry.request_id or "", entry.amount, entry.day)

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
        closed = replace(current, closed_at=at, closed_by=closed_by)
        self.days[(centre_id, day)] = closed
        self.log.record(audit)
        return closed


@dataclass
class InMemorySettlements:
    """The settlement files' side, on the in-memory ledger: the same once-only rules as DynamoDB's."""

    ledger: InMemoryLedger
    files: dict[str, tuple[str, str]] = field(default_factory=dict)
    found: dict[str, Discrepancy] = field(default_factory=dict)
    objects: dict[tuple[str, str], bytes] = field(default_factory=dict)
    settled_bills: dict[str, date] = field(default_factory=dict)
    requests: Any = None
    """The in-memory requests (their SADAD bills), set once both exist."""

    def read(self, bucket: str, key: str) -> bytes:
        return self.objects[(bucket, key)]

    def file_done(self, digest: str) -> bool:
        return self.files.get(digest, ("", ""))[1] == "COMPLETED"

    def record_file(
        self,
        digest: str,
        source: str,
        at: datetime,
        *,
        settlement_day: date | None,
        lines: int | None,
        refused: tuple[str, int] | None = None,
    ) -> None:
        self.files[digest] = (source, refused[0] if refused else "COMPLETED")

    def slip(self, slip: PosSlip) -> SlipClaim | None:
        return self.ledger.slips.get(slip.key)

    def settle(
        self,
        claim: Claim | None,
        settled: Money,
        entry: JournalEntry | None,
        found: list[Discrepancy],
        settlement_day: date,
    ) -> bool:
        if isinstance(claim, SlipClaim) and self.ledger.slips[claim.slip.key].settled_on is not None:
            return False
        if isinstance(claim, BillClaim) and claim.bill_number in self.settled_bills:
            return False
        if any(d.discrepancy_id in self.found for d in found):
            return False
        if entry is not None:
            self.ledger.check(entry)
        if isinstance(claim, SlipClaim):
            self.ledger.slips[claim.slip.key] = replace(claim, settled_amount=settled, settled_on=settlement_day)
        elif isinstance(claim, BillClaim):
            self.settled_bills[claim.bill_number] = settlement_day
        if claim is not None:
            self._count(claim.centre_id, claim.day, lines=1, halalas=settled.halalas, discrepancies=len(found))
        if entry is not None:
            self.ledger.write(entry)
        self.found |= {d.discrepancy_id: d for d in found}
        return True

    def bill(self, bill_number: str) -> BillClaim | None:
        request_id = self.requests.request_of_bill(bill_number) if self.requests else None
        file = self.requests.get_file(request_id) if request_id else None
        if file is None or file.bill is None or file.bill.status is not BillStatus.PAID or file.bill.paid_at is None:
            return None
        return BillClaim(
            bill_number=bill_number,
            centre_id=file.bill.centre_id,
            request_id=file.bill.request_id,
            amount=file.bill.amount,
            day=business_day(file.bill.paid_at),
            settled_on=self.settled_bills.get(bill_number),
        )

    def unsettled_bills(self, day: date) -> list[BillClaim]:
        numbers = list(self.requests.bill_numbers) if self.requests else []
        claims = [self.bill(number) for number in numbers]
        return [c for c in claims if c is not None and c.day == day and c.settled_on is None]

    def unsettled(self, day: date) -> list[SlipClaim]:
        return [c for c in self.ledger.slips.values() if c.day == day and c.settled_on is None]

    def record(self, discrepancy: Discrepancy) -> bool:
        if discrepancy.discrepancy_id in self.found:
            return False
        self.found[discrepancy.discrepancy_id] = discrepancy
        if discrepancy.centre_id is not None:
            self._count(discrepancy.centre_id, discrepancy.day, discrepancies=1)
        return True

    def discrepancies(self, centre_id: str | None, since: date, until: date, page: PageRequest) -> Page[Discrepancy]:
        chosen = [
            d
            for d in self.found.values()
            if (centre_id is None or d.centre_id == centre_id) and since <= d.day <= until
        ]
        return Page(sorted(chosen, key=lambda d: (d.day, d.discrepancy_id))[: page.size])

    def _count(self, centre_id: str, day: date, *, lines: int = 0, halalas: int = 0, discrepancies: int = 0) -> None:
        statement = self.ledger.statement(centre_id, day)
        self.ledger.days[(centre_id, day)] = replace(
            statement,
            settled_lines=statement.settled_lines + lines,
            settled=Money(statement.settled.halalas + halalas),
            discrepancies=statement.discrepancies + discrepancies,
        )
