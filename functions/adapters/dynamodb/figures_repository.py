"""Figures on DynamoDB: counters per (key, day) changed only by ``ADD``, read by key range.

A period of one key is one ``Query`` (``pk = FIGURES#<key>``, ``sk BETWEEN DAY#<first> AND
DAY#<last>``); every centre's (or agency's, or SMS kind's) days are one ``Query`` per calendar month
on ``gsi1``.
Counter names are not declared on a model: items are read raw and every number is a counter.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pynamodb.exceptions import DoesNotExist, TransactWriteError
from pynamodb.expressions.condition import Condition
from pynamodb.expressions.operand import Path
from pynamodb.expressions.update import Action
from pynamodb.transactions import TransactWrite

from functions.adapters.dynamodb.figure_items import (
    AWAITING_REGION,
    CURRENT,
    FigureDayItem,
    RequestClockItem,
    awaiting_partition,
    day_sort_key,
    figures_key,
    month_partition,
)
from functions.adapters.dynamodb.table import TableBinding
from functions.adapters.dynamodb.transactions import failed_conditions
from functions.domain.errors import Conflict, ErrorCode
from functions.domain.figures import DayFigures, FigureDelta, FigureKey, ScopeKind
from functions.domain.request_figures import RequestClock

__all__ = ["DynamoFigures"]

_INDEXED = {ScopeKind.CENTRE, ScopeKind.AGENCY, ScopeKind.MESSAGE}


class DynamoFigures:
    def __init__(self, table: TableBinding) -> None:
        self._table = table
        self._days = table.bind(FigureDayItem)
        self._clocks = table.bind(RequestClockItem)

    # writing
    def add_to(self, transaction: TransactWrite, deltas: tuple[FigureDelta, ...]) -> None:
        """Add the counters in another change's transaction (one update per (key, day): merge first)."""
        for delta in deltas:
            transaction.update(self._item_of(delta), actions=self._actions_of(delta))

    def get_clock(self, request_id: str) -> RequestClock | None:
        try:
            return self._clocks.get(f"FIGURES#REQUEST#{request_id}", "CLOCK", consistent_read=True).to_domain()
        except DoesNotExist:
            return None

    def apply_event(self, clock: RequestClock, deltas: tuple[FigureDelta, ...]) -> None:
        try:
            with TransactWrite(connection=self._table.connection()) as transaction:
                transaction.save(self._clocks.from_domain(clock))
                self.add_to(transaction, deltas)
        except TransactWriteError as error:
            if failed_conditions(error) or error.cause_response_code == "TransactionCanceledException":
                raise Conflict(ErrorCode.CONFLICT) from error
            raise

    # reading
    def days(self, key: FigureKey, first: date, last: date) -> list[DayFigures]:
        condition = Path("sk").between(day_sort_key(first), day_sort_key(last))
        return [_day_of(raw) for raw in self._query(figures_key(key), condition)]

    def days_of_every(self, kind: ScopeKind, first: date, last: date) -> list[DayFigures]:
        if kind not in _INDEXED:
            raise ValueError(f"no index of every {kind}")
        condition = Path("gsi1sk").between(f"{first.isoformat()}#", f"{last.isoformat()}#~")
        return [
            _day_of(raw)
            for month in _months(first, last)
            for raw in self._query(month_partition(kind, month), condition, index_name="gsi1")
        ]

    def current(self, key: FigureKey) -> dict[str, int]:
        raw = self._table.connection().get_item(self._table.name, figures_key(key), CURRENT, consistent_read=True)
        return _counters(raw.get("Item", {}))

    def awaiting_delivery(self, centre_id: str | None, completed_before: datetime, limit: int) -> int:
        index, partition = ("gsi2", awaiting_partition(centre_id)) if centre_id else ("gsi3", AWAITING_REGION)
        response = self._table.connection().query(
            self._table.name,
            partition,
            range_key_condition=Path(f"{index}sk") < f"{completed_before.isoformat()}#",
            index_name=index,
            limit=limit,
            select="COUNT",
        )
        return int(response.get("Count", 0))

    def _item_of(self, delta: FigureDelta) -> FigureDayItem:
        return self._days(pk=figures_key(delta.key), sk=day_sort_key(delta.day) if delta.day else CURRENT)

    @staticmethod
    def _actions_of(delta: FigureDelta) -> list[Action]:
        actions: list[Action] = [Path([name]).add(value) for name, value in sorted(delta.counts.items())]
        if delta.day is not None:
            actions += [Path(["scope"]).set(delta.key.name), Path(["day"]).set(delta.day.isoformat())]
            if delta.key.kind in _INDEXED:
                actions += [
                    FigureDayItem.gsi1pk.set(month_partition(delta.key.kind, delta.day.isoformat()[:7])),
                    FigureDayItem.gsi1sk.set(f"{delta.day.isoformat()}#{delta.key.code}"),
                ]
        return actions

    def _query(self, partition: str, condition: Condition, index_name: str | None = None) -> list[dict[str, Any]]:
        items: list[dict[str, Any]] = []
        start = None
        connection = self._table.connection()
        while True:
            response = connection.query(
                self._table.name,
                partition,
                range_key_condition=condition,
                index_name=index_name,
                exclusive_start_key=start,
            )
            items.extend(response.get("Items", []))
            start = response.get("LastEvaluatedKey")
            if not start:
                return items


def _months(first: date, last: date) -> list[str]:
    months = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)  # noqa: PLR2004 (December)
    return months


def _counters(raw: dict[str, Any]) -> dict[str, int]:
    """Every number of an item is a counter (keys and labels are strings)."""
    return {name: int(value["N"]) for name, value in raw.items() if "N" in value and name != "expires_at"}


def _day_of(raw: dict[str, Any]) -> DayFigures:
    return DayFigures(FigureKey.parse(raw["scope"]["S"]), date.fromisoformat(raw["day"]["S"]), _counters(raw))
