"""The graphql-transport-ws protocol, one WebSocket message at a time, as API Gateway delivers them.

API Gateway keeps the socket; every ``$connect``, message and ``$disconnect`` is a separate invocation,
so the protocol's state lives in the connection store (DynamoDB) and the answers go back through the
management API. The protocol (https://github.com/enisdenjo/graphql-ws/blob/master/PROTOCOL.md):

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

import json
import logging
from dataclasses import replace
from datetime import timedelta
from enum import IntEnum
from typing import Any

from functions.domain.errors import DomainError, ErrorCode, Unauthenticated, ValidationFailed
from functions.domain.live import LiveConnection, LiveSubscription
from functions.domain.principal import ANONYMOUS, Principal
from functions.services.caller import Caller
from functions.services.live_ports import (
    AccessTokens,
    ConnectionGateway,
    ConnectionStore,
    SubscribeRequest,
    SubscriptionDocuments,
    SubscriptionRefused,
)
from functions.services.ports import Clock

__all__ = ["SUBPROTOCOL", "CloseCode", "LiveSessions"]

logger = logging.getLogger("shubbak.live")

SUBPROTOCOL = "graphql-transport-ws"
_MAX_OPERATION_ID = 128
_MAX_DOCUMENT = 16 * 1024


class CloseCode(IntEnum):
    BAD_REQUEST = 4400
    UNAUTHORIZED = 4401
    FORBIDDEN = 4403
    CONNECTION_INIT_TIMEOUT = 4408
    SUBSCRIBER_ALREADY_EXISTS = 4409
    TOO_MANY_INITIALISATION_REQUESTS = 4429


_REFUSAL_ID = "connection_init"


class _Closed(Exception):
    def __init__(self, code: CloseCode, reason: str, refusal: DomainError | None = None) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason
        self.refusal = refusal


class LiveSessions:
    def __init__(
        self,
        *,
        store: ConnectionStore,
        gateway: ConnectionGateway,
        tokens: AccessTokens,
        documents: SubscriptionDocuments,
        clock: Clock,
        init_timeout: timedelta,
        lifetime: timedelta,
        max_subscriptions: int,
    ) -> None:
        self._store = store
        self._gateway = gateway
        self._tokens = tokens
        self._documents = documents
        self._clock = clock
        self._init_timeout = init_timeout
        self._lifetime = lifetime
        self._max_subscriptions = max_subscriptions

    def connect(self, connection_id: str, offered_subprotocols: str | None) -> str | None:
        """The subprotocol to answer the handshake with, or None to refuse it."""
        offered = {p.strip() for p in (offered_subprotocols or "").split(",")}
        if SUBPROTOCOL not in offered:
            logger.info("websocket %s refused: subprotocol %s not offered", connection_id, SUBPROTOCOL)
            return None
        now = self._clock.now()
        self._store.open(LiveConnection(connection_id, connected_at=now, expires_at=now + self._init_timeout))
        return SUBPROTOCOL

    def disconnect(self, connection_id: str) -> None:
        self._store.remove_connection(connection_id)

    def receive(self, connection_id: str, body: str, correlation_id: str) -> None:
        try:
            self._receive(connection_id, body, correlation_id)
        except _Closed as closed:
            if closed.refusal is not None:
                refusal = {"id": _REFUSAL_ID, "type": "error", "payload": [_coded(closed.refusal)]}
                self._gateway.send(connection_id, refusal)
            self.close(connection_id, closed.reason, closed.code)

    def close(self, connection_id: str, reason: str, code: CloseCode | None = None) -> None:
        """Close (API Gateway closes with 1000; ``code`` is the protocol's, logged) and forget the connection."""
        logger.info("websocket %s closed: %s %s", connection_id, code.value if code else "-", reason)
        self._gateway.close(connection_id)
        self._store.remove_connection(connection_id)

    def close_connections_of(self, user_id: str) -> int:
        """An account disabled: its connections are closed at once (4403), not at the end of their life."""
        connection_ids = self._store.connections_of(user_id)
        for connection_id in connection_ids:
            self.close(connection_id, "Forbidden: the account was disabled", CloseCode.FORBIDDEN)
        return len(connection_ids)

    def sweep(self, limit: int = 500) -> int:
        """Close connections past their time: never initialised (4408), or at the end of their life."""
        expired = self._store.expired(self._clock.now(), limit)
        for connection in expired:
            if connection.acknowledged:
                self.close(connection.connection_id, "Connection expired")
            else:
                self.close(
                    connection.connection_id, "Connection initialisation timeout", CloseCode.CONNECTION_INIT_TIMEOUT
                )
        return len(expired)

    def _receive(self, connection_id: str, body: str, correlation_id: str) -> None:
        message = _message(body)
        kind = message["type"]
        if kind == "ping":
            self._gateway.send(connection_id, {"type": "pong"})
            return
        if kind == "pong":
            return
        connection = self._store.get(connection_id)
        if connection is None or connection.expires_at <= self._clock.now():
            raise _Closed(CloseCode.CONNECTION_INIT_TIMEOUT, "Connection expired or unknown")
        if kind == "connection_init":
            self._initialise(connection, message.get("payload"))
        elif kind == "subscribe":
            self._subscribe(connection, message, correlation_id)
        elif kind == "complete":
            self._store.remove_subscription(connection_id, _operation_id(message))
        else:
            raise _Closed(CloseCode.BAD_REQUEST, f"Unknown message type {kind[:32]!r}")

    def _initialise(self, connection: LiveConnection, payload: object) -> None:
        if connection.acknowledged:
            raise _Closed(CloseCode.TOO_MANY_INITIALISATION_REQUESTS, "Too many initialisation requests")
        principal = self._principal(connection.connection_id, payload)
        now = self._clock.now()
        acknowledged = replace(connection, principal=principal, expires_at=now + self._lifetime)
        if not self._store.acknowledge(acknowledged):
            raise _Closed(CloseCode.TOO_MANY_INITIALISATION_REQUESTS, "Too many initialisation requests")
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
            raise _Closed(CloseCode.FORBIDDEN, "Forbidden: not a bearer token", refused)
        try:
            return self._tokens.principal_of(token.strip())
        except Exception as error:
            logger.info("websocket %s token refused: %s", connection_id, type(error).__name__)
            raise _Closed(CloseCode.FORBIDDEN, "Forbidden", refused) from None

    def _subscribe(self, connection: LiveConnection, message: dict[str, Any], correlation_id: str) -> None:
        if connection.principal is None:
            raise _Closed(CloseCode.UNAUTHORIZED, "Unauthorized")
        operation_id = _operation_id(message)
        request = _subscribe_request(message.get("payload"))
        caller = Caller(connection.principal, correlation_id)
        try:
            if self._store.count_subscriptions(connection.connection_id) >= self._max_subscriptions:
                raise ValidationFailed(ErrorCode.TOO_MANY_SUBSCRIPTIONS)
            decision = self._documents.prepare(caller, request)
        except DomainError as error:
            decision = SubscriptionRefused([_coded(error)])
        if isinstance(decision, SubscriptionRefused):
            self._gateway.send(
                connection.connection_id, {"id": operation_id, "type": "error", "payload": decision.errors}
            )
            return
        subscription = LiveSubscription(
            connection_id=connection.connection_id,
            operation_id=operation_id,
            topic=decision.topic,
            document=decision.document or request.query,
            principal=connection.principal,
            expires_at=connection.expires_at,
            variables=request.variables,
            operation_name=request.operation_name,
        )
        if not self._store.add_subscription(subscription):
            raise _Closed(CloseCode.SUBSCRIBER_ALREADY_EXISTS, f"Subscriber for {operation_id} already exists")


def _message(body: str) -> dict[str, Any]:
    try:
        message = json.loads(body)
    except ValueError:
        raise _Closed(CloseCode.BAD_REQUEST, "Invalid message received: not JSON") from None
    if not isinstance(message, dict) or not isinstance(message.get("type"), str):
        raise _Closed(CloseCode.BAD_REQUEST, "Invalid message received: no type")
    return message


def _operation_id(message: dict[str, Any]) -> str:
    operation_id = message.get("id")
    if not isinstance(operation_id, str) or not 0 < len(operation_id) <= _MAX_OPERATION_ID:
        raise _Closed(CloseCode.BAD_REQUEST, "Invalid message received: bad id")
    return operation_id


def _subscribe_request(payload: object) -> SubscribeRequest:
    if not isinstance(payload, dict):
        raise _Closed(CloseCode.BAD_REQUEST, "Invalid message received: no payload")
    query, variables, name = payload.get("query"), payload.get("variables") or {}, payload.get("operationName")
    document_id = payload.get("documentId")
    if document_id is not None and (not isinstance(document_id, str) or len(document_id) > _MAX_OPERATION_ID):
        raise _Closed(CloseCode.BAD_REQUEST, "Invalid message received: bad document id")
    if document_id is not None and query is None:
        query = ""  # a trusted document named by its id (graphql-ws sends no text then)
    if not isinstance(query, str) or len(query) > _MAX_DOCUMENT:
        raise _Closed(CloseCode.BAD_REQUEST, "Invalid message received: bad query")
    if not isinstance(variables, dict) or not (name is None or isinstance(name, str)):
        raise _Closed(CloseCode.BAD_REQUEST, "Invalid message received: bad variables or operation name")
    return SubscribeRequest(query=query, variables=variables, operation_name=name, document_id=document_id)


def _coded(error: DomainError) -> dict[str, Any]:
    """A domain error as a GraphQL error, with the same extensions the API gives it everywhere."""
    extensions: dict[str, Any] = {
        "code": error.code.value,
        "messageAr": error.message_ar,
        "messageEn": error.message_en,
    }
    if error.field:
        extensions["field"] = error.field
    return {"message": error.message_en, "extensions": extensions}
