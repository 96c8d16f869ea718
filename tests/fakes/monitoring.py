"""In-memory fakes of the monitoring office's ports, with the semantics of their DynamoDB adapters:
conditional writes (versions, uniqueness), all-or-nothing changes, counters changed only by adding."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from functions.domain.audit import AuditRecord
from functions.domain.centre import Centre, CentreStatus
from functions.domain.centre_notice import CentreNotice
from functions.domain.errors import Conflict, ErrorCode
from functions.domain.escalation import Escalation, EscalationStatus
from functions.domain.feedback import Complaint, ComplaintStatus, Rating
from functions.domain.figures import DayFigures, FigureDelta, FigureKey, ScopeKind
from functions.domain.inspection import Inspection
from functions.domain.monitoring_alert import MonitoringAlert
from functions.domain.notification import Notification
from functions.domain.paging import Page, PageRequest
from functions.domain.request_figures import RequestClock
from tests.fakes.identity import InMemoryCentres, InMemoryNotifications, RecordingAuditLog


@dataclass
class InMemoryCentreRegistry:
    """The licensing file over the same centres the identity fakes serve from."""

    centres: InMemoryCentres
    log: RecordingAuditLog
    licences: dict[str, str] = field(default_factory=dict)
    notices: list[CentreNotice] = field(default_factory=list)

    def get_centre(self, centre_id: str) -> Centre | None:
        return self.centres.get_centre(centre_id)

    def register_centre(self, centre: Centre, audit: AuditRecord, notice: CentreNotice) -> None:
        if centre.centre_id in self.centres.centres:
            raise Conflict(ErrorCode.ALREADY_EXISTS, field="centreId")
        if centre.licence_number in self.licences:
            raise Conflict(ErrorCode.LICENCE_NUMBER_TAKEN, field="licenceNumber")
        self.licences[centre.licence_number] = centre.centre_id
        self.centres.centres[centre.centre_id] = centre
        self.notices.append(notice)
        self.log.record(audit)

    def change_centre(self, centre: Centre, previous: Centre, audit: AuditRecord, notice: CentreNotice) -> None:
        stored = self.centres.centres.get(centre.centre_id)
        if stored is None or (stored.status, stored.licence_expires_on) != (
            previous.status,
            previous.licence_expires_on,
        ):
            raise Conflict(ErrorCode.CONFLICT)
        self.centres.centres[centre.centre_id] = centre
        self.notices.append(notice)
        self.log.record(audit)

    def list_centres(self, status: CentreStatus | None, page: PageRequest) -> Page[Centre]:
        chosen = [c for _, c in sorted(self.centres.centres.items()) if status is None or c.status is status]
        return Page(chosen[: page.size])

    def list_notices(self, centre_id: str, page: PageRequest) -> Page[CentreNotice]:
        mine = [(n.at, position, n) for position, n in enumerate(self.notices) if n.centre_id == centre_id]
        return Page([n for _, _, n in sorted(mine, key=lambda entry: entry[:2], reverse=True)][: page.size])


@dataclass
class InMemoryFigures:
    clocks: dict[str, RequestClock] = field(default_factory=dict)
    day_counts: dict[tuple[FigureKey, date], dict[str, int]] = field(default_factory=lambda: defaultdict(dict))
    current_counts: dict[FigureKey, dict[str, int]] = field(default_factory=lambda: defaultdict(dict))
    writes: int = 0

    def add(self, deltas: tuple[FigureDelta, ...]) -> None:
        for delta in deltas:
            target = self.day_counts[(delta.key, delta.day)] if delta.day else self.current_counts[delta.key]
            for name, value in delta.counts.items():
                target[name] = target.get(name, 0) + value

    def get_clock(self, request_id: str) -> RequestClock | None:
        return self.clocks.get(request_id)

    def apply_event(self, clock: RequestClock, deltas: tuple[FigureDelta, ...]) -> None:
        stored = self.clocks.get(clock.request_id)
        if (stored.version if stored else 0) != clock.version:
            raise Conflict(ErrorCode.CONFLICT)
        self.clocks[clock.request_id] = replace(clock, version=clock.version + 1)
        self.add(deltas)
        self.writes += 1

    def days(self, key: FigureKey, first: date, last: date) -> list[DayFigures]:
        return sorted(
            (DayFigures(k, d, dict(c)) for (k, d), c in self.day_counts.items() if k == key and first <= d <= last),
            key=lambda figures: figures.day,
        )

    def days_of_every(self, kind: ScopeKind, first: date, last: date) -> list[DayFigures]:
        return [
            DayFigures(k, d, dict(c))
            for (k, d), c in sorted(self.day_counts.items())
            if k.kind is kind and first <= d <= last
        ]

    def current(self, key: FigureKey) -> dict[str, int]:
        return dict(self.current_counts.get(key, {}))

    def awaiting_delivery(self, centre_id: str | None, completed_before: datetime, limit: int) -> int:
        waiting = [
            c
            for c in self.clocks.values()
            if c.awaiting_delivery_since is not None
            and c.awaiting_delivery_since < completed_before
            and (centre_id is None or c.centre_id == centre_id)
        ]
        return min(len(waiting), limit)

    def day(self, key: FigureKey, day: date) -> dict[str, int]:
        return dict(self.day_counts.get((key, day), {}))


@dataclass
class InMemoryEscalations:
    figures: InMemoryFigures
    log: RecordingAuditLog
    items: dict[str, Escalation] = field(default_factory=dict)

    def get_escalation(self, escalation_id: str) -> Escalation | None:
        return self.items.get(escalation_id)

    def save_escalation(
        self, escalation: Escalation, deltas: tuple[FigureDelta, ...], audit: AuditRecord | None = None
    ) -> None:
        stored = self.items.get(escalation.escalation_id)
        if (stored.version if stored else 0) != escalation.version:
            raise Conflict(ErrorCode.CONFLICT)
        self.items[escalation.escalation_id] = replace(escalation, version=escalation.version + 1)
        self.figures.add(deltas)
        if audit is not None:
            self.log.record(audit)

    def list_escalations(self, status: EscalationStatus, page: PageRequest) -> Page[Escalation]:
        chosen = [e for e in self.items.values() if e.status is status]
        return Page(sorted(chosen, key=lambda e: e.last_raised_at, reverse=True)[: page.size])


@dataclass
class InMemoryInspections:
    log: RecordingAuditLog
    registry: InMemoryCentreRegistry
    items: dict[str, Inspection] = field(default_factory=dict)

    def add_inspection(self, inspection: Inspection, audit: AuditRecord, notice: CentreNotice) -> None:
        self.items[inspection.inspection_id] = inspection
        self.registry.notices.append(notice)
        self.log.record(audit)

    def get_inspection(self, inspection_id: str) -> Inspection | None:
        return self.items.get(inspection_id)

    def close_findings(self, inspection: Inspection, audit: AuditRecord, notice: CentreNotice) -> None:
        stored = self.items.get(inspection.inspection_id)
        if stored is None or stored.version != inspection.version:
            raise Conflict(ErrorCode.CONFLICT)
        self.items[inspection.inspection_id] = replace(inspection, version=inspection.version + 1)
        self.registry.notices.append(notice)
        self.log.record(audit)

    def list_for_centre(self, centre_id: str, page: PageRequest) -> Page[Inspection]:
        mine = [i for i in self.items.values() if i.centre_id == centre_id]
        return Page(sorted(mine, key=lambda i: i.visited_on, reverse=True)[: page.size])

    def overdue_follow_ups(self, today: date) -> list[Inspection]:
        return sorted((i for i in self.items.values() if i.overdue(today)), key=lambda i: i.follow_up_due or today)


@dataclass
class InMemoryFeedback:
    figures: InMemoryFigures
    log: RecordingAuditLog
    notifications: InMemoryNotifications
    ratings: dict[str, Rating] = field(default_factory=dict)
    complaints: dict[str, Complaint] = field(default_factory=dict)

    def add_rating(self, rating: Rating, audit: AuditRecord, deltas: tuple[FigureDelta, ...]) -> None:
        if rating.request_id in self.ratings:
            raise Conflict(ErrorCode.ALREADY_RATED, field="requestId")
        self.ratings[rating.request_id] = rating
        self.figures.add(deltas)
        self.log.record(audit)

    def add_complaint(self, complaint: Complaint, audit: AuditRecord, deltas: tuple[FigureDelta, ...]) -> None:
        self.complaints[complaint.complaint_id] = complaint
        self.figures.add(deltas)
        self.log.record(audit)

    def get_complaint(self, complaint_id: str) -> Complaint | None:
        return self.complaints.get(complaint_id)

    def resolve_complaint(
        self, complaint: Complaint, audit: AuditRecord, deltas: tuple[FigureDelta, ...], notification: Notification
    ) -> None:
        stored = self.complaints.get(complaint.complaint_id)
        if stored is None or stored.version != complaint.version:
            raise Conflict(ErrorCode.CONFLICT)
        self.complaints[complaint.complaint_id] = replace(complaint, version=complaint.version + 1)
        self.figures.add(deltas)
        self.log.record(audit)
        self.notifications.add(notification)

    def list_complaints(self, status: ComplaintStatus, page: PageRequest) -> Page[Complaint]:
        chosen = [c for c in self.complaints.values() if c.status is status]
        return Page(sorted(chosen, key=lambda c: c.filed_at, reverse=True)[: page.size])

    def rating_of(self, request_id: str) -> Rating | None:
        return self.ratings.get(request_id)

    def complaints_about(self, request_id: str) -> list[Complaint]:
        return sorted((c for c in self.complaints.values() if c.request_id == request_id), key=lambda c: c.filed_at)


@dataclass
class RecordingAlerts:
    published: list[MonitoringAlert] = field(default_factory=list)
    failing: bool = False

    def publish(self, alert: MonitoringAlert) -> None:
        if self.failing:
            raise RuntimeError("SNS unavailable")
        self.published.append(alert)
