"""A simulated card terminal for the local stack, the demo and the tests: the slip it prints for a
payment (docs/money.md). A real terminal's retrieval reference number comes from the acquirer's switch;
this one derives it from the filing's idempotency key, so the same filing always prints the same slip
and two filings never share one."""

from __future__ import annotations

import hashlib

__all__ = ["DEMO_TERMINAL", "slip_for"]

DEMO_TERMINAL = "MEDT0001"


def slip_for(key: str, terminal_id: str = DEMO_TERMINAL) -> tuple[str, str]:
    """(terminal id, retrieval reference number) as the slip prints them."""
    digest = int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "big")
    return terminal_id, f"{digest % 10**12:012d}"
