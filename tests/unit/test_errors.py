from __future__ import annotations

import re

import pytest

from functions.domain.errors import Conflict, DomainError, ErrorCode, NotFound, ValidationFailed, messages_of

ARABIC_LETTER = re.compile(r"[\u0600-\u06FF]")


@pytest.mark.parametrize("code", list(ErrorCode))
def test_every_code_has_an_arabic_and_an_english_message(code: ErrorCode) -> None:
    arabic, english = messages_of(code)
    assert ARABIC_LETTER.search(arabic)
    assert english.isascii()
    assert english.strip()


@pytest.mark.parametrize("code", list(ErrorCode))
def test_messages_are_templates_without_personal_data(code: ErrorCode) -> None:
    """No digits runs that could be an ID or phone, no placeholders filled with user input."""
    for message in messages_of(code):
        assert not re.search(r"\d{3,}", message)
        assert "{" not in message


def test_errors_carry_their_code_field_and_both_messages() -> None:
    error = ValidationFailed(ErrorCode.FEE_INVALID, field="fee")
    assert (error.code, error.field) == (ErrorCode.FEE_INVALID, "fee")
    assert error.message_en == messages_of(ErrorCode.FEE_INVALID)[1]
    assert error.message_ar == messages_of(ErrorCode.FEE_INVALID)[0]


def test_each_kind_has_its_default_code() -> None:
    assert NotFound().code is ErrorCode.NOT_FOUND
    assert Conflict().code is ErrorCode.CONFLICT
    assert isinstance(NotFound(), DomainError)
