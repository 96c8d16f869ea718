"""The centre's ledger: double entry, in whole halalas, one journal per centre (docs/money.md).

Every line is a signed amount on one account: positive debits, negative credits; an entry balances
(its lines sum to zero) or it cannot be made. A centre's accounts:

* ``CASH_DRAWER``       (asset) cash in the centre's drawer;
* ``MADA_CLEARING``     (asset) card payments (Mada, and cards on the same terminal) the acquirer owes;
* ``SADAD_CLEARING``    (asset) bill payments SADAD owes;
* ``FEES_PAYABLE#<agency>`` (liability) government fees owed to the treasury, per responsible agency;
* ``SERVICE_CHARGES``   (income) the centre's own charges;
* ``TREASURY``          (asset) cash handed over to the treasury;
* ``BANK``              (asset) the centre's bank account: what the acquirer settled into it.

Each entry also carries its contribution to the day's statement (``figures``): the statement is kept
as the entries are written, so reading a day, or a month of days, never sums postings.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from types import MappingProxyType

from functions.domain.errors import ErrorCode, ValidationFailed
from functions.domain.madinah_time import business_day
from functions.domain.money import Money

__all__ = [
    "Account",
    "AccountBalance",
    "AccountKind",
    "Channel",
    "EntryKind",
    "Figure",
    "JournalEntry",
    "Line",
    "PosSlip",
    "UnbalancedEntry",
    "bill_settlement_entry",
    "filing_entry",
    "refund_entry",
    "remittance_entry",
    "remittance_reference",
    "settlement_entry",
]


class Channel(StrEnum):
    """How the money came in: the centre's cash drawer, the card terminal's acquirer, or SADAD."""

    CASH = "CASH"
    MADA = "MADA"
    SADAD = "SADAD"


class AccountKind(StrEnum):
    CASH_DRAWER = "CASH_DRAWER"
    MADA_CLEARING = "MADA_CLEARING"
    SADAD_CLEARING = "SADAD_CLEARING"
    FEES_PAYABLE = "FEES_PAYABLE"
    SERVICE_CHARGES = "SERVICE_CHARGES"
    TREASURY = "TREASURY"
    BANK = "BANK"


_CHANNEL_ACCOUNT = {
    Channel.CASH: AccountKind.CASH_DRAWER,
    Channel.MADA: AccountKind.MADA_CLEARING,
    Channel.SADAD: AccountKind.SADAD_CLEARING,
}


@dataclass(frozen=True, order=True)
class Account:
    kind: AccountKind
    agency_code: str | None = None
    """Only for ``FEES_PAYABLE``: whose fees they are."""

    @property
    def key(self) -> str:
        return f"{self.kind.value}#{self.agency_code}" if self.agency_code else self.kind.value

    @classmethod
    def from_key(cls, key: str) -> Account:
        kind, _, agency = key.partition("#")
        return cls(AccountKind(kind), agency or None)


@dataclass(frozen=True)
class Line:
    account: Account
    halalas: int
    """Positive: a debit; negative: a credit."""


class EntryKind(StrEnum):
    FILING = "FILING"
    REFUND = "REFUND"
    REMITTANCE = "REMITTANCE"
    SETTLEMENT = "SETTLEMENT"


class Figure(StrEnum):
    """The day statement's figures, each kept as a running sum (halalas, or a count)."""

    FILINGS = "filings"
    REFUNDS = "refunds"
    CASH_COLLECTED = "cash_collected"
    CASH_REFUNDED = "cash_refunded"
    MADA_COLLECTED = "mada_collected"
    MADA_REFUNDED = "mada_refunded"
    SADAD_COLLECTED = "sadad_collected"
    SADAD_REFUNDED = "sadad_refunded"
    FEES_COLLECTED = "fees_collected"
    FEES_REFUNDED = "fees_refunded"
    CHARGES_COLLECTED = "charges_collected"
    CHARGES_REFUNDED = "charges_refunded"
    CASH_FEES_COLLECTED = "cash_fees_collected"
    CASH_FEES_REFUNDED = "cash_fees_refunded"
    REMITTED = "remitted"
    MADA_SETTLED = "mada_settled"
    SADAD_SETTLED = "sadad_settled"


