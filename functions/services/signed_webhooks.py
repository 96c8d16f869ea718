"""Webhooks from outside partners, signed with a secret we share: ``HMAC-SHA256(secret, "<timestamp>." +
body)`` in hex (optionally ``sha256=``-prefixed), the timestamp (Unix seconds) in its own header. Used by
the SMS aggregator's delivery reports and SADAD's payment notifications."""

from __future__ import annotations

import hashlib
import hmac
from datetime import UTC, datetime, timedelta

from functions.domain.errors import ErrorCode, Unauthenticated

__all__ = ["signature_of", "verify_signed"]


def signature_of(secret: bytes, timestamp: str, body: bytes) -> str:
    return hmac.new(secret, timestamp.encode("ascii") + b"." + body, hashlib.sha256).hexdigest()


def verify_signed(
    secret: bytes,
    timestamp: str,
    signature: str,
    body: bytes,
    *,
    now: datetime,
    window: timedelta,
    refusals: tuple[ErrorCode, ErrorCode],
) -> None:
    """``refusals``: (bad signature, timestamp outside the window). No secret configured refuses everything:
    an unauthenticated call is never taken."""
    bad_signature, expired = refusals
    expected = signature_of(secret, timestamp, body) if secret else ""
    if not expected or not hmac.compare_digest(expected, signature.removeprefix("sha256=").strip().lower()):
        raise Unauthenticated(bad_signature)
    try:
        signed_at = datetime.fromtimestamp(int(timestamp), UTC)
    except (ValueError, OverflowError, OSError):
        raise Unauthenticated(expired) from None
    if abs(now - signed_at) > window:
        raise Unauthenticated(expired)
