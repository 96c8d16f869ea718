"""The centres' ledgers in the main table (docs/money.md, docs/data-model.md).

One partition per centre, ``LEDGER#<centre>``:

* journal entry: sk ``ENTRY#<entry id>`` (unique per business event); gsi1 ``LEDGER#<centre>#<day>`` /
  ``<posted at>#<entry id>`` (a day's journal in order)
* account:       sk ``ACCOUNT#<account key>``: the running balance (ADD as entries are written)
* day statement: sk ``DAY#<yyyy-mm-dd>``: the day's running figures, and when and by whom it closed

and one claim per card slip, ``POS#<terminal>#<rrn>`` / ``POS``: a slip pays for one request only, and
is marked settled when the acquirer's file settles it.
"""

from __future__ import annotations

import json
from datetime import date
from types import MappingProxyType

from pynamodb.attributes import NumberAttribute, UnicodeAttribute, UTCDateTimeAttribute

from functions.adapters.dynamodb.main_table import MainTableItem
from functions.domain.ledger import Account, AccountBalance, EntryKind, Figure, JournalEntry, Line, PosSlip
from functions.domain.money import Money
from functions.domain.settlement import SlipClaim
from functions.domain.statement import DayStatement

__all__ = [
    "AccountItem",
    "DayItem",
    "EntryItem",
    "PosSlipItem",
    "day_journal_partition",
    "day_sort_key",
    "ledger_partition",
    "slip_key",
    "slips_of_day",
]


def ledger_partition(centre_id: str) -> str:
    return f"LEDGER#{centre_id}"


def day_sort_key(day: date) -> str:
    return f"DAY#{day.isoformat()}"


def day_journal_partition(centre_id: str, day: date) -> str:
    return f"LEDGER#{centre_id}#{day.isoformat()}"


class EntryItem(MainTableItem):
    centre_id = UnicodeAttribute()
    entry_id = UnicodeAttribute()
    kind = UnicodeAttribute()
    day = UnicodeAttribute()
    posted_at = UTCDateTimeAttribute()
    lines = UnicodeAttribute()
    """JSON: ``[[account key, halalas], ...]``."""
    figures = UnicodeAttribute()
    request_id = UnicodeAttribute(null=True)
    reference = UnicodeAttribute(null=True)
    corrects = UnicodeAttribute(null=True)

    @classmethod
    def from_domain(cls, entry: JournalEntry) -> EntryItem:
        return cls(
            pk=ledger_partition(entry.centre_id),
            sk=f"ENTRY#{entry.entry_id}",
            gsi1pk=day_journal_partition(entry.centre_id, entry.day),
            gsi1sk=f"{entry.posted_at.isoformat()}#{entry.entry_id}",
            centre_id=entry.centre_id,
            entry_id=entry.entry_id,
            kind=entry.kind.value,
            day=entry.day.isoformat(),
            posted_at=entry.posted_at,
            lines=json.dumps([[line.account.key, line.halalas] for line in entry.lines]),
            figures=json.dumps({figure.value: value for figure, value in entry.figures.items()}),
            request_id=entry.request_id,
            reference=entry.reference,
            corrects=entry.corrects,
        )

    def to_domain(self) -> JournalEntry:
        return JournalEntry(
            centre_id=self.centre_id,
            entry_id=self.entry_id,
            kind=EntryKind(self.kind),
            day=date.fromisoformat(self.day),
            posted_at=self.posted_at,
            lines=tuple(Line(Account.from_key(key), int(halalas)) for key, halalas in json.loads(self.lines)),
            figures=MappingProxyType({Figure(name): int(value) for name, value in json.loads(self.figures).items()}),
            request_id=self.request_id,
            reference=self.reference,
            corrects=self.corrects,
        )


class AccountItem(MainTableItem):
    balance = NumberAttribute(default=0)

    def to_domain(self) -> AccountBalance:
        return AccountBalance(Account.from_key(self.sk.removeprefix("ACCOUNT#")), int(self.balance))


