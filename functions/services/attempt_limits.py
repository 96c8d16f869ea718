"""The delays of the sensitive operations, per source and per subject (``domain/throttling.py``).

``before`` refuses an attempt that comes too early (``TryLater`` with the time from which the next one
is accepted), without calling Cognito or reading the request; ``failed`` counts a failure against the
source and the subject; ``trust`` marks a source as the account's own for a while (a successful
sign-in there, or the counter that opened its record or reissued its password).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from functions.domain.errors import ErrorCode
from functions.domain.throttling import ACCOUNT, SOURCE, TRUST_LIFETIME, DelayPolicy, TryLater
from functions.services.ports import AttemptLedger, Attempts, Clock

__all__ = ["AttemptLimits", "Subject", "account_subject", "source_key"]

logger = logging.getLogger("shubbak.throttle")


@dataclass(frozen=True)
class Subject:
    """What an attempt is made on: its key, its policy, the code of a refusal, and whether sources the
    subject trusts are spared its delay (accounts: yes; tracking numbers: no)."""

    key: str
    policy: DelayPolicy
    code: ErrorCode
    trusting: bool = False
    field: str | None = None


def source_key(source: str) -> str:
    return f"SOURCE#{source}"


def account_subject(national_id: str) -> Subject:
    return Subject(f"SIGN_IN#{national_id}", ACCOUNT, ErrorCode.TOO_MANY_ATTEMPTS, trusting=True)


class AttemptLimits:
    def __init__(self, ledger: AttemptLedger, clock: Clock) -> None:
        self._ledger = ledger
        self._clock = clock

    def before(self, source: str | None, subject: Subject | None = None) -> None:
        """Raise ``TryLater`` if the source, or the subject (from a source it does not trust), must wait."""
        now = self._clock.now()
        keys = ([source_key(source)] if source else []) + ([subject.key] if subject else [])
        counted = self._ledger.read(keys) if keys else {}
        if source:
            self._refuse_until(counted.get(source_key(source)), SOURCE, now, ErrorCode.TOO_MANY_ATTEMPTS, None)
        if subject is None:
            return
        kept = counted.get(subject.key)
        if self._waiting_until(kept, subject.policy, now) is None:
            return
        if subject.trusting and source and self._ledger.trusted(subject.key, source, now):
            return
        self._refuse_until(kept, subject.policy, now, subject.code, subject.field)

    def failed(self, source: str | None, subject: Subject | None = None) -> None:
        now = self._clock.now()
        if source:
            self._ledger.record_failure(source_key(source), now, SOURCE.window)
        if subject is not None:
            self._ledger.record_failure(subject.key, now, subject.policy.window)

    def trust(self, subject: Subject, source: str | None) -> None:
        if source and subject.trusting:
            self._ledger.trust(subject.key, source, self._clock.now() + TRUST_LIFETIME)

    @staticmethod
    def _waiting_until(kept: Attempts | None, policy: DelayPolicy, now: datetime) -> datetime | None:
        if kept is None or kept.last_failure_at is None or now - kept.last_failure_at > policy.window:
            return None
        until = policy.next_attempt_at(kept.failures, kept.last_failure_at)
        return until if until is not None and until > now else None

    def _refuse_until(
        self, kept: Attempts | None, policy: DelayPolicy, now: datetime, code: ErrorCode, field: str | None
    ) -> None:
        until = self._waiting_until(kept, policy, now)
        if until is not None:
            logger.info("attempt refused (%s) until %s", code.value, until.isoformat())
            raise TryLater(code, until, field=field)
