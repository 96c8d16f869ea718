"""What the signed webhooks (the SMS aggregator's delivery reports, SADAD's payment notifications) share:
reading the signed body from API Gateway's event, and answering in JSON, a refusal with its code."""

from __future__ import annotations

import base64
import json
from typing import Any

from functions.domain.errors import Conflict, DomainError, NotFound, Unauthenticated

__all__ = ["SIGNATURE_HEADER", "TIMESTAMP_HEADER", "answer", "refused", "signed_request"]

TIMESTAMP_HEADER = "x-shubbak-timestamp"
SIGNATURE_HEADER = "x-shubbak-signature"


def signed_request(event: dict[str, Any]) -> tuple[str | None, str | None, bytes]:
    """(timestamp, signature, body) of a payload-2.0 HTTP API event."""
    headers = {name.lower(): value for name, value in (event.get("headers") or {}).items()}
    raw = event.get("body") or ""
    body = base64.b64decode(raw) if event.get("isBase64Encoded") else raw.encode("utf-8")
    return headers.get(TIMESTAMP_HEADER), headers.get(SIGNATURE_HEADER), body


def refused(refusal: DomainError) -> dict[str, Any]:
    status = (
        401
        if isinstance(refusal, Unauthenticated)
        else 404
        if isinstance(refusal, NotFound)
        else 409
        if isinstance(refusal, Conflict)
        else 400
    )
    return answer(status, {"code": refusal.code.value, "message": {"ar": refusal.message_ar, "en": refusal.message_en}})


def answer(status: int, body: dict[str, Any]) -> dict[str, Any]:
    return {
        "statusCode": status,
        "headers": {"content-type": "application/json; charset=utf-8", "cache-control": "no-store"},
        "body": json.dumps(body, ensure_ascii=False),
    }
