"""Tracking numbers (``MED-2611-000123``), receipt numbers and the PIN for looking a request up
without signing in. Only a salted hash of the PIN is stored; it is compared in constant time."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import datetime

__all__ = ["PIN_LENGTH", "hash_pin", "new_pin", "pin_matches", "receipt_number", "tracking_number"]

PREFIX = "MED"
PIN_LENGTH = 6
_PBKDF2_ROUNDS = 100_000


def tracking_number(at: datetime, sequence: int) -> str:
    """``MED-<yymm>-<6-digit sequence within the month>``."""
    return f"{PREFIX}-{at:%y%m}-{sequence:06d}"


def receipt_number(tracking: str) -> str:
    return f"R-{tracking}"


def new_pin() -> str:
    return "".join(secrets.choice("0123456789") for _ in range(PIN_LENGTH))


def hash_pin(pin: str, salt: str) -> str:
    return hashlib.pbkdf2_hmac("sha256", pin.encode(), salt.encode(), _PBKDF2_ROUNDS).hex()


def pin_matches(pin: str, salt: str, expected_hash: str) -> bool:
    return hmac.compare_digest(hash_pin(pin, salt), expected_hash)
