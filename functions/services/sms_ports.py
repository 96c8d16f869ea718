"""What SMS delivery needs besides the outbox (``ports.NotificationRepository``): the providers' answer
to a send, the call list of each centre, and the delivery reports already taken (docs/sms.md)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from functions.domain.audit import AuditRecord
from functions.domain.paging import Page, PageRequest
from functions.domain.sms_delivery import CallListEntry

__all__ = ["CallListRepository", "ReportLedger", "SentSms", "SmsBudget", "SmsHeld", "SmsProviderError"]


@dataclass(frozen=True)
class SentSms:
    """A provider took the message: which provider, and its id for the message (receipts name it)."""

    provider: str
    message_id: str


class SmsProviderError(Exception):
    """A provider did not take the message (unreachable, refused, answered nonsense): the one error every
    gateway adapter raises, so another provider can be tried. Its text names no number or message."""


class SmsHeld(SmsProviderError):
    """Not sent: over the number's hourly limit or the day's quota; held for a later attempt."""


class SmsBudget(Protocol):
    def take(self, number_key: str, number_limit: int, day_key: str, day_limit: int) -> str | None:
        """Count one SMS against the number's hour and the day, unless either is spent (a limit of 0 has
        no bound): None when counted, else which limit refused it (nothing counted then)."""
        ...


class CallListRepository(Protocol):
    def get_call(self, call_id: str) -> CallListEntry | None: ...

    def list_calls(self, centre_id: str, done: bool, page: PageRequest) -> Page[CallListEntry]:
        """A centre's calls, open (or done), oldest first."""
        ...

    def mark_done(self, call: CallListEntry, audit: AuditRecord) -> bool:
        """Record the call made, with its audit record, unless it was already (False then)."""
        ...


class ReportLedger(Protocol):
    def seen(self, provider: str, report_id: str) -> bool:
        """Whether a delivery report with this id was taken already (a replay, or the provider's resend)."""
        ...

    def remember(self, provider: str, report_id: str, at: datetime, keep_for: timedelta) -> None:
        """Note a report taken; kept at least as long as a replay could still pass the timestamp check."""
        ...
