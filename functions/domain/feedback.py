"""Citizens' feedback on a centre, after their request was handed over: one rating per request
(1-5 stars, optional comment), and complaints the monitoring office tracks to resolution.

Free text is stored with national IDs and mobile numbers masked: the office reads it, and the office
sees personal data masked.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

from functions.domain.errors import Conflict, ErrorCode, ValidationFailed
from functions.domain.pii import mask_personal_data
from functions.domain.request import RequestStatus, ServiceRequest

__all__ = [
    "COMPLAINT_MAX",
    "Complaint",
    "ComplaintStatus",
    "Rating",
    "RequestFeedback",
    "complaint_about",
    "rating_of",
    "resolve_complaint",
]

COMMENT_MAX = 500
COMPLAINT_MAX = 1000
NOTE_MAX = 500
MIN_STARS, MAX_STARS = 1, 5


class ComplaintStatus(StrEnum):
    OPEN = "OPEN"
    RESOLVED = "RESOLVED"


@dataclass(frozen=True)
class Rating:
    request_id: str
    centre_id: str
    citizen_id: str
    stars: int
    comment: str | None
    at: datetime


@dataclass(frozen=True)
class Complaint:
    complaint_id: str
    request_id: str
    tracking_number: str
    centre_id: str
    service_code: str
    citizen_id: str
    text: str
    filed_at: datetime
    status: ComplaintStatus = ComplaintStatus.OPEN
    resolved_at: datetime | None = None
    resolved_by: str | None = None
    resolution_note: str | None = None
    version: int = 1


@dataclass(frozen=True)
class RequestFeedback:
    """What the citizen said about one request: the rating (if given) and the complaints, to follow."""

    request_id: str
    rating: Rating | None
    complaints: tuple[Complaint, ...]


def _ensure_delivered(request: ServiceRequest) -> None:
    if request.status is not RequestStatus.DELIVERED:
        raise Conflict(ErrorCode.REQUEST_NOT_DELIVERED, field="requestId")


def rating_of(request: ServiceRequest, stars: int, comment: str | None, at: datetime) -> Rating:
    _ensure_delivered(request)
    if not MIN_STARS <= stars <= MAX_STARS:
        raise ValidationFailed(ErrorCode.RATING_INVALID, field="stars")
    text = mask_personal_data((comment or "").strip()[:COMMENT_MAX]) or None
    return Rating(request.request_id, request.centre_id, request.citizen_id, stars, text, at)


def complaint_about(request: ServiceRequest, text: str, complaint_id: str, at: datetime) -> Complaint:
    _ensure_delivered(request)
    body = text.strip()
    if not body or len(body) > COMPLAINT_MAX:
        raise ValidationFailed(ErrorCode.COMPLAINT_TEXT_INVALID, field="text")
    return Complaint(
        complaint_id=complaint_id,
        request_id=request.request_id,
        tracking_number=request.tracking_number,
        centre_id=request.centre_id,
        service_code=request.service_code,
        citizen_id=request.citizen_id,
        text=mask_personal_data(body),
        filed_at=at,
    )


def resolve_complaint(complaint: Complaint, note: str, by: str, at: datetime) -> Complaint:
    if complaint.status is ComplaintStatus.RESOLVED:
        raise Conflict(ErrorCode.ALREADY_RESOLVED)
    text = note.strip()
    if not text:
        raise ValidationFailed(ErrorCode.NOTE_REQUIRED, field="note")
    return replace(
        complaint,
        status=ComplaintStatus.RESOLVED,
        resolved_at=at,
        resolved_by=by,
        resolution_note=mask_personal_data(text[:NOTE_MAX]),
    )
