"""API Gateway HTTP API (payload format 2.0) events, for driving the Lambda handler locally and in tests."""

from __future__ import annotations

import json
import time
import uuid
from typing import Any

__all__ = ["http_api_event"]


def http_api_event(
    body: dict[str, Any] | str | None,
    *,
    token: str | None = None,
    method: str = "POST",
    path: str = "/graphql",
    headers: dict[str, str] | None = None,
    query_string: str = "",
) -> dict[str, Any]:
    all_headers = {"content-type": "application/json", "accept": "application/json"}
    if token:
        all_headers["authorization"] = f"Bearer {token}"
    all_headers.update({key.lower(): value for key, value in (headers or {}).items()})
    now = time.time()
    return {
        "version": "2.0",
        "routeKey": f"{method} {path}",
        "rawPath": path,
        "rawQueryString": query_string,
        "headers": all_headers,
        "requestContext": {
            "accountId": "123456789012",
            "apiId": "local",
            "domainName": "127.0.0.1",
            "domainPrefix": "local",
            "http": {
                "method": method,
                "path": path,
                "protocol": "HTTP/1.1",
                "sourceIp": "127.0.0.1",
                "userAgent": "shubbak-local",
            },
            "requestId": uuid.uuid4().hex,
            "routeKey": f"{method} {path}",
            "stage": "$default",
            "time": time.strftime("%d/%b/%Y:%H:%M:%S +0000", time.gmtime(now)),
            "timeEpoch": int(now * 1000),
        },
        "body": body if isinstance(body, str) or body is None else json.dumps(body),
        "isBase64Encoded": False,
    }
