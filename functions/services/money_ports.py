"""Ports of the centres' money: the ledger (docs/money.md)."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from functions.domain.audit import AuditRecord
    from functions.domain.ledger import AccountBalance, JournalEntry, PosSlip
    from functions.domain.money import Money
    from functions.domain.paging import Page, PageRequest
    from functions.domain.settlement import BillClaim, Claim, Discrepancy, SlipClaim
    from functions.domain.statement import DayStatement

__all__ = ["Ledger", "SettlementFiles", "Settlements"]


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


class SettlementFiles(Protocol):
    def read(self, bucket: str, key: str) -> bytes:
        """A settlement file's bytes, as the acquirer (or SADAD) put them in the bucket."""
        ...


class Settlements(Protocol):
    def file_done(self, digest: str) -> bool:
        """Whether a file with these bytes (its SHA-256) was reconciled to the end already."""
        ...

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
        """The file's outcome: completed, or refused with its error code and line."""
        ...

    def slip(self, slip: PosSlip) -> SlipClaim | None: ...

    def settle(
        self,
        claim: Claim | None,
        settled: Money,
        entry: JournalEntry | None,
        found: list[Discrepancy],
        settlement_day: date,
    ) -> bool:
        """One settled line, all or nothing: its payment (card slip or SADAD bill) marked settled (once), its
        ledger entry, its discrepancies, its day's reconciliation figures. False: taken before."""
        ...

    def bill(self, bill_number: str) -> BillClaim | None:
        """A SADAD bill paid in the ledger (None: unknown, or never paid)."""
        ...

    def unsettled_bills(self, day: date) -> list[BillClaim]:
        """Every SADAD bill paid on a day, all centres, SADAD's report has not settled."""
        ...

    def unsettled(self, day: date) -> list[SlipClaim]:
        """Every card slip of a day, all centres, the acquirer has not settled."""
        ...

    def record(self, discrepancy: Discrepancy) -> bool:
        """A discrepancy found apart from a line, once; False: recorded before."""
        ...

    def discrepancies(self, centre_id: str | None, since: date, until: date, page: PageRequest) -> Page[Discrepancy]:
        """One centre's discrepancies (None: the region's), by day."""
        ...
