"""Trusted documents (RELIABILITY GQL-18): outside ``local`` and ``dev`` the gateway runs only the
operation documents of ``graphql/``, the ones the screens are generated from.

``trusted_documents.json`` beside this module is written by the web's code generation
(``web/codegen.mjs``, ``make web-codegen``) from the same documents as the typed client code: each
document's printed text under its id, ``sha256:<hex digest of that text>``. It ships inside the Lambda
artifact with the rest of ``functions/``; a test fails when it differs from what the generator writes.

A request names its document in one of two ways (GraphQL over HTTP, persisted documents):

* ``{"documentId": "sha256:…"}``: the manifest's text for that id is run, in every stage; an id the
  manifest does not hold is refused (``DOCUMENT_ID_UNKNOWN``);
* ``{"query": "…"}``: where documents are enforced, the text's own hash must be a manifest id, else it
  is refused (``DOCUMENT_NOT_TRUSTED``) — by hashing its bytes, before any GraphQL parser sees it.

Over HTTP :class:`TrustedDocumentsGate` does this in front of the Strawberry view (an ASGI middleware,
after the body size limit); over the WebSocket API ``functions/api/live/trusted.py`` does it
in front of the subscription documents. No library does this for Strawberry's ASGI view: it is hand-written.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from functions.api.error_policy import coded_extensions
from functions.domain.errors import ErrorCode, ValidationFailed

__all__ = [
    "MANIFEST",
    "TrustedDocuments",
    "TrustedDocumentsGate",
    "document_id_of",
    "enforced_in",
]

MANIFEST = Path(__file__).with_name("trusted_documents.json")
OPEN_STAGES = frozenset({"local", "dev"})
"""Stages that run any document (GraphiQL, ad-hoc queries); every other stage enforces the manifest."""


def document_id_of(text: str) -> str:
    return "sha256:" + hashlib.sha256(text.encode()).hexdigest()


def enforced_in(stage: str) -> bool:
    return stage not in OPEN_STAGES


@dataclass(frozen=True)
class TrustedDocuments:
    texts: Mapping[str, str]
    """The manifest: document id -> document text."""
    enforced: bool

    @classmethod
    def for_stage(cls, stage: str, manifest: Path = MANIFEST) -> TrustedDocuments:
        return cls(texts=_manifest(manifest), enforced=enforced_in(stage))

    def document_for(self, query: object, document_id: object) -> object:
        """The text to run for a request's ``query`` and ``documentId``; ValidationFailed if refused.

        Neither given, or a ``query`` that is not a string: returned as it came, for the GraphQL layer
        to refuse as it refuses any malformed request (nothing is run)."""
        if document_id is not None:
            text = self.texts.get(document_id) if isinstance(document_id, str) else None
            if text is None:
                raise ValidationFailed(ErrorCode.DOCUMENT_ID_UNKNOWN, field="documentId")
            return text
        if self.enforced and isinstance(query, str) and document_id_of(query) not in self.texts:
            raise ValidationFailed(ErrorCode.DOCUMENT_NOT_TRUSTED, field="query")
        return query


@cache
def _manifest(path: Path) -> Mapping[str, str]:
    texts: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))
    return texts


def refusal(error: ValidationFailed) -> dict[str, Any]:
    return {"message": error.message_en, "extensions": coded_extensions(error)}


class TrustedDocumentsGate:
    """ASGI middleware: a POSTed JSON body with ``documentId`` gets the manifest's ``query`` in its
    place; a ``query`` outside the manifest is refused with HTTP 400 where documents are enforced."""

    def __init__(self, app: ASGIApp, documents: TrustedDocuments) -> None:
        self.app = app
        self.documents = documents

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST":
            await self.app(scope, receive, send)
            return
        body = await _read_body(receive)
        request = _json_object(body)
        if request is not None and ("documentId" in request or "query" in request):
            try:
                query = self.documents.document_for(request.get("query"), request.pop("documentId", None))
            except ValidationFailed as error:
                await _refuse(send, error)
                return
            body = json.dumps({**request, "query": query}).encode()
        await self.app(_with_length(scope, len(body)), _replay(body), send)


async def _read_body(receive: Receive) -> bytes:
    """The whole body (the body size limit, outside this middleware, has already bounded it)."""
    chunks = []
    while True:
        message = await receive()
        chunks.append(message.get("body", b""))
        if not message.get("more_body"):
            return b"".join(chunks)


def _json_object(body: bytes) -> dict[str, Any] | None:
    try:
        parsed = json.loads(body)
    except ValueError:
        return None
    return parsed if isinstance(parsed, dict) else None


def _with_length(scope: Scope, length: int) -> Scope:
    headers = [(name, value) for name, value in scope.get("headers") or [] if name != b"content-length"]
    return {**scope, "headers": [*headers, (b"content-length", str(length).encode())]}


def _replay(body: bytes) -> Receive:
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return receive


async def _refuse(send: Send, error: ValidationFailed) -> None:
    body = json.dumps({"errors": [refusal(error)]}, ensure_ascii=False).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": 400, "headers": headers})
    await send({"type": "http.response.body", "body": body})
