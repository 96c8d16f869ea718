"""The SMS budget on DynamoDB: one counter per number and Madinah hour, one per Madinah day, each raised by
one in a transaction conditioned on both limits, and expiring (TTL) once its period is long past."""

from __future__ import annotations

from datetime import timedelta

from pynamodb.attributes import NumberAttribute
from pynamodb.exceptions import DoesNotExist, TransactWriteError
from pynamodb.transactions import TransactWrite

from functions.adapters.dynamodb.main_table import MainTableItem
from functions.adapters.dynamodb.table import TableBinding
from functions.adapters.dynamodb.transactions import failed_conditions
from functions.domain.sms_budget import DAY_QUOTA_SPENT, NUMBER_LIMIT_SPENT
from functions.services.ports import Clock

__all__ = ["DynamoSmsBudget"]


class BudgetItem(MainTableItem):
    sent = NumberAttribute(null=True)


class DynamoSmsBudget:
    def __init__(self, table: TableBinding, clock: Clock) -> None:
        self._table = table
        self._items = table.bind(BudgetItem)
        self._clock = clock

    def take(self, number_key: str, number_limit: int, day_key: str, day_limit: int) -> str | None:
        expires = self._clock.now() + timedelta(days=2)
        try:
            with TransactWrite(connection=self._table.connection()) as transaction:
                for key, limit in ((number_key, number_limit), (day_key, day_limit)):
                    counter = self._items(pk=key, sk="BUDGET")
                    transaction.update(
                        counter,
                        actions=[BudgetItem.sent.add(1), BudgetItem.expires_at.set(expires)],
                        condition=(BudgetItem.sent.does_not_exist() | (BudgetItem.sent < limit)) if limit else None,
                    )
        except TransactWriteError as error:
            if not failed_conditions(error):
                raise
            return NUMBER_LIMIT_SPENT if self._spent(number_key, number_limit) else DAY_QUOTA_SPENT
        return None

    def _spent(self, key: str, limit: int) -> bool:
        try:
            item = self._items.get(key, "BUDGET", consistent_read=True)
        except DoesNotExist:
            return False
        return bool(limit) and int(item.sent or 0) >= limit
