"""The enums of the centres' money (docs/money.md): ledger accounts, journal entries, payment channels and
settlement discrepancies."""

from __future__ import annotations

import strawberry

from functions.domain.ledger import AccountKind, Channel, EntryKind
from functions.domain.settlement import DiscrepancyKind

__all__ = ["AccountKind", "Channel", "DiscrepancyKind", "EntryKind"]

strawberry.enum(
    AccountKind,
    name="LedgerAccountKind",
    description="CASH_DRAWER, MADA_CLEARING, SADAD_CLEARING (assets); FEES_PAYABLE (owed to the treasury, per "
    "agency); SERVICE_CHARGES (the centre's income); TREASURY (cash handed over).",
)
strawberry.enum(EntryKind, name="JournalEntryKind")
strawberry.enum(
    Channel,
    name="PaymentChannel",
    description="How money came in: the cash drawer, the card terminal's acquirer, SADAD.",
)
strawberry.enum(
    DiscrepancyKind,
    name="DiscrepancyKind",
    description="MISSING_IN_LEDGER (settled, no filing has the slip), MISSING_IN_SETTLEMENT (a filing's slip not "
    "settled with its day), AMOUNT_MISMATCH, LATE_SETTLEMENT.",
)
