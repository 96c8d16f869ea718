"""Typed, bilingual domain errors.

Every expected failure is a :class:`DomainError` carrying a stable :class:`ErrorCode`; clients match on
the code, never on the text. Messages are fixed templates in Arabic and English and never carry
personal data (national IDs, phones, names), so they are safe to log and to return.

Hierarchy::

    DomainError
    ├── NotFound          the object does not exist, or the caller may not know it exists
    ├── Forbidden         authenticated, but the role may not perform the operation at all
    ├── Unauthenticated   no valid credentials
    ├── ValidationFailed  input breaks a rule (``field`` names the offending input)
    └── Conflict          the object changed or is in another state than the operation expects
"""

from __future__ import annotations

from functions.domain.error_codes import ErrorCode
from functions.domain.error_messages import messages_of

__all__ = [
    "Conflict",
    "DomainError",
    "ErrorCode",
    "Forbidden",
    "NotFound",
    "Unauthenticated",
    "ValidationFailed",
    "messages_of",
]


class DomainError(Exception):
    """An expected failure with a stable code and a bilingual, PII-free message."""

    default_code = ErrorCode.VALIDATION_FAILED

    def __init__(self, code: ErrorCode | None = None, *, field: str | None = None) -> None:
        self.code = code or self.default_code
        self.field = field
        self.message_ar, self.message_en = messages_of(self.code)
        super().__init__(f"{self.code}: {self.message_en}" + (f" (field: {field})" if field else ""))


class NotFound(DomainError):
    default_code = ErrorCode.NOT_FOUND


class Forbidden(DomainError):
    default_code = ErrorCode.FORBIDDEN


class Unauthenticated(DomainError):
    default_code = ErrorCode.UNAUTHENTICATED


class ValidationFailed(DomainError):
    default_code = ErrorCode.VALIDATION_FAILED


class Conflict(DomainError):
    default_code = ErrorCode.CONFLICT
