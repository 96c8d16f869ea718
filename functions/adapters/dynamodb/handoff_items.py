"""Hand-off items, in their request's partition (see ``request_items.py`` and docs/data-model.md):

* hand-off:  pk ``REQUEST#<id>`` sk ``HANDOFF#<stage>#<agency>``
             gsi1 ``AGENCY#<code>#WINDOW`` / ``<due>#<id>``         (the open window, earliest due first)
             gsi2 ``AGENCY#<code>#HANDOFFS`` / ``<forwarded>#<id>``  (every hand-off, for history and figures)
"""

from __future__ import annotations

from pynamodb.attributes import (
    BooleanAttribute,
    ListAttribute,
    NumberAttribute,
    UnicodeAttribute,
    UTCDateTimeAttribute,
    VersionAttribute,
)

from functions.adapters.dynamodb.main_table import MainTableItem
from functions.adapters.dynamodb.request_items import request_key
from functions.domain.request import Decision, Handoff, HandoffStatus

__all__ = ["HandoffItem", "handoff_sort_key", "window_partition"]


def window_partition(agency_code: str) -> str:
    return f"AGENCY#{agency_code}#WINDOW"


class HandoffItem(MainTableItem):
    request_id = UnicodeAttribute()
    stage = NumberAttribute()
    agency_code = UnicodeAttribute()
    status = UnicodeAttribute()
    round = NumberAttribute()
    forwarded_at = UTCDateTimeAttribute()
    due_at = UTCDateTimeAttribute()
    tracking_number = UnicodeAttribute()
    service_code = UnicodeAttribute()
    received_at = UTCDateTimeAttribute(null=True)
    decided_at = UTCDateTimeAttribute(null=True)
    decision = UnicodeAttribute(null=True)
    decision_note = UnicodeAttribute(null=True)
    missing_items = ListAttribute[str](default=list)
    escalations = NumberAttribute(default=0)
    version = VersionAttribute()
    receipt_token = UnicodeAttribute(null=True)
    completion_token = UnicodeAttribute(null=True)
    resubmission_token = UnicodeAttribute(null=True)
    receipt_released = BooleanAttribute(default=False)
    decision_released = BooleanAttribute(default=False)
    resubmitted_at = UTCDateTimeAttribute(null=True)
    resubmission_released = BooleanAttribute(default=False)

    @classmethod
    def from_domain(cls, handoff: Handoff) -> HandoffItem:
        opened = handoff.status.open
        return cls(
            pk=request_key(handoff.request_id),
            sk=handoff_sort_key(handoff.stage, handoff.agency_code),
            gsi1pk=window_partition(handoff.agency_code) if opened else None,
            gsi1sk=f"{handoff.due_at.isoformat()}#{handoff.request_id}" if opened else None,
            gsi2pk=f"AGENCY#{handoff.agency_code}#HANDOFFS",
            gsi2sk=f"{handoff.forwarded_at.isoformat()}#{handoff.request_id}#{handoff.stage}",
            request_id=handoff.request_id,
            stage=handoff.stage,
            agency_code=handoff.agency_code,
            status=handoff.status.value,
            round=handoff.round,
            forwarded_at=handoff.forwarded_at,
            due_at=handoff.due_at,
            tracking_number=handoff.tracking_number,
            service_code=handoff.service_code,
            received_at=handoff.received_at,
            decided_at=handoff.decided_at,
            decision=handoff.decision.value if handoff.decision else None,
            decision_note=handoff.decision_note,
            missing_items=list(handoff.missing_items),
            escalations=handoff.escalations,
            receipt_token=handoff.receipt_token,
            completion_token=handoff.completion_token,
            resubmission_token=handoff.resubmission_token,
            receipt_released=handoff.receipt_released,
            decision_released=handoff.decision_released,
            resubmitted_at=handoff.resubmitted_at,
            resubmission_released=handoff.resubmission_released,
        )

    def to_domain(self) -> Handoff:
        return Handoff(
            request_id=self.request_id,
            stage=int(self.stage),
            agency_code=self.agency_code,
            status=HandoffStatus(self.status),
            round=int(self.round),
            forwarded_at=self.forwarded_at,
            due_at=self.due_at,
            tracking_number=self.tracking_number,
            service_code=self.service_code,
            received_at=self.received_at,
            decided_at=self.decided_at,
            decision=Decision(self.decision) if self.decision else None,
            decision_note=self.decision_note,
            missing_items=tuple(self.missing_items or ()),
            escalations=int(self.escalations),
            version=int(self.version or 0),
            receipt_token=self.receipt_token,
            completion_token=self.completion_token,
            resubmission_token=self.resubmission_token,
            receipt_released=bool(self.receipt_released),
            decision_released=bool(self.decision_released),
            resubmitted_at=self.resubmitted_at,
            resubmission_released=bool(self.resubmission_released),
        )


def handoff_sort_key(stage: int, agency_code: str) -> str:
    return f"HANDOFF#{stage:02d}#{agency_code}"
