"""Field inspections: recorded by the monitoring office, shown to the centre, followed up.

Recording an inspection tells the centre (a notice with the number of open findings); the centre's
operators read their inspections and open findings. Findings still open after their follow-up date
raise an escalation, found by the scheduled monitoring sweeper.
"""

from __future__ import annotations

import uuid

from functions.domain.audit import AuditRecord, Outcome, target
from functions.domain.centre_notice import CentreNotice, NoticeKind
from functions.domain.errors import NotFound
from functions.domain.inspection import Inspection, InspectionReport, close_findings, inspection_of
from functions.domain.madinah_time import business_day
from functions.domain.paging import Page, PageRequest
from functions.domain.policy import Operation, Owner
from functions.services.auditing import Auditor
from functions.services.authorization import Authorizer
from functions.services.caller import Caller
from functions.services.escalations import Escalations
from functions.services.monitoring_ports import InspectionRepository
from functions.services.ports import CentreRepository, Clock

__all__ = ["Inspections"]


class Inspections:
    def __init__(
        self,
        *,
        inspections: InspectionRepository,
        centres: CentreRepository,
        escalations: Escalations,
        auditor: Auditor,
        authorizer: Authorizer,
        clock: Clock,
    ) -> None:
        self._inspections = inspections
        self._centres = centres
        self._escalations = escalations
        self._auditor = auditor
        self._authorizer = authorizer
        self._clock = clock

    def record_inspection(self, caller: Caller, report: InspectionReport) -> Inspection:
        self._authorizer.authorize(caller, Operation.RECORD_INSPECTION, target("centre", report.centre_id))
        if self._centres.get_centre(report.centre_id) is None:
            raise NotFound(field="centreId")
        now = self._clock.now()
        inspection = inspection_of(
            report,
            inspection_id=uuid.uuid4().hex,
            inspector_id=caller.principal.user_id,
            at=now,
            today=business_day(now),
        )
        notice = self._notice(inspection, NoticeKind.INSPECTION_RECORDED, findings=str(len(inspection.findings)))
        self._inspections.add_inspection(
            inspection, self._audit(caller, Operation.RECORD_INSPECTION, inspection), notice
        )
        return inspection

    def inspections(self, caller: Caller, centre_id: str, page: PageRequest) -> Page[Inspection]:
        """The monitor reads any centre's inspections; an operator their own centre's."""
        self._authorizer.authorize(
            caller, Operation.LIST_INSPECTIONS, target("centre", centre_id), Owner(centre_id=centre_id)
        )
        return self._inspections.list_for_centre(centre_id, page)

    def close_findings(self, caller: Caller, inspection_id: str, note: str) -> Inspection:
        self._authorizer.authorize(caller, Operation.CLOSE_FINDINGS, target("inspection", inspection_id))
        inspection = self._inspections.get_inspection(inspection_id)
        if inspection is None:
            raise NotFound(field="inspectionId")
        closed = close_findings(inspection, note, self._clock.now())
        self._inspections.close_findings(
            closed,
            self._audit(caller, Operation.CLOSE_FINDINGS, closed),
            self._notice(closed, NoticeKind.FINDINGS_CLOSED),
        )
        return closed

    def raise_overdue_follow_ups(self) -> int:
        """The sweeper: an escalation for each inspection whose findings outlived their follow-up date."""
        overdue = self._inspections.overdue_follow_ups(business_day(self._clock.now()))
        return sum(1 for inspection in overdue if self._escalations.raise_follow_up_overdue(inspection))

    def _audit(self, caller: Caller, operation: Operation, inspection: Inspection) -> AuditRecord:
        return self._auditor.record(
            caller,
            operation.value,
            target("centre", inspection.centre_id),
            Outcome.ALLOWED,
            {"inspection": inspection.inspection_id, "findings": str(len(inspection.findings))},
        )

    def _notice(self, inspection: Inspection, kind: NoticeKind, **values: str) -> CentreNotice:
        return CentreNotice(
            inspection.centre_id,
            uuid.uuid4().hex,
            kind,
            self._clock.now(),
            {"visited": inspection.visited_on.isoformat(), **values},
        )
