"""What happened to a request, as others may learn it: live subscribers, agencies' own systems, the
monitoring office's figures. Ids, codes, statuses and times only; no personal data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

__all__ = ["RequestEvent"]


@dataclass(frozen=True)
class RequestEvent:
    event_id: str
    kind: str
    """The history event: SUBMITTED, FORWARDED, RECEIVED, COMPLETED, RETURNED, REJECTED,
    OVERDUE, RESUBMITTED, CANCELLED, COMPLETED_AT_CENTRE, DELIVERED, EXPIRED, ..."""
    at: datetime
    request_id: str
    tracking_number: str
    service_code: str
    centre_id: str
    status: str
    actor_role: str
    stage: int | None = None
    agency_code: str | None = None
    handoff_status: str | None = None
    due_at: datetime | None = None
    amount_halalas: int | None = None
    """The amount collected (on SUBMITTED) or refunded (on CANCELLED)."""
    posted_charge_halalas: int | None = None
    fee_halalas: int | None = None
    """The service's government fee (on SUBMITTED): the charge collected is the amount minus it."""
