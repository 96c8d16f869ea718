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

from enum import StrEnum

__all__ = [
    "Conflict",
    "DomainError",
    "ErrorCode",
    "Forbidden",
    "NotFound",
    "Unauthenticated",
    "ValidationFailed",
]


class ErrorCode(StrEnum):
    NOT_FOUND = "NOT_FOUND"
    FORBIDDEN = "FORBIDDEN"
    UNAUTHENTICATED = "UNAUTHENTICATED"
    VALIDATION_FAILED = "VALIDATION_FAILED"
    CONFLICT = "CONFLICT"
    BAD_CURSOR = "BAD_CURSOR"
    CODE_INVALID = "CODE_INVALID"
    NAME_REQUIRED = "NAME_REQUIRED"
    FEE_INVALID = "FEE_INVALID"
    SLA_INVALID = "SLA_INVALID"
    ROUTE_EMPTY = "ROUTE_EMPTY"
    ROUTE_UNKNOWN_AGENCY = "ROUTE_UNKNOWN_AGENCY"
    ROUTE_DUPLICATE_AGENCY = "ROUTE_DUPLICATE_AGENCY"
    FORM_FIELD_INVALID = "FORM_FIELD_INVALID"
    DOCUMENT_INVALID = "DOCUMENT_INVALID"
    ALREADY_EXISTS = "ALREADY_EXISTS"


MESSAGES: dict[ErrorCode, tuple[str, str]] = {
    ErrorCode.NOT_FOUND: ("العنصر المطلوب غير موجود.", "The requested item was not found."),
    ErrorCode.FORBIDDEN: ("ليست لديك صلاحية لهذه العملية.", "You are not allowed to perform this operation."),
    ErrorCode.UNAUTHENTICATED: ("يلزم تسجيل الدخول.", "Sign-in is required."),
    ErrorCode.VALIDATION_FAILED: ("البيانات المدخلة غير صحيحة.", "The input is not valid."),
    ErrorCode.CONFLICT: (
        "تغيّرت حالة الطلب، يرجى التحديث والمحاولة مجددًا.",
        "The item changed state; refresh and try again.",
    ),
    ErrorCode.BAD_CURSOR: ("مؤشر الصفحة غير صالح.", "The page cursor is not valid."),
    ErrorCode.CODE_INVALID: (
        "الرمز يجب أن يتكون من حروف لاتينية كبيرة وأرقام وشرطات.",
        "Codes are 2-32 capital Latin letters, digits and hyphens.",
    ),
    ErrorCode.NAME_REQUIRED: (
        "الاسم بالعربية والإنجليزية مطلوب.",
        "A name in Arabic and English is required.",
    ),
    ErrorCode.FEE_INVALID: ("الرسوم يجب ألا تكون سالبة.", "The fee must not be negative."),
    ErrorCode.SLA_INVALID: ("مدة الخدمة يجب أن تكون موجبة.", "Service-level times must be positive."),
    ErrorCode.ROUTE_EMPTY: (
        "مسار الخدمة يجب أن يضم مرحلة واحدة على الأقل.",
        "A service route needs at least one stage with one agency.",
    ),
    ErrorCode.ROUTE_UNKNOWN_AGENCY: (
        "مسار الخدمة يذكر جهة غير معرّفة.",
        "The service route names an agency that is not defined.",
    ),
    ErrorCode.ROUTE_DUPLICATE_AGENCY: (
        "لا يجوز تكرار الجهة في المرحلة نفسها.",
        "An agency may appear only once in a stage.",
    ),
    ErrorCode.FORM_FIELD_INVALID: ("تعريف حقل النموذج غير صحيح.", "A form field definition is not valid."),
    ErrorCode.DOCUMENT_INVALID: (
        "تعريف المستند المطلوب غير صحيح.",
        "A required-document definition is not valid.",
    ),
    ErrorCode.ALREADY_EXISTS: ("العنصر موجود مسبقًا.", "The item already exists."),
}


class DomainError(Exception):
    """An expected failure with a stable code and a bilingual, PII-free message."""

    default_code = ErrorCode.VALIDATION_FAILED

    def __init__(self, code: ErrorCode | None = None, *, field: str | None = None) -> None:
        self.code = code or self.default_code
        self.field = field
        self.message_ar, self.message_en = MESSAGES[self.code]
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
