"""Citizen SMS (outbox and record) in the main table.

* sms:  pk ``CITIZEN#<id>``  sk ``SMS#<event key>``  (one per citizen and event: the de-duplication key)
* gsi1  ``CITIZEN#<id>#SMS`` / ``<created at>``      a citizen's messages in time order
* gsi2  ``SMS#PENDING`` / ``<created at>``           the outbox, while unsent (removed when sent)
"""

from __future__ import annotations

from pynamodb.attributes import MapAttribute, NumberAttribute, UnicodeAttribute, UTCDateTimeAttribute

from functions.adapters.dynamodb.identity_items import citizen_key
from functions.adapters.dynamodb.main_table import MainTableItem
from functions.domain.notification import DeliveryStatus, Notification
from functions.domain.sms import SmsTemplate

__all__ = ["PENDING_PARTITION", "NotificationItem", "notification_sort_key"]

PENDING_PARTITION = "SMS#PENDING"


def notification_sort_key(event_key: str) -> str:
    return f"SMS#{event_key}"


def messages_partition(citizen_id: str) -> str:
    return f"{citizen_key(citizen_id)}#SMS"


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

    @classmethod
    def from_domain(cls, notification: Notification) -> NotificationItem:
        created = notification.created_at.isoformat()
        return cls(
            pk=citizen_key(notification.citizen_id),
            sk=notification_sort_key(notification.event_key),
            gsi1pk=messages_partition(notification.citizen_id),
            gsi1sk=f"{created}#{notification.event_key}",
            gsi2pk=PENDING_PARTITION,
            gsi2sk=f"{created}#{notification.citizen_id}#{notification.event_key}",
            citizen_id=notification.citizen_id,
            event_key=notification.event_key,
            template=notification.template.value,
            template_values=dict(notification.values),
            created_at=notification.created_at,
            status=notification.status.value,
            masked_mobile=notification.masked_mobile,
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
        )
