"""Bearer tokens are verified before GraphQL sees the request: a bad token never reaches a resolver.

No ``Authorization`` header: the request is anonymous (the catalogue and request tracking are public).
On an anonymous path (``/graphql/public``, which API Gateway serves without its JWT authorizer) every
request is anonymous, whatever it carries: signed-in work goes through the authorised route only.
A header that is not a valid access token of our user pool: HTTP 401 with code ``UNAUTHENTICATED``.
The principal (and so every scope) comes from the verified token only.
"""

from __future__ import annotations

import asyncio
import json
import logging
from typing import Protocol

from starlette.types import ASGIApp, Receive, Scope, Send

from functions.domain.principal import ANONYMOUS, Principal

__all__ = ["BearerAuthentication", "TokenVerifier", "principal_in", "session_in"]

logger = logging.getLogger("shubbak.auth")
_PRINCIPAL = "principal"
_SESSION = "session"


class TokenVerifier(Protocol):
    def principal_of(self, token: str) -> Principal:
        """The token's principal; raises for any token that is not a valid access token."""
        ...


def principal_in(scope: Scope) -> Principal:
    principal = (scope.get("state") or {}).get(_PRINCIPAL)
    return principal if isinstance(principal, Principal) else ANONYMOUS


def session_in(scope: Scope) -> str | None:
    """The verified access token the principal was read from (None when anonymous)."""
    session = (scope.get("state") or {}).get(_SESSION)
    return session if isinstance(session, str) else None


class BearerAuthentication:
    def __init__(self, app: ASGIApp, verifier: TokenVerifier, anonymous_paths: frozenset[str] = frozenset()) -> None:
        self.app = app
        self.verifier = verifier
        self.anonymous_paths = anonymous_paths

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        header = dict(scope.get("headers") or []).get(b"authorization")
        principal, session = ANONYMOUS, None
        if header is not None and scope.get("path") not in self.anonymous_paths:
            session = _bearer_token(header.decode("latin-1"))
            verified = await self._verify(session) if session else None
            if verified is None:
                await _refuse(send)
                return
            principal = verified
        state = scope.setdefault("state", {})
        state[_PRINCIPAL], state[_SESSION] = principal, session
        await self.app(scope, receive, send)

    async def _verify(self, token: str) -> Principal | None:
        try:
            return await asyncio.to_thread(self.verifier.principal_of, token)
        except Exception as error:
            logger.info("bearer token refused: %s", type(error).__name__)
            return None


def _bearer_token(header: str) -> str | None:
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


async def _refuse(send: Send) -> None:
    body = json.dumps(
        {
            "errors": [
                {
                    "message": "Sign-in is required.",
                    "extensions": {
                        "code": "UNAUTHENTICATED",
                        "messageAr": "يلزم تسجيل الدخول.",
                        "messageEn": "Sign-in is required.",
                    },
                }
            ]
        }
    ).encode()
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
        (b"www-authenticate", b'Bearer error="invalid_token"'),
    ]
    await send({"type": "http.response.start", "status": 401, "headers": headers})
    await send({"type": "http.response.body", "body": body})
