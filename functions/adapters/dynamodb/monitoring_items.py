"""The monitoring office's items in the main table (see docs/data-model.md and docs/monitoring.md).

* notice:        pk ``CENTRE#<id>``              sk ``NOTICE#<at>#<id>``   (a centre's notices, newest first)
* licence claim: pk ``LICENCE#<number>``         sk ``CLAIM``              (unique licence numbers)
* inspection:    pk ``INSPECTION#<id>``          sk ``INSPECTION``
                 gsi1 ``CENTRE#<c>#INSPECTIONS`` / ``<visited>#<id>``      (a centre's inspections)
                 gsi2 ``FOLLOW_UP#OPEN`` / ``<due>#<id>`` while findings are open (the sweeper's list)
* escalation:    pk ``ESCALATION#<id>``          sk ``ESCALATION``
                 gsi1 ``ESCALATIONS#<status>`` / ``<last raised>#<id>``
* rating:        pk ``FEEDBACK#<request id>``    sk ``RATING``             (one per request)
* complaint:     pk ``COMPLAINT#<id>``           sk ``COMPLAINT``
                 gsi1 ``COMPLAINTS#<status>`` / ``<filed>#<id>``
* day figures:   pk ``FIGURES#<key>``            sk ``DAY#<yyyy-mm-dd>``   (named counters, ADD only)
                 gsi1 ``FIGURES#CENTRES#<yyyy-mm>`` or ``FIGURES#AGENCIES#<yyyy-mm>`` / ``<day>#<key>``
* current:       pk ``FIGURES#<key>``            sk ``CURRENT``            (open escalations and complaints)
* request clock: pk ``FIGURES#REQUEST#<id>``     sk ``CLOCK``              (times and events counted; TTL)
                 gsi2 ``AWAITING#<centre>`` and gsi3 ``AWAITING`` / ``<completed>#<id>`` while awaiting delivery
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

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
from functions.domain.centre_notice import CentreNotice, NoticeKind
from functions.domain.centre_profile import ChecklistItem, GeoPoint, TechnicalChecklist, Weekday, WorkingHours
from functions.domain.escalation import Escalation, EscalationKind, EscalationStatus, SlaPhase
from functions.domain.feedback import Complaint, ComplaintStatus, Rating
from functions.domain.figures import FigureKey, ScopeKind
from functions.domain.inspection import CheckResult, Finding, FindingSeverity, Inspection
from functions.domain.request_figures import RequestClock

__all__ = [
    "AWAITING_REGION",
    "CURRENT",
    "FOLLOW_UP_OPEN",
    "ComplaintItem",
    "EscalationItem",
    "FigureDayItem",
    "InspectionItem",
    "LicenceClaimItem",
    "NoticeItem",
    "RatingItem",
    "RequestClockItem",
    "awaiting_partition",
    "checklist_from_json",
    "checklist_to_json",
    "complaints_partition",
    "day_sort_key",
    "escalations_partition",
    "figures_key",
    "hours_from_item",
    "inspections_partition",
    "month_partition",
    "point_from_item",
]

CURRENT = "CURRENT"
FOLLOW_UP_OPEN = "FOLLOW_UP#OPEN"
AWAITING_REGION = "AWAITING"
CLOCK_KEPT_FOR = timedelta(days=400)
"""A request's clock outlives any wait it measures (returns expire after 30 days)."""


def figures_key(key: FigureKey) -> str:
    return f"FIGURES#{key.name}"


def day_sort_key(day: date) -> str:
    return f"DAY#{day.isoformat()}"


def month_partition(kind: ScopeKind, month: str) -> str:
    """Every centre's (or agency's) days of one month, in one index partition."""
    return f"FIGURES#{kind.value}S#{month}"


def awaiting_partition(centre_id: str) -> str:
    return f"AWAITING#{centre_id}"


def inspections_partition(centre_id: str) -> str:
    return f"CENTRE#{centre_id}#INSPECTIONS"


def escalations_partition(status: EscalationStatus) -> str:
    return f"ESCALATIONS#{status.value}"


def complaints_partition(status: ComplaintStatus) -> str:
    return f"COMPLAINTS#{status.value}"


def checklist_to_json(checklist: TechnicalChecklist | None) -> dict[str, object] | None:
    if checklist is None:
        return None
    return {
        "workstations": checklist.workstations,
        "hasScanner": checklist.has_scanner,
        "hasPrinter": checklist.has_printer,
        "lineMbps": checklist.line_mbps,
        "hasBackupLine": checklist.has_backup_line,
        "trainedStaff": checklist.trained_staff,
        "certifiedStaff": checklist.certified_staff,
        "stepFreeAccess": checklist.step_free_access,
        "accessibleCounter": checklist.accessible_counter,
    }


