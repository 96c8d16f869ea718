"""Escalations for the monitoring office: SLA breaches reported by the hand-off state machine, and
inspection follow-ups left overdue. The office lists them by status and resolves them with a note.

Open escalations are counted per centre, per agency and for the region (the current counters of the
figures), changed in the same transaction as the escalation itself. Each escalation opened or raised
again is then told to the monitoring office live (``monitoringAlerts``), best effort after the commit.
"""

from __future__ import annotations

import logging

from functions.domain.audit import Outcome, target
from functions.domain.errors import Conflict, ErrorCode, NotFound
from functions.domain.escalation import (
    Escalation,
    EscalationKind,
    EscalationStatus,
    SlaBreach,
    SlaPhase,
    follow_up_escalation,
    raise_breach,
    resolve_escalation,
)
from functions.domain.figures import Counter, FigureDelta, FigureKey, merge_deltas
from functions.domain.inspection import Inspection
from functions.domain.madinah_time import business_day
from functions.domain.monitoring_alert import MonitoringAlert
from functions.domain.paging import Page, PageRequest
from functions.domain.policy import Operation
from functions.services.auditing import Auditor
from functions.services.authorization import Authorizer
from functions.services.caller import Caller
from functions.services.monitoring_ports import EscalationRepository, MonitoringAlerts
from functions.services.ports import Clock
from functions.services.request_ports import RequestRepository

__all__ = ["Escalations"]

logger = logging.getLogger("shubbak.escalations")

_ATTEMPTS = 5
_BREACH_COUNTER = {SlaPhase.RECEIPT: Counter.RECEIPT_BREACHES, SlaPhase.PROCESSING: Counter.PROCESSING_BREACHES}


class Escalations:
    def __init__(
        self,
        *,
        escalations: EscalationRepository,
        requests: RequestRepository,
        auditor: Auditor,
        authorizer: Authorizer,
        clock: Clock,
        alerts: MonitoringAlerts | None = None,
    ) -> None:
        self._escalations = escalations
        self._requests = requests
        self._auditor = auditor
        self._authorizer = authorizer
        self._clock = clock
        self._alerts = alerts

    def record_breach(self, breach: SlaBreach, delivery_id: str) -> Escalation | None:
        """One message of the monitoring topic; None when it was counted already (or names no request)."""
        file = self._requests.get_file(breach.request_id)
        if file is None:
            logger.warning("SLA breach for an unknown request %s: nothing to escalate", breach.request_id)
            return None
        request = file.request
        for _ in range(_ATTEMPTS):
            existing = self._escalations.get_escalation(breach.escalation_id)
            now = self._clock.now()
            raised = raise_breach(
                existing,
                breach,
                delivery_id=delivery_id,
                centre_id=request.centre_id,
                tracking_number=request.tracking_number,
                service_code=request.service_code,
                at=now,
            )
            if raised is None:
                return existing
            keys = _keys_of(raised)
            breaches = [FigureDelta(key, business_day(now), {_BREACH_COUNTER[breach.phase].value: 1}) for key in keys]
            opened = existing is None or existing.status is EscalationStatus.RESOLVED
            try:
                self._escalations.save_escalation(
                    raised, merge_deltas([*breaches, *_open_count(keys, 1 if opened else 0)])
                )
            except Conflict:
                continue
            self._alert(raised)
            return raised
        raise Conflict(ErrorCode.CONFLICT)

    def raise_follow_up_overdue(self, inspection: Inspection) -> bool:
        """The sweeper: one escalation per overdue inspection; False when it was raised before."""
        if inspection.follow_up_due is None:
            return False
        escalation = follow_up_escalation(
            inspection.inspection_id, inspection.centre_id, inspection.follow_up_due, self._clock.now()
        )
        if self._escalations.get_escalation(escalation.escalation_id) is not None:
            return False
        try:
            self._escalations.save_escalation(escalation, merge_deltas(_open_count(_keys_of(escalation), 1)))
        except Conflict:
            return False
        self._alert(escalation)
        return True

    def _alert(self, escalation: Escalation) -> None:
        """After commit, best effort (like request events): the escalation itself is the truth, and the
        office still finds it with ``escalations(status: OPEN)`` if the alert is lost."""
        if self._alerts is None:
            return
        try:
            self._alerts.publish(MonitoringAlert.of(escalation))
        except Exception:
            logger.exception("monitoring alert for escalation %s not published", escalation.escalation_id)

    def escalations(self, caller: Caller, status: EscalationStatus, page: PageRequest) -> Page[Escalation]:
        self._authorizer.authorize(caller, Operation.LIST_ESCALATIONS, target("escalation", "*"))
        return self._escalations.list_escalations(status, page)

    def resolve(self, caller: Caller, escalation_id: str, note: str) -> Escalation:
        self._authorizer.authorize(caller, Operation.RESOLVE_ESCALATION, target("escalation", escalation_id))
        escalation = self._escalations.get_escalation(escalation_id)
        if escalation is None:
            raise NotFound(field="escalationId")
        resolved = resolve_escalation(escalation, note, caller.principal.user_id, self._clock.now())
        audit = self._auditor.record(
            caller,
            Operation.RESOLVE_ESCALATION.value,
            target("escalation", escalation_id),
            Outcome.ALLOWED,
            {"centre": escalation.centre_id, "kind": escalation.kind.value},
        )
        self._escalations.save_escalation(resolved, merge_deltas(_open_count(_keys_of(resolved), -1)), audit)
        return resolved


def _keys_of(escalation: Escalation) -> list[FigureKey]:
    keys = [FigureKey.centre(escalation.centre_id), FigureKey.region()]
    if escalation.kind is EscalationKind.SLA_BREACH and escalation.agency_code:
        keys.append(FigureKey.agency(escalation.agency_code))
    return keys


def _open_count(keys: list[FigureKey], change: int) -> list[FigureDelta]:
    return [FigureDelta(key, None, {Counter.OPEN_ESCALATIONS.value: change}) for key in keys if change]
