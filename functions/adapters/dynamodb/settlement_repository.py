"""Reconciling the acquirer's settlement files on DynamoDB (docs/money.md): each settled line in one
transaction with its slip (marked settled once), its ledger entry, its discrepancies and its day's
reconciliation figures, so a file that stopped halfway is taken again from the top and completes."""

from __future__ import annotations

from datetime import date, datetime

from pynamodb.exceptions import DoesNotExist, TransactWriteError
from pynamodb.transactions import TransactWrite

from functions.adapters.dynamodb.cursor import decode_cursor, encode_cursor
from functions.adapters.dynamodb.ledger_items import DayItem, PosSlipItem, ledger_partition, slip_key, slips_of_day
from functions.adapters.dynamodb.ledger_repository import DynamoLedger
from functions.adapters.dynamodb.sadad_items import BillClaimItem, BillItem, bill_claim_key, paid_bills_of
from functions.adapters.dynamodb.settlement_items import (
    REGION_DISCREPANCIES,
    DiscrepancyItem,
    SettlementFileItem,
    discrepancy_partition,
    reconciliation_sort_key,
)
from functions.adapters.dynamodb.table import TableBinding
from functions.adapters.dynamodb.transactions import failed_conditions
from functions.domain.ledger import JournalEntry, PosSlip
from functions.domain.money import Money
from functions.domain.paging import Page, PageRequest
from functions.domain.sadad import BillStatus
from functions.domain.settlement import BillClaim, Claim, Discrepancy, SlipClaim

__all__ = ["DynamoSettlements"]

COMPLETED = "COMPLETED"


