"""API Gateway WebSocket API (``$connect``, ``$default``, ``$disconnect``) -> the graphql-transport-ws
protocol (``api/live/sessions.py``). Answers go back through the management API, not the return
value; the return value of ``$connect`` accepts or refuses the handshake (and names the subprotocol)."""

from __future__ import annotations

from typing import Any

from aws_lambda_powertools.utilities.typing import LambdaContext

from functions.bootstrap import container
from functions.handlers.observability import logger, tracer


@logger.inject_lambda_context(correlation_id_path="requestContext.requestId")
@tracer.capture_lambda_handler
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    request = event["requestContext"]
    route, connection_id = request["routeKey"], request["connectionId"]
    sessions = container().use_cases.live_sessions
    if route == "$connect":
        headers = {name.lower(): value for name, value in (event.get("headers") or {}).items()}
        subprotocol = sessions.connect(connection_id, headers.get("sec-websocket-protocol"))
        if subprotocol is None:
            return {"statusCode": 400}
        return {"statusCode": 200, "headers": {"Sec-WebSocket-Protocol": subprotocol}}
    if route == "$disconnect":
        sessions.disconnect(connection_id)
    else:
        sessions.receive(connection_id, event.get("body") or "", str(request.get("requestId") or connection_id))
    return {"statusCode": 200}
