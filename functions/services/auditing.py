"""Authorise through the policy and write the audit records that go with every decision.

A signed-in caller's denial is one audit record, as every decision of a person is. An anonymous
caller's is not a person's: a fuzzer or a scanner makes thousands, each keyed by whatever text it sent.
Those are **sampled** (issue 14, item 6): the audit keeps the first anonymous denial of each operation
and code in each hour — a deterministic record, written once, so the trail stays append-only and grows
by at most (operations × codes) records an hour — and every one goes to the log (INFO, with its
correlation id), where the detail is kept 400 days.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable

from functions.domain.audit import AuditRecord, Outcome, target
from functions.domain.errors import DomainError, ErrorCode, Unauthenticated
from functions.domain.madinah_time import business_day
from functions.domain.policy import HIGH_RISK, Operation, Owner, Scope, authorize
from functions.domain.standing import authorize_standing
from functions.services.caller import Caller
from functions.services.ports import AuditLog, Clock, SessionCheck, StandingCheck

__all__ = ["Auditor"]

logger = logging.getLogger("shubbak.audit")


class Auditor:
    def __init__(
        self, log: AuditLog, clock: Clock, sessions: Callable[[], SessionCheck], standing: Callable[[], StandingCheck]
    ) -> None:
        """``sessions`` gives the session check when a high-risk operation first needs it (a cold start
        serving the catalogue does not create Cognito's client); ``standing`` the staff standing check
        every staff operation passes (``domain/standing.py``)."""
        self._log = log
        self._clock = clock
        self._sessions = sessions
        self._standing = standing

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

    def authorize(self, caller: Caller, operation: Operation, subject: str, owner: Owner | None = None) -> Scope:
        """The policy's decision; a denial is audited (outcome DENIED, with its code) and re-raised.

        A member of staff must still stand where their token says (account enabled, an operator's centre
        licensed for this kind of work), whatever the operation; a high-risk operation by an API caller
        also needs its session still honoured by Cognito.
        """
        try:
            if caller.principal.signed_in:
                standing = self._standing().standing_of(caller.principal)
                authorize_standing(operation, caller.principal, standing, business_day(self._clock.now()))
            scope = authorize(caller.principal, operation, owner)
            if operation in HIGH_RISK and not self._session_honoured(caller):
                raise Unauthenticated(ErrorCode.SESSION_ENDED)
            return scope
        except DomainError as denial:
            if caller.principal.signed_in:
                self.write(caller, operation.value, subject, Outcome.DENIED, {"code": denial.code.value})
            else:
                self._sample_anonymous(caller, operation, denial)
            raise

    def _sample_anonymous(self, caller: Caller, operation: Operation, denial: DomainError) -> None:
        now = self._clock.now()
        logger.info(
            "anonymous %s refused: %s",
            operation.value,
            denial.code.value,
            extra={"correlation_id": caller.correlation_id},
        )
        first_of_the_hour = AuditRecord.of(
            record_id=f"{operation.value}-{denial.code.value}",
            at=now.replace(minute=0, second=0, microsecond=0),
            principal=caller.principal,
            action=operation.value,
            target=target("anonymous", operation.value),
            outcome=Outcome.DENIED,
            correlation_id=caller.correlation_id,
            details={"code": denial.code.value, "firstAt": now.isoformat(), "sampled": "first in the hour"},
        )
        self._log.record_once(first_of_the_hour)

    def _session_honoured(self, caller: Caller) -> bool:
        """In-process callers (no session) have nothing to confirm; an API caller's session is asked."""
        return caller.session is None or self._sessions().signed_in(caller.session)
