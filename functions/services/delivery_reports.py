"""An aggregator's delivery reports, pushed to our webhook: authenticated and replay-proof before they
touch anything (docs/sms.md).

The aggregator signs each report with the secret we share: ``HMAC-SHA256(secret, "<timestamp>." + body)``
in hex, the timestamp (Unix seconds) in its own header. A report whose signature does not verify, or
whose timestamp is outside the window, is refused (``REPORT_SIGNATURE_INVALID``, ``REPORT_EXPIRED``)
and changes nothing; one that does not parse is ``REPORT_INVALID``. A report id seen before is a replay
(or the aggregator's resend): answered as a duplicate, applied once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from functions.domain.errors import ErrorCode, ValidationFailed
from functions.domain.sms_delivery import DeliveryReceipt, ReceiptOutcome
from functions.services.ports import Clock
from functions.services.signed_webhooks import signature_of, verify_signed
from functions.services.sms_delivery import SmsDelivery
from functions.services.sms_ports import ReportLedger

__all__ = ["DeliveryReport", "DeliveryReports", "report_signature"]


@dataclass(frozen=True)
class DeliveryReport:
    report_id: str
    receipt: DeliveryReceipt


def report_signature(secret: bytes, timestamp: str, body: bytes) -> str:
    return signature_of(secret, timestamp, body)


class DeliveryReports:
    def __init__(
        self,
        *,
        secret: bytes,
        parse: Callable[[bytes], DeliveryReport],
        ledger: ReportLedger,
        delivery: SmsDelivery,
        clock: Clock,
        window: timedelta,
    ) -> None:
        self._secret = secret
        self._parse = parse
        self._ledger = ledger
        self._delivery = delivery
        self._clock = clock
        self._window = window

    def receive(self, timestamp: str | None, signature: str | None, body: bytes) -> ReceiptOutcome:
        self._verify(timestamp or "", signature or "", body)
        try:
            report = self._parse(body)
        except ValueError:
            raise ValidationFailed(ErrorCode.REPORT_INVALID) from None
        provider = report.receipt.provider
        if self._ledger.seen(provider, report.report_id):
            return ReceiptOutcome.DUPLICATE
        outcome = self._delivery.record_receipt(report.receipt)
        self._ledger.remember(provider, report.report_id, self._clock.now(), self._window * 2)
        return outcome

    def _verify(self, timestamp: str, signature: str, body: bytes) -> None:
        verify_signed(
            self._secret,
            timestamp,
            signature,
            body,
            now=self._clock.now(),
            window=self._window,
            refusals=(ErrorCode.REPORT_SIGNATURE_INVALID, ErrorCode.REPORT_EXPIRED),
        )
