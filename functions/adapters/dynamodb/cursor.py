"""Opaque page cursors over DynamoDB's LastEvaluatedKey.

A cursor is accepted only for the partition it came from: a cursor minted for one list can never
start a query in another (the key condition always comes from the caller's scope, and a cursor naming
another partition is refused rather than passed on to DynamoDB).
"""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

from functions.domain.errors import ErrorCode, ValidationFailed

__all__ = ["decode_cursor", "encode_cursor"]

_MAX_CURSOR_LENGTH = 2048


def encode_cursor(last_evaluated_key: dict[str, Any] | None) -> str | None:
    if not last_evaluated_key:
        return None
    raw = json.dumps(last_evaluated_key, sort_keys=True, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str | None, *, partition_attribute: str, partition: str) -> dict[str, Any] | None:
    if cursor is None:
        return None
    if len(cursor) > _MAX_CURSOR_LENGTH:
        raise ValidationFailed(ErrorCode.BAD_CURSOR, field="after")
    try:
        key = json.loads(base64.urlsafe_b64decode((cursor + "=" * (-len(cursor) % 4)).encode()))
    except (binascii.Error, ValueError, UnicodeDecodeError) as error:
        raise ValidationFailed(ErrorCode.BAD_CURSOR, field="after") from error
    if not _is_key_of_partition(key, partition_attribute, partition):
        raise ValidationFailed(ErrorCode.BAD_CURSOR, field="after")
    return key  # type: ignore[no-any-return]


def _is_key_of_partition(key: object, partition_attribute: str, partition: str) -> bool:
    if not isinstance(key, dict) or not key:
        return False
    well_formed = all(
        isinstance(name, str) and isinstance(value, dict) and len(value) == 1 and isinstance(value.get("S"), str)
        for name, value in key.items()
    )
    return well_formed and key.get(partition_attribute) == {"S": partition}
