"""SADAD bills: a filing paid later, through the citizen's bank (docs/money.md, "SADAD").

A filing paid by SADAD creates a bill (its number, the amount, an expiry) and waits in
``AWAITING_PAYMENT``; SADAD's payment notification marks it paid and only then does the request start its
route; a bill that expires unpaid cancels the filing. The notification is signed with the secret shared
with SADAD, and carries its own id: the same notification twice is one payment.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

from functions.domain.errors import Conflict, ErrorCode, ValidationFailed
from functions.domain.money import Money

__all__ = ["BillStatus", "PaymentNotification", "SadadBill", "bill_number_for", "parse_notification"]

BILL_DIGITS = 12


class BillStatus(StrEnum):
    OPEN = "OPEN"
    PAID = "PAID"
    EXPIRED = "EXPIRED"


def bill_number_for(request_id: str) -> str:
    """The bill's number: 12 digits derived from the request (the same filing, the same bill; a clash
    between two requests is refused by the number's claim)."""
    digest = int.from_bytes(hashlib.sha256(f"sadad:{request_id}".encode()).digest()[:8], "big")
    return f"{digest % 10**BILL_DIGITS:0{BILL_DIGITS}d}"


@dataclass(frozen=True)
class SadadBill:
    bill_number: str
    request_id: str
    centre_id: str
    amount: Money
    issued_at: datetime
    expires_at: datetime
    status: BillStatus = BillStatus.OPEN
    paid_at: datetime | None = None
    bank_reference: str | None = None
    """The paying bank's reference for the payment, from SADAD's notification."""

    def pay(self, notification: PaymentNotification, received_at: datetime) -> SadadBill:
        """``SADAD_BILL_PAID`` if it was paid, ``SADAD_BILL_EXPIRED`` past its expiry, ``SADAD_AMOUNT_MISMATCH``
        for another amount: a bill is paid in full, once, in time."""
        if self.status is BillStatus.PAID:
            raise Conflict(ErrorCode.SADAD_BILL_PAID)
        if self.status is BillStatus.EXPIRED or received_at > self.expires_at:
            raise Conflict(ErrorCode.SADAD_BILL_EXPIRED)
        if notification.amount != self.amount:
            raise Conflict(ErrorCode.SADAD_AMOUNT_MISMATCH)
        return replace(
            self, status=BillStatus.PAID, paid_at=notification.paid_at, bank_reference=notification.bank_reference
        )

    def expire(self) -> SadadBill:
        return replace(self, status=BillStatus.EXPIRED)


@dataclass(frozen=True)
class PaymentNotification:
    notification_id: str
    bill_number: str
    amount: Money
    paid_at: datetime
    bank_reference: str


def parse_notification(body: bytes) -> PaymentNotification:
    """SADAD's notification, as JSON: ``{"notificationId", "billNumber", "amount" (SAR, a string),
    "paidAt" (ISO 8601 with its offset), "bankReference"}``; anything else is ``ValueError``."""
    try:
        fields = json.loads(body)
        notification = PaymentNotification(
            notification_id=_text(fields["notificationId"], 64),
            bill_number=_text(fields["billNumber"], 32),
            amount=Money.sar(str(fields["amount"])),
            paid_at=datetime.fromisoformat(fields["paidAt"]),
            bank_reference=_text(fields["bankReference"], 64),
        )
    except (KeyError, TypeError, ValueError, ValidationFailed) as error:
        raise ValueError("not a SADAD payment notification") from error
    if notification.paid_at.tzinfo is None:
        raise ValueError("paidAt has no offset")
    return notification


def _text(value: object, longest: int) -> str:
    if not isinstance(value, str) or not 0 < len(value) <= longest:
        raise ValueError("a text field is missing or too long")
    return value
