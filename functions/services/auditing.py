"""Authorise through the policy and write the audit records that go with every decision."""

from __future__ import annotations

import uuid

from functions.domain.audit import AuditRecord, Outcome
from functions.domain.errors import DomainError
from functions.domain.policy import Operation, Owner, Scope, authorize
from functions.services.caller import Caller
from functions.services.ports import AuditLog, Clock

__all__ = ["Auditor"]


class Auditor:
    def __init__(self, log: AuditLog, clock: Clock) -> None:
        self._log = log
        self._clock = clock

    def record(
        self, caller: Caller, action: str, target: str, outcome: Outcome, details: dict[str, str] | None = None
    ) -> AuditRecord:
        """The record to write with a change (the caller stores it in the change's transaction)."""
        return AuditRecord.of(
            record_id=uuid.uuid4().hex,
            at=self._clock.now(),
            principal=caller.principal,
            action=action,
            target=target,
            outcome=outcome,
            correlation_id=caller.correlation_id,
            details=details,
        )

    def write(
        self, caller: Caller, action: str, target: str, outcome: Outcome, details: dict[str, str] | None = None
    ) -> AuditRecord:
        """A record that accompanies no change (a denial, an audited read), written on its own."""
        audit = self.record(caller, action, target, outcome, details)
        self._log.record(audit)
        return audit

    def authorize(self, caller: Caller, operation: Operation, target: str, owner: Owner | None = None) -> Scope:
        """The policy's decision; a denial is audited (outcome DENIED, with its code) and re-raised."""
        try:
            return authorize(caller.principal, operation, owner)
        except DomainError as denial:
            self.write(caller, operation.value, target, Outcome.DENIED, {"code": denial.code.value})
            raise
