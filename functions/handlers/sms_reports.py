"""The aggregator's delivery-report webhook (HTTP API, no user token: each report is signed, see
``services/delivery_reports.py``) -> one receipt applied; a refusal is a coded JSON answer."""

from __future__ import annotations

import base64
import json
from typing import Any

from aws_lambda_powertools.utilities.typing import LambdaContext

from functions.bootstrap import container
from functions.domain.error_messages import messages_of
from functions.domain.errors import DomainError, Unauthenticated
from functions.handlers.observability import logger

TIMESTAMP_HEADER = "x-shubbak-timestamp"
SIGNATURE_HEADER = "x-shubbak-signature"


@logger.inject_lambda_context(correlation_id_path="requestContext.requestId")
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    headers = {name.lower(): value for name, value in (event.get("headers") or {}).items()}
    raw = event.get("body") or ""
    body = base64.b64decode(raw) if event.get("isBase64Encoded") else raw.encode("utf-8")
    try:
        outcome = container().use_cases.delivery_reports.receive(
            headers.get(TIMESTAMP_HEADER), headers.get(SIGNATURE_HEADER), body
        )
    except DomainError as refusal:
        arabic, english = messages_of(refusal.code)
        logger.warning("delivery report refused", extra={"code": refusal.code.value})
        status = 401 if isinstance(refusal, Unauthenticated) else 400
        return _answer(status, {"code": refusal.code.value, "message": {"ar": arabic, "en": english}})
    return _answer(200, {"outcome": outcome.value})


def _answer(status: int, body: dict[str, Any]) -> dict[str, Any]:
    return {
        "statusCode": status,
        "headers": {"content-type": "application/json; charset=utf-8", "cache-control": "no-store"},
        "body": json.dumps(body, ensure_ascii=False),
    }
