"""Field inspections and escalations in the main table (see docs/data-model.md and docs/monitoring.md)."""

from __future__ import annotations

from datetime import date

from pynamodb.attributes import (
    BooleanAttribute,
    JSONAttribute,
    ListAttribute,
    NumberAttribute,
    UnicodeAttribute,
    UnicodeSetAttribute,
    UTCDateTimeAttribute,
    VersionAttribute,
)

from functions.adapters.dynamodb.main_table import MainTableItem
from functions.domain.centre_profile import ChecklistItem
from functions.domain.escalation import Escalation, EscalationKind, EscalationStatus, SlaPhase
from functions.domain.inspection import CheckResult, Finding, FindingSeverity, Inspection

__all__ = ["FOLLOW_UP_OPEN", "EscalationItem", "InspectionItem", "escalations_partition", "inspections_partition"]

FOLLOW_UP_OPEN = "FOLLOW_UP#OPEN"


def inspections_partition(centre_id: str) -> str:
    return f"CENTRE#{centre_id}#INSPECTIONS"


def escalations_partition(status: EscalationStatus) -> str:
    return f"ESCALATIONS#{status.value}"


class InspectionItem(MainTableItem):
    inspection_id = UnicodeAttribute()
    centre_id = UnicodeAttribute()
    visited_on = UnicodeAttribute()
    inspector_id = UnicodeAttribute()
    recorded_at = UTCDateTimeAttribute()
    results = JSONAttribute()
    findings = JSONAttribute()
    photos = ListAttribute[str](default=list)
    follow_up_due = UnicodeAttribute(null=True)
    findings_open = BooleanAttribute()
    closed_at = UTCDateTimeAttribute(null=True)
    closing_note = UnicodeAttribute(null=True)
    version = VersionAttribute()

    @classmethod
    def from_domain(cls, inspection: Inspection) -> InspectionItem:
        open_follow_up = inspection.findings_open and inspection.follow_up_due is not None
        return cls(
            pk=f"INSPECTION#{inspection.inspection_id}",
            sk="INSPECTION",
            gsi1pk=inspections_partition(inspection.centre_id),
            gsi1sk=f"{inspection.visited_on.isoformat()}#{inspection.inspection_id}",
            gsi2pk=FOLLOW_UP_OPEN if open_follow_up else None,
            gsi2sk=f"{inspection.follow_up_due}#{inspection.inspection_id}" if open_follow_up else None,
            inspection_id=inspection.inspection_id,
            centre_id=inspection.centre_id,
            visited_on=inspection.visited_on.isoformat(),
            inspector_id=inspection.inspector_id,
            recorded_at=inspection.recorded_at,
            results=[{"item": r.item.value, "passed": r.passed, "note": r.note} for r in inspection.results],
            findings=[{"severity": f.severity.value, "text": f.text} for f in inspection.findings],
            photos=list(inspection.photos),
            follow_up_due=inspection.follow_up_due.isoformat() if inspection.follow_up_due else None,
            findings_open=inspection.findings_open,
            closed_at=inspection.closed_at,
            closing_note=inspection.closing_note,
        )

    def to_domain(self) -> Inspection:
        return Inspection(
            inspection_id=self.inspection_id,
            centre_id=self.centre_id,
            visited_on=date.fromisoformat(self.visited_on),
            inspector_id=self.inspector_id,
            recorded_at=self.recorded_at,
            results=tuple(
                CheckResult(ChecklistItem(r["item"]), bool(r["passed"]), r.get("note")) for r in self.results
            ),
            findings=tuple(Finding(FindingSeverity(f["severity"]), str(f["text"])) for f in self.findings),
            photos=tuple(self.photos or ()),
            follow_up_due=date.fromisoformat(self.follow_up_due) if self.follow_up_due else None,
            findings_open=bool(self.findings_open),
            closed_at=self.closed_at,
            closing_note=self.closing_note,
            version=int(self.version or 1),
        )


class EscalationItem(MainTableItem):
    escalation_id = UnicodeAttribute()
    kind = UnicodeAttribute()
    status = UnicodeAttribute()
    centre_id = UnicodeAttribute()
    opened_at = UTCDateTimeAttribute()
    last_raised_at = UTCDateTimeAttribute()
    occurrences = NumberAttribute()
    request_id = UnicodeAttribute(null=True)
    tracking_number = UnicodeAttribute(null=True)
    service_code = UnicodeAttribute(null=True)
    stage = NumberAttribute(null=True)
    agency_code = UnicodeAttribute(null=True)
    phase = UnicodeAttribute(null=True)
    inspection_id = UnicodeAttribute(null=True)
    follow_up_due = UnicodeAttribute(null=True)
    resolved_at = UTCDateTimeAttribute(null=True)
    resolved_by = UnicodeAttribute(null=True)
    resolution_note = UnicodeAttribute(null=True)
    deliveries = UnicodeSetAttribute(null=True)
    version = VersionAttribute()

    @classmethod
    def from_domain(cls, escalation: Escalation) -> EscalationItem:
        item = cls(
            pk=f"ESCALATION#{escalation.escalation_id}",
            sk="ESCALATION",
            gsi1pk=escalations_partition(escalation.status),
            gsi1sk=f"{escalation.last_raised_at.isoformat()}#{escalation.escalation_id}",
            escalation_id=escalation.escalation_id,
            kind=escalation.kind.value,
            status=escalation.status.value,
            centre_id=escalation.centre_id,
            opened_at=escalation.opened_at,
            last_raised_at=escalation.last_raised_at,
            occurrences=escalation.occurrences,
            request_id=escalation.request_id,
            tracking_number=escalation.tracking_number,
            service_code=escalation.service_code,
            stage=escalation.stage,
            agency_code=escalation.agency_code,
            phase=escalation.phase.value if escalation.phase else None,
            inspection_id=escalation.inspection_id,
            follow_up_due=escalation.follow_up_due.isoformat() if escalation.follow_up_due else None,
            resolved_at=escalation.resolved_at,
            resolved_by=escalation.resolved_by,
            resolution_note=escalation.resolution_note,
            deliveries=set(escalation.deliveries) or None,
        )
        if escalation.version:  # the version read: written only if still there (absent: a new item)
            item.version = escalation.version
        return item

    def to_domain(self) -> Escalation:
        return Escalation(
            escalation_id=self.escalation_id,
            kind=EscalationKind(self.kind),
            status=EscalationStatus(self.status),
            centre_id=self.centre_id,
            opened_at=self.opened_at,
            last_raised_at=self.last_raised_at,
            occurrences=int(self.occurrences),
            request_id=self.request_id,
            tracking_number=self.tracking_number,
            service_code=self.service_code,
            stage=int(self.stage) if self.stage is not None else None,
            agency_code=self.agency_code,
            phase=SlaPhase(self.phase) if self.phase else None,
            inspection_id=self.inspection_id,
            follow_up_due=date.fromisoformat(self.follow_up_due) if self.follow_up_due else None,
            resolved_at=self.resolved_at,
            resolved_by=self.resolved_by,
            resolution_note=self.resolution_note,
            deliveries=frozenset(self.deliveries or ()),
            version=int(self.version or 0),
        )
