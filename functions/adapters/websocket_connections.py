"""API Gateway's management API for WebSocket connections (``POST``/``DELETE /@connections/{id}``).

On AWS its endpoint is the WebSocket API's stage URL; locally the dev server emulates the same
endpoint, so this client is the same code in both places.
"""

from __future__ import annotations

import json
from typing import Any

from botocore.exceptions import ClientError

__all__ = ["ApiGatewayConnections"]

_GONE = {"GoneException", "410"}


class ApiGatewayConnections:
    def __init__(self, client: Any) -> None:
        """``client``: boto3's ``apigatewaymanagementapi`` client, its endpoint the API's stage URL."""
        self._api = client

    def send(self, connection_id: str, message: dict[str, Any]) -> bool:
        try:
            self._api.post_to_connection(ConnectionId=connection_id, Data=json.dumps(message).encode())
        except ClientError as error:
            if _is_gone(error):
                return False
            raise
        return True

    def close(self, connection_id: str) -> None:
        try:
            self._api.delete_connection(ConnectionId=connection_id)
        except ClientError as error:
            if not _is_gone(error):
                raise


def _is_gone(error: ClientError) -> bool:
    return str(error.response.get("Error", {}).get("Code")) in _GONE
