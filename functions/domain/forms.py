"""Checking a service request's form answers against the service's definitions (documents: ``documents``)."""

from __future__ import annotations

from datetime import date

from functions.domain.catalogue import FieldType, FormField
from functions.domain.errors import ErrorCode, ValidationFailed

__all__ = ["MAX_ANSWER_LENGTH", "validate_answers"]

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
