"""Ports of the monitoring office's use cases: the centre registry, inspections, figures,
escalations and citizens' feedback. Every write that changes figures takes the counters to add
(:class:`FigureDelta`) and stores them in the same transaction as the change."""

from __future__ import annotations

from datetime import date, datetime
from typing import Protocol

from functions.domain.audit import AuditRecord
from functions.domain.centre import Centre, CentreStatus
from functions.domain.centre_notice import CentreNotice
from functions.domain.escalation import Escalation, EscalationStatus
from functions.domain.feedback import Complaint, ComplaintStatus, Rating
from functions.domain.figures import DayFigures, FigureDelta, FigureKey, ScopeKind
from functions.domain.inspection import Inspection
from functions.domain.monitoring_alert import MonitoringAlert
from functions.domain.notification import Notification
from functions.domain.paging import Page, PageRequest
from functions.domain.request_figures import RequestClock

__all__ = [
    "CentreRegistry",
    "EscalationRepository",
    "FeedbackRepository",
    "FigureStore",
    "InspectionRepository",
    "MonitoringAlerts",
]


class CentreRegistry(Protocol):
    def get_centre(self, centre_id: str) -> Centre | None: ...

    def register_centre(self, centre: Centre, audit: AuditRecord, notice: CentreNotice) -> None:
        """``Conflict``: ``ALREADY_EXISTS`` (the id) or ``LICENCE_NUMBER_TAKEN``."""
        ...

    def change_centre(self, centre: Centre, previous: Centre, audit: AuditRecord, notice: CentreNotice) -> None:
        """Written only if the stored centre is still ``previous``'s status and licence (else ``Conflict``)."""
        ...

    def list_centres(self, status: CentreStatus | None, page: PageRequest) -> Page[Centre]: ...

    def list_notices(self, centre_id: str, page: PageRequest) -> Page[CentreNotice]: ...


class InspectionRepository(Protocol):
    def add_inspection(self, inspection: Inspection, audit: AuditRecord, notice: CentreNotice) -> None: ...

    def get_inspection(self, inspection_id: str) -> Inspection | None: ...

    def close_findings(self, inspection: Inspection, audit: AuditRecord, notice: CentreNotice) -> None:
        """``Conflict`` if someone changed it since it was read (its ``version``)."""
        ...

    def list_for_centre(self, centre_id: str, page: PageRequest) -> Page[Inspection]:
        """Newest visit first."""
        ...

    def overdue_follow_ups(self, today: date) -> list[Inspection]:
        """Open findings whose follow-up date is before ``today``, earliest first (one page)."""
        ...


class FigureStore(Protocol):
    def get_clock(self, request_id: str) -> RequestClock | None: ...

    def apply_event(self, clock: RequestClock, deltas: tuple[FigureDelta, ...]) -> None:
        """The new clock and its counters, all or nothing; ``Conflict`` when the stored clock is no
        longer at ``clock.version`` (another delivery got there first: read again)."""
        ...

    def days(self, key: FigureKey, first: date, last: date) -> list[DayFigures]: ...

    def days_of_every(self, kind: ScopeKind, first: date, last: date) -> list[DayFigures]:
        """Every centre's (agency's, SMS kind's) days in the period, in a few queries whatever their number."""
        ...

    def current(self, key: FigureKey) -> dict[str, int]: ...

    def awaiting_delivery(self, centre_id: str | None, completed_before: datetime, limit: int) -> int:
        """How many results (of one centre, or the region's) wait for delivery since before a time, up to ``limit``."""
        ...


class EscalationRepository(Protocol):
    def get_escalation(self, escalation_id: str) -> Escalation | None: ...

    def save_escalation(
        self, escalation: Escalation, deltas: tuple[FigureDelta, ...], audit: AuditRecord | None = None
    ) -> None:
        """Created (``version`` 0: must not exist) or replaced (must still be at ``version``), with its
        counters; ``Conflict`` otherwise."""
        ...

    def list_escalations(self, status: EscalationStatus, page: PageRequest) -> Page[Escalation]:
        """Most recently raised first."""
        ...


class FeedbackRepository(Protocol):
    def add_rating(self, rating: Rating, audit: AuditRecord, deltas: tuple[FigureDelta, ...]) -> None:
        """``Conflict(ALREADY_RATED)`` when the request was rated before."""
        ...

    def add_complaint(self, complaint: Complaint, audit: AuditRecord, deltas: tuple[FigureDelta, ...]) -> None: ...

    def get_complaint(self, complaint_id: str) -> Complaint | None: ...

    def resolve_complaint(
        self,
        complaint: Complaint,
        audit: AuditRecord,
        deltas: tuple[FigureDelta, ...],
        notification: Notification,
    ) -> None:
        """``Conflict`` if it changed since it was read (its ``version``)."""
        ...

    def list_complaints(self, status: ComplaintStatus, page: PageRequest) -> Page[Complaint]:
        """Newest first."""
        ...

    def rating_of(self, request_id: str) -> Rating | None: ...

    def complaints_about(self, request_id: str) -> list[Complaint]:
        """The complaints filed about one request, oldest first."""
        ...


class MonitoringAlerts(Protocol):
    def publish(self, alert: MonitoringAlert) -> None:
        """Tell the live fan-out (after the escalation's commit; the caller treats failures as best effort)."""
        ...
