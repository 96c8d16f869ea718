"""Settlement files in their S3 bucket, as the acquirer (or SADAD) delivered them (docs/money.md)."""

from __future__ import annotations

from typing import Any

__all__ = ["MAX_SETTLEMENT_BYTES", "S3SettlementFiles"]

MAX_SETTLEMENT_BYTES = 50 * 1024 * 1024
"""A day's settlement for a region is a few hundred kilobytes; anything this big is not one."""


class S3SettlementFiles:
    def __init__(self, client: Any) -> None:
        self._s3 = client

    def read(self, bucket: str, key: str) -> bytes:
        response = self._s3.get_object(Bucket=bucket, Key=key)
        body: bytes = response["Body"].read(MAX_SETTLEMENT_BYTES + 1)
        return body
