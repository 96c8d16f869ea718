"""What one request's life costs, counted as it happens on the local stack.

Four taps, all in the bench (nothing in ``functions/`` knows it is measured):

* every AWS call of our code goes through ``botocore.client.BaseClient._make_api_call`` (PynamoDB's
  connection and the boto3 clients alike): patched, it counts each call by service and operation
  and estimates DynamoDB's request units from the call (see ``DynamoUnits``);
* the HTTP aggregator's ``send_sms`` (the local stack's first SMS provider) is wrapped: one SMS each;
* each queue handler is wrapped as Lambda's event source mapping would invoke it: one invocation per
  batch, timed, with its number of records;
* the ASGI app is wrapped: one HTTP request is one invocation of ``graphqlHttp``. A request with the
  header ``x-lifecycle-wait`` is the bench waiting for something (a file to reach a window): neither
  it nor any call it makes is counted.

Each call is attributed to the function whose invocation made it (a context variable), and each
invocation to the story's step running when it started. Scheduled functions (threads ``schedule-*``)
run whether or not anyone files a request: never counted.
"""

from __future__ import annotations

import re
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from botocore.client import BaseClient

from bench.lifecycle_prices import item_size, read_units, write_units
from functions.adapters.sms_aggregator import AggregatorSmsGateway
from functions.domain.mobile import SaudiMobile
from functions.services.sms_ports import SentSms

__all__ = ["WAIT_HEADER", "DynamoUnits", "Invocation", "Meter"]

WAIT_HEADER = "x-lifecycle-wait"
_API_CALL = "_make_api_call"
_SEND_SMS = "send_sms"
"""Where every botocore client's call passes (private to botocore, so not in its type stubs)."""
_WAITING = "waiting"
_function: ContextVar[str | None] = ContextVar("lifecycle_function", default=None)
_probing: ContextVar[bool] = ContextVar("lifecycle_probing", default=False)

Handler = Callable[[dict[str, Any], Any], Any]
ApiCall = Callable[[BaseClient, str, dict[str, Any]], dict[str, Any]]


@dataclass(frozen=True)
class Invocation:
    function: str
    step: str
    seconds: float
    records: int = 0


@dataclass
class DynamoUnits:
    """Request units estimated per call: writes from the item's size (a Put's from its parameters; an
    Update's the larger of the item before and after, a Delete's or a ConditionCheck's the item before,
    both read by an uncounted consistent GetItem around the call) plus the same again for each global
    secondary index holding the item (every index here projects ALL; an index write is not doubled in a
    transaction); a ConditionCheck in a transaction as a transactional write of the item it checks;
    reads from the items returned."""

    indexes: Mapping[str, list[tuple[str, ...]]]
    """Per table, the key attributes of each of its GSIs (from DescribeTable)."""
    probe: Callable[[str, dict[str, Any]], dict[str, Any] | None]
    """The item at a key, read without being counted."""
    by_item: Counter[tuple[str, str]] = field(default_factory=Counter)
    """(item kind, ``table``, ``indexes``, ``writes`` or ``bytes``) -> write units in the table and in its
    indexes, writes, bytes written: where the writes go."""

    def before(self, operation: str, params: dict[str, Any]) -> list[dict[str, Any] | None]:
        """The items a write is about to change, read before it runs."""
        return [self.probe(table, key) for table, key, _ in self._targets(operation, params)]

    def writes(self, operation: str, params: dict[str, Any], before: list[dict[str, Any] | None]) -> int:
        units = 0
        transactional = operation == "TransactWriteItems"
        for (table, key, written), old in zip(self._targets(operation, params), before, strict=True):
            new = written if written is not None else (self.probe(table, key) if key.get("_update") else None)
            largest = max(old or {}, new or {}, key=item_size)
            held = self._indexes_holding(table, {**(old or {}), **(new or {})})
            # An index is written after the table, outside the transaction: not doubled.
            in_table = write_units(item_size(largest), transactional=transactional)
            in_indexes = write_units(item_size(largest)) * held
            kind = item_kind(table, largest or key)
            self.by_item[kind, "table"] += in_table
            self.by_item[kind, "writes"] += 1
            self.by_item[kind, "bytes"] += item_size(largest)
            self.by_item[kind, "indexes"] += in_indexes
            units += in_table + in_indexes
        return units

    def reads(self, operation: str, params: dict[str, Any], response: dict[str, Any]) -> float:
        if operation == "GetItem":
            return read_units(item_size(response.get("Item", {})), consistent=bool(params.get("ConsistentRead")))
        if operation in {"Query", "Scan"}:
            return read_units(_scanned_size(response), consistent=bool(params.get("ConsistentRead")))
        if operation == "BatchGetItem":
            return sum(
                read_units(item_size(item), consistent=bool(params["RequestItems"][table].get("ConsistentRead")))
                for table, items in response.get("Responses", {}).items()
                for item in items
            )
        if operation == "TransactGetItems":
            return sum(
                read_units(item_size(entry.get("Item", {})), transactional=True)
                for entry in response.get("Responses", [])
            )
        return 0.0

    def _indexes_holding(self, table: str, item: Mapping[str, Any]) -> int:
        return sum(all(name in item for name in keys) for keys in self.indexes.get(table, []))

    @staticmethod
    def _targets(operation: str, params: dict[str, Any]) -> list[tuple[str, dict[str, Any], dict[str, Any] | None]]:
        """(table, key, item written if known from the call) for every item a write touches; the key
        is marked ``_update`` for an UpdateItem, whose result is read after the call."""
        if operation == "PutItem":
            return [(params["TableName"], {}, params["Item"])]
        if operation in {"UpdateItem", "DeleteItem"}:
            return [(params["TableName"], _mark(params["Key"], operation), None)]
        if operation == "BatchWriteItem":
            return [
                (table, {}, request["PutRequest"]["Item"])
                if "PutRequest" in request
                else (table, request["DeleteRequest"]["Key"], None)
                for table, requests in params["RequestItems"].items()
                for request in requests
            ]
        if operation == "TransactWriteItems":
            targets: list[tuple[str, dict[str, Any], dict[str, Any] | None]] = []
            for entry in params["TransactItems"]:
                ((kind, body),) = entry.items()
                if kind == "Put":
                    targets.append((body["TableName"], {}, body["Item"]))
                else:
                    targets.append(
                        (body["TableName"], _mark(body["Key"], "UpdateItem" if kind == "Update" else kind), None)
                    )
            return targets
        return []


