"""Binding PynamoDB models to a concrete table at run time.

PynamoDB configures a model through its class-level ``Meta``. Rather than mutate shared classes, each
binding derives a subclass with its own ``Meta`` (table name, region, endpoint), so the composition
root, the tests and the local stack can each bind the same models to their own table.

Every model bound through one binding shares one PynamoDB ``Connection`` (one botocore client):
left alone, PynamoDB builds a botocore session per model class, and each one loads the endpoint
rules again (tens of milliseconds per class, on every cold start).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypeVar, cast

from pynamodb.connection import Connection
from pynamodb.exceptions import TableError
from pynamodb.models import Model

__all__ = ["TableBinding"]

M = TypeVar("M", bound=Model)

_CONNECT_TIMEOUT_SECONDS = 2.0
_READ_TIMEOUT_SECONDS = 5.0
_MAX_RETRY_ATTEMPTS = 3


@dataclass(frozen=True)
class TableBinding:
    name: str
    region: str
    endpoint_url: str | None = None
    _shared: list[Connection] = field(default_factory=list, compare=False, repr=False)

    def bind(self, model: type[M]) -> type[M]:
        meta = type(
            "Meta",
            (),
            {
                "table_name": self.name,
                "region": self.region,
                "host": self.endpoint_url,
                "connect_timeout_seconds": _CONNECT_TIMEOUT_SECONDS,
                "read_timeout_seconds": _READ_TIMEOUT_SECONDS,
                "max_retry_attempts": _MAX_RETRY_ATTEMPTS,
            },
        )
        bound = cast(type[M], type(model.__name__, (model,), {"Meta": meta, "__module__": model.__module__}))
        table_connection = bound._get_connection()  # builds the table's key metadata; connects lazily
        shared = self.connection()
        try:
            shared.get_meta_table(self.name)
        except TableError:
            shared.add_meta_table(table_connection.connection.get_meta_table(self.name))
        table_connection.connection = shared
        return bound

    def connection(self) -> Connection:
        """The binding's one low-level connection (also for transactions spanning models and tables)."""
        if not self._shared:
            self._shared.append(
                Connection(
                    region=self.region,
                    host=self.endpoint_url,
                    connect_timeout_seconds=_CONNECT_TIMEOUT_SECONDS,
                    read_timeout_seconds=_READ_TIMEOUT_SECONDS,
                    max_retry_attempts=_MAX_RETRY_ATTEMPTS,
                )
            )
        return self._shared[0]
