"""Citizens' electronic records, opened at a centre after the operator verified their identity."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from functions.domain.calendar_dates import DateCalendar
from functions.domain.errors import ErrorCode, ValidationFailed
from functions.domain.identity_numbers import IdentityKind, NationalId, normalize_digits
from functions.domain.mobile import SaudiMobile

__all__ = [
    "Citizen",
    "CitizenDraft",
    "IdentityDocumentType",
    "IdentityEvidence",
    "Language",
    "validate_citizen_draft",
]

_MAX_AGE_YEARS = 130
_NAME_MAX = 100
_ARABIC_NAME = re.compile(r"^[\u0600-\u06FF\s\-'.]+$")
_ARABIC_LETTER = re.compile(r"[\u0621-\u064A]")
_LATIN_NAME = re.compile(r"^[A-Za-z\s\-'.]+$")
_DOCUMENT_NUMBER = re.compile(r"^[A-Z0-9]{4,20}$")


class Language(StrEnum):
    """The language of a citizen's SMS: Arabic, English, and the languages of Madinah's largest resident
    communities (Urdu, Bengali, Indonesian); their texts are the ``sms`` catalogues (docs/sms.md)."""

    AR = "ar"
    EN = "en"
    UR = "ur"
    BN = "bn"
    ID = "id"


class IdentityDocumentType(StrEnum):
    NATIONAL_ID_CARD = "NATIONAL_ID_CARD"
    IQAMA = "IQAMA"
    PASSPORT = "PASSPORT"
    FAMILY_RECORD = "FAMILY_RECORD"


@dataclass(frozen=True)
class IdentityEvidence:
    """The document the operator checked, who checked it, and when."""

    document_type: IdentityDocumentType
    document_number: str
    expires_on: date
    checked_by: str
    checked_at: datetime
    centre_id: str
    expires_on_calendar: DateCalendar = DateCalendar.GREGORIAN
    """The calendar the expiry was entered in, as the document prints it."""


@dataclass(frozen=True)
class CitizenDraft:
    national_id: NationalId
    name_ar: str
    name_en: str | None
    birth_date: date
    mobile: SaudiMobile
    language: Language
    evidence: IdentityEvidence
    birth_date_calendar: DateCalendar = DateCalendar.GREGORIAN


@dataclass(frozen=True)
class Citizen:
    citizen_id: str
    national_id: NationalId
    name_ar: str
    name_en: str | None
    birth_date: date
    mobile: SaudiMobile
    language: Language
    opened_at_centre: str
    opened_by: str
    opened_at: datetime
    evidence: IdentityEvidence
    birth_date_calendar: DateCalendar = DateCalendar.GREGORIAN
    """The calendar the birth date was entered in, as the ID card prints it."""

    @classmethod
    def from_draft(cls, citizen_id: str, draft: CitizenDraft) -> Citizen:
        return cls(
            citizen_id=citizen_id,
            national_id=draft.national_id,
            name_ar=draft.name_ar,
            name_en=draft.name_en,
            birth_date=draft.birth_date,
            mobile=draft.mobile,
            language=draft.language,
            opened_at_centre=draft.evidence.centre_id,
            opened_by=draft.evidence.checked_by,
            opened_at=draft.evidence.checked_at,
            evidence=draft.evidence,
            birth_date_calendar=draft.birth_date_calendar,
        )


def validate_citizen_draft(draft: CitizenDraft, today: date) -> None:
    if (
        not _ARABIC_LETTER.search(draft.name_ar)
        or not _ARABIC_NAME.fullmatch(draft.name_ar)
        or len(draft.name_ar) > _NAME_MAX
    ):
        raise ValidationFailed(ErrorCode.NAME_INVALID, field="nameAr")
    if draft.name_en is not None and (not _LATIN_NAME.fullmatch(draft.name_en) or len(draft.name_en) > _NAME_MAX):
        raise ValidationFailed(ErrorCode.NAME_INVALID, field="nameEn")
    if draft.birth_date > today:
        raise ValidationFailed(ErrorCode.BIRTH_DATE_IN_FUTURE, field="birthDate")
    if today.year - draft.birth_date.year > _MAX_AGE_YEARS:
        raise ValidationFailed(ErrorCode.BIRTH_DATE_INVALID, field="birthDate")
    validate_evidence(draft.evidence, draft.national_id, today)


def validate_evidence(evidence: IdentityEvidence, national_id: NationalId, today: date) -> None:
    """The checked document must be current and, when it carries the ID number, carry this one."""
    if not _DOCUMENT_NUMBER.fullmatch(evidence.document_number):
        raise ValidationFailed(ErrorCode.EVIDENCE_REQUIRED, field="evidence.documentNumber")
    if evidence.expires_on < today:
        raise ValidationFailed(ErrorCode.EVIDENCE_EXPIRED, field="evidence.expiresOn")
    expected = {
        IdentityKind.CITIZEN: IdentityDocumentType.NATIONAL_ID_CARD,
        IdentityKind.RESIDENT: IdentityDocumentType.IQAMA,
    }
    carries_id = evidence.document_type in {IdentityDocumentType.NATIONAL_ID_CARD, IdentityDocumentType.IQAMA}
    if carries_id and (
        evidence.document_type is not expected[national_id.kind]
        or normalize_digits(evidence.document_number) != national_id.value
    ):
        raise ValidationFailed(ErrorCode.EVIDENCE_MISMATCH, field="evidence")
