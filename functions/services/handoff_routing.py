"""What the hand-off state machine tells us, through the handoffs topic, becomes the agencies' window.

Each message names a request, a stage and an agency, and (for waits) the task token of the wait and its
due time. Tokens are stored with the hand-off, server-side only. A planning message (``PLAN_WAIT``) asks
for the due time of the wait about to start, in working hours from the business calendar, and is
answered at once (``service_levels``). A message may arrive twice (SQS is at least
once), late (after an officer already decided) or after the wait timed out (a fresh token replaces a
stale one); each case converges to the same state, and every wait is released exactly when both the
decision and its token are known (see ``task_release``).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from datetime import datetime

from functions.domain.escalation import SlaPhase
from functions.domain.principal import Principal, Role
from functions.domain.request import Decision, Handoff, HandoffStatus, RequestFile, RequestStatus
from functions.domain.sms import SmsTemplate
from functions.services.caller import Caller
from functions.services.ports import Clock
from functions.services.request_ports import HandoffWrite, RequestRepository
from functions.services.request_sms import RequestSms
from functions.services.request_updates import RequestUpdates
from functions.services.service_levels import ServiceLevels
from functions.services.task_release import TaskRelease

__all__ = ["WORKFLOW", "HandoffEvent", "HandoffRouting"]

logger = logging.getLogger("shubbak.routing")

WORKFLOW = Caller(Principal(user_id="workflow", role=Role.SYSTEM), correlation_id="workflow")
"""The state machine as an actor in history and audit records."""

_REOPENED_BY_RESUBMISSION = HandoffStatus.RETURNED


@dataclass(frozen=True)
class HandoffEvent:
    """One message of the state machine: a wait (with its task token and due time), a request to plan
    the next wait (``phase``), or the end of the route."""

    event: str
    request_id: str
    stage: int = 0
    agency_code: str = ""
    token: str = field(default="", repr=False)
    phase: SlaPhase | None = None
    due_at: datetime | None = None


class HandoffRouting:
    def __init__(
        self,
        *,
        requests: RequestRepository,
        updates: RequestUpdates,
        sms: RequestSms,
        release: TaskRelease,
        levels: ServiceLevels,
        clock: Clock,
    ) -> None:
        self._requests = requests
        self._updates = updates
        self._sms = sms
        self._release = release
        self._levels = levels
        self._clock = clock

    def handle(self, message: HandoffEvent) -> None:
        if message.event == "PLAN_WAIT" and message.phase is not None:
            self.plan_wait(message.request_id, message.stage, message.agency_code, message.phase, message.token)
        elif message.event == "AWAIT_RECEIPT":
            self.awaiting_receipt(message.request_id, message.stage, message.agency_code, message.token, message.due_at)
        elif message.event == "AWAIT_COMPLETION":
            self.awaiting_completion(message.request_id, message.stage, message.agency_code, message.token)
        elif message.event == "PLAN_RESUBMISSION":
            self.plan_resubmission(message.request_id, message.stage, message.agency_code, message.token)
        elif message.event == "AWAIT_RESUBMISSION":
            self.awaiting_resubmission(message.request_id, message.stage, message.agency_code, message.token)
        elif message.event == "ROUTE_COMPLETED":
            self.route_completed(message.request_id)
        elif message.event == "ROUTE_EXPIRED":
            self.route_expired(message.request_id)
        else:
            raise ValueError(f"unknown hand-off event {message.event!r}")

    def plan_wait(self, request_id: str, stage: int, agency_code: str, phase: SlaPhase, token: str) -> None:
        """The wait about to start is due after the step's SLA for ``phase``, in working hours from now.

        Stateless, so a redelivered message is answered again (the second answer finds the token used).
        """
        file = self._open_file(request_id, token)
        if file is None:
            return
        now = self._levels.now()
        due = self._levels.due(file.request, stage, agency_code, phase, now)
        self._release.answer_plan(token, self._levels.wait_until(due))

    def plan_resubmission(self, request_id: str, stage: int, agency_code: str, token: str) -> None:
        """The centre's window to resubmit a returned file: due a fixed window after the return."""
        file = self._open_file(request_id, token)
        if file is None:
            return
        handoff = file.handoff(stage, agency_code)
        returned_at = handoff.decided_at if handoff is not None and handoff.decided_at else self._levels.now()
        self._release.answer_plan(token, self._levels.wait_until(self._levels.resubmission_due(returned_at)))

    def awaiting_receipt(
        self, request_id: str, stage: int, agency_code: str, token: str, due_at: datetime | None = None
    ) -> None:
        """``due_at``: the wait's due time, as planned for the state machine (a message from before the
        planning step carries none: the due time is planned here)."""
        file = self._open_file(request_id, token)
        if file is None:
            return
        handoff = file.handoff(stage, agency_code)
        if handoff is not None and handoff.receipt_token == token:
            return  # a redelivered message: already recorded
        now = self._clock.now()
        due = due_at or self._levels.due(file.request, stage, agency_code, SlaPhase.RECEIPT, now)
        if handoff is None:
            updated = Handoff(
                request_id=request_id,
                stage=stage,
                agency_code=agency_code,
                status=HandoffStatus.FORWARDED,
                round=1,
                forwarded_at=now,
                due_at=due,
                tracking_number=file.request.tracking_number,
                service_code=file.request.service_code,
                receipt_token=token,
            )
            event = HandoffStatus.FORWARDED.value
        elif handoff.status is _REOPENED_BY_RESUBMISSION:
            updated = replace(
                handoff,
                status=HandoffStatus.FORWARDED,
                round=handoff.round + 1,
                forwarded_at=now,
                due_at=due,
                received_at=None,
                decided_at=None,
                decision=None,
                decision_note=None,
                missing_items=(),
                receipt_token=token,
                completion_token=None,
                resubmission_token=None,
                receipt_released=False,
                decision_released=False,
                resubmitted_at=None,
                resubmission_released=False,
                version=handoff.version + 1,
            )
            event = HandoffStatus.FORWARDED.value
        else:
            # The wait timed out, was escalated, and waits again with a fresh token; the step stays due
            # when it was (the new wait only says when to escalate again).
            acknowledged = handoff.status is not HandoffStatus.FORWARDED
            updated = replace(
                handoff,
                receipt_token=token,
                receipt_released=acknowledged,
                escalations=handoff.escalations + 1,
                version=handoff.version + 1,
            )
            event = "OVERDUE"
        request = file.request
        if request.status in {RequestStatus.SUBMITTED, RequestStatus.RETURNED_TO_CENTRE} and event != "OVERDUE":
            request = replace(request, status=RequestStatus.AT_AGENCIES)
        self._updates.commit(
            WORKFLOW, f"handoff.{event.lower()}", file, request, [updated], event, agency_code=agency_code
        )
        if updated.receipt_released and event == "OVERDUE":
            self._release.release_receipt(updated)

    def awaiting_completion(self, request_id: str, stage: int, agency_code: str, token: str) -> None:
        file = self._file(request_id)
        handoff = file.handoff(stage, agency_code) if file else None
        if file is None or handoff is None or handoff.completion_token == token:
            return
        if handoff.status is HandoffStatus.CANCELLED or (file.request.status.closed and handoff.decision is None):
            self._release.cancel(token)
            return
        decided = handoff.decision is not None
        again = handoff.completion_token is not None  # a fresh token after a processing breach
        updated = replace(
            handoff,
            completion_token=token,
            decision_released=decided,
            escalations=handoff.escalations + again,
            version=handoff.version + 1,
        )
        if not again:
            # The processing wait began with the acknowledgement, which the file's history and its event
            # already tell: its token is kept with the hand-off alone (no history entry, no event).
            self._requests.record_wait(HandoffWrite(updated, handoff.version))
        else:  # waiting again after a processing breach: the step is overdue, as a receipt wait's breach
            self._updates.commit(
                WORKFLOW, "handoff.overdue", file, file.request, [updated], "OVERDUE", agency_code=agency_code
            )
        if decided:
            self._release.release_decision(updated)

    def awaiting_resubmission(self, request_id: str, stage: int, agency_code: str, token: str) -> None:
        file = self._file(request_id)
        handoff = file.handoff(stage, agency_code) if file else None
        if file is None or handoff is None or handoff.resubmission_token == token:
            return
        if file.request.status.closed:
            self._release.cancel(token)
            return
        resubmitted = handoff.resubmitted_at is not None
        updated = replace(
            handoff, resubmission_token=token, resubmission_released=resubmitted, version=handoff.version + 1
        )
        self._updates.commit(
            WORKFLOW,
            "handoff.awaitingResubmission",
            file,
            file.request,
            [updated],
            "AWAITING_RESUBMISSION",
            agency_code=agency_code,
        )
        if resubmitted:
            self._release.release_resubmission(updated)

    def route_completed(self, request_id: str) -> None:
        """``ROUTE_COMPLETED``, announced by executions started on the state machine's earlier definition
        (a running execution keeps the definition it started with). The route now ends with its last
        step's completion, which returns the transaction to the centre itself (``AgencyWindow``): this
        stays until no execution of the earlier definition runs, and does nothing once the file is back."""
        file = self._file(request_id)
        if file is None or file.request.status is not RequestStatus.AT_AGENCIES:
            return  # already recorded (a redelivery), or closed meanwhile
        now = self._clock.now()
        request = replace(file.request, status=RequestStatus.COMPLETED_AT_CENTRE, completed_at=now)
        notification = self._sms.sms(
            request, "COMPLETED", SmsTemplate.COMPLETED_AT_CENTRE, centre=self._sms.centre_name(request)
        )
        self._updates.commit(
            WORKFLOW,
            "route.completed",
            file,
            request,
            [],
            RequestStatus.COMPLETED_AT_CENTRE.value,
            notification=notification,
        )

    def route_expired(self, request_id: str) -> None:
        file = self._file(request_id)
        if file is None or file.request.status is not RequestStatus.RETURNED_TO_CENTRE:
            return
        expired = [
            replace(h, status=HandoffStatus.CANCELLED, decision=Decision.CANCELLED, version=h.version + 1)
            for h in file.handoffs
            if h.status.open
        ]
        request = replace(file.request, status=RequestStatus.EXPIRED)
        self._updates.commit(WORKFLOW, "route.expired", file, request, expired, RequestStatus.EXPIRED.value)

    def _open_file(self, request_id: str, token: str) -> RequestFile | None:
        """The request a wait is about to start for; None (the wait cancelled) once the request closed."""
        file = self._file(request_id)
        if file is not None and file.request.status.closed:
            self._release.cancel(token)
            return None
        return file

    def _file(self, request_id: str) -> RequestFile | None:
        file = self._requests.get_file(request_id)
        if file is None:
            logger.warning("hand-off message for an unknown request %s", request_id)
        return file
