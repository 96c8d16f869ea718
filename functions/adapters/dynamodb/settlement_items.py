"""What reconciling the acquirer's settlement files leaves in the main table (docs/money.md):

* settlement file:  pk ``SETTLEMENT#<sha-256 of its bytes>`` sk ``FILE``: its name, day, lines, outcome
* reconciliation:   pk ``LEDGER#<centre>`` sk ``DAY#<day>#RECON`` (a ``DayItem``, ``ledger_items.py``): the
  slips of the centre's day settled, their amount, the discrepancies found; sorted beside the day's
  statement, so one query reads both, and never closed (a day's settlement comes after the day)
* discrepancy:      pk ``LEDGER#<centre>`` (``LEDGER#UNMATCHED`` for a slip in no ledger) sk
  ``DISCREPANCY#<day>#<id>``; gsi1 ``DISCREPANCIES`` / ``<day>#<id>`` (the region's, for the monitor)
"""

from __future__ import annotations

from datetime import date

from pynamodb.attributes import NumberAttribute, UnicodeAttribute, UTCDateTimeAttribute

from functions.adapters.dynamodb.ledger_items import ledger_partition
from functions.adapters.dynamodb.main_table import MainTableItem
from functions.domain.ledger import Channel
from functions.domain.money import Money
from functions.domain.settlement import Discrepancy, DiscrepancyKind, Reference

__all__ = [
    "REGION_DISCREPANCIES",
    "UNMATCHED",
    "DiscrepancyItem",
    "SettlementFileItem",
    "discrepancy_partition",
    "reconciliation_sort_key",
]

UNMATCHED = "UNMATCHED"
REGION_DISCREPANCIES = "DISCREPANCIES"


def reconciliation_sort_key(day: date) -> str:
    return f"DAY#{day.isoformat()}#RECON"


def discrepancy_partition(centre_id: str | None) -> str:
    return ledger_partition(centre_id or UNMATCHED)


class SettlementFileItem(MainTableItem):
    source = UnicodeAttribute()
    settlement_day = UnicodeAttribute(null=True)
    lines = NumberAttribute(null=True)
    outcome = UnicodeAttribute()
    """COMPLETED, or the error code that refused it."""
    refused_line = NumberAttribute(null=True)
    at = UTCDateTimeAttribute()


class DiscrepancyItem(MainTableItem):
    discrepancy_id = UnicodeAttribute()
    kind = UnicodeAttribute()
    centre_id = UnicodeAttribute(null=True)
    day = UnicodeAttribute()
    channel = UnicodeAttribute(null=True)
    """Absent: MADA (the first channel reconciled)."""
    terminal_id = UnicodeAttribute(null=True)
    retrieval_reference = UnicodeAttribute()
    """The RRN, or the SADAD bill number."""
    found_at = UTCDateTimeAttribute()
    found_in = UnicodeAttribute()
    ledger_halalas = NumberAttribute(null=True)
    settled_halalas = NumberAttribute(null=True)
    request_id = UnicodeAttribute(null=True)

    @classmethod
    def from_domain(cls, found: Discrepancy) -> DiscrepancyItem:
        sort_key = f"{found.day.isoformat()}#{found.discrepancy_id}"
        return cls(
            pk=discrepancy_partition(found.centre_id),
            sk=f"DISCREPANCY#{sort_key}",
            gsi1pk=REGION_DISCREPANCIES,
            gsi1sk=sort_key,
            discrepancy_id=found.discrepancy_id,
            kind=found.kind.value,
            centre_id=found.centre_id,
            day=found.day.isoformat(),
            channel=found.reference.channel.value,
            terminal_id=found.reference.terminal_id,
            retrieval_reference=found.reference.number,
            found_at=found.found_at,
            found_in=found.found_in,
            ledger_halalas=found.ledger_amount.halalas if found.ledger_amount else None,
            settled_halalas=found.settled_amount.halalas if found.settled_amount else None,
            request_id=found.request_id,
        )

    def to_domain(self) -> Discrepancy:
        return Discrepancy(
            discrepancy_id=self.discrepancy_id,
            kind=DiscrepancyKind(self.kind),
            centre_id=self.centre_id,
            day=date.fromisoformat(self.day),
            reference=Reference(
                Channel(self.channel or Channel.MADA.value), self.retrieval_reference, self.terminal_id
            ),
            found_at=self.found_at,
            found_in=self.found_in,
            ledger_amount=Money(int(self.ledger_halalas)) if self.ledger_halalas is not None else None,
            settled_amount=Money(int(self.settled_halalas)) if self.settled_halalas is not None else None,
            request_id=self.request_id,
        )
