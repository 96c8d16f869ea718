"""What a delivery receipt does to an SMS, decided once for every provider (docs/sms.md).

* A receipt names the provider and the provider's message id of one attempt. One for an earlier attempt
  (the message was sent again since) or for a message we never sent changes nothing.
* Statuses only move forward: ``SENDING`` → a retryable failure → a final status (``DELIVERED`` or
  ``PERMANENT_FAILURE``). A late or out-of-order receipt (``SENDING`` after ``DELIVERED``, a failure after
  delivery) changes nothing; the same receipt twice is a duplicate. Of two final receipts the first wins.
* A retryable failure (temporary, technical) is tried again after a backoff while the retry window, counted
  from when the SMS was recorded, lasts; a permanent failure, or a retryable one past the window, puts the
  message on the call list of the centre that filed the request (or opened the record).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

from functions.domain.notification import FINAL_STATUSES, RETRYABLE_STATUSES, DeliveryStatus, Notification
from functions.domain.sms_retry import RetryPolicy

__all__ = [
    "CallListEntry",
    "DeliveryReceipt",
    "ReceiptDecision",
    "ReceiptOutcome",
    "RetryPolicy",
    "call_id_of",
    "decide_receipt",
    "decide_send_failure",
    "sending",
]

_RANK = {
    DeliveryStatus.PENDING: 0,
    DeliveryStatus.SENDING: 1,
    DeliveryStatus.TEMPORARY_FAILURE: 2,
    DeliveryStatus.TECHNICAL_FAILURE: 2,
    DeliveryStatus.DELIVERED: 3,
    DeliveryStatus.PERMANENT_FAILURE: 3,
}


@dataclass(frozen=True)
class DeliveryReceipt:
    """One provider's word on one attempt, in Notify's terms (each adapter maps its provider's codes)."""

    provider: str
    message_id: str
    status: DeliveryStatus
    reason: str
    at: datetime


class ReceiptOutcome(StrEnum):
    DELIVERED = "DELIVERED"
    RETRY_SCHEDULED = "RETRY_SCHEDULED"
    CALL_LIST = "CALL_LIST"
    NOTED = "NOTED"
    """A status that moves the message on but asks for nothing (``SENDING`` confirmed)."""
    DUPLICATE = "DUPLICATE"
    STALE = "STALE"
    """Late or out of order: the message is already past what the receipt says."""
    SUPERSEDED = "SUPERSEDED"
    """For an earlier attempt: the message was sent again since."""
    UNKNOWN_MESSAGE = "UNKNOWN_MESSAGE"


@dataclass(frozen=True)
class ReceiptDecision:
    outcome: ReceiptOutcome
    notification: Notification | None = None
    """The SMS as it becomes (None when nothing changes)."""

    @property
    def changes(self) -> bool:
        return self.notification is not None


def decide_receipt(
    notification: Notification | None, receipt: DeliveryReceipt, policy: RetryPolicy, now: datetime
) -> ReceiptDecision:
    ignored = _ignored(notification, receipt)
    if ignored is not None or notification is None:
        return ReceiptDecision(ignored or ReceiptOutcome.UNKNOWN_MESSAGE)
    reported = replace(notification, status=receipt.status, status_reason=receipt.reason, status_at=receipt.at)
    if receipt.status is DeliveryStatus.SENDING:
        return ReceiptDecision(ReceiptOutcome.NOTED, reported)
    if receipt.status is DeliveryStatus.DELIVERED:
        return ReceiptDecision(ReceiptOutcome.DELIVERED, replace(reported, next_attempt_at=None))
    return _failed(reported, policy, now)


def _ignored(notification: Notification | None, receipt: DeliveryReceipt) -> ReceiptOutcome | None:
    """Why a receipt changes nothing, if it does not."""
    if notification is None:
        return ReceiptOutcome.UNKNOWN_MESSAGE
    if (notification.provider, notification.provider_message_id) != (receipt.provider, receipt.message_id):
        return ReceiptOutcome.SUPERSEDED
    if receipt.status is notification.status:
        return ReceiptOutcome.DUPLICATE
    if notification.status in FINAL_STATUSES or _RANK[receipt.status] <= _RANK[notification.status]:
        return ReceiptOutcome.STALE
    return None


def decide_send_failure(notification: Notification, reason: str, policy: RetryPolicy, now: datetime) -> ReceiptDecision:
    """Every provider refused a retry: a technical failure, retried like any other within the window."""
    failed = replace(notification, status=DeliveryStatus.TECHNICAL_FAILURE, status_reason=reason, status_at=now)
    return _failed(failed, policy, now)


def _failed(notification: Notification, policy: RetryPolicy, now: datetime) -> ReceiptDecision:
    if notification.status in RETRYABLE_STATUSES:
        next_attempt = policy.next_attempt(notification, now)
        if next_attempt is not None:
            return ReceiptDecision(ReceiptOutcome.RETRY_SCHEDULED, replace(notification, next_attempt_at=next_attempt))
    return ReceiptDecision(ReceiptOutcome.CALL_LIST, replace(notification, next_attempt_at=None, on_call_list=True))


_CALLS = uuid.UUID("6f1d3c1e-5a3b-4e55-9a55-2f0b8c7d1e01")


def call_id_of(citizen_id: str, event_key: str) -> str:
    """One call per SMS, however many receipts put it on the list."""
    return uuid.uuid5(_CALLS, f"{citizen_id}|{event_key}").hex


@dataclass(frozen=True)
class CallListEntry:
    """A citizen the centre must call because an SMS did not reach them: who (their record and masked
    number, never the full number: the operator opens the record to call), which message, why."""

    call_id: str
    centre_id: str
    citizen_id: str
    event_key: str
    template: str
    masked_mobile: str | None
    tracking_number: str | None
    status: DeliveryStatus
    reason: str
    failed_at: datetime
    attempts: int
    done_at: datetime | None = None
    done_by: str | None = None
    note: str | None = None

    @classmethod
    def of(cls, notification: Notification, now: datetime) -> CallListEntry:
        return cls(
            call_id=call_id_of(notification.citizen_id, notification.event_key),
            centre_id=notification.centre_id or "",
            citizen_id=notification.citizen_id,
            event_key=notification.event_key,
            template=notification.template.value,
            masked_mobile=notification.masked_mobile,
            tracking_number=notification.values.get("tracking"),
            status=notification.status,
            reason=notification.status_reason or "",
            failed_at=now,
            attempts=notification.attempts,
        )

    @property
    def done(self) -> bool:
        return self.done_at is not None

    def mark_done(self, by: str, note: str | None, at: datetime) -> CallListEntry:
        return replace(self, done_at=at, done_by=by, note=note)


def sending(notification: Notification, text: str, provider: str, message_id: str, now: datetime) -> Notification:
    """The SMS as a provider took it: one more attempt, waiting for that attempt's receipt."""
    return replace(
        notification,
        status=DeliveryStatus.SENDING,
        text=text,
        sent_at=now,
        # a message recorded before first attempts were kept: its last attempt is the best known
        first_sent_at=notification.first_sent_at or notification.sent_at or now,
        provider=provider,
        provider_message_id=message_id,
        attempts=notification.attempts + 1,
        status_reason=None,
        status_at=now,
        next_attempt_at=None,
    )
