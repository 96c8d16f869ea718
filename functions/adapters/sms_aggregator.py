"""A generic HTTP SMS aggregator as the SMS gateway: the send API and its delivery reports (docs/sms.md).

Saudi alphanumeric sender IDs are registered through local aggregators, not through AWS, so a deployment
in the Kingdom sends through one. The mapping (what docs/sms.md documents for an aggregator to meet):

* send: ``POST <base>/v1/messages``, ``Authorization: Bearer <API key>``, JSON
  ``{"sender": <registered sender ID>, "to": "+9665…", "text": …, "encoding": "UCS2" | "GSM7"}``;
  a 2xx answer ``{"messageId": …}`` is taken; anything else (another status, a timeout, no id) is an
  ``SmsProviderError``, so the other provider can be tried.
* report (pushed to our webhook, signed: ``services/delivery_reports.py``): JSON ``{"reportId", "messageId",
  "status", "description", "doneAt"}`` with the SMPP delivery-receipt states as ``status``.

Written with the standard library's ``urllib`` (no HTTP client is a runtime dependency, and one POST
with a timeout needs none).
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from datetime import UTC, datetime

from functions.domain.mobile import SaudiMobile
from functions.domain.notification import DeliveryStatus
from functions.domain.sms import encoding_of
from functions.domain.sms_delivery import DeliveryReceipt
from functions.services.delivery_reports import DeliveryReport
from functions.services.sms_ports import SentSms, SmsProviderError

__all__ = ["AGGREGATOR_PROVIDER", "REPORT_STATUSES", "AggregatorSmsGateway", "parse_report"]

AGGREGATOR_PROVIDER = "aggregator"
TIMEOUT_SECONDS = 5.0
"""An aggregator answers a send in well under a second; a stalled one gives way to the other provider."""

MAX_ID_LENGTH = 128

REPORT_STATUSES = {
    "ACCEPTD": DeliveryStatus.SENDING,
    "ENROUTE": DeliveryStatus.SENDING,
    "DELIVRD": DeliveryStatus.DELIVERED,
    "EXPIRED": DeliveryStatus.TEMPORARY_FAILURE,  # the handset stayed off for the validity period
    "UNDELIV": DeliveryStatus.PERMANENT_FAILURE,  # the carrier will never deliver it (no such number, barred)
    "REJECTD": DeliveryStatus.PERMANENT_FAILURE,  # refused by the carrier (blocked, opted out)
    "DELETED": DeliveryStatus.TECHNICAL_FAILURE,
    "UNKNOWN": DeliveryStatus.TECHNICAL_FAILURE,
}
"""SMPP delivery-receipt states (SMPP 3.4, appendix B) as GOV.UK Notify's statuses."""


class AggregatorSmsGateway:
    def __init__(self, base_url: str, api_key: str, sender_id: str) -> None:
        self._url = base_url.rstrip("/") + "/v1/messages"
        self._api_key = api_key
        self._sender_id = sender_id

    def send_sms(self, mobile: SaudiMobile, text: str) -> SentSms:
        body = {
            "sender": self._sender_id,
            "to": mobile.e164,
            "text": text,
            "encoding": "GSM7" if encoding_of(text) == "GSM-7" else "UCS2",
        }
        request = urllib.request.Request(  # noqa: S310 (the URL is the deployment's own setting, https in AWS)
            self._url,
            data=json.dumps(body, ensure_ascii=False).encode("utf-8"),
            headers={
                "authorization": f"Bearer {self._api_key}",
                "content-type": "application/json; charset=utf-8",
                "accept": "application/json",
            },
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310
                answer = json.loads(response.read() or b"{}")
        except urllib.error.HTTPError as error:
            error.close()  # its answer's connection, left open otherwise
            raise SmsProviderError(f"the aggregator refused the message: HTTP {error.code}") from None
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            raise SmsProviderError(f"the aggregator is unreachable: {type(error).__name__}") from None
        except ValueError:
            raise SmsProviderError("the aggregator answered something that is not JSON") from None
        message_id = answer.get("messageId") if isinstance(answer, dict) else None
        if not isinstance(message_id, str) or not message_id:
            raise SmsProviderError("the aggregator answered without a message id")
        return SentSms(AGGREGATOR_PROVIDER, message_id)


def parse_report(body: bytes) -> DeliveryReport:
    """One pushed delivery report; ``ValueError`` for anything that is not one."""
    report = json.loads(body)
    if not isinstance(report, dict):
        raise ValueError("a report is a JSON object")
    report_id, message_id, status = report.get("reportId"), report.get("messageId"), report.get("status")
    if not all(isinstance(value, str) and 0 < len(value) <= MAX_ID_LENGTH for value in (report_id, message_id, status)):
        raise ValueError("reportId, messageId and status are required strings")
    if status not in REPORT_STATUSES:
        raise ValueError(f"unknown status {status!r}")
    description = report.get("description")
    done_at = datetime.fromisoformat(str(report.get("doneAt")))
    return DeliveryReport(
        report_id=str(report_id),
        receipt=DeliveryReceipt(
            provider=AGGREGATOR_PROVIDER,
            message_id=str(message_id),
            status=REPORT_STATUSES[str(status)],
            reason=f"{status}: {description}"[:200] if isinstance(description, str) and description else str(status),
            at=done_at if done_at.tzinfo else done_at.replace(tzinfo=UTC),
        ),
    )
