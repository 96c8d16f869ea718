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
from functions.domain.ledger import PosSlip
from functions.domain.money import Money

__all__ = [
    "FORMAT",
    "HEADER",
    "Discrepancy",
    "DiscrepancyKind",
    "SettlementFile",
    "SettlementFileInvalid",
    "SettlementLine",
    "SlipClaim",
    "discrepancy_of",
    "line_discrepancies",
    "parse_settlement",
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
    if len(rows) < 2 or rows[0][:2] != [FORMAT, VERSION] or len(rows[0]) != 3:  # noqa: PLR2004 - format, version, day
        raise SettlementFileInvalid(ErrorCode.SETTLEMENT_FORMAT, 1)
    settlement_day = _day(rows[0][2], 1)
    if tuple(rows[1]) != HEADER:
        raise SettlementFileInvalid(ErrorCode.SETTLEMENT_COLUMNS, 2)
    if len(rows) < 3 or rows[-1][:1] != ["TRAILER"]:  # noqa: PLR2004 - format line, header, trailer
        raise SettlementFileInvalid(ErrorCode.SETTLEMENT_TRUNCATED, len(rows) + 1)
    lines = tuple(_line(row, number) for number, row in enumerate(rows[2:-1], start=3))
    parsed = SettlementFile(settlement_day, lines)
    trailer = rows[-1]
    if len(trailer) != 3 or trailer[1] != str(len(lines)) or _amount(trailer[2], len(rows)) != parsed.total:  # noqa: PLR2004
        raise SettlementFileInvalid(ErrorCode.SETTLEMENT_TRUNCATED, len(rows))
    return parsed


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


class DiscrepancyKind(StrEnum):
    MISSING_IN_LEDGER = "MISSING_IN_LEDGER"
    """The acquirer settled a slip no filing recorded."""
    MISSING_IN_SETTLEMENT = "MISSING_IN_SETTLEMENT"
    """A filing's slip the acquirer did not settle with its day."""
    AMOUNT_MISMATCH = "AMOUNT_MISMATCH"
    """Settled, for another amount than the filing collected."""
    LATE_SETTLEMENT = "LATE_SETTLEMENT"
    """Settled by the file of a later day than the slip's own."""


@dataclass(frozen=True)
class Discrepancy:
    discrepancy_id: str
    kind: DiscrepancyKind
    centre_id: str | None
    """None: the slip is in no centre's ledger (``MISSING_IN_LEDGER``)."""
    day: date
    """The slip's day in the ledger (or, missing there, the transaction day the acquirer gives)."""
    slip: PosSlip
    found_at: datetime
    found_in: str
    """The settlement file that showed it."""
    ledger_amount: Money | None = None
    settled_amount: Money | None = None
    request_id: str | None = None


def discrepancy_of(
    kind: DiscrepancyKind,
    slip: PosSlip,
    *,
    claim: SlipClaim | None,
    line: SettlementLine | None,
    found_at: datetime,
    found_in: str,
) -> Discrepancy:
    """One per kind and slip, whichever file shows it first (the id is derived from both)."""
    day = claim.day if claim else line.transaction_day if line else found_at.date()
    return Discrepancy(
        discrepancy_id=str(uuid.uuid5(_NAMESPACE, f"{kind.value}:{slip.key}")),
        kind=kind,
        centre_id=claim.centre_id if claim else None,
        day=day,
        slip=slip,
        found_at=found_at,
        found_in=found_in,
        ledger_amount=claim.amount if claim else None,
        settled_amount=line.amount if line else None,
        request_id=claim.request_id if claim else None,
    )


def line_discrepancies(
    line: SettlementLine, claim: SlipClaim | None, *, settlement_day: date, found_at: datetime, found_in: str
) -> list[Discrepancy]:
    """What one settled line shows against the ledger's record of its slip."""
    found: list[DiscrepancyKind] = []
    if claim is None:
        found.append(DiscrepancyKind.MISSING_IN_LEDGER)
    else:
        if claim.amount != line.amount:
            found.append(DiscrepancyKind.AMOUNT_MISMATCH)
        if settlement_day > claim.day:
            found.append(DiscrepancyKind.LATE_SETTLEMENT)
    return [
        discrepancy_of(kind, line.slip, claim=claim, line=line, found_at=found_at, found_in=found_in) for kind in found
    ]
