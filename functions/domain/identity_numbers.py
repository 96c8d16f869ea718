"""Saudi national ID and Iqama numbers.

Ten digits; the first is 1 for a citizen's national ID and 2 for a resident's Iqama; the last is a
Luhn check digit over all ten. The check digit is a typo filter, not proof of identity: the identity
itself is what the centre operator verifies against the document in front of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from functions.domain.errors import ErrorCode, ValidationFailed

__all__ = ["IdentityKind", "NationalId", "ascii_digits", "luhn_valid", "normalize_digits"]

_DIGIT_TRANSLATION = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_LENGTH = 10


def ascii_digits(text: str) -> str:
    """Eastern-Arabic (and Persian) digits to ASCII digits, nothing else changed."""
    return text.translate(_DIGIT_TRANSLATION).strip()


def normalize_digits(text: str) -> str:
    """ASCII digits, with the spaces and dashes people type between groups removed."""
    return ascii_digits(text).replace(" ", "").replace("-", "")


def luhn_valid(digits: str) -> bool:
    total = 0
    for position, character in enumerate(reversed(digits)):
        digit = int(character)
        if position % 2 == 1:
            digit *= 2
            if digit > 9:  # noqa: PLR2004
                digit -= 9
        total += digit
    return total % 10 == 0


class IdentityKind(StrEnum):
    CITIZEN = "CITIZEN"
    RESIDENT = "RESIDENT"


@dataclass(frozen=True)
class NationalId:
    value: str

    @classmethod
    def parse(cls, text: str, field: str = "nationalId") -> NationalId:
        digits = normalize_digits(text)
        if len(digits) != _LENGTH or not digits.isascii() or not digits.isdigit():
            raise ValidationFailed(ErrorCode.NATIONAL_ID_LENGTH, field=field)
        if digits[0] not in "12":
            raise ValidationFailed(ErrorCode.NATIONAL_ID_PREFIX, field=field)
        if not luhn_valid(digits):
            raise ValidationFailed(ErrorCode.NATIONAL_ID_CHECK_DIGIT, field=field)
        return cls(digits)

    @property
    def kind(self) -> IdentityKind:
        return IdentityKind.CITIZEN if self.value[0] == "1" else IdentityKind.RESIDENT

    @property
    def masked(self) -> str:
        return f"{self.value[0]}******{self.value[-3:]}"

    def __str__(self) -> str:
        return self.masked
