"""API Gateway WebSocket API events ($connect, $default message, $disconnect), shaped as AWS sends
them to a Lambda integration (for the local emulation and the tests)."""

from __future__ import annotations

import base64
import secrets
import time
import uuid
from datetime import UTC, datetime
from typing import Any

__all__ = ["connect_event", "disconnect_event", "message_event", "new_connection_id"]

API_ID = "local"
NORMAL_CLOSURE = 1000


def new_connection_id() -> str:
    """API Gateway's ids look like ``L0SM9cOFvHcCIhw=``: 12 random bytes in base64."""
    return base64.b64encode(secrets.token_bytes(10)).decode()


def _context(
    route: str, event_type: str, connection_id: str, connected_at_ms: int, stage: str, domain: str
) -> dict[str, Any]:
    now = time.time()
    return {
        "routeKey": route,
        "eventType": event_type,
        "extendedRequestId": uuid.uuid4().hex[:16],
        "requestTime": datetime.fromtimestamp(now, UTC).strftime("%d/%b/%Y:%H:%M:%S +0000"),
        "messageDirection": "IN",
        "stage": stage,
        "connectedAt": connected_at_ms,
        "requestTimeEpoch": int(now * 1000),
        "identity": {"sourceIp": "127.0.0.1"},
        "requestId": uuid.uuid4().hex[:16],
        "domainName": domain,
        "connectionId": connection_id,
        "apiId": API_ID,
    }


def connect_event(
    connection_id: str,
    headers: dict[str, str],
    connected_at_ms: int,
    *,
    stage: str = "local",
    domain: str = "localhost",
) -> dict[str, Any]:
    return {
        "headers": headers,
        "multiValueHeaders": {name: [value] for name, value in headers.items()},
        "requestContext": _context("$connect", "CONNECT", connection_id, connected_at_ms, stage, domain),
        "isBase64Encoded": False,
    }


def message_event(
    connection_id: str, body: str, connected_at_ms: int, *, stage: str = "local", domain: str = "localhost"
) -> dict[str, Any]:
    context = _context("$default", "MESSAGE", connection_id, connected_at_ms, stage, domain)
    context["messageId"] = uuid.uuid4().hex[:16]
    return {"requestContext": context, "body": body, "isBase64Encoded": False}


def disconnect_event(
    connection_id: str,
    connected_at_ms: int,
    status_code: int,
    *,
    stage: str = "local",
    domain: str = "localhost",
) -> dict[str, Any]:
    context = _context("$disconnect", "DISCONNECT", connection_id, connected_at_ms, stage, domain)
    context["disconnectStatusCode"] = status_code
    context["disconnectReason"] = "Connection Closed Normally" if status_code == NORMAL_CLOSURE else ""
    return {"headers": {}, "multiValueHeaders": {}, "requestContext": context, "isBase64Encoded": False}
