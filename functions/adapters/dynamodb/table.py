"""Binding PynamoDB models to a concrete table at run time.

PynamoDB configures a model through its class-level ``Meta``. Rather than mutate shared classes, each
binding derives a subclass with its own ``Meta`` (table name, region, endpoint), so the composition
root, the tests and the local stack can each bind the same models to their own table.

Every model bound through one binding shares one PynamoDB ``Connection`` (one botocore client):
left alone, PynamoDB builds a botocore session per model class, and each one loads the endpoint
rules again (tens of milliseconds per class, on every cold start). Its timeouts and retries are those
of every AWS client (``adapters/call_budget.py``), and its client checks the request's deadline.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, TypeVar, cast

from pynamodb.connection import Connection
from pynamodb.exceptions import TableError
from pynamodb.models import Model

from functions.adapters.call_budget import CONNECT_TIMEOUT_SECONDS, MAX_ATTEMPTS, READ_TIMEOUT_SECONDS, bounded

__all__ = ["BoundedConnection", "TableBinding"]

M = TypeVar("M", bound=Model)

_RETRIES = MAX_ATTEMPTS - 1
"""PynamoDB counts the retries after the first attempt."""


class BoundedConnection(Connection):
    """PynamoDB's connection, whose botocore client (made lazily, and again if it lost its credentials)
    sends no attempt that could outlast the request's deadline."""

    @property
    def client(self) -> Any:
        client = super().client
        if client is not self._bounded:
            self._bounded = bounded(client)
        return client

    _bounded: Any = None


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
                "connect_timeout_seconds": CONNECT_TIMEOUT_SECONDS,
                "read_timeout_seconds": READ_TIMEOUT_SECONDS,
                "max_retry_attempts": _RETRIES,
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
                BoundedConnection(
                    region=self.region,
                    host=self.endpoint_url,
                    connect_timeout_seconds=CONNECT_TIMEOUT_SECONDS,
                    read_timeout_seconds=READ_TIMEOUT_SECONDS,
                    max_retry_attempts=_RETRIES,
                )
            )
        return self._shared[0]
