"""First (temporary) passwords and the rules for the citizen's own password.

Temporary passwords are generated here, handed to Cognito and returned once to the operator: they are
never stored by us and never logged. They avoid look-alike characters so they can be read aloud.
"""

from __future__ import annotations

import secrets

from functions.domain.errors import ErrorCode, ValidationFailed

__all__ = ["MAX_PASSWORD_LENGTH", "MIN_PASSWORD_LENGTH", "generate_temporary_password", "validate_new_password"]

MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 256
_READABLE = "ABCDEFGHJKMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789"
_GROUPS = 3
_GROUP_LENGTH = 4


def generate_temporary_password() -> str:
    """Three groups of four readable characters, e.g. ``h7Kq-29xM-aPz4`` (14 characters, ~70 bits)."""
    groups = ("".join(secrets.choice(_READABLE) for _ in range(_GROUP_LENGTH)) for _ in range(_GROUPS))
    return "-".join(groups)


def validate_new_password(password: str) -> None:
    if not MIN_PASSWORD_LENGTH <= len(password) <= MAX_PASSWORD_LENGTH:
        raise ValidationFailed(ErrorCode.PASSWORD_TOO_WEAK, field="newPassword")
