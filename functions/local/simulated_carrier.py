"""A simulated mobile carrier for local runs: what happens to each SMS after a provider took it, and
when its receipt comes (docs/sms.md, "Local simulation").

Test numbers behave the same every time (like GOV.UK Notify's), by their first digits (each range has a
thousand numbers, so records can be opened on them again and again: a mobile belongs to one record):
``+966500091…`` always fail permanently, ``+966500092…`` always fail temporarily, ``+966500093…`` fail
temporarily on their first attempt only; any other number is delivered, or fails at the configured rates.
Receipts come after ``delay_seconds``.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from functions.domain.notification import DeliveryStatus

__all__ = [
    "ALWAYS_PERMANENT",
    "ALWAYS_TEMPORARY",
    "DELIVERED",
    "INVALID",
    "TEMPORARY_ONCE",
    "UNREACHABLE",
    "CarrierOutcome",
    "SimulatedCarrier",
    "sns_delivery_log",
]

ALWAYS_PERMANENT = "+966500091"
"""No such subscriber: every SMS to these fails permanently."""
ALWAYS_TEMPORARY = "+966500092"
"""A handset that stays off: every attempt fails temporarily (the retry window ends on the call list)."""
TEMPORARY_ONCE = "+966500093"
"""A handset off at first: the first attempt fails temporarily, the next is delivered."""


@dataclass(frozen=True)
class CarrierOutcome:
    status: DeliveryStatus
    reason: str


DELIVERED = CarrierOutcome(DeliveryStatus.DELIVERED, "Delivered to handset")
UNREACHABLE = CarrierOutcome(DeliveryStatus.TEMPORARY_FAILURE, "Phone is currently unreachable/unavailable")
INVALID = CarrierOutcome(DeliveryStatus.PERMANENT_FAILURE, "Invalid phone number")


@dataclass
class SimulatedCarrier:
    delay_seconds: float = 1.0
    temporary_failure_rate: float = 0.0
    permanent_failure_rate: float = 0.0
    seed: int = 18
    attempts: Counter[str] = field(default_factory=Counter)

    def __post_init__(self) -> None:
        self._random = random.Random(self.seed)  # noqa: S311 (a simulation, not a secret)

    def outcome(self, to: str) -> CarrierOutcome:
        """What happens to the next SMS to ``to`` (each call is one more attempt to that number)."""
        self.attempts[to] += 1
        if to.startswith(ALWAYS_PERMANENT):
            return INVALID
        if to.startswith(ALWAYS_TEMPORARY) or (to.startswith(TEMPORARY_ONCE) and self.attempts[to] == 1):
            return UNREACHABLE
        draw = self._random.random()
        if draw < self.permanent_failure_rate:
            return INVALID
        if draw < self.permanent_failure_rate + self.temporary_failure_rate:
            return UNREACHABLE
        return DELIVERED


def sns_delivery_log(message_id: str, destination: str, outcome: CarrierOutcome, at: datetime) -> dict[str, Any]:
    """The event SNS writes to its delivery-status log group for one SMS (``adapters/sns_delivery_logs.py``)."""
    return {
        "notification": {"messageId": message_id, "timestamp": at.strftime("%Y-%m-%d %H:%M:%S.%f")[:-3]},
        "delivery": {
            "destination": destination,
            "smsType": "Transactional",
            "providerResponse": outcome.reason,
            "dwellTimeMs": 412,
        },
        "status": "SUCCESS" if outcome.status is DeliveryStatus.DELIVERED else "FAILURE",
    }
