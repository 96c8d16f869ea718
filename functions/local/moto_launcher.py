"""Start moto's server with its DynamoDB operations serialised.

moto's threaded server runs requests concurrently, but its DynamoDB transactions are not isolated:
``transact_write_items`` checks conditions and writes item by item, and rolls a failure back by
restoring a snapshot of whole tables, which can undo another request's commit. Real DynamoDB
serialises conflicting transactions; one lock around moto's DynamoDB backend restores that guarantee
for the local stack and the tests (everything else stays concurrent).
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from typing import Any

from moto.dynamodb.models import DynamoDBBackend
from moto.server import main

__all__ = ["serialise_dynamodb"]

_OPERATIONS = ("put_item", "get_item", "query", "scan", "update_item", "delete_item", "transact_write_items")


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


if __name__ == "__main__":
    serialise_dynamodb()
    main()
