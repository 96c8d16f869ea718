"""How long and how often an SMS whose delivery failed for a while is tried again (docs/sms.md).

A module of its own, light on imports: the settings hold a policy, and reading settings must not load
the SMS domain (a cold start serving the catalogue loads neither, docs/performance.md)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from functions.domain.notification import Notification

__all__ = ["RetryPolicy"]


@dataclass(frozen=True)
class RetryPolicy:
    window: timedelta = timedelta(hours=6)
    first_delay: timedelta = timedelta(minutes=1)
    longest_delay: timedelta = timedelta(minutes=30)

    def delay_after(self, attempts: int) -> timedelta:
        """Doubling from ``first_delay`` with each attempt made, at most ``longest_delay``."""
        delay: timedelta = self.first_delay * (2 ** max(attempts - 1, 0))
        return min(delay, self.longest_delay)

    def next_attempt(self, notification: Notification, now: datetime) -> datetime | None:
        """When to try again, or None once the window (from the SMS's creation) would be over by then."""
        at = now + self.delay_after(notification.attempts)
        return at if at <= notification.created_at + self.window else None
