"""The monitoring office licenses centres: register, license (and renew), suspend, reinstate, revoke.

Every change is audited and tells the centre (a notice its operators read), both in the change's
own transaction. A centre operator reads their own centre's file and notices.
"""

from __future__ import annotations

import uuid
from datetime import date

from functions.domain.audit import AuditRecord, Outcome, target
from functions.domain.centre import Centre, CentreStatus
from functions.domain.centre_licensing import (
    CentreRegistration,
    license_centre,
    register_centre,
    reinstate_centre,
    revoke_centre,
    suspend_centre,
)
from functions.domain.centre_notice import CentreNotice, NoticeKind
from functions.domain.centre_profile import TechnicalChecklist
from functions.domain.errors import NotFound
from functions.domain.madinah_time import business_day
from functions.domain.paging import Page, PageRequest
from functions.domain.policy import Operation, Owner
from functions.services.account_standing import AccountStanding
from functions.services.auditing import Auditor
from functions.services.authorization import Authorizer
from functions.services.caller import Caller
from functions.services.monitoring_ports import CentreRegistry
from functions.services.ports import Clock

__all__ = ["CentreLicensing"]


class CentreLicensing:
    def __init__(
        self,
        *,
        registry: CentreRegistry,
        auditor: Auditor,
        authorizer: Authorizer,
        clock: Clock,
        standing: AccountStanding,
    ) -> None:
        self._registry = registry
        self._auditor = auditor
        self._authorizer = authorizer
        self._clock = clock
        self._standing = standing

    def register_centre(self, caller: Caller, form: CentreRegistration) -> Centre:
        self._authorizer.authorize(caller, Operation.REGISTER_CENTRE, target("centre", form.centre_id or "-"))
        centre = register_centre(form)
        self._registry.register_centre(
            centre,
            self._audit(caller, Operation.REGISTER_CENTRE, centre),
            self._notice(centre, NoticeKind.REGISTERED),
        )
        return centre

    def license_centre(
        self, caller: Caller, centre_id: str, expires_on: date, checklist: TechnicalChecklist | None
    ) -> Centre:
        previous = self._centre_for(caller, Operation.LICENSE_CENTRE, centre_id)
        centre = license_centre(previous, expires_on, business_day(self._clock.now()), checklist)
        notice = self._notice(centre, NoticeKind.LICENSED, until=expires_on.isoformat())
        return self._change(caller, Operation.LICENSE_CENTRE, previous, centre, notice)

    def suspend_centre(self, caller: Caller, centre_id: str, reason: str) -> Centre:
        previous = self._centre_for(caller, Operation.SUSPEND_CENTRE, centre_id)
        centre = suspend_centre(previous, reason)
        notice = self._notice(centre, NoticeKind.SUSPENDED, reason=centre.status_reason or "-")
        return self._change(caller, Operation.SUSPEND_CENTRE, previous, centre, notice)

    def reinstate_centre(self, caller: Caller, centre_id: str, note: str | None) -> Centre:
        previous = self._centre_for(caller, Operation.REINSTATE_CENTRE, centre_id)
        centre = reinstate_centre(previous, note)
        return self._change(
            caller, Operation.REINSTATE_CENTRE, previous, centre, self._notice(centre, NoticeKind.REINSTATED)
        )

    def revoke_centre(self, caller: Caller, centre_id: str, reason: str) -> Centre:
        previous = self._centre_for(caller, Operation.REVOKE_CENTRE, centre_id)
        centre = revoke_centre(previous, reason)
        notice = self._notice(centre, NoticeKind.REVOKED, reason=centre.status_reason or "-")
        return self._change(caller, Operation.REVOKE_CENTRE, previous, centre, notice)

    def centre(self, caller: Caller, centre_id: str) -> Centre:
        """The monitor reads any centre's file; an operator their own centre's."""
        return self._centre_for(caller, Operation.READ_CENTRE, centre_id)

    def centres(self, caller: Caller, status: CentreStatus | None, page: PageRequest) -> Page[Centre]:
        self._authorizer.authorize(caller, Operation.LIST_CENTRES, target("centre", "*"))
        return self._registry.list_centres(status, page)

    def notices(self, caller: Caller, centre_id: str, page: PageRequest) -> Page[CentreNotice]:
        self._authorizer.authorize(
            caller, Operation.READ_CENTRE_NOTICES, target("centre", centre_id), Owner(centre_id=centre_id)
        )
        return self._registry.list_notices(centre_id, page)

    def _centre_for(self, caller: Caller, operation: Operation, centre_id: str) -> Centre:
        self._authorizer.authorize(caller, operation, target("centre", centre_id), Owner(centre_id=centre_id))
        centre = self._registry.get_centre(centre_id)
        if centre is None:
            raise NotFound(field="centreId")
        return centre

    def _change(
        self, caller: Caller, operation: Operation, previous: Centre, centre: Centre, notice: CentreNotice
    ) -> Centre:
        self._registry.change_centre(centre, previous, self._audit(caller, operation, centre), notice)
        self._standing.forget_centre(centre.centre_id)  # its operators stand as it now does, here at once
        return centre

    def _audit(self, caller: Caller, operation: Operation, centre: Centre) -> AuditRecord:
        details = {"status": centre.status.value, "licenceExpiresOn": str(centre.licence_expires_on or "-")}
        return self._auditor.record(
            caller, operation.value, target("centre", centre.centre_id), Outcome.ALLOWED, details
        )

    def _notice(self, centre: Centre, kind: NoticeKind, **values: str) -> CentreNotice:
        return CentreNotice(centre.centre_id, uuid.uuid4().hex, kind, self._clock.now(), values)
