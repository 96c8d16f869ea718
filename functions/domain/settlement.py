"""The acquirer's Mada settlement file, and what matching it to the ledger finds (docs/money.md).

File format ``MADA-SETTLEMENT`` version 1 (CSV, UTF-8)::

    MADA-SETTLEMENT,1,2026-12-04                    the format, its version, the day it settles
    terminal_id,rrn,amount_sar,transaction_date     the column header, exactly
    MEDT0001,123456789012,1025.00,2026-12-04        one line per card payment settled
    TRAILER,1,1025.00                               the number of lines and their total

A file is read whole or refused with the line that broke it: a wrong header, a bad amount, a reference
of the wrong shape, a trailer that disagrees or is missing (a truncated file).
"""

from __future__ import annotations

import csv
import io
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from functions.domain.errors import ErrorCode, ValidationFailed
from functions.domain.ledger import Channel, PosSlip
from functions.domain.money import Money

__all__ = [
    "FORMAT",
    "HEADER",
    "BillClaim",
    "Claim",
    "Discrepancy",
    "DiscrepancyKind",
    "Reference",
    "SadadReport",
    "SadadReportLine",
    "SettlementFile",
    "SettlementFileInvalid",
    "SettlementLine",
    "SlipClaim",
    "discrepancy_of",
    "is_sadad_report",
    "line_discrepancies",
    "parse_sadad_report",
    "parse_settlement",
    "write_sadad_report",
    "write_settlement",
]

FORMAT = "MADA-SETTLEMENT"
VERSION = "1"
HEADER = ("terminal_id", "rrn", "amount_sar", "transaction_date")
_NAMESPACE = uuid.UUID("6d1f0c52-94a7-4e0b-8a1e-3c5b7f20d9a4")


class SettlementFileInvalid(ValidationFailed):
    """A settlement file that cannot be read: its code, and the line (1-based) that broke it."""

    def __init__(self, code: ErrorCode, line: int) -> None:
        super().__init__(code, field=f"line {line}")
        self.line = line


@dataclass(frozen=True)
class SettlementLine:
    slip: PosSlip
    amount: Money
    transaction_day: date
    line: int


@dataclass(frozen=True)
class SettlementFile:
    settlement_day: date
    lines: tuple[SettlementLine, ...]

    @property
    def total(self) -> Money:
        return Money(sum(line.amount.halalas for line in self.lines))


def parse_settlement(text: str) -> SettlementFile:
    rows = list(csv.reader(io.StringIO(text)))
    settlement_day, body = _framed(rows, FORMAT, HEADER)
    parsed = SettlementFile(settlement_day, tuple(_line(row, number) for number, row in body))
    _check_trailer(rows, len(parsed.lines), parsed.total)
    return parsed


def is_sadad_report(text: str) -> bool:
    return text.lstrip("\ufeff").startswith(f"{SADAD_FORMAT},")


def _framed(rows: list[list[str]], form: str, header: tuple[str, ...]) -> tuple[date, list[tuple[int, list[str]]]]:
    """The file's day and its numbered body lines, once its format line, header and trailer are in place."""
    if len(rows) < 2 or rows[0][:2] != [form, VERSION] or len(rows[0]) != 3:  # noqa: PLR2004 - format, version, day
        raise SettlementFileInvalid(ErrorCode.SETTLEMENT_FORMAT, 1)
    settlement_day = _day(rows[0][2], 1)
    if tuple(rows[1]) != header:
        raise SettlementFileInvalid(ErrorCode.SETTLEMENT_COLUMNS, 2)
    if len(rows) < 3 or rows[-1][:1] != ["TRAILER"]:  # noqa: PLR2004 - format line, header, trailer
        raise SettlementFileInvalid(ErrorCode.SETTLEMENT_TRUNCATED, len(rows) + 1)
    return settlement_day, list(enumerate(rows[2:-1], start=3))


def _check_trailer(rows: list[list[str]], lines: int, total: Money) -> None:
    trailer = rows[-1]
    if len(trailer) != 3 or trailer[1] != str(lines) or _amount(trailer[2], len(rows)) != total:  # noqa: PLR2004
        raise SettlementFileInvalid(ErrorCode.SETTLEMENT_TRUNCATED, len(rows))


