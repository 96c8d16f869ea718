"""Reading why a DynamoDB transaction was cancelled."""

from __future__ import annotations

from pynamodb.exceptions import TransactWriteError

__all__ = ["failed_conditions"]


def failed_conditions(error: TransactWriteError) -> list[int]:
    """Positions (in the order the actions were added) whose condition failed."""
    reasons = error.cancellation_reasons or []
    return [
        index for index, reason in enumerate(reasons) if reason is not None and reason.code == "ConditionalCheckFailed"
    ]
