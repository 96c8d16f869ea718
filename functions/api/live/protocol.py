"""graphql-transport-ws on the wire (https://github.com/enisdenjo/graphql-ws/blob/master/PROTOCOL.md):
the subprotocol, the close codes, the client's messages read (a message that breaks the protocol is a
:class:`ProtocolViolation`, which closes the connection) and the server's messages written."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any

from functions.domain.errors import DomainError

__all__ = [
    "REFUSAL_ID",
    "SUBPROTOCOL",
    "CloseCode",
    "ProtocolViolation",
    "SubscribeRequest",
    "coded",
    "error_message",
    "next_message",
    "operation_id",
    "read_message",
    "subscribe_request",
]

SUBPROTOCOL = "graphql-transport-ws"
REFUSAL_ID = "connection_init"
"""The ``id`` of the ``error`` message that refuses a ``connection_init`` (the protocol gives it none)."""
_MAX_OPERATION_ID = 128
_MAX_DOCUMENT = 16 * 1024


class CloseCode(IntEnum):
    BAD_REQUEST = 4400
    UNAUTHORIZED = 4401
    FORBIDDEN = 4403
    CONNECTION_INIT_TIMEOUT = 4408
    SUBSCRIBER_ALREADY_EXISTS = 4409
    TOO_MANY_INITIALISATION_REQUESTS = 4429


class ProtocolViolation(Exception):
    """The connection must close with ``code``; ``refusal``, when set, is told the client first."""

    def __init__(self, code: CloseCode, reason: str, refusal: DomainError | None = None) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason
        self.refusal = refusal


@dataclass(frozen=True)
class SubscribeRequest:
    """The payload of a ``subscribe`` message."""

    query: str
    variables: dict[str, object] = field(default_factory=dict)
    operation_name: str | None = None
    document_id: str | None = None
    """A trusted document named by its id (``sha256:…``) instead of its text (docs/web.md)."""


def read_message(body: str) -> dict[str, Any]:
    try:
        message = json.loads(body)
    except ValueError:
        raise ProtocolViolation(CloseCode.BAD_REQUEST, "Invalid message received: not JSON") from None
    if not isinstance(message, dict) or not isinstance(message.get("type"), str):
        raise ProtocolViolation(CloseCode.BAD_REQUEST, "Invalid message received: no type")
    return message


def operation_id(message: dict[str, Any]) -> str:
    operation = message.get("id")
    if not isinstance(operation, str) or not 0 < len(operation) <= _MAX_OPERATION_ID:
        raise ProtocolViolation(CloseCode.BAD_REQUEST, "Invalid message received: bad id")
    return operation


def subscribe_request(payload: object) -> SubscribeRequest:
    if not isinstance(payload, dict):
        raise ProtocolViolation(CloseCode.BAD_REQUEST, "Invalid message received: no payload")
    query, variables, name = payload.get("query"), payload.get("variables") or {}, payload.get("operationName")
    document_id = payload.get("documentId")
    if document_id is not None and (not isinstance(document_id, str) or len(document_id) > _MAX_OPERATION_ID):
        raise ProtocolViolation(CloseCode.BAD_REQUEST, "Invalid message received: bad document id")
    if document_id is not None and query is None:
        query = ""  # a trusted document named by its id (graphql-ws sends no text then)
    if not isinstance(query, str) or len(query) > _MAX_DOCUMENT:
        raise ProtocolViolation(CloseCode.BAD_REQUEST, "Invalid message received: bad query")
    if not isinstance(variables, dict) or not (name is None or isinstance(name, str)):
        raise ProtocolViolation(CloseCode.BAD_REQUEST, "Invalid message received: bad variables or operation name")
    return SubscribeRequest(query=query, variables=variables, operation_name=name, document_id=document_id)


def error_message(operation: str, errors: list[dict[str, Any]]) -> dict[str, Any]:
    return {"id": operation, "type": "error", "payload": errors}


def next_message(operation: str, payload: dict[str, Any]) -> dict[str, Any]:
    return {"id": operation, "type": "next", "payload": payload}


def coded(error: DomainError) -> dict[str, Any]:
    """A domain error as a GraphQL error, with the same extensions the API gives it everywhere."""
    extensions: dict[str, Any] = {
        "code": error.code.value,
        "messageAr": error.message_ar,
        "messageEn": error.message_en,
    }
    if error.field:
        extensions["field"] = error.field
    return {"message": error.message_en, "extensions": extensions}
