"""Checking a service request's form answers and documents against the service's definitions."""

from __future__ import annotations

from datetime import date

from functions.domain.catalogue import FieldType, FormField, RequiredDocument
from functions.domain.errors import ErrorCode, ValidationFailed

__all__ = ["MAX_ANSWER_LENGTH", "validate_answers", "validate_documents"]

MAX_ANSWER_LENGTH = 500
_TRUE_FALSE = {"true", "false"}
_LARGEST_NUMBER = 1e15


def validate_answers(fields: tuple[FormField, ...], answers: dict[str, str]) -> dict[str, str]:
    """The answers, trimmed; every failure names its field (``answers.<key>``)."""
    known = {form_field.key: form_field for form_field in fields}
    for key in answers:
        if key not in known:
            raise ValidationFailed(ErrorCode.FORM_FIELD_UNKNOWN, field=f"answers.{key}"[:80])
    cleaned: dict[str, str] = {}
    for form_field in fields:
        value = answers.get(form_field.key, "").strip()
        if not value:
            if form_field.required:
                raise ValidationFailed(ErrorCode.FORM_FIELD_REQUIRED, field=f"answers.{form_field.key}")
            continue
        _check(form_field, value)
        cleaned[form_field.key] = value
    return cleaned


def _check(form_field: FormField, value: str) -> None:
    where = f"answers.{form_field.key}"
    limit = form_field.max_length or MAX_ANSWER_LENGTH
    if len(value) > limit:
        raise ValidationFailed(ErrorCode.FORM_FIELD_TOO_LONG, field=where)
    if form_field.type is FieldType.NUMBER and not _is_number(value):
        raise ValidationFailed(ErrorCode.FORM_FIELD_TYPE, field=where)
    if form_field.type is FieldType.DATE and not _is_date(value):
        raise ValidationFailed(ErrorCode.FORM_FIELD_TYPE, field=where)
    if form_field.type is FieldType.BOOLEAN and value.lower() not in _TRUE_FALSE:
        raise ValidationFailed(ErrorCode.FORM_FIELD_TYPE, field=where)
    if form_field.type is FieldType.CHOICE and value not in {choice.value for choice in form_field.choices}:
        raise ValidationFailed(ErrorCode.FORM_FIELD_CHOICE, field=where)


def _is_number(value: str) -> bool:
    try:
        number = float(value)
    except ValueError:
        return False
    return number == number and abs(number) < _LARGEST_NUMBER  # noqa: PLR0124 (rejects NaN)


def _is_date(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def validate_documents(required: tuple[RequiredDocument, ...], provided: list[str]) -> tuple[str, ...]:
    """Every document the service lists must be provided (as a reference, for now); no others."""
    codes = {document.code for document in required}
    for code in provided:
        if code not in codes:
            raise ValidationFailed(ErrorCode.DOCUMENT_UNKNOWN, field="documents")
    for document in required:
        if document.code not in provided:
            raise ValidationFailed(ErrorCode.DOCUMENT_MISSING, field=f"documents.{document.code}")
    return tuple(code for code in (d.code for d in required) if code in provided)
