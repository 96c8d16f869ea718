"""GraphQL input types for the identity and administration mutations."""

from __future__ import annotations

import strawberry

from functions.api.types.enums import IdentityDocumentType, Language, Role
from functions.api.types.time import CalendarDateInput
from functions.services.citizen_records import EvidenceForm, OpenRecordForm
from functions.services.staff_accounts import StaffForm

__all__ = ["IdentityCheckInput", "OpenCitizenRecordInput", "StaffAccountInput"]


@strawberry.input(description="The identity document the operator checked at the counter.")
class IdentityCheckInput:
    document_type: IdentityDocumentType
    document_number: str
    expires_on: CalendarDateInput = strawberry.field(
        description='As printed: national ID cards print a Hijri expiry, e.g. {date: "1450-01-01", calendar: HIJRI}.'
    )

    def to_form(self) -> EvidenceForm:
        return EvidenceForm(self.document_type, self.document_number, self.expires_on.to_entry())


@strawberry.input
class OpenCitizenRecordInput:
    national_id: str = strawberry.field(description="10 digits (Eastern-Arabic digits accepted).")
    name_ar: str
    birth_date: CalendarDateInput = strawberry.field(
        description='As the ID card prints it, e.g. {date: "1412-05-17", calendar: HIJRI}; not in the future.'
    )
    mobile: str = strawberry.field(description="A Saudi mobile: 05XXXXXXXX, +9665XXXXXXXX or 009665XXXXXXXX.")
    identity_check: IdentityCheckInput | None
    name_en: str | None = None
    language: Language = Language.AR

    def to_form(self) -> OpenRecordForm:
        return OpenRecordForm(
            national_id=self.national_id,
            name_ar=self.name_ar,
            name_en=self.name_en,
            birth_date=self.birth_date.to_entry(),
            mobile=self.mobile,
            language=self.language,
            evidence=self.identity_check.to_form() if self.identity_check else None,
        )


@strawberry.input
class StaffAccountInput:
    role: Role
    national_id: str
    name_ar: str
    mobile: str
    name_en: str | None = None
    centre_id: str | None = None
    agency_code: str | None = None

    def to_form(self) -> StaffForm:
        return StaffForm(
            role=self.role,
            national_id=self.national_id,
            name_ar=self.name_ar,
            name_en=self.name_en,
            mobile=self.mobile,
            centre_id=self.centre_id,
            agency_code=self.agency_code,
        )