def checklist_from_json(raw: dict[str, object] | None) -> TechnicalChecklist | None:
    if not raw:
        return None
    return TechnicalChecklist(
        workstations=int(str(raw["workstations"])),
        has_scanner=bool(raw["hasScanner"]),
        has_printer=bool(raw["hasPrinter"]),
        line_mbps=int(str(raw["lineMbps"])),
        has_backup_line=bool(raw["hasBackupLine"]),
        trained_staff=int(str(raw["trainedStaff"])),
        certified_staff=int(str(raw["certifiedStaff"])),
        step_free_access=bool(raw["stepFreeAccess"]),
        accessible_counter=bool(raw["accessibleCounter"]),
    )


def hours_from_item(days: str | None, opens: str | None, closes: str | None) -> WorkingHours | None:
    if not days or not opens or not closes:
        return None
    return WorkingHours(
        tuple(Weekday(d) for d in days.split(",")), time.fromisoformat(opens), time.fromisoformat(closes)
    )


def point_from_item(latitude: float | None, longitude: float | None) -> GeoPoint | None:
    return GeoPoint(float(latitude), float(longitude)) if latitude is not None and longitude is not None else None


class NoticeItem(MainTableItem):
    centre_id = UnicodeAttribute()
    notice_id = UnicodeAttribute()
    kind = UnicodeAttribute()
    at = UTCDateTimeAttribute()
    values = JSONAttribute(default=dict)

    @classmethod
    def from_domain(cls, notice: CentreNotice) -> NoticeItem:
        return cls(
            pk=f"CENTRE#{notice.centre_id}",
            sk=f"NOTICE#{notice.at.isoformat()}#{notice.notice_id}",
            centre_id=notice.centre_id,
            notice_id=notice.notice_id,
            kind=notice.kind.value,
            at=notice.at,
            values=dict(notice.values),
        )

    def to_domain(self) -> CentreNotice:
        values = {str(k): str(v) for k, v in dict(self.values or {}).items()}
        return CentreNotice(self.centre_id, self.notice_id, NoticeKind(self.kind), self.at, values)


class LicenceClaimItem(MainTableItem):
    centre_id = UnicodeAttribute()


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
            pk=f"FEEDBACK#{rating.request_id}",
            sk="RATING",
            request_id=rating.request_id,
            centre_id=rating.centre_id,
            citizen_id=rating.citizen_id,
            stars=rating.stars,
            comment=rating.comment,
            at=rating.at,
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


class FigureDayItem(MainTableItem):
    """Day figures and current counters: only the keys are declared; counters are named at will and
    only ever changed by ``ADD`` (see ``DynamoFigures``)."""


class RequestClockItem(MainTableItem):
    request_id = UnicodeAttribute()
    centre_id = UnicodeAttribute()
    submitted_at = UTCDateTimeAttribute(null=True)
    first_acknowledged_at = UTCDateTimeAttribute(null=True)
    completed_at = UTCDateTimeAttribute(null=True)
    delivered_at = UTCDateTimeAttribute(null=True)
    applied = UnicodeSetAttribute(null=True)
    version = VersionAttribute()

    @classmethod
    def from_domain(cls, clock: RequestClock) -> RequestClockItem:
        waiting = clock.awaiting_delivery_since
        listed = f"{waiting.isoformat()}#{clock.request_id}" if waiting else None
        times = [clock.submitted_at, clock.first_acknowledged_at, clock.completed_at, clock.delivered_at]
        latest = max((t for t in times if t is not None), default=datetime.now(UTC))
        item = cls(
            pk=f"FIGURES#REQUEST#{clock.request_id}",
            sk="CLOCK",
            gsi2pk=awaiting_partition(clock.centre_id) if waiting else None,
            gsi2sk=listed,
            gsi3pk=AWAITING_REGION if waiting else None,
            gsi3sk=listed,
            request_id=clock.request_id,
            centre_id=clock.centre_id,
            submitted_at=clock.submitted_at,
            first_acknowledged_at=clock.first_acknowledged_at,
            completed_at=clock.completed_at,
            delivered_at=clock.delivered_at,
            applied=set(clock.applied) or None,
            expires_at=latest + CLOCK_KEPT_FOR,
        )
        if clock.version:  # the version read: written only if still there (absent: a new item)
            item.version = clock.version
        return item

    def to_domain(self) -> RequestClock:
        return RequestClock(
            request_id=self.request_id,
            centre_id=self.centre_id,
            submitted_at=self.submitted_at,
            first_acknowledged_at=self.first_acknowledged_at,
            completed_at=self.completed_at,
            delivered_at=self.delivered_at,
            applied=frozenset(self.applied or ()),
            version=int(self.version or 0),
        )
