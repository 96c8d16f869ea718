"""Escalations: what needs the monitoring office's attention until it resolves it.

* ``SLA_BREACH`` — the hand-off state machine reports that an agency let a wait lapse (receipt not
  acknowledged, or processing not finished, within the step's service level). One escalation per
  (request, stage, agency, phase): repeated breaches of the same wait raise its count; a breach after
  the escalation was resolved opens it again.
* ``FOLLOW_UP_OVERDUE`` — an inspection's findings were not closed by their follow-up date.

Messages arrive at least once: each delivery's id is kept, so a redelivered message counts once.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import StrEnum

from functions.domain.errors import Conflict, ErrorCode, ValidationFailed

__all__ = [
    "Escalation",
    "EscalationKind",
    "EscalationStatus",
    "SlaBreach",
    "SlaPhase",
    "follow_up_escalation",
    "raise_breach",
    "resolve_escalation",
]

NOTE_MAX = 500
_NAMESPACE = uuid.UUID("0b7f4c3e-8d2a-4e61-9c55-2f7a1e9d3b40")


class EscalationKind(StrEnum):
    SLA_BREACH = "SLA_BREACH"
    FOLLOW_UP_OVERDUE = "FOLLOW_UP_OVERDUE"


class EscalationStatus(StrEnum):
    OPEN = "OPEN"
    RESOLVED = "RESOLVED"


class SlaPhase(StrEnum):
    RECEIPT = "RECEIPT"
    PROCESSING = "PROCESSING"


@dataclass(frozen=True)
class SlaBreach:
    """The state machine's ``SLA_BREACHED`` message."""

    request_id: str
    stage: int
    agency_code: str
    phase: SlaPhase

    @property
    def escalation_id(self) -> str:
        return str(uuid.uuid5(_NAMESPACE, f"sla:{self.request_id}:{self.stage}:{self.agency_code}:{self.phase}"))


@dataclass(frozen=True)
class Escalation:
    escalation_id: str
    kind: EscalationKind
    status: EscalationStatus
    centre_id: str
    opened_at: datetime
    last_raised_at: datetime
    occurrences: int = 1
    request_id: str | None = None
    tracking_number: str | None = None
    service_code: str | None = None
    stage: int | None = None
    agency_code: str | None = None
    phase: SlaPhase | None = None
    inspection_id: str | None = None
    follow_up_due: date | None = None
    resolved_at: datetime | None = None
    resolved_by: str | None = None
    resolution_note: str | None = None
    deliveries: frozenset[str] = frozenset()
    """Ids of the messages already counted."""
    version: int = 0
    """0: not stored yet."""


def raise_breach(
    existing: Escalation | None,
    breach: SlaBreach,
    *,
    delivery_id: str,
    centre_id: str,
    tracking_number: str,
    service_code: str,
    at: datetime,
) -> Escalation | None:
    """The escalation after this breach; None when this delivery was counted already."""
    if existing is None:
        return Escalation(
            escalation_id=breach.escalation_id,
            kind=EscalationKind.SLA_BREACH,
            status=EscalationStatus.OPEN,
            centre_id=centre_id,
            opened_at=at,
            last_raised_at=at,
            request_id=breach.request_id,
            tracking_number=tracking_number,
            service_code=service_code,
            stage=breach.stage,
            agency_code=breach.agency_code,
            phase=breach.phase,
            deliveries=frozenset({delivery_id}),
        )
    if delivery_id in existing.deliveries:
        return None
    return replace(
        existing,
        status=EscalationStatus.OPEN,
        occurrences=existing.occurrences + 1,
        last_raised_at=at,
        resolved_at=None,
        resolved_by=None,
        resolution_note=None,
        deliveries=existing.deliveries | {delivery_id},
    )


def follow_up_escalation(inspection_id: str, centre_id: str, due: date, at: datetime) -> Escalation:
    return Escalation(
        escalation_id=str(uuid.uuid5(_NAMESPACE, f"follow-up:{inspection_id}")),
        kind=EscalationKind.FOLLOW_UP_OVERDUE,
        status=EscalationStatus.OPEN,
        centre_id=centre_id,
        opened_at=at,
        last_raised_at=at,
        inspection_id=inspection_id,
        follow_up_due=due,
    )


def resolve_escalation(escalation: Escalation, note: str, by: str, at: datetime) -> Escalation:
    if escalation.status is EscalationStatus.RESOLVED:
        raise Conflict(ErrorCode.ALREADY_RESOLVED)
    text = note.strip()
    if not text:
        raise ValidationFailed(ErrorCode.NOTE_REQUIRED, field="note")
    return replace(
        escalation, status=EscalationStatus.RESOLVED, resolved_at=at, resolved_by=by, resolution_note=text[:NOTE_MAX]
    )
