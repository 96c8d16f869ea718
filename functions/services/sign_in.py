"""Signing in with a national ID (or Iqama) number and a password, for citizens and staff alike;
renewing the session with the refresh token, and signing out.

Wrong password, unknown ID and a disabled account all get the same ``SIGN_IN_FAILED``; an unknown ID
still costs a call to Cognito (with a random user name) so timing tells little. Repeated failures make
the next attempt wait (``TOO_MANY_ATTEMPTS`` with the time it is accepted from), per source and per ID,
whatever Cognito says — an ID's delay never applies on a source the account trusts, so a stranger's
guesses cannot keep its owner out (``domain/throttling.py``). A known ID and an unknown one are
delayed alike.
"""

from __future__ import annotations

import uuid

from functions.domain.audit import Outcome, target
from functions.domain.errors import DomainError, ErrorCode, Unauthenticated, ValidationFailed
from functions.domain.identity_numbers import NationalId
from functions.domain.passwords import validate_new_password
from functions.domain.principal import Principal, Role
from functions.services.attempt_limits import AttemptLimits, account_subject
from functions.services.auditing import Auditor
from functions.services.caller import Caller
from functions.services.ports import (
    IdentityProvider,
    LoginDirectory,
    NewPasswordRequired,
    SignInRejected,
    Tokens,
)

__all__ = ["SignIn"]

# Cognito's refresh tokens are encrypted JWTs of about 1.8 KB; anything much longer is not one (the API's
# argument has the same limit, functions/api/value_lengths.py).
_MAX_REFRESH_TOKEN = 2_800


class SignIn:
    def __init__(
        self, *, directory: LoginDirectory, identity: IdentityProvider, limits: AttemptLimits, auditor: Auditor
    ) -> None:
        self._directory = directory
        self._identity = identity
        self._limits = limits
        self._auditor = auditor

    def sign_in(self, caller: Caller, national_id: str, password: str) -> Tokens | NewPasswordRequired:
        parsed = _parse_quietly(national_id)
        account = account_subject(parsed.value) if parsed is not None else None
        self._limits.before(caller.source, account)
        username = self._username(parsed)
        try:
            result = self._identity.sign_in(username, password)
        except SignInRejected as rejected:
            self._limits.failed(caller.source, account)
            raise ValidationFailed(ErrorCode.SIGN_IN_FAILED) from rejected
        if account is not None:
            self._limits.trust(account, caller.source)
        return result

    def complete_new_password(self, caller: Caller, national_id: str, session: str, new_password: str) -> Tokens:
        validate_new_password(new_password)
        parsed = _parse_quietly(national_id)
        username = self._username(parsed)
        try:
            tokens = self._identity.complete_new_password(username, session, new_password)
        except SignInRejected as rejected:
            raise ValidationFailed(ErrorCode.SIGN_IN_FAILED) from rejected
        user = Caller(Principal(user_id=username, role=caller.principal.role), caller.correlation_id)
        self._auditor.write(user, "completeNewPassword", target("user", username), Outcome.ALLOWED)
        return tokens

    def refresh_session(self, caller: Caller, refresh_token: str) -> Tokens:
        """A new access token while the refresh token is honoured; otherwise the session has ended."""
        if not 0 < len(refresh_token) <= _MAX_REFRESH_TOKEN:
            raise Unauthenticated(ErrorCode.SESSION_ENDED)
        try:
            return self._identity.refresh(refresh_token)
        except SignInRejected as rejected:
            raise Unauthenticated(ErrorCode.SESSION_ENDED) from rejected

    def sign_out(self, caller: Caller) -> None:
        """End the caller's sessions everywhere (a shared centre terminal leaves no usable token)."""
        if caller.session is None or caller.principal.role is Role.ANONYMOUS:
            raise Unauthenticated(ErrorCode.UNAUTHENTICATED)
        self._identity.sign_out(caller.principal.user_id)
        self._auditor.write(caller, "signOut", target("user", caller.principal.user_id), Outcome.ALLOWED)

    def _username(self, national_id: NationalId | None) -> str:
        login = self._directory.login_for(national_id) if national_id else None
        return login.user_id if login else uuid.uuid4().hex


def _parse_quietly(text: str) -> NationalId | None:
    try:
        return NationalId.parse(text)
    except DomainError:
        return None