class DayItem(MainTableItem):
    """One attribute per :class:`Figure` (its value is the attribute's name), each added to atomically."""

    filings = NumberAttribute(null=True)
    refunds = NumberAttribute(null=True)
    cash_collected = NumberAttribute(null=True)
    cash_refunded = NumberAttribute(null=True)
    mada_collected = NumberAttribute(null=True)
    mada_refunded = NumberAttribute(null=True)
    sadad_collected = NumberAttribute(null=True)
    sadad_refunded = NumberAttribute(null=True)
    fees_collected = NumberAttribute(null=True)
    fees_refunded = NumberAttribute(null=True)
    charges_collected = NumberAttribute(null=True)
    charges_refunded = NumberAttribute(null=True)
    cash_fees_collected = NumberAttribute(null=True)
    cash_fees_refunded = NumberAttribute(null=True)
    remitted = NumberAttribute(null=True)
    mada_settled = NumberAttribute(null=True)
    sadad_settled = NumberAttribute(null=True)
    closed_at = UTCDateTimeAttribute(null=True)
    closed_by = UnicodeAttribute(null=True)
    # the reconciliation of the day's card slips, on its own item (sk ``DAY#<day>#RECON``)
    settled_lines = NumberAttribute(null=True)
    settled_halalas = NumberAttribute(null=True)
    discrepancies = NumberAttribute(null=True)

    @property
    def reconciliation(self) -> bool:
        return self.sk.endswith("#RECON")

    @classmethod
    def figure(cls, figure: Figure) -> NumberAttribute:
        attribute: NumberAttribute = getattr(cls, figure.value)
        return attribute

    def to_domain(self, centre_id: str, reconciliation: DayItem | None = None) -> DayStatement:
        figures = {figure: int(getattr(self, figure.value) or 0) for figure in Figure}
        return DayStatement(
            centre_id=centre_id,
            day=date.fromisoformat(self.sk.removeprefix("DAY#")[:10]),
            figures=MappingProxyType({figure: value for figure, value in figures.items() if value}),
            closed_at=self.closed_at,
            closed_by=self.closed_by,
            settled_lines=int(reconciliation.settled_lines or 0) if reconciliation else 0,
            settled=Money(int(reconciliation.settled_halalas or 0) if reconciliation else 0),
            discrepancies=int(reconciliation.discrepancies or 0) if reconciliation else 0,
        )


def slip_key(slip: PosSlip) -> str:
    return f"POS#{slip.key}"


def slips_of_day(day: date) -> str:
    return f"POSDAY#{day.isoformat()}"


class PosSlipItem(MainTableItem):
    """gsi1 ``POSDAY#<day>`` / ``<centre>#<terminal>#<rrn>``: every card slip of a day, for the settlement."""

    centre_id = UnicodeAttribute()
    request_id = UnicodeAttribute()
    halalas = NumberAttribute()
    day = UnicodeAttribute()
    settled_halalas = NumberAttribute(null=True)
    settled_on = UnicodeAttribute(null=True)

    @classmethod
    def claim(cls, slip: PosSlip, entry: JournalEntry) -> PosSlipItem:
        return cls(
            pk=slip_key(slip),
            sk="POS",
            gsi1pk=slips_of_day(entry.day),
            gsi1sk=f"{entry.centre_id}#{slip.key}",
            centre_id=entry.centre_id,
            request_id=entry.request_id or "",
            halalas=entry.amount.halalas,
            day=entry.day.isoformat(),
        )

    def to_domain(self) -> SlipClaim:
        terminal, _, reference = self.pk.removeprefix("POS#").partition("#")
        return SlipClaim(
            slip=PosSlip(terminal, reference),
            centre_id=self.centre_id,
            request_id=self.request_id,
            amount=Money(int(self.halalas)),
            day=date.fromisoformat(self.day),
            settled_amount=Money(int(self.settled_halalas)) if self.settled_halalas is not None else None,
            settled_on=date.fromisoformat(self.settled_on) if self.settled_on else None,
        )
