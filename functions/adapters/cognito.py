"""Cognito as the identity provider: accounts, groups, temporary passwords and sign-in.

No password is stored by Shubbak. Accounts are created with ``MessageAction=SUPPRESS``: Cognito sends
nothing; the operator hands the temporary password over and Shubbak's own SMS tells the citizen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from botocore.exceptions import ClientError, ParamValidationError

from functions.domain.errors import ErrorCode, ValidationFailed
from functions.services.ports import NewPasswordRequired, SignInRejected, Tokens

if TYPE_CHECKING:
    from mypy_boto3_cognito_idp import CognitoIdentityProviderClient

__all__ = ["CognitoIdentityProvider"]

_REJECTIONS = {
    "NotAuthorizedException",
    "UserNotFoundException",
    "PasswordResetRequiredException",
    "UserNotConfirmedException",
    "TooManyRequestsException",
    "TooManyFailedAttemptsException",
    "CodeMismatchException",
    "ExpiredCodeException",
    "ResourceNotFoundException",
}


class CognitoIdentityProvider:
    def __init__(self, client: CognitoIdentityProviderClient, user_pool_id: str, client_id: str) -> None:
        self._cognito = client
        self._pool = user_pool_id
        self._client_id = client_id

    def create_user(self, username: str, temporary_password: str, groups: list[str]) -> None:
        self._cognito.admin_create_user(
            UserPoolId=self._pool, Username=username, TemporaryPassword=temporary_password, MessageAction="SUPPRESS"
        )
        for group in groups:
            self._cognito.admin_add_user_to_group(UserPoolId=self._pool, Username=username, GroupName=group)

    def delete_user(self, username: str) -> None:
        self._cognito.admin_delete_user(UserPoolId=self._pool, Username=username)

    def set_temporary_password(self, username: str, temporary_password: str) -> None:
        self._cognito.admin_set_user_password(
            UserPoolId=self._pool, Username=username, Password=temporary_password, Permanent=False
        )

    def disable_user(self, username: str) -> None:
        self._cognito.admin_disable_user(UserPoolId=self._pool, Username=username)
        self.sign_out(username)

    def signed_in(self, access_token: str) -> bool:
        """Cognito answers ``GetUser`` only for a session it still honours: after a sign-out (global or
        an administrator's), a disabled account or a deleted user it refuses the token."""
        try:
            self._cognito.get_user(AccessToken=access_token)
        except ClientError as error:
            if _code(error) in {"NotAuthorizedException", "UserNotFoundException"}:
                return False
            raise
        return True

    def ensure_group(self, name: str) -> None:
        try:
            self._cognito.create_group(UserPoolId=self._pool, GroupName=name)
        except ClientError as error:
            if _code(error) != "GroupExistsException":
                raise

    def sign_in(self, username: str, password: str) -> Tokens | NewPasswordRequired:
        try:
            response = self._cognito.initiate_auth(
                ClientId=self._client_id,
                AuthFlow="USER_PASSWORD_AUTH",
                AuthParameters={"USERNAME": username, "PASSWORD": password},
            )
        except ClientError as error:
            raise _rejection_or(error) from error
        if response.get("ChallengeName") == "NEW_PASSWORD_REQUIRED":
            return NewPasswordRequired(session=response["Session"])
        return _tokens(response)

    def complete_new_password(self, username: str, session: str, new_password: str) -> Tokens:
        try:
            response = self._cognito.respond_to_auth_challenge(
                ClientId=self._client_id,
                ChallengeName="NEW_PASSWORD_REQUIRED",
                Session=session,
                ChallengeResponses={"USERNAME": username, "NEW_PASSWORD": new_password},
            )
        except ParamValidationError as error:
            # botocore refuses, before sending, a session Cognito never issues (under 20 characters):
            # to the caller that is the same as a session Cognito refuses.
            raise SignInRejected from error
        except ClientError as error:
            if _code(error) == "InvalidPasswordException":
                raise ValidationFailed(ErrorCode.PASSWORD_TOO_WEAK, field="newPassword") from error
            raise _rejection_or(error) from error
        return _tokens(response)

    def refresh(self, refresh_token: str) -> Tokens:
        """REFRESH_TOKEN_AUTH: Cognito answers with a new access token and no new refresh token (the
        same one stays valid until it expires or the user signs out)."""
        try:
            response = self._cognito.initiate_auth(
                ClientId=self._client_id,
                AuthFlow="REFRESH_TOKEN_AUTH",
                AuthParameters={"REFRESH_TOKEN": refresh_token},
            )
        except ClientError as error:
            raise _rejection_or(error) from error
        return _tokens(response)

    def sign_out(self, username: str) -> None:
        """Cognito's global sign-out of the user (the administrator's call, as for a disabled account:
        the user's own ``GlobalSignOut`` is unsigned, and moto answers it from another region): every
        refresh token revoked, and ``GetUser`` (the session check of high-risk operations) refuses the
        access tokens issued before."""
        self._cognito.admin_user_global_sign_out(UserPoolId=self._pool, Username=username)


def _code(error: ClientError) -> str:
    return str(error.response.get("Error", {}).get("Code", ""))


def _rejection_or(error: ClientError) -> Exception:
    return SignInRejected() if _code(error) in _REJECTIONS else error


def _tokens(response: Any) -> Tokens:
    result = response["AuthenticationResult"]
    return Tokens(
        access_token=result["AccessToken"],
        refresh_token=result.get("RefreshToken"),
        expires_in=int(result.get("ExpiresIn", 0)),
    )
