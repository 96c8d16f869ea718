"""A centre's statement of one Madinah business day, and the CSV a centre or the monitor downloads.

The figures are the running sums the day's journal entries added (``functions/domain/ledger.py``); a
day nothing was posted on reads as zeros. Amounts are halalas.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from types import MappingProxyType

from functions.domain.ledger import Figure
from functions.domain.money import Money

__all__ = ["CSV_COLUMNS", "DayStatement", "statements_csv"]


@dataclass(frozen=True)
class DayStatement:
    centre_id: str
    day: date
    figures: Mapping[Figure, int] = field(default_factory=lambda: MappingProxyType({}))
    closed_at: datetime | None = None
    closed_by: str | None = None
    settled_lines: int = 0
    """The day's card slips the acquirer has settled so far (by any file)."""
    settled: Money = field(default_factory=lambda: Money(0))
    """What it settled for them."""
    discrepancies: int = 0
    """What reconciling the day's slips found wrong (docs/money.md)."""

    def figure(self, figure: Figure) -> int:
        return self.figures.get(figure, 0)

    def money(self, figure: Figure) -> Money:
        return Money(self.figure(figure))

    @property
    def expected_remittance(self) -> Money:
        """The government fees the day's cash brought in, less the cash fees refunded: what the centre
        owes the treasury from its drawer for that day (its own charges stay with it)."""
        return Money(self.figure(Figure.CASH_FEES_COLLECTED) - self.figure(Figure.CASH_FEES_REFUNDED))

    @property
    def closed(self) -> bool:
        return self.closed_at is not None


CSV_COLUMNS = (
    "centre_id",
    "day",
    "filings",
    "refunds",
    "cash_collected_sar",
    "cash_refunded_sar",
    "mada_collected_sar",
    "mada_refunded_sar",
    "sadad_collected_sar",
    "sadad_refunded_sar",
    "fees_collected_sar",
    "fees_refunded_sar",
    "charges_collected_sar",
    "charges_refunded_sar",
    "expected_remittance_sar",
    "remitted_sar",
    "closed_at",
    "settled_lines",
    "settled_sar",
    "discrepancies",
)
"""Version 1 of the statement file (docs/money.md): columns are only ever added at the end."""


def statements_csv(statements: Iterable[DayStatement]) -> str:
    """One row per day, amounts in riyals with two decimals, instants in UTC (ISO 8601)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for statement in statements:
        money = [
            statement.money(figure).riyals
            for figure in (
                Figure.CASH_COLLECTED,
                Figure.CASH_REFUNDED,
                Figure.MADA_COLLECTED,
                Figure.MADA_REFUNDED,
                Figure.SADAD_COLLECTED,
                Figure.SADAD_REFUNDED,
                Figure.FEES_COLLECTED,
                Figure.FEES_REFUNDED,
                Figure.CHARGES_COLLECTED,
                Figure.CHARGES_REFUNDED,
            )
        ]
        writer.writerow(
            [
                statement.centre_id,
                statement.day.isoformat(),
                statement.figure(Figure.FILINGS),
                statement.figure(Figure.REFUNDS),
                *money,
                statement.expected_remittance.riyals,
                statement.money(Figure.REMITTED).riyals,
                statement.closed_at.isoformat() if statement.closed_at else "",
                statement.settled_lines,
                statement.settled.riyals,
                statement.discrepancies,
            ]
        )
    return out.getvalue()
