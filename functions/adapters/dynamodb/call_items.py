"""The centres' call lists in the main table (docs/data-model.md).

* call: pk ``CALL#<call id>`` sk ``CALL``; gsi1 ``CENTRE#<centre>#CALLS#OPEN`` (or ``#DONE``) / ``<failed at>#<call id>``
"""

from __future__ import annotations

from pynamodb.attributes import NumberAttribute, UnicodeAttribute, UTCDateTimeAttribute

from functions.adapters.dynamodb.main_table import MainTableItem
from functions.domain.notification import DeliveryStatus
from functions.domain.sms_delivery import CallListEntry

__all__ = ["CallItem", "call_key", "calls_partition"]


def call_key(call_id: str) -> str:
    return f"CALL#{call_id}"


def calls_partition(centre_id: str, done: bool) -> str:
    return f"CENTRE#{centre_id}#CALLS#{'DONE' if done else 'OPEN'}"


class CallItem(MainTableItem):
    call_id = UnicodeAttribute()
    centre_id = UnicodeAttribute()
    citizen_id = UnicodeAttribute()
    event_key = UnicodeAttribute()
    template = UnicodeAttribute()
    masked_mobile = UnicodeAttribute(null=True)
    tracking_number = UnicodeAttribute(null=True)
    status = UnicodeAttribute()
    reason = UnicodeAttribute()
    failed_at = UTCDateTimeAttribute()
    attempts = NumberAttribute()
    done_at = UTCDateTimeAttribute(null=True)
    done_by = UnicodeAttribute(null=True)
    note = UnicodeAttribute(null=True)

    @classmethod
    def from_domain(cls, call: CallListEntry) -> CallItem:
        return cls(
            pk=call_key(call.call_id),
            sk="CALL",
            gsi1pk=calls_partition(call.centre_id, call.done),
            gsi1sk=f"{call.failed_at.isoformat()}#{call.call_id}",
            call_id=call.call_id,
            centre_id=call.centre_id,
            citizen_id=call.citizen_id,
            event_key=call.event_key,
            template=call.template,
            masked_mobile=call.masked_mobile,
            tracking_number=call.tracking_number,
            status=call.status.value,
            reason=call.reason,
            failed_at=call.failed_at,
            attempts=call.attempts,
            done_at=call.done_at,
            done_by=call.done_by,
            note=call.note,
        )

    def to_domain(self) -> CallListEntry:
        return CallListEntry(
            call_id=self.call_id,
            centre_id=self.centre_id,
            citizen_id=self.citizen_id,
            event_key=self.event_key,
            template=self.template,
            masked_mobile=self.masked_mobile,
            tracking_number=self.tracking_number,
            status=DeliveryStatus(self.status),
            reason=self.reason,
            failed_at=self.failed_at,
            attempts=int(self.attempts),
            done_at=self.done_at,
            done_by=self.done_by,
            note=self.note,
        )
