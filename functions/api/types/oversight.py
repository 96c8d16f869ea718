"""Escalations, complaints and ratings, as the monitoring office (and the citizen) see them."""

from __future__ import annotations

from datetime import date, datetime

import strawberry

from functions.api.types.enums.escalations import EscalationKind, EscalationStatus, SlaPhase
from functions.api.types.enums.feedback import ComplaintStatus
from functions.api.types.time import MadinahTimeType
from functions.domain.escalation import Escalation
from functions.domain.feedback import Complaint, Rating, RequestFeedback

__all__ = ["ComplaintType", "EscalationType", "RatingType"]


@strawberry.type(name="Escalation", description="Something the monitoring office must look at until it resolves it.")
class EscalationType:
    id: strawberry.ID
    kind: EscalationKind
    status: EscalationStatus
    centre_id: str
    opened_at: datetime
    last_raised_at: datetime
    occurrences: int = strawberry.field(description="How many times the same wait lapsed.")
    request_id: strawberry.ID | None
    tracking_number: str | None
    service_code: str | None
    stage: int | None
    agency_code: str | None
    phase: SlaPhase | None
    inspection_id: strawberry.ID | None
    follow_up_due: date | None
    resolved_at: datetime | None
    resolution_note: str | None

    @classmethod
    def of(cls, escalation: Escalation) -> EscalationType:
        return cls(
            id=strawberry.ID(escalation.escalation_id),
            kind=escalation.kind,
            status=escalation.status,
            centre_id=escalation.centre_id,
            opened_at=escalation.opened_at,
            last_raised_at=escalation.last_raised_at,
            occurrences=escalation.occurrences,
            request_id=strawberry.ID(escalation.request_id) if escalation.request_id else None,
            tracking_number=escalation.tracking_number,
            service_code=escalation.service_code,
            stage=escalation.stage,
            agency_code=escalation.agency_code,
            phase=escalation.phase,
            inspection_id=strawberry.ID(escalation.inspection_id) if escalation.inspection_id else None,
            follow_up_due=escalation.follow_up_due,
            resolved_at=escalation.resolved_at,
            resolution_note=escalation.resolution_note,
        )


@strawberry.type(
    name="Complaint", description="A citizen's complaint about a centre; personal data in the text is masked."
)
class ComplaintType:
    id: strawberry.ID
    request_id: strawberry.ID
    tracking_number: str
    centre_id: str
    service_code: str
    text: str
    filed_at: datetime
    status: ComplaintStatus
    resolved_at: datetime | None
    resolution_note: str | None

    @strawberry.field(description="Filed, on Madinah's wall clock.")
    def filed_at_madinah(self) -> MadinahTimeType:
        return MadinahTimeType.of(self.filed_at)

    @strawberry.field(description="Resolved, on Madinah's wall clock.")
    def resolved_at_madinah(self) -> MadinahTimeType | None:
        return MadinahTimeType.of(self.resolved_at) if self.resolved_at else None

    @classmethod
    def of(cls, complaint: Complaint) -> ComplaintType:
        return cls(
            id=strawberry.ID(complaint.complaint_id),
            request_id=strawberry.ID(complaint.request_id),
            tracking_number=complaint.tracking_number,
            centre_id=complaint.centre_id,
            service_code=complaint.service_code,
            text=complaint.text,
            filed_at=complaint.filed_at,
            status=complaint.status,
            resolved_at=complaint.resolved_at,
            resolution_note=complaint.resolution_note,
        )


@strawberry.type(name="Rating", description="A citizen's rating of the centre that served a request.")
class RatingType:
    request_id: strawberry.ID
    centre_id: str
    stars: int
    comment: str | None
    at: datetime

    @classmethod
    def of(cls, rating: Rating) -> RatingType:
        return cls(
            request_id=strawberry.ID(rating.request_id),
            centre_id=rating.centre_id,
            stars=rating.stars,
            comment=rating.comment,
            at=rating.at,
        )


@strawberry.type(
    name="RequestFeedback", description="What you said about one of your requests: your rating and complaints."
)
class RequestFeedbackType:
    request_id: strawberry.ID
    rating: RatingType | None = strawberry.field(description="Null until you rate the centre (once).")
    complaints: list[ComplaintType] = strawberry.field(description="Oldest first.")

    @classmethod
    def of(cls, feedback: RequestFeedback) -> RequestFeedbackType:
        return cls(
            request_id=strawberry.ID(feedback.request_id),
            rating=RatingType.of(feedback.rating) if feedback.rating else None,
            complaints=[ComplaintType.of(complaint) for complaint in feedback.complaints],
        )
