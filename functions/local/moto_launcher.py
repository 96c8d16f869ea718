"""Start moto's server with its DynamoDB operations serialised and its transaction snapshots cheap.

moto's threaded server runs requests concurrently, but its DynamoDB transactions are not isolated:
``transact_write_items`` checks conditions and writes item by item, and rolls a failure back by
restoring a snapshot of whole tables, which can undo another request's commit. Real DynamoDB
serialises conflicting transactions; one lock around moto's DynamoDB backend restores that guarantee
for the local stack and the tests (everything else stays concurrent).

That snapshot is a ``copy.deepcopy`` of the whole table, taken once per item of the transaction: on a
table of a few thousand items every request change cost most of a second, growing with the table.
Under the lock nothing else writes while a transaction runs, so the snapshot only needs its own copy
of the items the transaction touches (moto updates items in place); the others are shared with the
live table. ``transactions_snapshot_touched_items_only`` swaps moto's deep copy of a table for that,
once per transaction and table. Hand-written because no library does it; the rollback behaviour is
pinned by tests/integration/test_moto_launcher.py.

The server runs without moto's blanket CORS (``MOTO_DISABLE_GLOBAL_CORS``, set by ``MotoServer``): a
bucket's own CORS rules answer browsers, as on S3. moto answers a preflight and its object operations
from those rules, but not a form POST (a presigned upload), which S3 does:
``s3_form_posts_answer_cors`` adds the matching rule's headers there too, so the centre console can
read the answer to its uploads (pinned by the same tests).

moto answers every ``Query`` by listing **the whole table, sorted**, and filtering it: a table's size,
not the answer's, sets the cost, so the local stack slowed down as a load run filled it (the load
bench's profile of moto: two thirds of its DynamoDB time in ``Table.all_items``). DynamoDB reads one
partition. ``queries_read_their_partition`` gives a query on the table's key only the items of its
partition, and a query on an index the table's items unsorted (it sorts its matches itself, on keys
that are unique), so every answer and page is the same, for a partition's cost.
"""

from __future__ import annotations

import copy
import functools
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable
from types import SimpleNamespace
from typing import Any

import moto.dynamodb.models as dynamodb_models
from moto.dynamodb.models import DynamoDBBackend
from moto.dynamodb.models.dynamo_type import DynamoType
from moto.dynamodb.models.table import Table
from moto.s3.responses import S3Response
from moto.server import main

__all__ = [
    "queries_read_their_partition",
    "s3_form_posts_answer_cors",
    "serialise_dynamodb",
    "transactions_snapshot_touched_items_only",
]

_OPERATIONS = ("put_item", "get_item", "query", "scan", "update_item", "delete_item", "transact_write_items")

_Key = tuple[DynamoType, DynamoType | None]


def serialise_dynamodb() -> None:
    lock = threading.RLock()

    def locked(operation: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(operation)
        def run(*args: Any, **kwargs: Any) -> Any:
            with lock:
                return operation(*args, **kwargs)

        return run

    for name in _OPERATIONS:
        setattr(DynamoDBBackend, name, locked(getattr(DynamoDBBackend, name)))


def transactions_snapshot_touched_items_only() -> None:
    """Call before ``serialise_dynamodb`` (the snapshot relies on the lock around the transaction)."""
    context = threading.local()
    original = DynamoDBBackend.transact_write_items

    def deepcopy(value: Any, memo: dict[int, Any] | None = None) -> Any:
        touched: dict[str, set[_Key]] | None = getattr(context, "touched", None)
        if touched is None or not isinstance(value, Table):
            return copy.deepcopy(value, memo)
        snapshots: dict[int, Table] = context.snapshots
        if id(value) not in snapshots:
            snapshots[id(value)] = _snapshot(value, touched.get(value.name, set()))
        return snapshots[id(value)]

    @functools.wraps(original)
    def transact_write_items(self: DynamoDBBackend, transact_items: list[dict[str, Any]]) -> None:
        context.touched = _touched_keys(self, transact_items)
        context.snapshots = {}
        try:
            original(self, transact_items)
        finally:
            context.touched = None
            context.snapshots = {}

    setattr(dynamodb_models, "copy", SimpleNamespace(deepcopy=deepcopy, copy=copy.copy))  # noqa: B010
    DynamoDBBackend.transact_write_items = transact_write_items  # type: ignore[method-assign]


def queries_read_their_partition() -> None:
    context = threading.local()
    all_items, query = Table.all_items, Table.query

    def items_for_the_query(self: Table) -> list[Any]:
        reading = getattr(context, "query", None)
        if reading is None or reading[0] is not self:
            return all_items(self)  # a scan, or anything else: moto's own, sorted
        _, hash_key, index_name = reading
        if index_name is None and hash_key is not None:
            stored = self.items.get(hash_key)
            partitions = [stored] if stored is not None else []
        else:
            partitions = list(self.items.values())
        if not self.range_key_attr:
            return partitions
        return [item for partition in partitions for item in partition.values()]

    @functools.wraps(query)
    def query_one_partition(self: Table, hash_key: Any, *args: Any, **kwargs: Any) -> Any:
        index_name = kwargs.get("index_name", args[6] if len(args) > 6 else None)  # noqa: PLR2004 - moto's order
        context.query = (self, hash_key, index_name)
        try:
            return query(self, hash_key, *args, **kwargs)
        finally:
            context.query = None

    Table.all_items = items_for_the_query  # type: ignore[method-assign]
    Table.query = query_one_partition  # type: ignore[method-assign]


def s3_form_posts_answer_cors() -> None:
    original = S3Response._bucket_response_post

    @functools.wraps(original)
    def post(self: S3Response, request: Any, bucket_name: str) -> Any:
        status, headers, body = original(self, request, bucket_name)
        return status, {**self._get_cors_headers_other(), **headers}, body

    S3Response._bucket_response_post = post  # type: ignore[method-assign]


def _touched_keys(backend: DynamoDBBackend, transact_items: Iterable[dict[str, Any]]) -> dict[str, set[_Key]]:
    touched: dict[str, set[_Key]] = defaultdict(set)
    for entry in transact_items:
        for operation in entry.values():
            table = backend.tables.get(operation.get("TableName", ""))
            if table is None:
                continue
            key = operation.get("Item") or operation.get("Key") or {}
            if table.hash_key_attr not in key:
                continue
            sort = key.get(table.range_key_attr) if table.range_key_attr else None
            touched[table.name].add((DynamoType(key[table.hash_key_attr]), DynamoType(sort) if sort else None))
    return touched


def _snapshot(table: Table, touched: set[_Key]) -> Table:
    """The table as it is now: its own copy of the touched items, the rest shared (see the module doc)."""
    snapshot = copy.copy(table)
    items: defaultdict[Any, Any] = defaultdict(dict)
    for hash_value, stored in table.items.items():
        items[hash_value] = dict(stored) if table.has_range_key else stored
    for hash_value, sort_value in touched:
        if table.has_range_key and sort_value in items.get(hash_value, {}):
            items[hash_value][sort_value] = copy.deepcopy(items[hash_value][sort_value])
        elif not table.has_range_key and hash_value in items:
            items[hash_value] = copy.deepcopy(items[hash_value])
    snapshot.items = items
    return snapshot


if __name__ == "__main__":
    transactions_snapshot_touched_items_only()
    queries_read_their_partition()
    serialise_dynamodb()
    s3_form_posts_answer_cors()
    main()