class DynamoSettlements:
    def __init__(self, table: TableBinding, ledger: DynamoLedger) -> None:
        self._table = table
        self._ledger = ledger
        self._files = table.bind(SettlementFileItem)
        self._slips = table.bind(PosSlipItem)
        self._days = table.bind(DayItem)
        self._discrepancies = table.bind(DiscrepancyItem)
        self._bills = table.bind(BillItem)
        self._bill_claims = table.bind(BillClaimItem)

    def file_done(self, digest: str) -> bool:
        try:
            return self._files.get(f"SETTLEMENT#{digest}", "FILE", consistent_read=True).outcome == COMPLETED
        except DoesNotExist:
            return False

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
        self._files(
            pk=f"SETTLEMENT#{digest}",
            sk="FILE",
            source=source,
            settlement_day=settlement_day.isoformat() if settlement_day else None,
            lines=lines,
            outcome=refused[0] if refused else COMPLETED,
            refused_line=refused[1] if refused else None,
            at=at,
        ).save()

    def slip(self, slip: PosSlip) -> SlipClaim | None:
        try:
            return self._slips.get(slip_key(slip), "POS", consistent_read=True).to_domain()
        except DoesNotExist:
            return None

    def settle(
        self,
        claim: Claim | None,
        settled: Money,
        entry: JournalEntry | None,
        found: list[Discrepancy],
        settlement_day: date,
    ) -> bool:
        """A settled line taken, all or nothing; False when it was taken before (the payment is settled
        already, or its discrepancy recorded)."""
        try:
            with TransactWrite(connection=self._table.connection()) as transaction:
                if claim is not None:
                    self._mark_settled(transaction, claim, settled, settlement_day)
                    transaction.update(
                        self._days(pk=ledger_partition(claim.centre_id), sk=reconciliation_sort_key(claim.day)),
                        actions=[
                            DayItem.settled_lines.add(1),
                            DayItem.settled_halalas.add(settled.halalas),
                            *([DayItem.discrepancies.add(len(found))] if found else []),
                        ],
                    )
                if entry is not None:
                    self._ledger.add_to(transaction, entry)
                for discrepancy in found:
                    transaction.save(
                        self._discrepancies.from_domain(discrepancy), condition=DiscrepancyItem.pk.does_not_exist()
                    )
        except TransactWriteError as error:
            if not failed_conditions(error):
                raise
            refused = self._ledger.why_refused(entry) if entry is not None else None
            if refused is not None:
                raise refused from error
            return False
        return True

    def _mark_settled(self, transaction: TransactWrite, claim: Claim, settled: Money, day: date) -> None:
        """Once: a payment settled twice (by two files) is taken the first time only."""
        if isinstance(claim, SlipClaim):
            transaction.update(
                self._slips(pk=slip_key(claim.slip), sk="POS"),
                actions=[PosSlipItem.settled_halalas.set(settled.halalas), PosSlipItem.settled_on.set(day.isoformat())],
                condition=PosSlipItem.pk.exists() & PosSlipItem.settled_on.does_not_exist(),
            )
        else:
            transaction.update(
                self._bills(pk=f"REQUEST#{claim.request_id}", sk="BILL"),
                actions=[BillItem.settled_on.set(day.isoformat())],
                condition=(BillItem.status == BillStatus.PAID.value) & BillItem.settled_on.does_not_exist(),
            )

    def bill(self, bill_number: str) -> BillClaim | None:
        """A bill paid in the ledger (an unpaid or unknown one is not: None)."""
        try:
            claimed = self._bill_claims.get(bill_claim_key(bill_number), "BILL", consistent_read=True)
            return self._bills.get(f"REQUEST#{claimed.request_id}", "BILL", consistent_read=True).claim()
        except DoesNotExist:
            return None

    def unsettled_bills(self, day: date) -> list[BillClaim]:
        """Every SADAD bill paid on a day (all centres) SADAD's report has not settled."""
        found: list[BillClaim] = []
        start = None
        while True:
            results = self._bills.gsi1.query(
                paid_bills_of(day), filter_condition=BillItem.settled_on.does_not_exist(), last_evaluated_key=start
            )
            found.extend(claim for item in results if (claim := item.claim()) is not None)
            start = results.last_evaluated_key
            if not start:
                return found

    def unsettled(self, day: date) -> list[SlipClaim]:
        """Every card slip of a day (all centres) the acquirer has not settled."""
        found: list[SlipClaim] = []
        start = None
        while True:
            results = self._slips.gsi1.query(
                slips_of_day(day), filter_condition=PosSlipItem.settled_on.does_not_exist(), last_evaluated_key=start
            )
            found.extend(item.to_domain() for item in results)
            start = results.last_evaluated_key
            if not start:
                return found

    def record(self, discrepancy: Discrepancy) -> bool:
        """One discrepancy found apart from a line (a slip never settled), once, counted on its day."""
        try:
            with TransactWrite(connection=self._table.connection()) as transaction:
                transaction.save(
                    self._discrepancies.from_domain(discrepancy), condition=DiscrepancyItem.pk.does_not_exist()
                )
                if discrepancy.centre_id is not None:
                    transaction.update(
                        self._days(
                            pk=ledger_partition(discrepancy.centre_id), sk=reconciliation_sort_key(discrepancy.day)
                        ),
                        actions=[DayItem.discrepancies.add(1)],
                    )
        except TransactWriteError as error:
            if failed_conditions(error):
                return False
            raise
        return True

    def discrepancies(self, centre_id: str | None, since: date, until: date, page: PageRequest) -> Page[Discrepancy]:
        """One centre's (None: the region's, every centre's and the slips in no ledger), by day."""
        window = (since.isoformat(), f"{until.isoformat()}~")
        if centre_id is None:
            start = decode_cursor(page.after, partition_attribute="gsi1pk", partition=REGION_DISCREPANCIES)
            results = self._discrepancies.gsi1.query(
                REGION_DISCREPANCIES,
                DiscrepancyItem.gsi1sk.between(*window),
                limit=page.size,
                last_evaluated_key=start,
            )
        else:
            partition = discrepancy_partition(centre_id)
            start = decode_cursor(page.after, partition_attribute="pk", partition=partition)
            results = self._discrepancies.query(
                partition,
                DiscrepancyItem.sk.between(f"DISCREPANCY#{window[0]}", f"DISCREPANCY#{window[1]}"),
                limit=page.size,
                last_evaluated_key=start,
            )
        return Page([item.to_domain() for item in results], encode_cursor(results.last_evaluated_key))
