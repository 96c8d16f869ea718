"""Identity types: citizens' records (masked by who is looking), staff, sign-in results, SMS, audit."""

from __future__ import annotations

from datetime import date, datetime

import strawberry

from functions.api.types.enums.identity import AccountStatus, IdentityDocumentType, Language, Role, Visibility
from functions.api.types.time import CalendarDateInput, CalendarDateType, MadinahTimeType
from functions.domain.audit import AuditRecord
from functions.domain.calendar_dates import EnteredDate
from functions.domain.staff import StaffAccount
from functions.domain.visibility import CitizenView
from functions.services.citizen_records import EvidenceForm

__all__ = [
    "AuditRecordType",
    "CitizenRecordType",
    "IdentityCheckInput",
    "NewPasswordRequiredType",
    "SignedInType",
    "StaffProfileType",
]


@strawberry.input(description="The identity document the operator checked at the counter.")
class IdentityCheckInput:
    document_type: IdentityDocumentType
    document_number: str
    expires_on: CalendarDateInput = strawberry.field(
        description='As printed: national ID cards print a Hijri expiry, e.g. {date: "1450-01-01", calendar: HIJRI}.'
    )

    def to_form(self) -> EvidenceForm:
        return EvidenceForm(self.document_type, self.document_number, self.expires_on.to_entry())


@strawberry.type(name="IdentityCheck", description="The identity document a centre operator checked.")
class IdentityCheckType:
    document_type: IdentityDocumentType
    expires_on: date = strawberry.field(description="Gregorian; see expiresOnCalendars for the date as printed.")
    expires_on_calendars: CalendarDateType
    checked_at: datetime
    checked_at_madinah: MadinahTimeType
    centre_id: str


@strawberry.type(name="CitizenRecord", description="A citizen's electronic record; personal data is masked by role.")
class CitizenRecordType:
    id: strawberry.ID
    visibility: Visibility
    national_id: str
    name_ar: str
    name_en: str | None
    birth_date: str = strawberry.field(description="ISO date (Gregorian); only the year when masked.")
    birth_date_calendars: CalendarDateType | None = strawberry.field(
        description="The birth date in both calendars, with the calendar it was entered in; null when masked."
    )
    mobile: str = strawberry.field(description="E.164 for the citizen; masked (+9665*****12) for others.")
    language: Language
    opened_at: datetime
    opened_at_madinah: MadinahTimeType
    opened_at_centre: str
    identity_check: IdentityCheckType | None = strawberry.field(description="Shown to the citizen and operators.")

    @classmethod
    def of(cls, view: CitizenView) -> CitizenRecordType:
        citizen = view.citizen
        evidence = citizen.evidence
        return cls(
            id=strawberry.ID(citizen.citizen_id),
            visibility=view.visibility,
            national_id=view.national_id,
            name_ar=view.name_ar,
            name_en=view.name_en,
            birth_date=view.birth_date,
            birth_date_calendars=CalendarDateType.entered(view.birth_day) if view.birth_day else None,
            mobile=view.mobile,
            language=citizen.language,
            opened_at=citizen.opened_at,
            opened_at_madinah=MadinahTimeType.of(citizen.opened_at),
            opened_at_centre=citizen.opened_at_centre,
            identity_check=None
            if view.visibility is Visibility.MASKED
            else IdentityCheckType(
                document_type=evidence.document_type,
                expires_on=evidence.expires_on,
                expires_on_calendars=CalendarDateType.entered(
                    EnteredDate(evidence.expires_on, evidence.expires_on_calendar)
                ),
                checked_at=evidence.checked_at,
                checked_at_madinah=MadinahTimeType.of(evidence.checked_at),
                centre_id=evidence.centre_id,
            ),
        )


@strawberry.type(name="StaffProfile", description="A staff account: operator, officer, monitor or administrator.")
class StaffProfileType:
    id: strawberry.ID
    role: Role
    name_ar: str
    name_en: str | None
    centre_id: str | None
    agency_code: str | None
    status: AccountStatus
    mobile: str = strawberry.field(description="Masked.")

    @classmethod
    def of(cls, staff: StaffAccount) -> StaffProfileType:
        return cls(
            id=strawberry.ID(staff.user_id),
            role=staff.role,
            name_ar=staff.name_ar,
            name_en=staff.name_en,
            centre_id=staff.centre_id,
            agency_code=staff.agency_code,
            status=staff.status,
            mobile=staff.mobile.masked,
        )


@strawberry.type(name="SignedIn", description="Send `accessToken` as `Authorization: Bearer <token>`.")
class SignedInType:
    access_token: str
    refresh_token: str | None
    expires_in: int


@strawberry.type(name="SignedOut", description="Your sessions have ended; forget the tokens you kept.")
class SignedOutType:
    signed_out: bool


@strawberry.type(
    name="NewPasswordRequired", description="First sign-in: set your own password with `completeNewPassword`."
)
class NewPasswordRequiredType:
    session: str


@strawberry.type(name="AuditRecord", description="One append-only audit record.")
class AuditRecordType:
    id: strawberry.ID
    at: datetime
    actor: str
    role: str
    tenant: str | None
    action: str
    target: str
    outcome: str
    correlation_id: str

    @classmethod
    def of(cls, record: AuditRecord) -> AuditRecordType:
        return cls(
            id=strawberry.ID(record.record_id),
            at=record.at,
            actor=record.actor,
            role=record.role,
            tenant=record.tenant,
            action=record.action,
            target=record.target,
            outcome=record.outcome.value,
            correlation_id=record.correlation_id,
        )
