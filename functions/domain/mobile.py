"""Saudi mobile numbers, normalised to E.164 (+9665XXXXXXXX) with Google's libphonenumber metadata.

SMS is the citizen's channel, so only Saudi *mobile* numbers are accepted: a landline or a foreign
number is refused with its own code.

libphonenumber is imported when a number is first parsed, not when the module is: reading a stored
number (``SaudiMobile(e164)``) never needs it, and most requests only read (cold-start economy).
"""

from __future__ import annotations

from dataclasses import dataclass

from functions.domain.errors import ErrorCode, ValidationFailed
from functions.domain.identity_numbers import normalize_digits

__all__ = ["SaudiMobile"]

_SAUDI = "SA"


@dataclass(frozen=True)
class SaudiMobile:
    e164: str

    @classmethod
    def parse(cls, text: str, field: str = "mobile") -> SaudiMobile:
        import phonenumbers  # noqa: PLC0415 (see the module docstring)
        from phonenumbers import NumberParseException, PhoneNumberFormat, PhoneNumberType  # noqa: PLC0415

        try:
            number = phonenumbers.parse(normalize_digits(text), _SAUDI)
        except NumberParseException as error:
            raise ValidationFailed(ErrorCode.MOBILE_INVALID, field=field) from error
        if not phonenumbers.is_valid_number(number):
            raise ValidationFailed(ErrorCode.MOBILE_INVALID, field=field)
        if phonenumbers.region_code_for_number(number) != _SAUDI:
            raise ValidationFailed(ErrorCode.MOBILE_NOT_SAUDI, field=field)
        if phonenumbers.number_type(number) != PhoneNumberType.MOBILE:
            raise ValidationFailed(ErrorCode.MOBILE_NOT_MOBILE, field=field)
        return cls(phonenumbers.format_number(number, PhoneNumberFormat.E164))

    @property
    def masked(self) -> str:
        return f"{self.e164[:5]}*****{self.e164[-2:]}"

    def __str__(self) -> str:
        return self.masked
