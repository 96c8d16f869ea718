"""SADAD's payment notifications, and the bills that expire unpaid (docs/money.md, "SADAD").

A notification is taken only if its signature verifies and its timestamp is in the window
(``SADAD_SIGNATURE_INVALID``, ``SADAD_NOTIFICATION_EXPIRED``); one that does not parse is
``SADAD_NOTIFICATION_INVALID``; a notification id seen before is answered as a duplicate and changes
nothing. Then the bill: unknown (``SADAD_BILL_UNKNOWN``), paid already (``SADAD_BILL_PAID``), expired
(``SADAD_BILL_EXPIRED``), or another amount (``SADAD_AMOUNT_MISMATCH``) are refused, logged and
remembered, and change nothing else; a bill paid in full and in time makes its request ``SUBMITTED``
with its payment, ledger entry and SMS in one transaction, and only then starts its route.

The sweeper expires the bills past their expiry: each request is cancelled (nothing was collected, so
nothing is refunded) with its SMS.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import timedelta
from enum import StrEnum
from typing import TYPE_CHECKING

from functions.domain.errors import Conflict, ErrorCode, NotFound, ValidationFailed
from functions.domain.principal import Principal, Role
from functions.domain.request import Payment, PaymentMethod, RequestFile, RequestStatus
from functions.domain.sadad import BillStatus, PaymentNotification, SadadBill, parse_notification
from functions.domain.sms import SmsTemplate
from functions.services.caller import Caller
from functions.services.ports import Clock
from functions.services.request_ports import BillWrite, RequestRepository
from functions.services.request_sms import RequestSms
from functions.services.request_updates import RequestUpdates
from functions.services.signed_webhooks import verify_signed
from functions.services.sms_ports import ReportLedger

if TYPE_CHECKING:
    from functions.services.route_stages import RouteStages  # built by the composition root

__all__ = ["SADAD", "PaymentOutcome", "SadadPayments"]

logger = logging.getLogger("shubbak.sadad")

SADAD = Caller(Principal(user_id="sadad", role=Role.SYSTEM), correlation_id="sadad")
PROVIDER = "sadad"


class PaymentOutcome(StrEnum):
    PAID = "PAID"
    DUPLICATE = "DUPLICATE"


class SadadPayments:
    def __init__(
        self,
        *,
        secret: bytes,
        window: timedelta,
        requests: RequestRepository,
        updates: RequestUpdates,
        sms: RequestSms,
        stages: RouteStages,
        seen: ReportLedger,
        clock: Clock,
    ) -> None:
        self._secret = secret
        self._window = window
        self._requests = requests
        self._updates = updates
        self._sms = sms
        self._stages = stages
        self._seen = seen
        self._clock = clock

    def receive(self, timestamp: str | None, signature: str | None, body: bytes) -> PaymentOutcome:
        verify_signed(
            self._secret,
            timestamp or "",
            signature or "",
            body,
            now=self._clock.now(),
            window=self._window,
            refusals=(ErrorCode.SADAD_SIGNATURE_INVALID, ErrorCode.SADAD_NOTIFICATION_EXPIRED),
        )
        try:
            notification = parse_notification(body)
        except ValueError:
            raise ValidationFailed(ErrorCode.SADAD_NOTIFICATION_INVALID) from None
        if self._seen.seen(PROVIDER, notification.notification_id):
            return PaymentOutcome.DUPLICATE
        try:
            self._pay(notification)
        except (Conflict, NotFound) as refusal:
            logger.warning("SADAD notification %s refused: %s", notification.notification_id, refusal.code.value)
            self._remember(notification)
            raise
        self._remember(notification)
        return PaymentOutcome.PAID

    def expire_due(self, limit: int = 100) -> int:
        """Cancel the requests whose bills expired unpaid; how many."""
        expired = 0
        for bill in self._requests.bills_due(self._clock.now(), limit):
            file = self._requests.get_file(bill.request_id)
            if file is None or file.request.status is not RequestStatus.AWAITING_PAYMENT:
                continue
            try:
                self._expire(file, bill)
            except Conflict:
                continue  # paid (or expired) meanwhile: its own change won
            expired += 1
        return expired

    def _pay(self, notification: PaymentNotification) -> None:
        request_id = self._requests.request_of_bill(notification.bill_number)
        file = self._requests.get_file(request_id) if request_id else None
        if file is None or file.bill is None:
            raise NotFound(ErrorCode.SADAD_BILL_UNKNOWN, field="billNumber")
        paid = file.bill.pay(notification, self._clock.now())
        payment = Payment(
            request_id=file.request.request_id,
            receipt_number=file.request.receipt_number,
            fee=file.request.fee,
            service_charge=file.request.service_charge,
            method=PaymentMethod.SADAD,
            collected_by=SADAD.principal.user_id,
            collected_at=notification.paid_at,
            bill_number=paid.bill_number,
        )
        notice = self._sms.sms(
            file.request, RequestStatus.SUBMITTED.value, SmsTemplate.REQUEST_SUBMITTED, amount=str(paid.amount.riyals)
        )
        submitted = self._updates.pay_bill(SADAD, file, paid, payment, notice)
        self._stages.start(submitted, 1)

    def _expire(self, file: RequestFile, bill: SadadBill) -> None:
        notice = self._sms.sms(file.request, "BILL_EXPIRED", SmsTemplate.BILL_EXPIRED, bill=bill.bill_number)
        self._updates.commit(
            SADAD,
            "sadadBillExpired",
            file,
            replace(file.request, status=RequestStatus.CANCELLED),
            [],
            "BILL_EXPIRED",
            notification=notice,
            bill=BillWrite(bill.expire(), BillStatus.OPEN),
        )

    def _remember(self, notification: PaymentNotification) -> None:
        self._seen.remember(PROVIDER, notification.notification_id, self._clock.now(), self._window * 2)
