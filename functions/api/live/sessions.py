"""The graphql-transport-ws protocol, one WebSocket message at a time, as API Gateway delivers them.

API Gateway keeps the socket; every ``$connect``, message and ``$disconnect`` is a separate invocation,
so the protocol's state lives with the connections kept (``services/live_connections.py``, DynamoDB)
and the answers go back through the management API. The wire format is ``protocol.py``. The protocol (https://github.com/enisdenjo/graphql-ws/blob/master/PROTOCOL.md):

* ``$connect`` must offer the ``graphql-transport-ws`` subprotocol, else the handshake is refused;
* ``connection_init`` carries ``{"authorization": "Bearer <access token>"}``; a valid token is answered
  with ``connection_ack``, so is no token at all (anonymous, as over HTTP: every subscription is then
  refused UNAUTHENTICATED), any other token (forged, expired, signed out) closes the connection (4403)
  after a coded ``error`` message (below); a second one closes it (4429);
  a connection that sends none within the init timeout is closed by the sweep (4408);
* ``ping`` is answered with ``pong`` (before the ack too); ``pong`` is ignored;
* ``subscribe`` before the ack closes the connection (4401), a used id closes it (4409); a document that
  does not validate or is not authorised gets an ``error`` message (the connection stays open);
  an accepted one is stored and answered with ``next`` messages by the fan-out;
* ``complete`` forgets the subscription; anything else closes the connection (4400).

API Gateway's ``DeleteConnection`` can only close a connection normally (1000): the protocol's close
code is decided here and logged with its reason, and the client sees the connection closed. After a
1000 the reference client (``graphql-ws``) reconnects at once while a subscription is open, with no
backoff — a tight loop on a refused token. So a refused token is first answered with an ``error``
message (``id`` ``connection_init``, the code UNAUTHENTICATED with its Arabic and English texts): a
message other than ``connection_ack`` before the ack makes that client fail the connection with an
error it never retries (and close the socket, 4400), and it tells any client why (docs/web.md, "The
session"). tests/e2e/test_reference_socket_client.py runs the reference client against it.
"""

from __future__ import annotations

import logging
from typing import Any

from functions.api.authentication import TokenVerifier
from functions.api.live.documents import SubscriptionDocuments, SubscriptionRefused
from functions.api.live.protocol import (
    REFUSAL_ID,
    SUBPROTOCOL,
    CloseCode,
    ProtocolViolation,
    coded,
    error_message,
    operation_id,
    read_message,
    subscribe_request,
)
from functions.domain.errors import DomainError, ErrorCode, Unauthenticated
from functions.domain.live import LiveConnection, LiveSubscription
from functions.domain.principal import ANONYMOUS, Principal
from functions.services.caller import Caller
from functions.services.live_connections import LiveConnections
from functions.services.live_ports import ConnectionGateway

__all__ = ["LiveSessions"]

logger = logging.getLogger("shubbak.live")