_COLLECTED = {
    Channel.CASH: Figure.CASH_COLLECTED,
    Channel.MADA: Figure.MADA_COLLECTED,
    Channel.SADAD: Figure.SADAD_COLLECTED,
}
_REFUNDED = {
    Channel.CASH: Figure.CASH_REFUNDED,
    Channel.MADA: Figure.MADA_REFUNDED,
    Channel.SADAD: Figure.SADAD_REFUNDED,
}


class UnbalancedEntry(ValueError):
    """A programming error: an entry whose lines do not sum to zero is never written."""


@dataclass(frozen=True)
class JournalEntry:
    centre_id: str
    entry_id: str
    """Unique within the centre and stable for the business event (``<request>#FILING``): writing the same
    event twice finds the entry there and posts nothing."""
    kind: EntryKind
    day: date
    posted_at: datetime
    lines: tuple[Line, ...]
    figures: Mapping[Figure, int] = field(default_factory=lambda: MappingProxyType({}))
    request_id: str | None = None
    reference: str | None = None
    """The outside world's reference: the card slip's RRN, the treasury's deposit slip."""
    corrects: str | None = None
    """The entry this one reverses (a refund names the filing)."""

    def __post_init__(self) -> None:
        if not self.lines or any(line.halalas == 0 for line in self.lines):
            raise UnbalancedEntry(f"entry {self.entry_id} has no lines or a zero line")
        if sum(line.halalas for line in self.lines) != 0:
            raise UnbalancedEntry(f"entry {self.entry_id} does not balance")

    @property
    def amount(self) -> Money:
        """The entry's size: the sum of its debits."""
        return Money(sum(line.halalas for line in self.lines if line.halalas > 0))


@dataclass(frozen=True)
class AccountBalance:
    account: Account
    halalas: int
    """Debits minus credits: a liability or income account's balance is negative."""


_TERMINAL = re.compile(r"[A-Z0-9]{8}")
_RRN = re.compile(r"\d{12}")


@dataclass(frozen=True)
class PosSlip:
    """What the card terminal's slip prints: its terminal id (8 characters) and the transaction's
    retrieval reference number (RRN, 12 digits, ISO 8583 field 37) — the acquirer's settlement names it."""

    terminal_id: str
    retrieval_reference: str

    @classmethod
    def read(cls, terminal_id: str, retrieval_reference: str) -> PosSlip:
        terminal = terminal_id.strip().upper()
        reference = retrieval_reference.strip()
        if not _TERMINAL.fullmatch(terminal) or not _RRN.fullmatch(reference):
            raise ValidationFailed(ErrorCode.POS_SLIP_INVALID, field="posSlip")
        return cls(terminal, reference)

    @property
    def key(self) -> str:
        return f"{self.terminal_id}#{self.retrieval_reference}"


def filing_entry(
    *,
    centre_id: str,
    request_id: str,
    fee_agency: str,
    fee: Money,
    charge: Money,
    channel: Channel,
    posted_at: datetime,
    reference: str | None = None,
) -> JournalEntry:
    """The fee and charge collected for a request: the channel owes (or holds) both; the fee is owed to
    the treasury for the responsible agency, the charge is the centre's."""
    lines = [Line(Account(_CHANNEL_ACCOUNT[channel]), fee.halalas + charge.halalas)]
    lines += _nonzero(Line(Account(AccountKind.FEES_PAYABLE, fee_agency), -fee.halalas))
    lines += _nonzero(Line(Account(AccountKind.SERVICE_CHARGES), -charge.halalas))
    figures = {
        Figure.FILINGS: 1,
        _COLLECTED[channel]: fee.halalas + charge.halalas,
        Figure.FEES_COLLECTED: fee.halalas,
        Figure.CHARGES_COLLECTED: charge.halalas,
    }
    if channel is Channel.CASH:
        figures[Figure.CASH_FEES_COLLECTED] = fee.halalas
    return JournalEntry(
        centre_id=centre_id,
        entry_id=f"{request_id}#{EntryKind.FILING.value}",
        kind=EntryKind.FILING,
        day=business_day(posted_at),
        posted_at=posted_at,
        lines=tuple(lines),
        figures=MappingProxyType({figure: value for figure, value in figures.items() if value}),
        request_id=request_id,
        reference=reference,
    )


