"""The centre's call list: citizens an SMS never reached, for the centre that filed the request (or
opened the record) to call (docs/sms.md). Operators read their own centre's list and mark calls done;
another centre's call is NOT_FOUND, as if it did not exist; marking one done twice changes nothing.
The list shows a masked number; the operator about to call asks for the full one (``number``), and every
number handed out is in the audit trail first."""

from __future__ import annotations

from functions.domain.audit import Outcome, target
from functions.domain.errors import NotFound
from functions.domain.mobile import SaudiMobile
from functions.domain.paging import Page, PageRequest
from functions.domain.policy import Operation, Owner
from functions.domain.sms_delivery import CallListEntry
from functions.services.auditing import Auditor
from functions.services.authorization import Authorizer
from functions.services.caller import Caller
from functions.services.ports import CitizenRepository, Clock
from functions.services.sms_ports import CallListRepository

__all__ = ["CallList"]


class CallList:
    def __init__(
        self,
        *,
        calls: CallListRepository,
        citizens: CitizenRepository,
        auditor: Auditor,
        authorizer: Authorizer,
        clock: Clock,
    ) -> None:
        self._calls = calls
        self._citizens = citizens
        self._auditor = auditor
        self._authorizer = authorizer
        self._clock = clock

    def calls(self, caller: Caller, done: bool, page: PageRequest) -> Page[CallListEntry]:
        centre = caller.principal.centre_id or ""
        self._authorizer.authorize(caller, Operation.LIST_CALL_LIST, target("centre", centre))
        return self._calls.list_calls(centre, done, page)

    def mark_done(self, caller: Caller, call_id: str, note: str | None) -> CallListEntry:
        call = self._calls.get_call(call_id)
        subject = target("call", call_id)
        self._authorizer.authorize(
            caller, Operation.MARK_CALL_DONE, subject, Owner(centre_id=call.centre_id if call else None)
        )
        if call is None:
            raise NotFound(field="callId")
        if call.done:
            return call
        done = call.mark_done(caller.principal.user_id, note, self._clock.now())
        audit = self._auditor.record(
            caller, Operation.MARK_CALL_DONE.value, subject, Outcome.ALLOWED, {"centre": call.centre_id}
        )
        if not self._calls.mark_done(done, audit):
            return self._calls.get_call(call_id) or done
        return done

    def number(self, caller: Caller, call_id: str) -> SaudiMobile:
        """The citizen's mobile in full, for the operator about to call: audited before it is handed out."""
        call = self._calls.get_call(call_id)
        subject = target("call", call_id)
        self._authorizer.authorize(
            caller, Operation.READ_CALL_NUMBER, subject, Owner(centre_id=call.centre_id if call else None)
        )
        citizen = self._citizens.get_citizen(call.citizen_id) if call else None
        if call is None or citizen is None:
            raise NotFound(field="callId")
        self._auditor.write(
            caller, Operation.READ_CALL_NUMBER.value, subject, Outcome.ALLOWED, {"citizen": call.citizen_id}
        )
        return citizen.mobile