class LiveSessions:
    def __init__(
        self,
        *,
        connections: LiveConnections,
        gateway: ConnectionGateway,
        tokens: TokenVerifier,
        documents: SubscriptionDocuments,
    ) -> None:
        self._connections = connections
        self._gateway = gateway
        self._tokens = tokens
        self._documents = documents

    def connect(self, connection_id: str, offered_subprotocols: str | None) -> str | None:
        """The subprotocol to answer the handshake with, or None to refuse it."""
        offered = {p.strip() for p in (offered_subprotocols or "").split(",")}
        if SUBPROTOCOL not in offered:
            logger.info("websocket %s refused: subprotocol %s not offered", connection_id, SUBPROTOCOL)
            return None
        self._connections.open(connection_id)
        return SUBPROTOCOL

    def disconnect(self, connection_id: str) -> None:
        self._connections.forget_connection(connection_id)

    def receive(self, connection_id: str, body: str, correlation_id: str) -> None:
        try:
            self._receive(connection_id, body, correlation_id)
        except ProtocolViolation as closed:
            if closed.refusal is not None:
                self._gateway.send(connection_id, error_message(REFUSAL_ID, [coded(closed.refusal)]))
            self.close(connection_id, closed.reason, closed.code)

    def close(self, connection_id: str, reason: str, code: CloseCode | None = None) -> None:
        """Close (API Gateway closes with 1000; ``code`` is the protocol's, logged) and forget the connection."""
        logger.info("websocket %s closed: %s %s", connection_id, code.value if code else "-", reason)
        self._connections.close(connection_id)

    def close_connections_of(self, user_id: str) -> int:
        """An account disabled: its connections are closed at once (4403), not at the end of their life."""
        connection_ids = self._connections.connections_of(user_id)
        for connection_id in connection_ids:
            self.close(connection_id, "Forbidden: the account was disabled", CloseCode.FORBIDDEN)
        return len(connection_ids)

    def sweep(self, limit: int = 500) -> int:
        """Close connections past their time: never initialised (4408), or at the end of their life."""
        expired = self._connections.expired(limit)
        for connection in expired:
            if connection.acknowledged:
                self.close(connection.connection_id, "Connection expired")
            else:
                self.close(
                    connection.connection_id, "Connection initialisation timeout", CloseCode.CONNECTION_INIT_TIMEOUT
                )
        return len(expired)

    def _receive(self, connection_id: str, body: str, correlation_id: str) -> None:
        message = read_message(body)
        kind = message["type"]
        if kind == "ping":
            self._gateway.send(connection_id, {"type": "pong"})
            return
        if kind == "pong":
            return
        connection = self._connections.current(connection_id)
        if connection is None:
            raise ProtocolViolation(CloseCode.CONNECTION_INIT_TIMEOUT, "Connection expired or unknown")
        if kind == "connection_init":
            self._initialise(connection, message.get("payload"))
        elif kind == "subscribe":
            self._subscribe(connection, message, correlation_id)
        elif kind == "complete":
            self._connections.forget_subscription(connection_id, operation_id(message))
        else:
            raise ProtocolViolation(CloseCode.BAD_REQUEST, f"Unknown message type {kind[:32]!r}")

    def _initialise(self, connection: LiveConnection, payload: object) -> None:
        if connection.acknowledged:
            raise ProtocolViolation(CloseCode.TOO_MANY_INITIALISATION_REQUESTS, "Too many initialisation requests")
        principal = self._principal(connection.connection_id, payload)
        if not self._connections.acknowledge(connection, principal):
            raise ProtocolViolation(CloseCode.TOO_MANY_INITIALISATION_REQUESTS, "Too many initialisation requests")
        self._gateway.send(connection.connection_id, {"type": "connection_ack"})

    def _principal(self, connection_id: str, payload: object) -> Principal:
        """No token: anonymous (as over HTTP; every subscription then answers UNAUTHENTICATED, audited).
        A token that is not a valid access token of our pool: the connection is refused (4403)."""
        header = payload.get("authorization") if isinstance(payload, dict) else None
        if header is None:
            return ANONYMOUS
        scheme, _, token = header.partition(" ") if isinstance(header, str) else ("", "", "")
        refused = Unauthenticated(ErrorCode.UNAUTHENTICATED)
        if scheme.lower() != "bearer" or not token.strip():
            raise ProtocolViolation(CloseCode.FORBIDDEN, "Forbidden: not a bearer token", refused)
        try:
            return self._tokens.principal_of(token.strip())
        except Exception as error:
            logger.info("websocket %s token refused: %s", connection_id, type(error).__name__)
            raise ProtocolViolation(CloseCode.FORBIDDEN, "Forbidden", refused) from None

    def _subscribe(self, connection: LiveConnection, message: dict[str, Any], correlation_id: str) -> None:
        if connection.principal is None:
            raise ProtocolViolation(CloseCode.UNAUTHORIZED, "Unauthorized")
        operation = operation_id(message)
        request = subscribe_request(message.get("payload"))
        caller = Caller(connection.principal, correlation_id)
        try:
            self._connections.ensure_room(connection.connection_id)
            decision = self._documents.prepare(caller, request)
        except DomainError as error:
            decision = SubscriptionRefused([coded(error)])
        if isinstance(decision, SubscriptionRefused):
            self._gateway.send(connection.connection_id, error_message(operation, decision.errors))
            return
        subscription = LiveSubscription(
            connection_id=connection.connection_id,
            operation_id=operation,
            topic=decision.topic,
            document=decision.document or request.query,
            principal=connection.principal,
            expires_at=connection.expires_at,
            variables=request.variables,
            operation_name=request.operation_name,
        )
        if not self._connections.keep(subscription):
            raise ProtocolViolation(CloseCode.SUBSCRIBER_ALREADY_EXISTS, f"Subscriber for {operation} already exists")
