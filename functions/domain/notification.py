"""A citizen SMS: recorded (as an outbox row) in the same transaction as the change that causes it,
then delivered at most once per (citizen, event) by the notifications handler."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from functions.domain.sms import SmsTemplate

__all__ = ["DeliveryStatus", "Notification"]


class DeliveryStatus(StrEnum):
    PENDING = "PENDING"
    SENT = "SENT"
    FAILED = "FAILED"


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
