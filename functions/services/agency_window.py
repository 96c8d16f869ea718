"""The agencies' window: files waiting for them, receipt, and their decision on each step."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial

from functions.domain.audit import target
from functions.domain.errors import Conflict, ErrorCode, NotFound, ValidationFailed
from functions.domain.escalation import SlaPhase
from functions.domain.notification import Notification
from functions.domain.paging import Page, PageRequest
from functions.domain.policy import Operation, Owner
from functions.domain.request import (
    Decision,
    Handoff,
    HandoffStatus,
    RequestFile,
    RequestStatus,
    ServiceRequest,
)
from functions.domain.sms import SmsTemplate
from functions.services.authorization import Authorizer
from functions.services.caller import Caller
from functions.services.ports import Clock
from functions.services.request_ports import RequestRepository
from functions.services.request_sms import RequestSms
from functions.services.request_updates import RequestUpdates
from functions.services.route_stages import RouteStages
from functions.services.service_levels import ServiceLevels
from functions.services.task_release import TaskRelease

__all__ = ["AgencyWindow"]

_NOTE_MAX = 500


class AgencyWindow:
    def __init__(
        self,
        *,
        requests: RequestRepository,
        updates: RequestUpdates,
        sms: RequestSms,
        authorizer: Authorizer,
        release: TaskRelease,
        levels: ServiceLevels,
        stages: RouteStages,
        clock: Clock,
    ) -> None:
        self._requests = requests
        self._stages = stages
        self._updates = updates
        self._sms = sms
        self._authorizer = authorizer
        self._release = release
        self._levels = levels
        self._clock = clock

    def window(self, caller: Caller, status: HandoffStatus | None, page: PageRequest) -> Page[Handoff]:
        agency = caller.principal.agency_code or ""
        self._authorizer.authorize(caller, Operation.READ_AGENCY_WINDOW, target("agency", agency))
        return self._requests.window(agency, status, page)

    def acknowledge_receipt(self, caller: Caller, request_id: str) -> RequestFile:
        return _once_more_after_a_conflict(partial(self._acknowledge_receipt, caller, request_id))

    def _acknowledge_receipt(self, caller: Caller, request_id: str) -> RequestFile:
        file, handoff = self._open_handoff(caller, Operation.ACKNOWLEDGE_RECEIPT, request_id)
        if handoff.status is not HandoffStatus.FORWARDED:
            raise Conflict(ErrorCode.REQUEST_STATE)
        now = self._clock.now()
        received = replace(
            handoff,
            status=HandoffStatus.RECEIVED,
            received_at=now,
            due_at=self._levels.due(file.request, handoff.stage, handoff.agency_code, SlaPhase.PROCESSING, now),
            receipt_released=handoff.receipt_token is not None,
            version=handoff.version + 1,
        )
        request = file.request
        notification = self._sms.sms(
            request,
            f"RECEIVED#{handoff.stage}#{handoff.agency_code}#{handoff.round}",
            SmsTemplate.RECEIVED_BY_AGENCY,
            agency_code=handoff.agency_code,
            agency=self._sms.agency_name(request, handoff.agency_code),
            time=self._sms.local_time(now),
        )
        self._updates.commit(
            caller,
            Operation.ACKNOWLEDGE_RECEIPT,
            file,
            request,
            [received],
            HandoffStatus.RECEIVED.value,
            agency_code=handoff.agency_code,
            notification=notification,
        )
        if received.receipt_released:
            self._release.release_receipt(received)
        return self._updates.reload(request_id)

    def complete_step(self, caller: Caller, request_id: str, note: str | None) -> RequestFile:
        decide = partial(self._decide, caller, Operation.COMPLETE_STEP, request_id, Decision.COMPLETED, note, ())
        return _once_more_after_a_conflict(decide)

    def reject_request(self, caller: Caller, request_id: str, reason: str) -> RequestFile:
        if not reason.strip():
            raise ValidationFailed(ErrorCode.REASON_REQUIRED, field="reason")
        decide = partial(self._decide, caller, Operation.REJECT_REQUEST, request_id, Decision.REJECTED, reason, ())
        return _once_more_after_a_conflict(decide)

    def return_to_centre(self, caller: Caller, request_id: str, missing_items: list[str]) -> RequestFile:
        items = tuple(item.strip()[:_NOTE_MAX] for item in missing_items if item.strip())
        if not items:
            raise ValidationFailed(ErrorCode.MISSING_ITEMS_REQUIRED, field="missingItems")
        decide = partial(self._decide, caller, Operation.RETURN_TO_CENTRE, request_id, Decision.RETURNED, None, items)
        return _once_more_after_a_conflict(decide)

    def _decide(
        self,
        caller: Caller,
        operation: Operation,
        request_id: str,
        decision: Decision,
        note: str | None,
        missing_items: tuple[str, ...],
    ) -> RequestFile:
        file, handoff = self._open_handoff(caller, operation, request_id)
        if decision is not Decision.REJECTED and handoff.status is not HandoffStatus.RECEIVED:
            raise Conflict(ErrorCode.REQUEST_STATE)  # completing or returning needs the receipt first
        now = self._clock.now()
        decided = replace(
            handoff,
            status=_STATUS_OF[decision],
            decision=decision,
            decided_at=now,
            decision_note=(note or "").strip()[:_NOTE_MAX] or None,
            missing_items=missing_items,
            version=handoff.version + 1,
        )
        decided = replace(decided, decision_released=TaskRelease.decision_token(decided) is not None)
        request, others, notification = self._request_after(file, decided, decision)
        route_done = request.status is RequestStatus.COMPLETED_AT_CENTRE
        self._updates.commit(
            caller,
            operation,
            file,
            request,
            [decided, *others],
            decided.status.value,
            agency_code=decided.agency_code,
            note=decided.decision_note or "; ".join(missing_items) or None,
            notification=notification,
            request_event=RequestStatus.COMPLETED_AT_CENTRE.value if route_done else None,
        )
        if decided.decision_released:
            self._release.release_decision(decided)
        after = self._updates.reload(request_id)
        next_stage = after.stage_to_start() if decision is Decision.COMPLETED else None
        if next_stage is not None:
            self._stages.start(after.request, next_stage)  # the step ended its stage: the next one starts
        return after

    def _request_after(
        self, file: RequestFile, decided: Handoff, decision: Decision
    ) -> tuple[ServiceRequest, list[Handoff], Notification | None]:
        request = file.request
        if decision is Decision.COMPLETED:
            if not file.route_done_with(decided):
                return request, [], None
            completed = replace(request, status=RequestStatus.COMPLETED_AT_CENTRE, completed_at=decided.decided_at)
            notification = self._sms.sms(
                completed, "COMPLETED", SmsTemplate.COMPLETED_AT_CENTRE, centre=self._sms.centre_name(request)
            )
            return completed, [], notification
        if decision is Decision.RETURNED:
            notification = self._sms.sms(
                request,
                f"RETURNED#{decided.stage}#{decided.agency_code}#{decided.round}",
                SmsTemplate.RETURNED_TO_CENTRE,
                agency_code=decided.agency_code,
                centre=self._sms.centre_name(request),
            )
            return replace(request, status=RequestStatus.RETURNED_TO_CENTRE), [], notification
        closed = [
            replace(
                h,
                status=HandoffStatus.CANCELLED,
                decision=Decision.CANCELLED,
                decided_at=decided.decided_at,
                version=h.version + 1,
            )
            for h in file.handoffs
            if h.status.open and h.key != decided.key
        ]
        notification = self._sms.sms(
            request,
            "REJECTED",
            SmsTemplate.REJECTED,
            agency_code=decided.agency_code,
            agency=self._sms.agency_name(request, decided.agency_code),
            centre=self._sms.centre_name(request),
        )
        return replace(request, status=RequestStatus.REJECTED), closed, notification

    def _open_handoff(self, caller: Caller, operation: Operation, request_id: str) -> tuple[RequestFile, Handoff]:
        """The caller's agency's open hand-off of this request.

        A request the agency never had is ``NOT_FOUND``; one it had (and so may still read) but has no
        open hand-off of now — another officer's decision won a race, the request was rejected or
        cancelled, the step is done — is ``CONFLICT``/``REQUEST_STATE``: the caller's view is out of date.
        """
        file = self._requests.get_file(request_id)
        agency = caller.principal.agency_code or ""
        involved = file is not None and agency in file.agencies_involved()
        owner = Owner(agency_codes=frozenset({agency})) if involved else Owner()
        self._authorizer.authorize(caller, operation, target("request", request_id), owner)
        if file is None or not involved:
            raise NotFound(field="requestId")
        handoff = file.open_handoff_of(agency)
        if handoff is None or file.request.status.closed:
            raise Conflict(ErrorCode.REQUEST_STATE)
        return file, handoff


def _once_more_after_a_conflict(change: Callable[[], RequestFile]) -> RequestFile:
    """An officer's change refused because the file moved on since it was read — most often the workflow
    recording a wait's token a moment after the acknowledgement — is made once more on the file as it now
    stands. The second attempt reads and checks everything again: what another officer decided meanwhile
    is found there (``REQUEST_STATE``), and a second conflict is the caller's to see."""
    try:
        return change()
    except Conflict as conflict:
        if conflict.code is not ErrorCode.CONFLICT:
            raise
        return change()


_STATUS_OF = {
    Decision.COMPLETED: HandoffStatus.COMPLETED,
    Decision.RETURNED: HandoffStatus.RETURNED,
    Decision.REJECTED: HandoffStatus.REJECTED,
    Decision.CANCELLED: HandoffStatus.CANCELLED,
}
