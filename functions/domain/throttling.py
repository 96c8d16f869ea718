"""How often the sensitive operations may be tried and failed (RELIABILITY AUTH-04, AUTH-09, item 6).

Signing in, tracking a request by number and PIN, and reissuing a temporary password are what a
guesser tries; each failure counts against what it was tried **from** (the source: the client address
API Gateway reports) and what it was tried **on** (a national ID, a tracking number). Past a number of
free failures, each further failure makes the next attempt wait twice as long as the one before, up
to a ceiling; failures are forgotten a while after the last one.

Locking must not be a weapon: a stranger's wrong passwords for a real national ID delay that ID only
on sources the person never signed in from. A source where the account signed in, or where a centre
opened its record or reissued its password (the counter the citizen stands at), is **trusted** for that
account for 30 days and waits only for its own failures. A tracking number locks after five wrong PINs
whether or not it was ever issued, so the lock tells a stranger nothing about the number.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from functions.domain.errors import ErrorCode, ValidationFailed

__all__ = [
    "ACCOUNT",
    "SOURCE",
    "TRACKING_NUMBER",
    "TRUST_LIFETIME",
    "DelayPolicy",
    "TryLater",
]


@dataclass(frozen=True)
class DelayPolicy:
    free_failures: int
    """Failures allowed without any wait, within ``window``."""
    first_delay: timedelta
    ceiling: timedelta
    window: timedelta
    """Failures are forgotten this long after the last one."""

    def delay_after(self, failures: int) -> timedelta:
        if failures < self.free_failures:
            return timedelta(0)
        doubled = self.first_delay * (1 << min(failures - self.free_failures, 32))
        return min(doubled, self.ceiling)

    def next_attempt_at(self, failures: int, last_failure_at: datetime | None) -> datetime | None:
        """When the next attempt is accepted (None: at once)."""
        if last_failure_at is None or not self.delay_after(failures):
            return None
        return last_failure_at + self.delay_after(failures)


SOURCE = DelayPolicy(
    free_failures=30, first_delay=timedelta(seconds=1), ceiling=timedelta(minutes=15), window=timedelta(minutes=15)
)
"""A centre's counter is one address for every citizen it serves: thirty mistakes a quarter of an hour
cost nothing; a guesser from one address then waits 1 s, 2 s, 4 s... up to 15 minutes per try."""

ACCOUNT = DelayPolicy(
    free_failures=5, first_delay=timedelta(seconds=1), ceiling=timedelta(minutes=15), window=timedelta(minutes=15)
)
"""One national ID, from every source it is not trusted on: five free failures, then 1 s, 2 s, 4 s...
up to 15 minutes per try (a guesser spread over many addresses gets ~100 tries a day)."""

TRACKING_NUMBER = DelayPolicy(
    free_failures=5, first_delay=timedelta(minutes=15), ceiling=timedelta(minutes=15), window=timedelta(minutes=15)
)
"""Five wrong PINs lock a tracking number for 15 minutes from the last one."""

TRUST_LIFETIME = timedelta(days=30)


class TryLater(ValidationFailed):
    """Too many failed attempts: the next one is accepted from ``retry_after`` (a time, not a secret)."""

    def __init__(self, code: ErrorCode, retry_after: datetime, *, field: str | None = None) -> None:
        super().__init__(code, field=field)
        self.retry_after = retry_after
