"""Field inspections: the office visits a centre, checks it against the regulations' checklist, and
records findings with photos and a follow-up date. Open findings are shown to the centre; findings
still open after their follow-up date raise an escalation (``FOLLOW_UP_OVERDUE``).

Photos are references to documents (ids of stored files); uploading them belongs to the documents
service.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from enum import StrEnum

from functions.domain.centre_profile import ChecklistItem
from functions.domain.errors import Conflict, ErrorCode, ValidationFailed

__all__ = [
    "CheckResult",
    "Finding",
    "FindingSeverity",
    "Inspection",
    "InspectionReport",
    "close_findings",
    "inspection_of",
]

TEXT_MAX = 500
MAX_FINDINGS = 20
MAX_PHOTOS = 20
OLDEST_REPORT = timedelta(days=365)
_DOCUMENT_REFERENCE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$")


class FindingSeverity(StrEnum):
    MINOR = "MINOR"
    MAJOR = "MAJOR"
    CRITICAL = "CRITICAL"


@dataclass(frozen=True)
class CheckResult:
    item: ChecklistItem
    passed: bool
    note: str | None = None


@dataclass(frozen=True)
class Finding:
    severity: FindingSeverity
    text: str


@dataclass(frozen=True)
class InspectionReport:
    """What the inspector reports from the visit."""

    centre_id: str
    visited_on: date
    results: tuple[CheckResult, ...]
    findings: tuple[Finding, ...]
    photos: tuple[str, ...]
    follow_up_due: date | None


@dataclass(frozen=True)
class Inspection:
    inspection_id: str
    centre_id: str
    visited_on: date
    inspector_id: str
    recorded_at: datetime
    results: tuple[CheckResult, ...]
    findings: tuple[Finding, ...]
    photos: tuple[str, ...]
    follow_up_due: date | None
    findings_open: bool
    closed_at: datetime | None = None
    closing_note: str | None = None
    version: int = 1

    def overdue(self, today: date) -> bool:
        return self.findings_open and self.follow_up_due is not None and self.follow_up_due < today


def inspection_of(
    report: InspectionReport, *, inspection_id: str, inspector_id: str, at: datetime, today: date
) -> Inspection:
    """A validated inspection: every checklist item once, a finding for any failed item, and a
    follow-up date after the visit whenever there are findings."""
    if not today - OLDEST_REPORT <= report.visited_on <= today:
        raise ValidationFailed(ErrorCode.INSPECTION_DATE_INVALID, field="visitedOn")
    assessed = [result.item for result in report.results]
    if sorted(assessed) != sorted(ChecklistItem):
        raise ValidationFailed(ErrorCode.INSPECTION_CHECKLIST_INVALID, field="results")
    findings = tuple(Finding(f.severity, f.text.strip()[:TEXT_MAX]) for f in report.findings)
    failed = any(not result.passed for result in report.results)
    if len(findings) > MAX_FINDINGS or any(not f.text for f in findings) or (failed and not findings):
        raise ValidationFailed(ErrorCode.FINDING_INVALID, field="findings")
    if findings and (report.follow_up_due is None or report.follow_up_due <= report.visited_on):
        raise ValidationFailed(ErrorCode.FOLLOW_UP_INVALID, field="followUpDue")
    if len(report.photos) > MAX_PHOTOS or not all(_DOCUMENT_REFERENCE.fullmatch(p) for p in report.photos):
        raise ValidationFailed(ErrorCode.DOCUMENT_REFERENCE_INVALID, field="photos")
    results = tuple(
        CheckResult(r.item, r.passed, (r.note or "").strip()[:TEXT_MAX] or None)
        for r in sorted(report.results, key=lambda r: list(ChecklistItem).index(r.item))
    )
    return Inspection(
        inspection_id=inspection_id,
        centre_id=report.centre_id,
        visited_on=report.visited_on,
        inspector_id=inspector_id,
        recorded_at=at,
        results=results,
        findings=findings,
        photos=tuple(report.photos),
        follow_up_due=report.follow_up_due if findings else None,
        findings_open=bool(findings),
    )


def close_findings(inspection: Inspection, note: str, at: datetime) -> Inspection:
    """The follow-up visit found the findings put right."""
    if not inspection.findings_open:
        raise Conflict(ErrorCode.FINDINGS_CLOSED)
    text = note.strip()
    if not text:
        raise ValidationFailed(ErrorCode.NOTE_REQUIRED, field="note")
    return replace(inspection, findings_open=False, closed_at=at, closing_note=text[:TEXT_MAX])
