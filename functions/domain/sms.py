"""Citizen SMS: the templates (their texts are in the ``sms`` catalogues, ``functions/locale/<language>/
LC_MESSAGES/sms.po``, one per citizen language), and the arithmetic of SMS segments.

Any character outside the GSM 03.38 alphabet (every Arabic letter) makes the whole message UCS-2:
70 characters in one segment, 67 per segment when concatenated; GSM-7 allows 160 / 153, with the
extension characters counting twice. Every Arabic and English template must fit ONE segment with its
longest values, every other language's at most TWO (tests render each with the longest values).
"""

from __future__ import annotations

from enum import StrEnum

from functions.domain.citizen import Language
from functions.domain.message_catalogues import text

__all__ = [
    "MAX_VALUE_LENGTHS",
    "SMS_DOMAIN",
    "SmsTemplate",
    "addressed",
    "encoding_of",
    "initials_of",
    "render",
    "segments",
]

SMS_DOMAIN = "sms"

_GSM_BASIC = set(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
_GSM_EXTENSION = set("^{}\\[~]|€")


# The longest value each placeholder may take; catalogue and centre rules enforce these lengths.
MAX_VALUE_LENGTHS = {"centre": 16, "agency": 16, "tracking": 15, "amount": 8, "time": 11, "bill": 12}


class SmsTemplate(StrEnum):
    RECORD_OPENED = "RECORD_OPENED"
    TEMPORARY_PASSWORD_REISSUED = "TEMPORARY_PASSWORD_REISSUED"
    REQUEST_SUBMITTED = "REQUEST_SUBMITTED"
    RECEIVED_BY_AGENCY = "RECEIVED_BY_AGENCY"
    RETURNED_TO_CENTRE = "RETURNED_TO_CENTRE"
    REJECTED = "REJECTED"
    COMPLETED_AT_CENTRE = "COMPLETED_AT_CENTRE"
    CANCELLED = "CANCELLED"
    COMPLAINT_RESOLVED = "COMPLAINT_RESOLVED"
    BILL_ISSUED = "BILL_ISSUED"
    BILL_EXPIRED = "BILL_EXPIRED"


def render(template: SmsTemplate, language: Language, values: dict[str, str]) -> str:
    """The template's text in the language's catalogue, its ``{placeholders}`` filled in."""
    return text(SMS_DOMAIN, template.value, (language.value,)).format(**values)


def initials_of(name: str | None) -> str | None:
    """The first letters of a name's first two words (``محمد عبدالله`` -> ``م.ع``): enough for a family
    sharing a phone to tell whose message it is, and never longer than the brand it replaces."""
    words = (name or "").split()
    return ".".join(word[0] for word in words[:2]) if words else None


def addressed(text: str, initials: str) -> str:
    """A message to a phone several records share: its brand prefix (``شبّاك:``, ``Shubbak:``; the sender ID
    already says who writes) gives way to the initials of whose message it is, so it never grows."""
    _, colon, rest = text.partition(":")
    return f"{initials}:{rest}" if colon else text


def encoding_of(text: str) -> str:
    return "GSM-7" if all(c in _GSM_BASIC or c in _GSM_EXTENSION for c in text) else "UCS-2"


def segments(text: str) -> int:
    if encoding_of(text) == "GSM-7":
        units = sum(2 if c in _GSM_EXTENSION else 1 for c in text)
        single, multi = 160, 153
    else:
        units = len(text.encode("utf-16-le")) // 2
        single, multi = 70, 67
    return 1 if units <= single else -(-units // multi)
