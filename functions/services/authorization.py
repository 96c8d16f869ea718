"""Who may do what, decided for every operation, and every refusal audited.

A decision is the policy table's (``domain/policy.py``), after the staff member's standing
(``domain/standing.py``: account enabled, an operator's centre licensed for this kind of work now) and,
for a high-risk operation by an API caller, the session Cognito still honours. The audit trail is
written through the :class:`~functions.services.auditing.Auditor`.

A signed-in caller's refusal is one audit record, as every decision of a person is. An anonymous
caller's is not a person's: a fuzzer or a scanner makes thousands, each keyed by whatever text it sent.
Those are **sampled** (issue 14, item 6): the audit keeps the first anonymous refusal of each operation
and code in each hour — a deterministic record, written once, so the trail stays append-only and grows
by at most (operations × codes) records an hour — and every one goes to the log (INFO, with its
correlation id), where the detail is kept 400 days.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from functions.domain.audit import AuditRecord, Outcome, target
from functions.domain.errors import DomainError, ErrorCode, Unauthenticated
from functions.domain.madinah_time import business_day
from functions.domain.policy import HIGH_RISK, Operation, Owner, Scope, authorize
from functions.domain.standing import authorize_standing
from functions.services.auditing import Auditor
from functions.services.caller import Caller
from functions.services.ports import Clock, SessionCheck, StandingCheck

__all__ = ["Authorizer"]

logger = logging.getLogger("shubbak.audit")


class Authorizer:
    def __init__(
        self,
        auditor: Auditor,
        clock: Clock,
        sessions: Callable[[], SessionCheck],
        standing: Callable[[], StandingCheck],
    ) -> None:
        """``sessions`` gives the session check when a high-risk operation first needs it (a cold start
        serving the catalogue does not create Cognito's client); ``standing`` the staff standing check
        every staff operation passes."""
        self._auditor = auditor
        self._clock = clock
        self._sessions = sessions
        self._standing = standing

    def authorize(self, caller: Caller, operation: Operation, subject: str, owner: Owner | None = None) -> Scope:
        """The policy's decision; a refusal is audited (outcome DENIED, with its code) and re-raised."""
        try:
            if caller.principal.signed_in:
                standing = self._standing().standing_of(caller.principal)
                authorize_standing(operation, caller.principal, standing, business_day(self._clock.now()))
            scope = authorize(caller.principal, operation, owner)
            if operation in HIGH_RISK and not self._session_honoured(caller):
                raise Unauthenticated(ErrorCode.SESSION_ENDED)
            return scope
        except DomainError as refusal:
            self.refused(caller, operation, subject, refusal)
            raise

    def refused(self, caller: Caller, operation: Operation, subject: str, refusal: DomainError) -> None:
        """Audit a refusal, the policy's or one decided beside it (a centre's licence, for one)."""
        if caller.principal.signed_in:
            self._auditor.write(caller, operation.value, subject, Outcome.DENIED, {"code": refusal.code.value})
        else:
            self._sample_anonymous(caller, operation, refusal)

    def _sample_anonymous(self, caller: Caller, operation: Operation, refusal: DomainError) -> None:
        now = self._clock.now()
        logger.info(
            "anonymous %s refused: %s",
            operation.value,
            refusal.code.value,
            extra={"correlation_id": caller.correlation_id},
        )
        first_of_the_hour = AuditRecord.of(
            record_id=f"{operation.value}-{refusal.code.value}",
            at=now.replace(minute=0, second=0, microsecond=0),
            principal=caller.principal,
            action=operation.value,
            target=target("anonymous", operation.value),
            outcome=Outcome.DENIED,
            correlation_id=caller.correlation_id,
            details={"code": refusal.code.value, "firstAt": now.isoformat(), "sampled": "first in the hour"},
        )
        self._auditor.write_once(first_of_the_hour)

    def _session_honoured(self, caller: Caller) -> bool:
        """In-process callers (no session) have nothing to confirm; an API caller's session is asked."""
        return caller.session is None or self._sessions().signed_in(caller.session)