def write_settlement(settlement_day: date, lines: list[tuple[PosSlip, Money, date]]) -> str:
    """The file an acquirer would send (the local simulator's, and the tests')."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([FORMAT, VERSION, settlement_day.isoformat()])
    writer.writerow(HEADER)
    for slip, amount, day in lines:
        writer.writerow([slip.terminal_id, slip.retrieval_reference, amount.riyals, day.isoformat()])
    writer.writerow(["TRAILER", len(lines), Money(sum(amount.halalas for _, amount, _ in lines)).riyals])
    return out.getvalue()


def _line(row: list[str], number: int) -> SettlementLine:
    if len(row) != len(HEADER):
        raise SettlementFileInvalid(ErrorCode.SETTLEMENT_COLUMNS, number)
    terminal, reference, amount, day = row
    try:
        slip = PosSlip.read(terminal, reference)
    except ValidationFailed as error:
        raise SettlementFileInvalid(ErrorCode.SETTLEMENT_REFERENCE, number) from error
    settled = _amount(amount, number)
    if settled.halalas <= 0:
        raise SettlementFileInvalid(ErrorCode.SETTLEMENT_AMOUNT, number)
    return SettlementLine(slip, settled, _day(day, number), number)


def _amount(text: str, number: int) -> Money:
    try:
        return Money.sar(text.strip())
    except ValidationFailed as error:
        raise SettlementFileInvalid(ErrorCode.SETTLEMENT_AMOUNT, number) from error


def _day(text: str, number: int) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError as error:
        raise SettlementFileInvalid(ErrorCode.SETTLEMENT_FORMAT, number) from error


SADAD_FORMAT = "SADAD-EOD"
SADAD_HEADER = ("bill_number", "amount_sar", "paid_at", "bank_reference")


@dataclass(frozen=True)
class SadadReportLine:
    bill_number: str
    amount: Money
    paid_at: datetime
    bank_reference: str
    line: int


@dataclass(frozen=True)
class SadadReport:
    """SADAD's end-of-day report to the biller (format ``SADAD-EOD`` version 1, laid out as the Mada file:
    a format line with the business day, the header ``bill_number,amount_sar,paid_at,bank_reference``, a line
    per bill paid, a ``TRAILER`` with the count and total)."""

    settlement_day: date
    lines: tuple[SadadReportLine, ...]

    @property
    def total(self) -> Money:
        return Money(sum(line.amount.halalas for line in self.lines))


def parse_sadad_report(text: str) -> SadadReport:
    rows = list(csv.reader(io.StringIO(text)))
    settlement_day, body = _framed(rows, SADAD_FORMAT, SADAD_HEADER)
    report = SadadReport(settlement_day, tuple(_sadad_line(row, number) for number, row in body))
    _check_trailer(rows, len(report.lines), report.total)
    return report


def write_sadad_report(settlement_day: date, lines: list[tuple[str, Money, datetime, str]]) -> str:
    """The report SADAD would send (the local simulator's, and the tests')."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([SADAD_FORMAT, VERSION, settlement_day.isoformat()])
    writer.writerow(SADAD_HEADER)
    for bill, amount, paid_at, bank_reference in lines:
        writer.writerow([bill, amount.riyals, paid_at.isoformat(), bank_reference])
    writer.writerow(["TRAILER", len(lines), Money(sum(amount.halalas for _, amount, _, _ in lines)).riyals])
    return out.getvalue()


def _sadad_line(row: list[str], number: int) -> SadadReportLine:
    if len(row) != len(SADAD_HEADER):
        raise SettlementFileInvalid(ErrorCode.SETTLEMENT_COLUMNS, number)
    bill, amount, paid_at, bank_reference = (cell.strip() for cell in row)
    if not bill.isdigit() or not 0 < len(bill) <= 32 or not bank_reference:  # noqa: PLR2004 - SADAD's longest
        raise SettlementFileInvalid(ErrorCode.SETTLEMENT_REFERENCE, number)
    settled = _amount(amount, number)
    if settled.halalas <= 0:
        raise SettlementFileInvalid(ErrorCode.SETTLEMENT_AMOUNT, number)
    try:
        paid = datetime.fromisoformat(paid_at)
    except ValueError as error:
        raise SettlementFileInvalid(ErrorCode.SETTLEMENT_FORMAT, number) from error
    if paid.tzinfo is None:
        raise SettlementFileInvalid(ErrorCode.SETTLEMENT_FORMAT, number)
    return SadadReportLine(bill, settled, paid, bank_reference, number)