def item_kind(table: str, item: Mapping[str, Any]) -> str:
    """``table pk-prefix/sk-prefix``: what sort of item a write touched (``main REQUEST/HANDOFF``)."""
    values = [str(next(iter(item.get(name, {}).values()), "")) for name in ("pk", "sk", "id")]
    parts = [re.split("[#:.]", value, maxsplit=1)[0] for value in values if value]
    return f"{table.rsplit('-', 1)[-1]} " + "/".join(part if part.isalpha() else "*" for part in parts)


def _mark(key: dict[str, Any], operation: str) -> dict[str, Any]:
    return {**key, "_update": operation == "UpdateItem"}


def _scanned_size(response: dict[str, Any]) -> int:
    """A Query or Scan is billed on the items it read, before any filter: the returned items' size,
    scaled to the number scanned; items read but none returned are taken at 1 KB each."""
    items = response.get("Items", [])
    returned = sum(item_size(item) for item in items)
    scanned = int(response.get("ScannedCount", len(items)))
    if not items:
        return scanned * 1024
    return returned * max(scanned, len(items)) // len(items)


@dataclass
class Meter:
    counting: bool = False
    step: str = "setup"
    invocations: list[Invocation] = field(default_factory=list)
    calls: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    """(function, service, operation) -> calls."""
    wru: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    """(step, function, operation) -> write request units."""
    rru: defaultdict[tuple[str, str, str], float] = field(default_factory=lambda: defaultdict(float))
    publishes: Counter[str] = field(default_factory=Counter)
    """Topic name (or ``SMS``) -> our code's Publish calls."""
    units: DynamoUnits | None = None
    _in_flight: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def busy(self) -> bool:
        return self._in_flight > 0

    @contextmanager
    def installed(self) -> Iterator[Meter]:
        original: ApiCall = getattr(BaseClient, _API_CALL)

        def metered(client: BaseClient, operation: str, params: dict[str, Any]) -> dict[str, Any]:
            function = self._attribution()
            if function is None:
                return original(client, operation, params)
            service = client.meta.service_model.service_name
            if service != "dynamodb" or self.units is None:
                self._count_call(function, service, operation, params)
                return original(client, operation, params)
            return self._metered_dynamodb(original, client, function, operation, params)

        sent_by_aggregator = AggregatorSmsGateway.send_sms

        def counted_sms(gateway: AggregatorSmsGateway, mobile: SaudiMobile, text: str) -> SentSms:
            if self._attribution() is not None:
                self.publishes["SMS"] += 1  # the local stack sends through its fake aggregator first
            return sent_by_aggregator(gateway, mobile, text)

        setattr(BaseClient, _API_CALL, metered)
        setattr(AggregatorSmsGateway, _SEND_SMS, counted_sms)
        try:
            yield self
        finally:
            setattr(BaseClient, _API_CALL, original)
            setattr(AggregatorSmsGateway, _SEND_SMS, sent_by_aggregator)

    def uncounted_probe(self, client: BaseClient) -> Callable[[str, dict[str, Any]], dict[str, Any] | None]:
        def probe(table: str, key: dict[str, Any]) -> dict[str, Any] | None:
            with uncounted():
                clean = {name: value for name, value in key.items() if name != "_update"}
                if not clean:
                    return None
                answer = getattr(client, _API_CALL)(
                    "GetItem", {"TableName": table, "Key": clean, "ConsistentRead": True}
                )
            item: dict[str, Any] | None = answer.get("Item")
            return item

        return probe

    def lambda_function(self, name: str, handler: Handler) -> Handler:
        """The handler as Lambda's event source mapping invokes it: one batch, one invocation. Outside
        the counted part it is only seen as busy while it runs (so the bench can wait for it)."""

        def invoked(event: dict[str, Any], context: Any) -> Any:
            counted = self.counting and not threading.current_thread().name.startswith("schedule-")
            return self._invoke(name, len(event.get("Records", [])), lambda: handler(event, context), counted)

        return invoked

    def asgi(self, app: Any) -> Any:
        """The HTTP app, each request one invocation of graphqlHttp unless it carries WAIT_HEADER."""

        async def metered_app(scope: dict[str, Any], receive: Any, send: Any) -> None:
            if scope["type"] != "http":
                await app(scope, receive, send)
                return
            waiting = any(name.decode().lower() == WAIT_HEADER for name, _ in scope.get("headers", []))
            token = _function.set(_WAITING if waiting else "graphqlHttp")
            started, step = time.perf_counter(), self.step
            try:
                await app(scope, receive, send)
            finally:
                _function.reset(token)
                if self.counting and not waiting:
                    self.invocations.append(Invocation("graphqlHttp", step, time.perf_counter() - started))

        return metered_app

    def _invoke(self, name: str, records: int, call: Callable[[], Any], counted: bool) -> Any:
        with self._lock:
            self._in_flight += 1
        token = _function.set(name)
        started, step = time.perf_counter(), self.step
        try:
            return call()
        finally:
            _function.reset(token)
            if counted:
                self.invocations.append(Invocation(name, step, time.perf_counter() - started, records))
            with self._lock:
                self._in_flight -= 1

    def reset(self) -> None:
        """Forget the counts (before the next run's filing)."""
        self.invocations, self.calls, self.publishes = [], Counter(), Counter()
        self.wru, self.rru = Counter(), defaultdict(float)
        if self.units is not None:
            self.units.by_item.clear()

    def _attribution(self) -> str | None:
        """The function a call is counted against, or None when it is not counted."""
        if not self.counting or _probing.get() or threading.current_thread().name.startswith("schedule-"):
            return None
        function = _function.get()
        if function == _WAITING:
            return None
        if function is None:
            # The pump's own SQS traffic is modelled from its batches (lifecycle_prices.sqs_requests).
            return None if threading.current_thread().name.startswith("queue-pump-") else "unattributed"
        return function

    def _count_call(self, function: str, service: str, operation: str, params: dict[str, Any]) -> None:
        self.calls[function, service, operation] += 1
        if service == "sns" and operation == "Publish":
            topic = str(params.get("TopicArn", "")).rsplit(":", 1)[-1]
            self.publishes["SMS" if "PhoneNumber" in params else topic] += 1

    def _metered_dynamodb(
        self, original: ApiCall, client: BaseClient, function: str, operation: str, params: dict[str, Any]
    ) -> dict[str, Any]:
        assert self.units is not None
        self._count_call(function, "dynamodb", operation, params)
        step = self.step
        before = self.units.before(operation, params)
        try:
            response = original(client, operation, params)
        except Exception:
            # A refused conditional write or a cancelled transaction still consumes its write units.
            self.wru[step, function, operation] += self.units.writes(operation, params, before)
            raise
        self.wru[step, function, operation] += self.units.writes(operation, params, before)
        self.rru[step, function, operation] += self.units.reads(operation, params, response)
        return response


@contextmanager
def uncounted() -> Iterator[None]:
    """The bench's own calls (waiting, reading the execution's history, probing items)."""
    token = _probing.set(True)
    try:
        yield
    finally:
        _probing.reset(token)
