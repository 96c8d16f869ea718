"""Public AWS prices and the arithmetic that turns one request's counts into dollars.

The prices are the on-demand list prices of US East (N. Virginia), the region AWS's pricing pages
quote first; the sources and the date they were read are in docs/performance.md ("The cost of one
request's life"). Free tiers are left out: at a region's volume they are used up within hours.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

__all__ = [
    "LAMBDA_MEMORY_GB",
    "PRICES",
    "TARGET_USD",
    "CostLine",
    "Price",
    "item_size",
    "lambda_gb_seconds",
    "read_units",
    "sqs_requests",
    "write_units",
]

TARGET_USD = 0.0005
"""Issue 19's target for one two-stage, three-agency request from filing to delivery, SMS excluded."""

LAMBDA_MEMORY_GB = 1.0
"""serverless.yml: ``provider.memorySize: 1024`` (every function), ``architecture: arm64``."""


@dataclass(frozen=True)
class Price:
    unit: str
    usd: float
    """Dollars per one ``unit``."""


PRICES: Mapping[str, Price] = {
    "Lambda requests": Price("request", 0.20 / 1_000_000),
    "Lambda duration (arm64)": Price("GB-s", 0.0000133334),
    "API Gateway HTTP API": Price("request", 1.00 / 1_000_000),
    "DynamoDB writes": Price("WRU", 0.625 / 1_000_000),
    "DynamoDB reads": Price("RRU", 0.125 / 1_000_000),
    "SQS requests": Price("request", 0.40 / 1_000_000),
    "SNS publishes": Price("publish", 0.50 / 1_000_000),
    "Step Functions transitions": Price("transition", 0.025 / 1_000),
    "S3 PUT/POST/LIST": Price("request", 0.005 / 1_000),
    "S3 GET/HEAD/other": Price("request", 0.0004 / 1_000),
    "KMS requests": Price("request", 0.03 / 10_000),
}


@dataclass(frozen=True)
class CostLine:
    name: str
    count: float
    price: Price

    @property
    def usd(self) -> float:
        return self.count * self.price.usd

    @staticmethod
    def total(lines: Iterable[CostLine]) -> float:
        return sum(line.usd for line in lines)


_KB = 1024
_READ_UNIT_BYTES = 4 * _KB


def item_size(item: Mapping[str, object]) -> int:
    """An item's size as DynamoDB counts it, from its wire form (``{"name": {"S": "..."}}``): each
    attribute's name in UTF-8 bytes plus its value's size."""
    return sum(len(name.encode()) + _value_size(value) for name, value in item.items())


def _value_size(value: object) -> int:  # noqa: PLR0911 (one case per DynamoDB type)
    if not isinstance(value, Mapping) or len(value) != 1:
        raise ValueError(f"not a DynamoDB attribute value: {value!r}")
    ((kind, inner),) = value.items()
    if kind == "S":
        return len(str(inner).encode())
    if kind == "N":
        return _number_size(str(inner))
    if kind == "B":
        return len(inner) if isinstance(inner, bytes | bytearray) else len(str(inner).encode())
    if kind in {"BOOL", "NULL"}:
        return 1
    if kind in {"SS", "NS", "BS"}:
        single = {"SS": "S", "NS": "N", "BS": "B"}[kind]
        return sum(_value_size({single: element}) for element in _sequence(inner))
    if kind == "L":
        return 3 + sum(1 + _value_size(element) for element in _sequence(inner))
    if kind == "M" and isinstance(inner, Mapping):
        return 3 + sum(1 + len(str(name).encode()) + _value_size(element) for name, element in inner.items())
    raise ValueError(f"unknown DynamoDB type {kind!r}")


def _sequence(inner: object) -> list[object]:
    if not isinstance(inner, list | tuple | set | frozenset):
        raise ValueError(f"not a DynamoDB set or list: {inner!r}")
    return list(inner)


def _number_size(text: str) -> int:
    """Numbers are stored as up to 38 significant digits, two per byte, plus one byte."""
    digits = text.lstrip("-").replace(".", "").lstrip("0") or "0"
    return math.ceil(len(digits.split("e")[0].split("E")[0]) / 2) + 1


def write_units(size_bytes: int, *, transactional: bool = False) -> int:
    """Write request units of one item write: one per started KB (at least one), twice in a transaction."""
    units = max(1, math.ceil(size_bytes / _KB))
    return units * 2 if transactional else units


def read_units(size_bytes: int, *, consistent: bool = False, transactional: bool = False) -> float:
    """Read request units of one read of ``size_bytes`` (one item, or a Query's whole result): one per
    started 4 KB if strongly consistent, half that if eventually consistent, twice in a transaction."""
    blocks = max(1, math.ceil(size_bytes / _READ_UNIT_BYTES))
    if transactional:
        return float(blocks * 2)
    return float(blocks) if consistent else blocks / 2


def lambda_gb_seconds(durations_seconds: Iterable[float], memory_gb: float = LAMBDA_MEMORY_GB) -> float:
    """Lambda bills each invocation's duration rounded up to the millisecond, times its memory."""
    return sum(math.ceil(seconds * 1000) / 1000 for seconds in durations_seconds) * memory_gb


def sqs_requests(messages: int, batches: int) -> int:
    """SQS requests for ``messages`` handed to consumers in ``batches``: SNS's SendMessage for each
    message, and Lambda's event source mapping's one ReceiveMessage and one DeleteMessageBatch per
    batch (its empty long polls run whether or not anyone files a request: not per request)."""
    return messages + 2 * batches
