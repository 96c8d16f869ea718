"""The monitoring office reads the audit trail, by target or by actor, over a time range."""

from __future__ import annotations

from datetime import datetime

from functions.domain.audit import AuditRecord, target
from functions.domain.errors import ValidationFailed
from functions.domain.paging import Page, PageRequest
from functions.domain.policy import Operation
from functions.services.authorization import Authorizer
from functions.services.caller import Caller
from functions.services.ports import AuditLog

__all__ = ["AuditTrail"]


class AuditTrail:
    def __init__(self, log: AuditLog, authorizer: Authorizer) -> None:
        self._log = log
        self._authorizer = authorizer

    def read(
        self,
        caller: Caller,
        *,
        target_of: str | None,
        actor: str | None,
        since: datetime,
        until: datetime,
        page: PageRequest,
    ) -> Page[AuditRecord]:
        self._authorizer.authorize(caller, Operation.READ_AUDIT_TRAIL, target("audit", target_of or actor or "-"))
        target_of, actor = target_of or None, actor or None  # an empty one names no one (and no DynamoDB key)
        if (target_of is None) == (actor is None):
            raise ValidationFailed(field="target")
        if since > until:
            raise ValidationFailed(field="from")
        return self._log.trail(target=target_of, actor=actor, since=since, until=until, page=page)
