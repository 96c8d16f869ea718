"""Citizen SMS: templates in Arabic and English, and the arithmetic of SMS segments.

Any character outside the GSM 03.38 alphabet (every Arabic letter) makes the whole message UCS-2:
70 characters in one segment, 67 per segment when concatenated; GSM-7 allows 160 / 153, with the
extension characters counting twice. Every template must fit ONE segment with its longest values
(a test renders each with the longest seeded names).
"""

from __future__ import annotations

from enum import StrEnum

from functions.domain.citizen import Language

__all__ = ["MAX_VALUE_LENGTHS", "TEMPLATES", "SmsTemplate", "encoding_of", "render", "segments"]

_GSM_BASIC = set(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
_GSM_EXTENSION = set("^{}\\[~]|€")


# The longest value each placeholder may take; catalogue and centre rules enforce these lengths.
MAX_VALUE_LENGTHS = {"centre": 16, "agency": 16, "tracking": 15, "amount": 8, "time": 11}


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


TEMPLATES: dict[SmsTemplate, dict[Language, str]] = {
    SmsTemplate.RECORD_OPENED: {
        Language.AR: "شبّاك: فُتح سجلك في {centre}؛ ادخل بهويتك وكلمة المرور المؤقتة",
        Language.EN: "Shubbak: your e-record was opened at {centre}. Sign in with your ID number and the"
        " temporary password you were given.",
    },
    SmsTemplate.TEMPORARY_PASSWORD_REISSUED: {
        Language.AR: "شبّاك: أُصدرت لك كلمة مرور مؤقتة جديدة في {centre}",
        Language.EN: "Shubbak: a new temporary password was issued to you at {centre}. If this was not you, call 199.",
    },
    SmsTemplate.REQUEST_SUBMITTED: {
        Language.AR: "شبّاك: سُجل طلبك {tracking} ودُفع {amount} ر.س، احتفظ بالإيصال",
        Language.EN: "Shubbak: request {tracking} received and SAR {amount} paid. Keep your receipt.",
    },
    SmsTemplate.RECEIVED_BY_AGENCY: {
        Language.AR: "شبّاك: استلمت {agency} طلبك {tracking} في {time}",
        Language.EN: "Shubbak: {agency} received your request {tracking} at {time}.",
    },
    SmsTemplate.RETURNED_TO_CENTRE: {
        Language.AR: "شبّاك: طلبك {tracking} ينقصه مستند، راجع {centre}",
        Language.EN: "Shubbak: request {tracking} needs a missing item; please visit {centre}.",
    },
    SmsTemplate.REJECTED: {
        Language.AR: "شبّاك: رفضت {agency} طلبك {tracking}، السبب لدى المركز",
        Language.EN: "Shubbak: {agency} rejected request {tracking}; {centre} has the reason.",
    },
    SmsTemplate.COMPLETED_AT_CENTRE: {
        Language.AR: "شبّاك: أُنجز طلبك {tracking}، استلمه من {centre}",
        Language.EN: "Shubbak: request {tracking} is done; collect it at {centre}.",
    },
    SmsTemplate.CANCELLED: {
        Language.AR: "شبّاك: أُلغي طلبك {tracking} وأُعيد لك {amount} ريال",
        Language.EN: "Shubbak: request {tracking} was cancelled; SAR {amount} refunded.",
    },
}
TEMPLATES[SmsTemplate.COMPLAINT_RESOLVED] = {
    Language.AR: "شبّاك: عولجت شكواك بشأن طلبك {tracking}، شكرًا لك",
    Language.EN: "Shubbak: your complaint about request {tracking} was resolved. Thank you.",
}


def render(template: SmsTemplate, language: Language, values: dict[str, str]) -> str:
    return TEMPLATES[template][language].format(**values)


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
