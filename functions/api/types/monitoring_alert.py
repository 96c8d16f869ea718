"""The monitoring office's live alert: an escalation opened or raised again (no personal data)."""

from __future__ import annotations

from datetime import date, datetime

import strawberry

from functions.api.types.enums.escalations import EscalationKind, SlaPhase
from functions.domain.monitoring_alert import MonitoringAlert

__all__ = ["MonitoringAlertType"]


@strawberry.type(
    name="MonitoringAlert",
    description="An escalation just opened or raised again: an SLA breach, or an inspection follow-up overdue.",
)
class MonitoringAlertType:
    id: strawberry.ID = strawberry.field(
        description="The alert's id (the escalation's and its count): the same raise is never sent twice with another."
    )
    escalation_id: strawberry.ID = strawberry.field(description="The escalation to resolve (resolveEscalation).")
    kind: EscalationKind
    centre_id: str
    opened_at: datetime = strawberry.field(description="When the escalation was (last) opened.")
    raised_at: datetime = strawberry.field(description="When it was raised this time.")
    occurrences: int = strawberry.field(description="How many times the same wait lapsed, this time included.")
    request_id: strawberry.ID | None = strawberry.field(description="SLA breaches: the request.")
    tracking_number: str | None
    service_code: str | None
    stage: int | None = strawberry.field(description="SLA breaches: the route's stage whose wait lapsed.")
    agency_code: str | None = strawberry.field(description="SLA breaches: the agency that let it lapse.")
    phase: SlaPhase | None
    inspection_id: strawberry.ID | None = strawberry.field(description="Overdue follow-ups: the inspection.")
    follow_up_due: date | None

    @classmethod
    def of(cls, alert: MonitoringAlert) -> MonitoringAlertType:
        return cls(
            id=strawberry.ID(alert.event_id),
            escalation_id=strawberry.ID(alert.escalation_id),
            kind=alert.kind,
            centre_id=alert.centre_id,
            opened_at=alert.opened_at,
            raised_at=alert.raised_at,
            occurrences=alert.occurrences,
            request_id=strawberry.ID(alert.request_id) if alert.request_id else None,
            tracking_number=alert.tracking_number,
            service_code=alert.service_code,
            stage=alert.stage,
            agency_code=alert.agency_code,
            phase=alert.phase,
            inspection_id=strawberry.ID(alert.inspection_id) if alert.inspection_id else None,
            follow_up_due=alert.follow_up_due,
        )
