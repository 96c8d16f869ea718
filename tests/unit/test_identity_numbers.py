"""National ID / Iqama numbers (RELIABILITY ID-01, ID-02) and Saudi mobiles (ID-03)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from functions.domain.errors import ErrorCode, ValidationFailed
from functions.domain.identity_numbers import IdentityKind, NationalId, luhn_valid
from functions.domain.mobile import SaudiMobile


def reference_luhn(digits: str) -> bool:
    """An independent Luhn: double every second digit from the right, sum the digits of the products."""
    total = 0
    for index, digit in enumerate(int(d) for d in reversed(digits)):
        total += sum(divmod(digit * 2, 10)) if index % 2 else digit
    return total % 10 == 0


def refusal(text: str) -> ErrorCode:
    with pytest.raises(ValidationFailed) as raised:
        NationalId.parse(text)
    return raised.value.code


@pytest.mark.parametrize(
    ("text", "kind"), [("1000000008", IdentityKind.CITIZEN), ("2000000006", IdentityKind.RESIDENT)]
)
def test_fixed_vectors_are_valid(text: str, kind: IdentityKind) -> None:
    assert NationalId.parse(text).kind is kind


def test_eastern_arabic_digits_are_normalised() -> None:
    assert NationalId.parse("١٠٠٠٠٠٠٠٠٨").value == "1000000008"
    assert NationalId.parse("۲۰۰۰۰۰۰۰۰۶").value == "2000000006"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("1000000000", ErrorCode.NATIONAL_ID_CHECK_DIGIT),
        ("3000000004", ErrorCode.NATIONAL_ID_PREFIX),
        ("100000000", ErrorCode.NATIONAL_ID_LENGTH),
        ("10000000081", ErrorCode.NATIONAL_ID_LENGTH),
        ("10000000a8", ErrorCode.NATIONAL_ID_LENGTH),
        ("", ErrorCode.NATIONAL_ID_LENGTH),
    ],
)
def test_invalid_numbers_are_refused_with_their_own_code(text: str, code: ErrorCode) -> None:
    assert refusal(text) is code


def test_the_masked_form_keeps_the_first_and_last_three_digits() -> None:
    assert NationalId.parse("1999999996").masked == "1******996"
    assert str(NationalId.parse("1999999996")) == "1******996"


@st.composite
def valid_ids(draw: st.DrawFn) -> str:
    body = draw(st.sampled_from("12")) + draw(st.text("0123456789", min_size=8, max_size=8))
    return next(body + d for d in "0123456789" if reference_luhn(body + d))


@settings(max_examples=300)
@given(valid_ids())
def test_a_completed_body_is_valid(number: str) -> None:
    assert NationalId.parse(number).value == number


@settings(max_examples=300)
@given(valid_ids(), st.integers(min_value=1, max_value=9), st.integers(min_value=1, max_value=9))
def test_any_single_digit_change_is_caught(number: str, position: int, shift: int) -> None:
    changed = number[:position] + str((int(number[position]) + shift) % 10) + number[position + 1 :]
    with pytest.raises(ValidationFailed):
        NationalId.parse(changed)


@settings(max_examples=500)
@given(st.text("0123456789", min_size=10, max_size=10))
def test_luhn_agrees_with_a_reference_implementation(digits: str) -> None:
    assert luhn_valid(digits) == reference_luhn(digits)


@pytest.mark.parametrize("text", ["+966512345678", "00966512345678", "0512345678", "٠٥١٢٣٤٥٦٧٨", "05 1234 5678"])
def test_saudi_mobiles_normalise_to_e164(text: str) -> None:
    assert SaudiMobile.parse(text).e164 == "+966512345678"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("+966112345678", ErrorCode.MOBILE_NOT_MOBILE),
        ("0112345678", ErrorCode.MOBILE_NOT_MOBILE),
        ("+14155552671", ErrorCode.MOBILE_NOT_SAUDI),
        ("+971501234567", ErrorCode.MOBILE_NOT_SAUDI),
        ("05123", ErrorCode.MOBILE_INVALID),
        ("not a number", ErrorCode.MOBILE_INVALID),
    ],
)
def test_landlines_foreign_and_broken_numbers_are_refused(text: str, code: ErrorCode) -> None:
    with pytest.raises(ValidationFailed) as raised:
        SaudiMobile.parse(text)
    assert raised.value.code is code


def test_the_masked_mobile() -> None:
    assert SaudiMobile.parse("0512345678").masked == "+9665*****78"
