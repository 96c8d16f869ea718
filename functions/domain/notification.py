"""A citizen SMS: recorded (as an outbox row) in the same transaction as the change that causes it,
then sent at most once per attempt by the notifications handler, and followed to the handset by the
provider's delivery receipts (``functions/domain/sms_delivery.py``, docs/sms.md)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from functions.domain.sms import SmsTemplate

__all__ = ["FINAL_STATUSES", "RETRYABLE_STATUSES", "DeliveryStatus", "Notification"]


class DeliveryStatus(StrEnum):
    """GOV.UK Notify's model, plus the outbox's own first state."""

    PENDING = "PENDING"
    """Recorded, not yet handed to a provider."""
    SENDING = "SENDING"
    """A provider accepted it; no receipt yet."""
    DELIVERED = "DELIVERED"
    TEMPORARY_FAILURE = "TEMPORARY_FAILURE"
    """The handset was off or out of reach, the carrier's queue expired: retried within the window."""
    PERMANENT_FAILURE = "PERMANENT_FAILURE"
    """Not a number, barred, blocked: never retried."""
    TECHNICAL_FAILURE = "TECHNICAL_FAILURE"
    """A fault between us and the carrier (the provider refused or lost it): retried like a temporary one."""


FINAL_STATUSES = frozenset({DeliveryStatus.DELIVERED, DeliveryStatus.PERMANENT_FAILURE})
RETRYABLE_STATUSES = frozenset({DeliveryStatus.TEMPORARY_FAILURE, DeliveryStatus.TECHNICAL_FAILURE})


@dataclass(frozen=True)
class Notification:
    citizen_id: str
    event_key: str
    template: SmsTemplate
    values: dict[str, str]
    created_at: datetime
    status: DeliveryStatus = DeliveryStatus.PENDING
    text: str | None = None
    sent_at: datetime | None = None
    provider_message_id: str | None = None
    masked_mobile: str | None = None
    attempts: int = field(default=0)
    centre_id: str | None = None
    """The centre that filed the request (or opened the record): whose call list a failure lands on."""
    provider: str | None = None
    """Which provider took the latest attempt (``sns``, ``aggregator``): receipts are matched on it."""
    status_reason: str | None = None
    """The provider's own words for the latest status (never personal data)."""
    status_at: datetime | None = None
    """When the provider says the latest status happened."""
    next_attempt_at: datetime | None = None
    """Set while a retryable failure waits for its next attempt."""
    on_call_list: bool = False
    agency_code: str | None = None
    """The agency whose step the message is about (received, returned, rejected), for the figures."""
    first_sent_at: datetime | None = None
    """When a provider took the first attempt: time to delivery is counted from it."""
