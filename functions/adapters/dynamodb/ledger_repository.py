"""The centres' ledgers on DynamoDB: every entry written in one transaction with its accounts' balances
and its day's figures, so a balance or a statement is one read and never a sum (docs/money.md).

An entry goes into the transaction of the business change it records (``add_to``, used by the request
repository for filings and refunds) or into one of its own (``post``: remittances). Its item's
``attribute_not_exists`` makes a replay post nothing; its day's ``attribute_not_exists(closed_at)``
refuses a closed day; a remittance may not take the drawer below zero.
"""

from __future__ import annotations

from datetime import date, datetime

from pynamodb.exceptions import DoesNotExist, TransactWriteError
from pynamodb.transactions import TransactWrite

from functions.adapters.dynamodb.audit_log import DynamoAuditLog
from functions.adapters.dynamodb.cursor import decode_cursor, encode_cursor
from functions.adapters.dynamodb.ledger_items import (
    AccountItem,
    DayItem,
    EntryItem,
    PosSlipItem,
    day_journal_partition,
    day_sort_key,
    ledger_partition,
    slip_key,
)
from functions.adapters.dynamodb.table import TableBinding
from functions.adapters.dynamodb.transactions import failed_conditions
from functions.domain.audit import AuditRecord
from functions.domain.errors import Conflict, ErrorCode
from functions.domain.ledger import AccountBalance, AccountKind, EntryKind, JournalEntry, PosSlip
from functions.domain.paging import Page, PageRequest
from functions.domain.statement import DayStatement

__all__ = ["DynamoLedger"]


class DynamoLedger:
    def __init__(self, table: TableBinding, audit: DynamoAuditLog) -> None:
        self._table = table
        self._audit = audit
        self._entries = table.bind(EntryItem)
        self._accounts = table.bind(AccountItem)
        self._days = table.bind(DayItem)
        self._slips = table.bind(PosSlipItem)

    def add_to(self, transaction: TransactWrite, entry: JournalEntry, slip: PosSlip | None = None) -> None:
        """The entry, its accounts and its day, in another change's transaction."""
        partition = ledger_partition(entry.centre_id)
        transaction.save(self._entries.from_domain(entry), condition=EntryItem.pk.does_not_exist())
        for line in entry.lines:
            account = self._accounts(pk=partition, sk=f"ACCOUNT#{line.account.key}")
            keeps_cash = entry.kind is EntryKind.REMITTANCE and line.account.kind is AccountKind.CASH_DRAWER
            transaction.update(
                account,
                actions=[AccountItem.balance.add(line.halalas)],
                condition=(AccountItem.balance >= -line.halalas) if keeps_cash else None,
            )
        transaction.update(
            self._days(pk=partition, sk=day_sort_key(entry.day)),
            actions=[DayItem.figure(figure).add(value) for figure, value in entry.figures.items()],
            condition=DayItem.closed_at.does_not_exist(),
        )
        if slip is not None:
            transaction.save(self._slips.claim(slip, entry), condition=PosSlipItem.pk.does_not_exist())

    def why_refused(self, entry: JournalEntry, slip: PosSlip | None = None) -> Conflict | None:
        """After a transaction with this entry was cancelled: the ledger's reason, if it was the ledger's."""
        if self.statement(entry.centre_id, entry.day).closed:
            return Conflict(ErrorCode.DAY_CLOSED)
        if slip is not None and self._slip_taken(slip, entry.request_id):
            return Conflict(ErrorCode.POS_SLIP_USED, field="posSlip")
        return None

    def post(self, entry: JournalEntry, audit: AuditRecord) -> bool:
        """Write an entry on its own with its audit record; False when it was posted before (a replay)."""
        try:
            with TransactWrite(connection=self._table.connection()) as transaction:
                self.add_to(transaction, entry)
                self._audit.add_to(transaction, audit)
        except TransactWriteError as error:
            if not failed_conditions(error):
                raise
            if self.entry(entry.centre_id, entry.entry_id) is not None:
                return False
            refused = self.why_refused(entry)
            if refused is not None:
                raise refused from error
            if entry.kind is EntryKind.REMITTANCE:
                raise Conflict(ErrorCode.REMITTANCE_EXCEEDS_CASH, field="amount") from error
            raise
        return True

    def entry(self, centre_id: str, entry_id: str) -> JournalEntry | None:
        try:
            item = self._entries.get(ledger_partition(centre_id), f"ENTRY#{entry_id}", consistent_read=True)
        except DoesNotExist:
            return None
        return item.to_domain()

    def balances(self, centre_id: str) -> list[AccountBalance]:
        items = self._accounts.query(
            ledger_partition(centre_id), AccountItem.sk.startswith("ACCOUNT#"), consistent_read=True
        )
        return [item.to_domain() for item in items]

    def statement(self, centre_id: str, day: date) -> DayStatement:
        kept = self.statements(centre_id, day, day)
        return kept[0] if kept else DayStatement(centre_id, day)

    def statements(self, centre_id: str, since: date, until: date) -> list[DayStatement]:
        """The days from ``since`` to ``until`` that have a statement (at most a few hundred: one query
        unless it passes DynamoDB's 1 MB page)."""
        items = list(
            self._days.query(
                ledger_partition(centre_id),
                DayItem.sk.between(day_sort_key(since), f"{day_sort_key(until)}#~"),
                consistent_read=True,
            )
        )
        reconciled = {item.sk[:14]: item for item in items if item.reconciliation}
        days = {item.sk[:14]: item for item in items if not item.reconciliation}
        for key in reconciled.keys() - days.keys():
            days[key] = self._days(pk=ledger_partition(centre_id), sk=key)
        return [days[key].to_domain(centre_id, reconciled.get(key)) for key in sorted(days)]

    def journal(self, centre_id: str, day: date, page: PageRequest) -> Page[JournalEntry]:
        partition = day_journal_partition(centre_id, day)
        start = decode_cursor(page.after, partition_attribute="gsi1pk", partition=partition)
        results = self._entries.gsi1.query(partition, limit=page.size, last_evaluated_key=start)
        return Page([item.to_domain() for item in results], encode_cursor(results.last_evaluated_key))

    def close_day(self, centre_id: str, day: date, closed_by: str, at: datetime, audit: AuditRecord) -> DayStatement:
        """Close the day (made if nothing was posted on it); closing it again changes nothing."""
        item = self._days(pk=ledger_partition(centre_id), sk=day_sort_key(day))
        try:
            with TransactWrite(connection=self._table.connection()) as transaction:
                transaction.update(
                    item,
                    actions=[DayItem.closed_at.set(at), DayItem.closed_by.set(closed_by)],
                    condition=DayItem.closed_at.does_not_exist(),
                )
                self._audit.add_to(transaction, audit)
        except TransactWriteError as error:
            if not failed_conditions(error):
                raise
        return self.statement(centre_id, day)

    def _slip_taken(self, slip: PosSlip, request_id: str | None) -> bool:
        try:
            claim = self._slips.get(slip_key(slip), "POS", consistent_read=True)
        except DoesNotExist:
            return False
        return claim.request_id != request_id
