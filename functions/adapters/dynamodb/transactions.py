"""Reading why a DynamoDB transaction was cancelled."""

from __future__ import annotations

from pynamodb.exceptions import TransactWriteError

__all__ = ["TRANSACTION_ATTEMPTS", "failed_conditions", "lost_to_another"]

TRANSACTION_ATTEMPTS = 3
"""A transaction that met another one on the same item is tried this many times in all."""


def failed_conditions(error: TransactWriteError) -> list[int]:
    """Positions (in the order the actions were added) whose condition failed."""
    reasons = error.cancellation_reasons or []
    return [
        index for index, reason in enumerate(reasons) if reason is not None and reason.code == "ConditionalCheckFailed"
    ]


def lost_to_another(error: TransactWriteError) -> bool:
    """Cancelled only because another transaction was writing one of its items at the same moment (the
    centre's ledger accounts are written by every filing at that centre): trying again is right."""
    reasons = [reason for reason in error.cancellation_reasons or [] if reason is not None]
    return (
        bool(reasons)
        and all(reason.code in {"TransactionConflict", "None"} for reason in reasons)
        and any(reason.code == "TransactionConflict" for reason in reasons)
    )
