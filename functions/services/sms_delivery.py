"""After an SMS went: its providers' receipts applied once each, retryable failures sent again with
backoff within the window, and the messages that never arrive put on their centre's call list
(the rules: ``functions/domain/sms_delivery.py``; docs/sms.md)."""

from __future__ import annotations

import logging

from functions.domain.errors import NotFound
from functions.domain.notification import Notification
from functions.domain.sms_delivery import (
    CallListEntry,
    DeliveryReceipt,
    ReceiptDecision,
    ReceiptOutcome,
    RetryPolicy,
    decide_receipt,
    decide_send_failure,
    sending,
)
from functions.domain.sms_figures import figures_of_sms_change
from functions.services.ports import CitizenRepository, Clock, NotificationRepository, SmsGateway
from functions.services.sms_ports import SmsHeld, SmsProviderError
from functions.services.sms_text import sms_text

__all__ = ["SmsDelivery"]

logger = logging.getLogger("shubbak.sms_delivery")

_ATTEMPTS = 3
"""Reads and conditional writes before giving up on a message that keeps moving under us."""


class SmsDelivery:
    def __init__(
        self,
        *,
        notifications: NotificationRepository,
        citizens: CitizenRepository,
        gateway: SmsGateway,
        clock: Clock,
        policy: RetryPolicy,
    ) -> None:
        self._notifications = notifications
        self._citizens = citizens
        self._gateway = gateway
        self._clock = clock
        self._policy = policy

    def record_receipt(self, receipt: DeliveryReceipt) -> ReceiptOutcome:
        """Apply one receipt; unknown, superseded, late and repeated receipts change nothing (logged)."""
        for _ in range(_ATTEMPTS):
            notification = self._notifications.find_by_message(receipt.provider, receipt.message_id)
            decision = decide_receipt(notification, receipt, self._policy, self._clock.now())
            if notification is None or not decision.changes:
                _log(decision.outcome, receipt.provider, notification)
                return decision.outcome
            if self._apply(notification, decision):
                _log(decision.outcome, receipt.provider, notification)
                return decision.outcome
        return ReceiptOutcome.STALE

    def hold(self, notification: Notification, reason: str) -> ReceiptOutcome:
        """Not sent now (over a limit, ``SmsHeld``): tried again with the retries' backoff, within their window."""
        decision = decide_send_failure(notification, reason, self._policy, self._clock.now())
        self._apply(notification, decision)
        _log(decision.outcome, "none", notification)
        return decision.outcome

    def retry_due(self) -> int:
        """The sweeper: send again every SMS whose retry is due; returns how many were attempted."""
        due = self._notifications.list_retry_due(self._clock.now())
        for notification in due:
            self._send_again(notification)
        return len(due)

    def _send_again(self, notification: Notification) -> None:
        citizen = self._citizens.get_citizen(notification.citizen_id)
        if citizen is None:
            raise NotFound(field="citizenId")
        text = notification.text or sms_text(notification, citizen, self._citizens)
        try:
            taken = self._gateway.send_sms(citizen.mobile, text)
        except SmsHeld as held:
            self.hold(notification, str(held))
            return
        except SmsProviderError:
            self.hold(notification, "no provider took the message")
            return
        sent = sending(notification, text, taken.provider, taken.message_id, self._clock.now())
        if self._notifications.mark_sending(notification, sent, figures_of_sms_change(notification, sent)):
            logger.info("sms sent again", extra={"attempt": sent.attempts, "provider": taken.provider})

    def _apply(self, notification: Notification, decision: ReceiptDecision) -> bool:
        updated = decision.notification
        if updated is None:
            return True
        listed = decision.outcome is ReceiptOutcome.CALL_LIST and not notification.on_call_list
        call = CallListEntry.of(updated, self._clock.now()) if listed else None
        if call is not None and not call.centre_id:
            logger.warning("an SMS that names no centre failed: nobody to call", extra={"event": updated.event_key})
            call = None
        return self._notifications.record_delivery(
            notification, updated, call, figures_of_sms_change(notification, updated)
        )


def _log(outcome: ReceiptOutcome, provider: str, notification: Notification | None) -> None:
    """Personal data stays out: the template and the attempt, never the number or the text."""
    logger.info(
        "sms receipt %s",
        outcome.value,
        extra={
            "provider": provider,
            "template": notification.template.value if notification else None,
            "attempt": notification.attempts if notification else None,
        },
    )
