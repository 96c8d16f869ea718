"""The audit trail, written: the record that goes with a change (stored by the change's own
transaction), a record that accompanies no change (an audited read, a sign-out), and a record written
once only. Deciding who may do what, and auditing the refusals, is ``services/authorization.py``."""

from __future__ import annotations

import uuid

from functions.domain.audit import AuditRecord, Outcome
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
        """A record that accompanies no change (a refusal, an audited read), written on its own."""
        audit = self.record(caller, action, target, outcome, details)
        self._log.record(audit)
        return audit

    def write_once(self, audit: AuditRecord) -> bool:
        """A deterministic record, written unless it is there already (False then)."""
        return self._log.record_once(audit)
