"""Field inspection types."""

from __future__ import annotations

from datetime import UTC, date, datetime

import strawberry

from functions.api.types.enums.inspections import ChecklistItem, FindingSeverity
from functions.domain.inspection import Inspection
from functions.domain.madinah_time import business_day

__all__ = ["InspectionType"]


@strawberry.type(name="CheckResult")
class CheckResultType:
    item: ChecklistItem
    passed: bool
    note: str | None


@strawberry.type(name="Finding")
class FindingType:
    severity: FindingSeverity
    text: str


@strawberry.type(name="Inspection", description="A field inspection of a centre, with its findings and follow-up.")
class InspectionType:
    id: strawberry.ID
    centre_id: str
    visited_on: date
    inspector_id: str
    recorded_at: datetime
    results: list[CheckResultType]
    findings: list[FindingType]
    photos: list[str] = strawberry.field(description="References (ids) of the photos stored as documents.")
    follow_up_due: date | None
    findings_open: bool
    overdue: bool = strawberry.field(description="Findings still open after their follow-up date.")
    closed_at: datetime | None
    closing_note: str | None

    @classmethod
    def of(cls, inspection: Inspection) -> InspectionType:
        return cls(
            id=strawberry.ID(inspection.inspection_id),
            centre_id=inspection.centre_id,
            visited_on=inspection.visited_on,
            inspector_id=inspection.inspector_id,
            recorded_at=inspection.recorded_at,
            results=[CheckResultType(item=r.item, passed=r.passed, note=r.note) for r in inspection.results],
            findings=[FindingType(severity=f.severity, text=f.text) for f in inspection.findings],
            photos=list(inspection.photos),
            follow_up_due=inspection.follow_up_due,
            findings_open=inspection.findings_open,
            overdue=inspection.overdue(business_day(datetime.now(UTC))),
            closed_at=inspection.closed_at,
            closing_note=inspection.closing_note,
        )
