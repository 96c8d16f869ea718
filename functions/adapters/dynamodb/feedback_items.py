"""Citizens' ratings (one per request) and complaints in the main table (see docs/data-model.md)."""

from __future__ import annotations

from pynamodb.attributes import (
    NumberAttribute,
    UnicodeAttribute,
    UTCDateTimeAttribute,
    VersionAttribute,
)

from functions.adapters.dynamodb.main_table import MainTableItem
from functions.domain.feedback import Complaint, ComplaintStatus, Rating

__all__ = ["ComplaintItem", "RatingItem", "complaints_partition", "feedback_partition", "request_complaints_partition"]


def complaints_partition(status: ComplaintStatus) -> str:
    return f"COMPLAINTS#{status.value}"


def feedback_partition(request_id: str) -> str:
    return f"FEEDBACK#{request_id}"


def request_complaints_partition(request_id: str) -> str:
    return f"COMPLAINTS_ABOUT#{request_id}"


class RatingItem(MainTableItem):
    request_id = UnicodeAttribute()
    centre_id = UnicodeAttribute()
    citizen_id = UnicodeAttribute()
    stars = NumberAttribute()
    comment = UnicodeAttribute(null=True)
    at = UTCDateTimeAttribute()

    @classmethod
    def from_domain(cls, rating: Rating) -> RatingItem:
        return cls(
            pk=feedback_partition(rating.request_id),
            sk="RATING",
            request_id=rating.request_id,
            centre_id=rating.centre_id,
            citizen_id=rating.citizen_id,
            stars=rating.stars,
            comment=rating.comment,
            at=rating.at,
        )

    def to_domain(self) -> Rating:
        return Rating(
            request_id=self.request_id,
            centre_id=self.centre_id,
            citizen_id=self.citizen_id,
            stars=int(self.stars),
            comment=self.comment,
            at=self.at,
        )


class ComplaintItem(MainTableItem):
    complaint_id = UnicodeAttribute()
    request_id = UnicodeAttribute()
    tracking_number = UnicodeAttribute()
    centre_id = UnicodeAttribute()
    service_code = UnicodeAttribute()
    citizen_id = UnicodeAttribute()
    text = UnicodeAttribute()
    filed_at = UTCDateTimeAttribute()
    status = UnicodeAttribute()
    resolved_at = UTCDateTimeAttribute(null=True)
    resolved_by = UnicodeAttribute(null=True)
    resolution_note = UnicodeAttribute(null=True)
    version = VersionAttribute()

    @classmethod
    def from_domain(cls, complaint: Complaint) -> ComplaintItem:
        return cls(
            pk=f"COMPLAINT#{complaint.complaint_id}",
            sk="COMPLAINT",
            gsi1pk=complaints_partition(complaint.status),
            gsi1sk=f"{complaint.filed_at.isoformat()}#{complaint.complaint_id}",
            gsi2pk=request_complaints_partition(complaint.request_id),
            gsi2sk=f"{complaint.filed_at.isoformat()}#{complaint.complaint_id}",
            complaint_id=complaint.complaint_id,
            request_id=complaint.request_id,
            tracking_number=complaint.tracking_number,
            centre_id=complaint.centre_id,
            service_code=complaint.service_code,
            citizen_id=complaint.citizen_id,
            text=complaint.text,
            filed_at=complaint.filed_at,
            status=complaint.status.value,
            resolved_at=complaint.resolved_at,
            resolved_by=complaint.resolved_by,
            resolution_note=complaint.resolution_note,
        )

    def to_domain(self) -> Complaint:
        return Complaint(
            complaint_id=self.complaint_id,
            request_id=self.request_id,
            tracking_number=self.tracking_number,
            centre_id=self.centre_id,
            service_code=self.service_code,
            citizen_id=self.citizen_id,
            text=self.text,
            filed_at=self.filed_at,
            status=ComplaintStatus(self.status),
            resolved_at=self.resolved_at,
            resolved_by=self.resolved_by,
            resolution_note=self.resolution_note,
            version=int(self.version or 1),
        )
