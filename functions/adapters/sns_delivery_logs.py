"""SNS's SMS delivery-status logs as delivery receipts (docs/sms.md).

With delivery-status logging on, SNS writes one JSON event per SMS to the CloudWatch Logs groups
``sns/<region>/<account>/DirectPublishToPhoneNumber`` (successes) and ``…/Failure``; a subscription
filter on each (infra/sms.yml) hands them to the receipts function. An event reads::

    {"notification": {"messageId": "…", "timestamp": "2026-11-28 09:30:01.123"},
     "delivery": {"destination": "+9665…", "providerResponse": "Phone is currently unreachable/unavailable", …},
     "status": "SUCCESS" | "FAILURE"}

SNS says only SUCCESS or FAILURE; which failure it was is in its ``providerResponse`` words, mapped
below (an unknown one is a technical failure, retried). The destination number is never kept.
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from typing import Any

from aws_lambda_powertools.utilities.data_classes import CloudWatchLogsEvent

from functions.adapters.sns import SNS_PROVIDER
from functions.domain.notification import DeliveryStatus
from functions.domain.sms_delivery import DeliveryReceipt

__all__ = ["FAILURE_RESPONSES", "receipts_from_logs"]

logger = logging.getLogger("shubbak.sms")

FAILURE_RESPONSES = {
    "Phone is currently unreachable/unavailable": DeliveryStatus.TEMPORARY_FAILURE,
    "Phone carrier is currently unreachable/unavailable": DeliveryStatus.TEMPORARY_FAILURE,
    "Message has been throttled by the carrier": DeliveryStatus.TEMPORARY_FAILURE,
    "Phone has blocked SMS": DeliveryStatus.PERMANENT_FAILURE,
    "Phone carrier has blocked this message": DeliveryStatus.PERMANENT_FAILURE,
    "Phone number is opted out": DeliveryStatus.PERMANENT_FAILURE,
    "Invalid phone number": DeliveryStatus.PERMANENT_FAILURE,
    "Phone number is not a mobile number": DeliveryStatus.PERMANENT_FAILURE,
}
"""SNS's ``providerResponse`` texts of failures, by what they mean for a retry."""


def receipts_from_logs(event: dict[str, Any]) -> list[DeliveryReceipt]:
    """Every delivery event of one subscription-filter batch; events that are not one are skipped (logged)."""
    receipts = []
    for log_event in CloudWatchLogsEvent(event).parse_logs_data().log_events:
        try:
            receipts.append(_receipt(json.loads(log_event.message)))
        except (ValueError, KeyError, TypeError):
            logger.warning("a log event that is no SMS delivery status was skipped", extra={"id": log_event.get_id})
    return receipts


def _receipt(entry: dict[str, Any]) -> DeliveryReceipt:
    response = str(entry["delivery"].get("providerResponse") or entry["status"])
    if entry["status"] == "SUCCESS":
        status = DeliveryStatus.DELIVERED
    elif entry["status"] == "FAILURE":
        status = FAILURE_RESPONSES.get(response, DeliveryStatus.TECHNICAL_FAILURE)
    else:
        raise ValueError("status is SUCCESS or FAILURE")
    at = datetime.fromisoformat(entry["notification"]["timestamp"])
    return DeliveryReceipt(
        provider=SNS_PROVIDER,
        message_id=str(entry["notification"]["messageId"]),
        status=status,
        reason=response[:200],
        at=at if at.tzinfo else at.replace(tzinfo=UTC),
    )
