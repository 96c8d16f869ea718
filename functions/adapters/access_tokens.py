"""Verifying Cognito access tokens ourselves, before any resolver runs.

RS256 only (``alg: none`` and HS256 are refused), signature against the pool's JWKS (fetched by
PyJWT's ``PyJWKClient``, cached for five minutes and looked up again for an unknown key id), expiry,
issuer, ``token_use == "access"`` (an ID token is refused) and ``client_id`` of our app client.
If the JWKS cannot be fetched, verification fails closed.

PyJWT (and the cryptography library under it) is loaded by the first token to verify: an anonymous
first request (the catalogue, a sign-in) does not pay for it.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Any

from functions.domain.principal import Principal

if TYPE_CHECKING:
    import jwt

__all__ = ["CognitoAccessTokens", "InvalidToken"]

_JWKS_LIFESPAN_SECONDS = 300
JWKS_TIMEOUT_SECONDS = 3
_LEEWAY_SECONDS = 5


class InvalidToken(Exception):
    pass


class CognitoAccessTokens:
    def __init__(self, *, jwks_url: str, issuer: str, client_id: str) -> None:
        self.issuer = issuer
        self.client_id = client_id
        self._jwks_url = jwks_url

    @cached_property
    def _jwks(self) -> jwt.PyJWKClient:
        import jwt  # noqa: PLC0415 (see the module docstring)

        return jwt.PyJWKClient(
            self._jwks_url, cache_jwk_set=True, lifespan=_JWKS_LIFESPAN_SECONDS, timeout=JWKS_TIMEOUT_SECONDS
        )

    def principal_of(self, token: str) -> Principal:
        claims = self._verified_claims(token)
        groups = claims.get("cognito:groups") or []
        principal = Principal.from_groups(str(claims.get("username", "")), [str(g) for g in groups])
        if principal is None or not principal.user_id:
            raise InvalidToken("inconsistent groups")
        return principal

    def _verified_claims(self, token: str) -> dict[str, Any]:
        import jwt  # noqa: PLC0415 (see the module docstring)

        try:
            key = self._jwks.get_signing_key_from_jwt(token)
            claims: dict[str, Any] = jwt.decode(
                token,
                key.key,
                algorithms=["RS256"],
                issuer=self.issuer,
                leeway=_LEEWAY_SECONDS,
                options={"require": ["exp", "iss", "token_use", "client_id", "username"], "verify_aud": False},
            )
        except (jwt.PyJWTError, ValueError) as error:
            raise InvalidToken(type(error).__name__) from error
        if claims.get("token_use") != "access" or claims.get("client_id") != self.client_id:
            raise InvalidToken("not an access token of this client")
        return claims
