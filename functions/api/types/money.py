"""The centres' money as the API shows it: day statements, account balances, journal entries
(docs/money.md). Amounts are SAR with two decimals; the ledger keeps halalas."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import strawberry

from functions.api.types.enums.money import AccountKind, Channel, DiscrepancyKind, EntryKind
from functions.api.types.time import MadinahTimeType, madinah
from functions.domain.ledger import AccountBalance, Figure, JournalEntry
from functions.domain.settlement import Discrepancy
from functions.domain.statement import DayStatement

__all__ = ["AccountBalanceType", "DayStatementType", "DiscrepancyType", "JournalEntryType", "JournalLineType"]


def _sar(halalas: int) -> Decimal:
    return (Decimal(halalas) / 100).quantize(Decimal("0.01"))


@strawberry.type(
    name="DayStatement",
    description="A centre's money on one Madinah business day: what came in by each channel, what was refunded, "
    "what it owes the treasury from its cash drawer, what it remitted.",
)
class DayStatementType:
    centre_id: strawberry.ID
    day: date
    filings: int
    refunds: int
    cash_collected: Decimal
    cash_refunded: Decimal
    mada_collected: Decimal = strawberry.field(description="Card payments on the centre's terminals (Mada and cards).")
    mada_refunded: Decimal
    sadad_collected: Decimal
    sadad_refunded: Decimal
    fees_collected: Decimal = strawberry.field(description="Government fees, owed to the treasury.")
    fees_refunded: Decimal
    charges_collected: Decimal = strawberry.field(description="The centre's own service charges.")
    charges_refunded: Decimal
    expected_remittance: Decimal = strawberry.field(
        description="The day's government fees taken in cash, less those refunded in cash: owed from the drawer."
    )
    remitted: Decimal = strawberry.field(description="Cash handed to the treasury on this day.")
    closed_at: datetime | None = strawberry.field(description="When the day was closed to postings (null: open).")
    mada_settled: Decimal = strawberry.field(description="What the acquirer settled into the bank on this day.")
    sadad_settled: Decimal = strawberry.field(description="What SADAD settled into the bank on this day.")
    settled_lines: int = strawberry.field(description="The day's card slips the acquirer has settled so far.")
    settled: Decimal = strawberry.field(description="What it settled for them, SAR.")
    discrepancies: int = strawberry.field(
        description="What reconciling the day's card slips found wrong (settlementDiscrepancies lists them)."
    )

    @strawberry.field(description="When the day was closed, on Madinah's wall clock.")
    def closed_at_madinah(self) -> MadinahTimeType | None:
        return madinah(self.closed_at)

    @classmethod
    def of(cls, statement: DayStatement) -> DayStatementType:
        def sar(figure: Figure) -> Decimal:
            return _sar(statement.figure(figure))

        return cls(
            centre_id=strawberry.ID(statement.centre_id),
            day=statement.day,
            filings=statement.figure(Figure.FILINGS),
            refunds=statement.figure(Figure.REFUNDS),
            cash_collected=sar(Figure.CASH_COLLECTED),
            cash_refunded=sar(Figure.CASH_REFUNDED),
            mada_collected=sar(Figure.MADA_COLLECTED),
            mada_refunded=sar(Figure.MADA_REFUNDED),
            sadad_collected=sar(Figure.SADAD_COLLECTED),
            sadad_refunded=sar(Figure.SADAD_REFUNDED),
            fees_collected=sar(Figure.FEES_COLLECTED),
            fees_refunded=sar(Figure.FEES_REFUNDED),
            charges_collected=sar(Figure.CHARGES_COLLECTED),
            charges_refunded=sar(Figure.CHARGES_REFUNDED),
            expected_remittance=statement.expected_remittance.riyals,
            remitted=sar(Figure.REMITTED),
            closed_at=statement.closed_at,
            mada_settled=sar(Figure.MADA_SETTLED),
            sadad_settled=sar(Figure.SADAD_SETTLED),
            settled_lines=statement.settled_lines,
            settled=statement.settled.riyals,
            discrepancies=statement.discrepancies,
        )


@strawberry.type(name="AccountBalance", description="One ledger account of a centre and its balance.")
class AccountBalanceType:
    account: str = strawberry.field(
        description="The account's key: its kind, and for fees the agency (FEES_PAYABLE#X)."
    )
    kind: AccountKind
    agency_code: str | None
    balance: Decimal = strawberry.field(
        description="Debits minus credits, SAR: assets positive; what is owed and income negative."
    )

    @classmethod
    def of(cls, balance: AccountBalance) -> AccountBalanceType:
        return cls(
            account=balance.account.key,
            kind=balance.account.kind,
            agency_code=balance.account.agency_code,
            balance=_sar(balance.halalas),
        )


@strawberry.type(name="JournalLine", description="One line of an entry: positive a debit, negative a credit (SAR).")
class JournalLineType:
    account: str
    amount: Decimal


@strawberry.type(name="JournalEntry", description="One balanced posting to a centre's ledger.")
class JournalEntryType:
    entry_id: strawberry.ID
    kind: EntryKind
    day: date
    posted_at: datetime
    amount: Decimal = strawberry.field(description="The sum of the entry's debits, SAR.")
    lines: list[JournalLineType]
    request_id: strawberry.ID | None
    reference: str | None = strawberry.field(description="The card slip's RRN, or the treasury deposit slip.")
    corrects: strawberry.ID | None = strawberry.field(description="The entry this one reverses.")

    @strawberry.field(description="When it was posted, on Madinah's wall clock.")
    def posted_at_madinah(self) -> MadinahTimeType:
        return MadinahTimeType.of(self.posted_at)

    @classmethod
    def of(cls, entry: JournalEntry) -> JournalEntryType:
        return cls(
            entry_id=strawberry.ID(entry.entry_id),
            kind=entry.kind,
            day=entry.day,
            posted_at=entry.posted_at,
            amount=entry.amount.riyals,
            lines=[JournalLineType(account=line.account.key, amount=_sar(line.halalas)) for line in entry.lines],
            request_id=strawberry.ID(entry.request_id) if entry.request_id else None,
            reference=entry.reference,
            corrects=strawberry.ID(entry.corrects) if entry.corrects else None,
        )


@strawberry.type(
    name="SettlementDiscrepancy",
    description="What reconciling a settlement file found wrong about one card slip (docs/money.md).",
)
class DiscrepancyType:
    id: strawberry.ID
    kind: DiscrepancyKind
    centre_id: strawberry.ID | None = strawberry.field(description="Null: the slip is in no centre's ledger.")
    day: date = strawberry.field(description="The slip's Madinah day.")
    channel: Channel = strawberry.field(description="MADA (a card slip) or SADAD (a bill).")
    terminal_id: str | None = strawberry.field(description="A card slip's terminal.")
    retrieval_reference: str = strawberry.field(description="A card slip's RRN, or the SADAD bill number.")
    ledger_amount: Decimal | None = strawberry.field(description="What the filing collected, SAR.")
    settled_amount: Decimal | None = strawberry.field(description="What the acquirer settled, SAR.")
    request_id: strawberry.ID | None
    found_at: datetime
    found_in: str = strawberry.field(description="The settlement file that showed it.")

    @classmethod
    def of(cls, found: Discrepancy) -> DiscrepancyType:
        return cls(
            id=strawberry.ID(found.discrepancy_id),
            kind=found.kind,
            centre_id=strawberry.ID(found.centre_id) if found.centre_id else None,
            day=found.day,
            channel=found.reference.channel,
            terminal_id=found.reference.terminal_id,
            retrieval_reference=found.reference.number,
            ledger_amount=found.ledger_amount.riyals if found.ledger_amount else None,
            settled_amount=found.settled_amount.riyals if found.settled_amount else None,
            request_id=strawberry.ID(found.request_id) if found.request_id else None,
            found_at=found.found_at,
            found_in=found.found_in,
        )
