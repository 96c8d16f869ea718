"""A monitoring alert: an escalation that was just opened or raised again, told to the monitoring office
live (the ``monitoringAlerts`` subscription). Ids, codes and times only: no personal data, never a
state machine's task token.

The alert's id is the escalation's id and its count of occurrences: each raise has its own id, and a
raise delivered twice (the queues deliver at least once) keeps it, so clients de-duplicate by id.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from functions.domain.escalation import Escalation, EscalationKind, SlaPhase

__all__ = ["MONITORING_ALERT", "MonitoringAlert"]

MONITORING_ALERT = "MONITORING_ALERT"
"""The ``kind`` of an alert on the events topic, which no request event has."""


@dataclass(frozen=True)
class MonitoringAlert:
    event_id: str
    escalation_id: str
    kind: EscalationKind
    centre_id: str
    opened_at: datetime
    raised_at: datetime
    occurrences: int
    request_id: str | None = None
    tracking_number: str | None = None
    service_code: str | None = None
    stage: int | None = None
    agency_code: str | None = None
    phase: SlaPhase | None = None
    inspection_id: str | None = None
    follow_up_due: date | None = None

    @classmethod
    def of(cls, escalation: Escalation) -> MonitoringAlert:
        return cls(
            event_id=f"{escalation.escalation_id}:{escalation.occurrences}",
            escalation_id=escalation.escalation_id,
            kind=escalation.kind,
            centre_id=escalation.centre_id,
            opened_at=escalation.opened_at,
            raised_at=escalation.last_raised_at,
            occurrences=escalation.occurrences,
            request_id=escalation.request_id,
            tracking_number=escalation.tracking_number,
            service_code=escalation.service_code,
            stage=escalation.stage,
            agency_code=escalation.agency_code,
            phase=escalation.phase,
            inspection_id=escalation.inspection_id,
            follow_up_due=escalation.follow_up_due,
        )