@dataclass(frozen=True)
class Reference:
    """What a settlement line names: a card slip (its terminal and RRN) or a SADAD bill (its number)."""

    channel: Channel
    number: str
    """The RRN, or the bill number."""
    terminal_id: str | None = None

    @classmethod
    def of_slip(cls, slip: PosSlip) -> Reference:
        return cls(Channel.MADA, slip.retrieval_reference, slip.terminal_id)

    @classmethod
    def of_bill(cls, bill_number: str) -> Reference:
        return cls(Channel.SADAD, bill_number)

    @property
    def key(self) -> str:
        return f"{self.channel.value}#{self.terminal_id or '-'}#{self.number}"


@dataclass(frozen=True)
class SlipClaim:
    """A card slip as the ledger knows it: which centre's filing it paid, how much, on which day, and
    whether the acquirer has settled it yet."""

    slip: PosSlip
    centre_id: str
    request_id: str
    amount: Money
    day: date
    settled_amount: Money | None = None
    settled_on: date | None = None

    @property
    def reference(self) -> Reference:
        return Reference.of_slip(self.slip)


@dataclass(frozen=True)
class BillClaim:
    """A SADAD bill as the ledger knows it once paid: its centre, request, amount, the day it was paid,
    and whether SADAD's end-of-day report has settled it yet."""

    bill_number: str
    centre_id: str
    request_id: str
    amount: Money
    day: date
    settled_on: date | None = None

    @property
    def reference(self) -> Reference:
        return Reference.of_bill(self.bill_number)


Claim = SlipClaim | BillClaim


class DiscrepancyKind(StrEnum):
    MISSING_IN_LEDGER = "MISSING_IN_LEDGER"
    """Settled, and no filing recorded (or paid) it."""
    MISSING_IN_SETTLEMENT = "MISSING_IN_SETTLEMENT"
    """A filing's payment the acquirer (or SADAD) did not settle with its day."""
    AMOUNT_MISMATCH = "AMOUNT_MISMATCH"
    """Settled, for another amount than the filing collected."""
    LATE_SETTLEMENT = "LATE_SETTLEMENT"
    """Settled by the file of a later day than the payment's own."""


@dataclass(frozen=True)
class Discrepancy:
    discrepancy_id: str
    kind: DiscrepancyKind
    centre_id: str | None
    """None: the payment is in no centre's ledger (``MISSING_IN_LEDGER``)."""
    day: date
    """The payment's day in the ledger (or, missing there, the day the file gives)."""
    reference: Reference
    found_at: datetime
    found_in: str
    """The settlement file that showed it."""
    ledger_amount: Money | None = None
    settled_amount: Money | None = None
    request_id: str | None = None


def discrepancy_of(
    kind: DiscrepancyKind,
    reference: Reference,
    *,
    claim: Claim | None,
    settled: tuple[Money, date] | None,
    found_at: datetime,
    found_in: str,
) -> Discrepancy:
    """One per kind and payment, whichever file shows it first (the id is derived from both).
    ``settled``: what the line says was settled, and its day."""
    day = claim.day if claim else settled[1] if settled else found_at.date()
    return Discrepancy(
        discrepancy_id=str(uuid.uuid5(_NAMESPACE, f"{kind.value}:{reference.key}")),
        kind=kind,
        centre_id=claim.centre_id if claim else None,
        day=day,
        reference=reference,
        found_at=found_at,
        found_in=found_in,
        ledger_amount=claim.amount if claim else None,
        settled_amount=settled[0] if settled else None,
        request_id=claim.request_id if claim else None,
    )


def line_discrepancies(
    reference: Reference,
    settled: tuple[Money, date],
    claim: Claim | None,
    *,
    settlement_day: date,
    found_at: datetime,
    found_in: str,
) -> list[Discrepancy]:
    """What one settled line shows against the ledger's record of its payment."""
    found: list[DiscrepancyKind] = []
    if claim is None:
        found.append(DiscrepancyKind.MISSING_IN_LEDGER)
    else:
        if claim.amount != settled[0]:
            found.append(DiscrepancyKind.AMOUNT_MISMATCH)
        if settlement_day > claim.day:
            found.append(DiscrepancyKind.LATE_SETTLEMENT)
    return [
        discrepancy_of(kind, reference, claim=claim, settled=settled, found_at=found_at, found_in=found_in)
        for kind in found
    ]