def refund_entry(filing: JournalEntry, posted_at: datetime) -> JournalEntry:
    """The filing reversed, line for line, on the day of the refund (the filing's day may be closed)."""
    if filing.kind is not EntryKind.FILING:
        raise UnbalancedEntry(f"entry {filing.entry_id} is not a filing")
    reversed_figures = {
        Figure.REFUNDS: 1,
        Figure.FEES_REFUNDED: filing.figures.get(Figure.FEES_COLLECTED, 0),
        Figure.CHARGES_REFUNDED: filing.figures.get(Figure.CHARGES_COLLECTED, 0),
    }
    for channel, collected in _COLLECTED.items():
        if filing.figures.get(collected):
            reversed_figures[_REFUNDED[channel]] = filing.figures[collected]
    if filing.figures.get(Figure.CASH_FEES_COLLECTED):
        reversed_figures[Figure.CASH_FEES_REFUNDED] = filing.figures[Figure.CASH_FEES_COLLECTED]
    return JournalEntry(
        centre_id=filing.centre_id,
        entry_id=f"{filing.request_id}#{EntryKind.REFUND.value}",
        kind=EntryKind.REFUND,
        day=business_day(posted_at),
        posted_at=posted_at,
        lines=tuple(Line(line.account, -line.halalas) for line in filing.lines),
        figures=MappingProxyType({figure: value for figure, value in reversed_figures.items() if value}),
        request_id=filing.request_id,
        reference=filing.reference,
        corrects=filing.entry_id,
    )


_REMITTANCE_REFERENCE = re.compile(r"[A-Z0-9-]{4,32}")


def remittance_reference(text: str) -> str:
    """The treasury's deposit slip number: 4-32 capital letters, digits and hyphens."""
    reference = text.strip().upper()
    if not _REMITTANCE_REFERENCE.fullmatch(reference):
        raise ValidationFailed(ErrorCode.REMITTANCE_REFERENCE_INVALID, field="reference")
    return reference


def remittance_entry(*, centre_id: str, amount: Money, reference: str, posted_at: datetime) -> JournalEntry:
    """Cash handed over to the treasury, under the deposit slip's number (once per slip)."""
    if amount.halalas <= 0:
        raise ValidationFailed(ErrorCode.AMOUNT_INVALID, field="amount")
    return _transfer(
        centre_id,
        f"REMIT#{reference}",
        EntryKind.REMITTANCE,
        (AccountKind.CASH_DRAWER, AccountKind.TREASURY),
        amount,
        Figure.REMITTED,
        posted_at,
        reference,
    )


def settlement_entry(*, centre_id: str, slip: PosSlip, amount: Money, posted_at: datetime) -> JournalEntry:
    """The acquirer settled a slip into the centre's bank account: what it settled, which may differ from
    what the filing collected (the difference stays on the clearing account, in plain sight)."""
    return _transfer(
        centre_id,
        f"SETTLE#{slip.key}",
        EntryKind.SETTLEMENT,
        (AccountKind.MADA_CLEARING, AccountKind.BANK),
        amount,
        Figure.MADA_SETTLED,
        posted_at,
        slip.retrieval_reference,
    )


def bill_settlement_entry(*, centre_id: str, bill_number: str, amount: Money, posted_at: datetime) -> JournalEntry:
    """SADAD's end-of-day report settled a bill into the centre's bank account (what SADAD settled)."""
    return _transfer(
        centre_id,
        f"SETTLE#SADAD#{bill_number}",
        EntryKind.SETTLEMENT,
        (AccountKind.SADAD_CLEARING, AccountKind.BANK),
        amount,
        Figure.SADAD_SETTLED,
        posted_at,
        bill_number,
    )


def _transfer(
    centre_id: str,
    entry_id: str,
    kind: EntryKind,
    route: tuple[AccountKind, AccountKind],
    amount: Money,
    figure: Figure,
    posted_at: datetime,
    reference: str,
) -> JournalEntry:
    """An amount moved from one of the centre's accounts to another (credit the first, debit the second)."""
    source, destination = route
    return JournalEntry(
        centre_id=centre_id,
        entry_id=entry_id,
        kind=kind,
        day=business_day(posted_at),
        posted_at=posted_at,
        lines=(Line(Account(destination), amount.halalas), Line(Account(source), -amount.halalas)),
        figures=MappingProxyType({figure: amount.halalas}),
        reference=reference,
    )


def _nonzero(line: Line) -> list[Line]:
    return [line] if line.halalas else []
