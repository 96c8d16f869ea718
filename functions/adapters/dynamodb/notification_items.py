"""Citizen SMS (outbox and record) in the main table, and what follows each one's delivery.

* sms:  pk ``CITIZEN#<id>``  sk ``SMS#<event key>``  (one per citizen and event: the de-duplication key)
* gsi1  ``CITIZEN#<id>#SMS`` / ``<created at>``      a citizen's messages in time order
* gsi2  ``SMS#PENDING`` / ``<created at>``           the outbox, while unsent (removed when sent)
* gsi2  ``SMS#RETRY`` / ``<next attempt at>``        a retryable failure waiting for its next attempt
* message pointer: pk ``SMSMSG#<provider>#<message id>`` sk ``SMSMSG``  the SMS a receipt names
* report taken: pk ``SMSREPORT#<provider>#<report id>`` sk ``SMSREPORT``  (TTL) replayed reports refused
"""

from __future__ import annotations

from pynamodb.attributes import BooleanAttribute, MapAttribute, NumberAttribute, UnicodeAttribute, UTCDateTimeAttribute

from functions.adapters.dynamodb.identity_items import citizen_key
from functions.adapters.dynamodb.main_table import MainTableItem
from functions.domain.notification import DeliveryStatus, Notification
from functions.domain.sms import SmsTemplate

__all__ = [
    "PENDING_PARTITION",
    "RETRY_PARTITION",
    "MessagePointerItem",
    "NotificationItem",
    "ReportTakenItem",
    "message_key",
    "notification_sort_key",
    "outbox_keys",
    "report_key",
]

PENDING_PARTITION = "SMS#PENDING"
RETRY_PARTITION = "SMS#RETRY"


def notification_sort_key(event_key: str) -> str:
    return f"SMS#{event_key}"


def messages_partition(citizen_id: str) -> str:
    return f"{citizen_key(citizen_id)}#SMS"


def message_key(provider: str, message_id: str) -> str:
    return f"SMSMSG#{provider}#{message_id}"


def outbox_keys(notification: Notification) -> tuple[str, str] | None:
    """Where the sweepers find it: pending (to announce) or waiting for a retry; nowhere otherwise."""
    tail = f"{notification.citizen_id}#{notification.event_key}"
    if notification.status is DeliveryStatus.PENDING:
        return PENDING_PARTITION, f"{notification.created_at.isoformat()}#{tail}"
    if notification.next_attempt_at is not None:
        return RETRY_PARTITION, f"{notification.next_attempt_at.isoformat()}#{tail}"
    return None


class NotificationItem(MainTableItem):
    citizen_id = UnicodeAttribute()
    event_key = UnicodeAttribute()
    template = UnicodeAttribute()
    template_values = MapAttribute[str, str](default=dict)
    created_at = UTCDateTimeAttribute()
    status = UnicodeAttribute()
    text = UnicodeAttribute(null=True)
    sent_at = UTCDateTimeAttribute(null=True)
    provider_message_id = UnicodeAttribute(null=True)
    masked_mobile = UnicodeAttribute(null=True)
    attempts = NumberAttribute(default=0)
    centre_id = UnicodeAttribute(null=True)
    provider = UnicodeAttribute(null=True)
    status_reason = UnicodeAttribute(null=True)
    status_at = UTCDateTimeAttribute(null=True)
    next_attempt_at = UTCDateTimeAttribute(null=True)
    on_call_list = BooleanAttribute(default=False)
    agency_code = UnicodeAttribute(null=True)
    first_sent_at = UTCDateTimeAttribute(null=True)

    @classmethod
    def from_domain(cls, notification: Notification) -> NotificationItem:
        created = notification.created_at.isoformat()
        outbox = outbox_keys(notification)
        return cls(
            pk=citizen_key(notification.citizen_id),
            sk=notification_sort_key(notification.event_key),
            gsi1pk=messages_partition(notification.citizen_id),
            gsi1sk=f"{created}#{notification.event_key}",
            gsi2pk=outbox[0] if outbox else None,
            gsi2sk=outbox[1] if outbox else None,
            citizen_id=notification.citizen_id,
            event_key=notification.event_key,
            template=notification.template.value,
            template_values=dict(notification.values),
            created_at=notification.created_at,
            status=notification.status.value,
            text=notification.text,
            sent_at=notification.sent_at,
            provider_message_id=notification.provider_message_id,
            masked_mobile=notification.masked_mobile,
            attempts=notification.attempts,
            centre_id=notification.centre_id,
            provider=notification.provider,
            status_reason=notification.status_reason,
            status_at=notification.status_at,
            next_attempt_at=notification.next_attempt_at,
            on_call_list=notification.on_call_list,
            agency_code=notification.agency_code,
            first_sent_at=notification.first_sent_at,
        )

    def to_domain(self) -> Notification:
        values = self.template_values
        return Notification(
            citizen_id=self.citizen_id,
            event_key=self.event_key,
            template=SmsTemplate(self.template),
            values=dict(values.as_dict() if isinstance(values, MapAttribute) else values),
            created_at=self.created_at,
            status=DeliveryStatus(self.status),
            text=self.text,
            sent_at=self.sent_at,
            provider_message_id=self.provider_message_id,
            masked_mobile=self.masked_mobile,
            attempts=int(self.attempts),
            centre_id=self.centre_id,
            provider=self.provider,
            status_reason=self.status_reason,
            status_at=self.status_at,
            next_attempt_at=self.next_attempt_at,
            on_call_list=bool(self.on_call_list),
            agency_code=self.agency_code,
            first_sent_at=self.first_sent_at,
        )


class MessagePointerItem(MainTableItem):
    """A provider's message id -> the SMS it is an attempt of (receipts name only the message id)."""

    citizen_id = UnicodeAttribute()
    event_key = UnicodeAttribute()


def report_key(provider: str, report_id: str) -> str:
    return f"SMSREPORT#{provider}#{report_id}"


class ReportTakenItem(MainTableItem):
    taken_at = UTCDateTimeAttribute()
