"""GraphQL over HTTP: the media type of each answer, its status, and errors that never reach GraphQL.

Every answer on ``/graphql`` is a GraphQL response in JSON (GQL-19): invalid JSON, a wrong content type,
a batch, a missing query, a method or path the server does not serve all answer
``{"errors": [{"message", "extensions": {"code", "messageAr", "messageEn"}}]}``, never plain text.

The media type follows the GraphQL-over-HTTP specification as its reference server (the npm package
``graphql-http``) negotiates it: the first entry of ``Accept`` that names
``application/graphql-response+json`` or ``application/json`` (``*/*``, ``application/*`` and a missing
header mean ``application/json``) chooses it; an ``Accept`` that allows neither is refused (406).
A request refused before execution (parse, validation, variables) answers HTTP 400 under
``application/graphql-response+json`` and HTTP 200 under ``application/json``, as the specification
says; either way its body has no ``data`` entry.
"""

from __future__ import annotations

from collections.abc import Mapping
from contextvars import ContextVar

from starlette.responses import JSONResponse
from strawberry.http import GraphQLHTTPResponse

from functions.api.error_policy import bilingual
from functions.domain.errors import ErrorCode

__all__ = [
    "GRAPHQL_RESPONSE_JSON",
    "JSON",
    "RESPONSE_MEDIA_TYPE",
    "accepted_media_type",
    "error_response",
    "is_request_error",
]

GRAPHQL_RESPONSE_JSON = "application/graphql-response+json"
JSON = "application/json"
_MEANS_JSON = frozenset({JSON, "application/*", "*/*"})

RESPONSE_MEDIA_TYPE: ContextVar[str] = ContextVar("graphql_response_media_type", default=JSON)
"""The media type negotiated for the request being served (set by the view before it runs)."""


def accepted_media_type(accept: str | None) -> str | None:
    for entry in (accept or "*/*").replace(" ", "").lower().split(","):
        media_type, *parameters = entry.split(";")
        charset = next((p for p in parameters if p.startswith("charset=")), "charset=utf-8")
        if charset not in {"charset=utf-8", "charset=utf8"}:
            continue
        if media_type == GRAPHQL_RESPONSE_JSON:
            return GRAPHQL_RESPONSE_JSON
        if media_type in _MEANS_JSON:
            return JSON
    return None


def is_request_error(response: GraphQLHTTPResponse) -> bool:
    """Parse, validation and variable errors stop the request before execution.

    Such errors carry no ``path``; a field error during execution always does (and stays HTTP 200).
    """
    errors = response.get("errors") or []
    return (
        response.get("data") is None and bool(errors) and all(isinstance(e, dict) and "path" not in e for e in errors)
    )


def error_response(
    status: int, code: ErrorCode, detail: str, *, media_type: str = JSON, headers: Mapping[str, str] | None = None
) -> JSONResponse:
    body = {"errors": [{"message": detail, "extensions": bilingual(code)}]}
    return JSONResponse(body, status_code=status, media_type=media_type, headers=headers)
