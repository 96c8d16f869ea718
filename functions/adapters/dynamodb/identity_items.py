"""Identity items in the main table (see docs/data-model.md).

* centre:            pk ``CENTRE#<id>``        sk ``CENTRE``     gsi1 ``CENTRES`` / ``<id>``
* citizen:           pk ``CITIZEN#<id>``       sk ``PROFILE``
* staff:             pk ``STAFF#<user id>``    sk ``PROFILE``    gsi1 ``TENANT#<centre|agency>#STAFF`` / ``<user id>``
* national-ID claim: pk ``NATIONAL_ID#<nid>``  sk ``CLAIM``      (unique; the login entry: user id and role)
* mobile claim:      pk ``MOBILE#<e164>``      sk ``CLAIM``      (the citizens' records on the number, bounded)
"""

from __future__ import annotations

from datetime import date

from pynamodb.attributes import (
    JSONAttribute,
    NumberAttribute,
    UnicodeAttribute,
    UnicodeSetAttribute,
    UTCDateTimeAttribute,
)

from functions.adapters.dynamodb.licensing_items import (
    checklist_from_json,
    checklist_to_json,
    hours_from_item,
    point_from_item,
)
from functions.adapters.dynamodb.main_table import MainTableItem
from functions.domain.calendar_dates import DateCalendar
from functions.domain.catalogue import LocalizedText
from functions.domain.centre import Centre, CentreStatus
from functions.domain.citizen import Citizen, IdentityDocumentType, IdentityEvidence, Language
from functions.domain.identity_numbers import NationalId
from functions.domain.mobile import SaudiMobile
from functions.domain.money import Money
from functions.domain.principal import Role
from functions.domain.staff import AccountStatus, StaffAccount

__all__ = [
    "CentreItem",
    "CitizenItem",
    "ClaimItem",
    "MobileClaimItem",
    "StaffItem",
    "centre_key",
    "citizen_key",
    "mobile_claim_key",
    "national_id_claim_key",
    "staff_key",
]

CENTRES_PARTITION = "CENTRES"
CLAIM = "CLAIM"
PROFILE = "PROFILE"


def centre_key(centre_id: str) -> str:
    return f"CENTRE#{centre_id}"


def citizen_key(citizen_id: str) -> str:
    return f"CITIZEN#{citizen_id}"


def staff_key(user_id: str) -> str:
    return f"STAFF#{user_id}"


def national_id_claim_key(national_id: NationalId) -> str:
    return f"NATIONAL_ID#{national_id.value}"


def mobile_claim_key(mobile: SaudiMobile) -> str:
    return f"MOBILE#{mobile.e164}"


class CentreItem(MainTableItem):
    name_ar = UnicodeAttribute()
    name_en = UnicodeAttribute()
    sms_name_ar = UnicodeAttribute()
    sms_name_en = UnicodeAttribute()
    district = UnicodeAttribute()
    status = UnicodeAttribute()
    licence_expires_on = UnicodeAttribute(null=True)
    service_charge_halalas = NumberAttribute()
    # the licensing file (functions/adapters/dynamodb/licensing_items.py has the helpers)
    operator_company = UnicodeAttribute(null=True)
    licence_number = UnicodeAttribute(null=True)
    latitude = NumberAttribute(null=True)
    longitude = NumberAttribute(null=True)
    working_days = UnicodeAttribute(null=True)
    opens_at = UnicodeAttribute(null=True)
    closes_at = UnicodeAttribute(null=True)
    checklist = JSONAttribute(null=True)
    status_reason = UnicodeAttribute(null=True)

    @classmethod
    def from_domain(cls, centre: Centre) -> CentreItem:
        return cls(
            pk=centre_key(centre.centre_id),
            sk="CENTRE",
            gsi1pk=CENTRES_PARTITION,
            gsi1sk=centre.centre_id,
            name_ar=centre.name.ar,
            name_en=centre.name.en,
            sms_name_ar=centre.sms_name.ar,
            sms_name_en=centre.sms_name.en,
            district=centre.district,
            status=centre.status.value,
            licence_expires_on=centre.licence_expires_on.isoformat() if centre.licence_expires_on else None,
            service_charge_halalas=centre.service_charge.halalas,
            operator_company=centre.operator_company or None,
            licence_number=centre.licence_number or None,
            latitude=centre.location.latitude if centre.location else None,
            longitude=centre.location.longitude if centre.location else None,
            working_days=",".join(centre.working_hours.days) if centre.working_hours else None,
            opens_at=centre.working_hours.opens.isoformat("minutes") if centre.working_hours else None,
            closes_at=centre.working_hours.closes.isoformat("minutes") if centre.working_hours else None,
            checklist=checklist_to_json(centre.checklist),
            status_reason=centre.status_reason,
        )

    def to_domain(self) -> Centre:
        return Centre(
            centre_id=self.gsi1sk or "",
            name=LocalizedText(self.name_ar, self.name_en),
            sms_name=LocalizedText(self.sms_name_ar, self.sms_name_en),
            district=self.district,
            status=CentreStatus(self.status),
            licence_expires_on=date.fromisoformat(self.licence_expires_on) if self.licence_expires_on else None,
            service_charge=Money(int(self.service_charge_halalas)),
            operator_company=self.operator_company or "",
            licence_number=self.licence_number or "",
            location=point_from_item(self.latitude, self.longitude),
            working_hours=hours_from_item(self.working_days, self.opens_at, self.closes_at),
            checklist=checklist_from_json(self.checklist),
            status_reason=self.status_reason,
        )


class CitizenItem(MainTableItem):
    citizen_id = UnicodeAttribute()
    national_id = UnicodeAttribute()
    name_ar = UnicodeAttribute()
    name_en = UnicodeAttribute(null=True)
    birth_date = UnicodeAttribute()
    birth_date_calendar = UnicodeAttribute(null=True)
    """The calendar it was entered in (absent on records opened before Hijri entry: Gregorian)."""
    mobile = UnicodeAttribute()
    language = UnicodeAttribute()
    opened_at_centre = UnicodeAttribute()
    opened_by = UnicodeAttribute()
    opened_at = UTCDateTimeAttribute()
    evidence_type = UnicodeAttribute()
    evidence_number = UnicodeAttribute()
    evidence_expires_on = UnicodeAttribute()
    evidence_expires_on_calendar = UnicodeAttribute(null=True)

    @classmethod
    def from_domain(cls, citizen: Citizen) -> CitizenItem:
        return cls(
            pk=citizen_key(citizen.citizen_id),
            sk=PROFILE,
            citizen_id=citizen.citizen_id,
            national_id=citizen.national_id.value,
            name_ar=citizen.name_ar,
            name_en=citizen.name_en,
            birth_date=citizen.birth_date.isoformat(),
            birth_date_calendar=citizen.birth_date_calendar.value,
            mobile=citizen.mobile.e164,
            language=citizen.language.value,
            opened_at_centre=citizen.opened_at_centre,
            opened_by=citizen.opened_by,
            opened_at=citizen.opened_at,
            evidence_type=citizen.evidence.document_type.value,
            evidence_number=citizen.evidence.document_number,
            evidence_expires_on=citizen.evidence.expires_on.isoformat(),
            evidence_expires_on_calendar=citizen.evidence.expires_on_calendar.value,
        )

    def to_domain(self) -> Citizen:
        return Citizen(
            citizen_id=self.citizen_id,
            national_id=NationalId(self.national_id),
            name_ar=self.name_ar,
            name_en=self.name_en,
            birth_date=date.fromisoformat(self.birth_date),
            mobile=SaudiMobile(self.mobile),
            language=Language(self.language),
            opened_at_centre=self.opened_at_centre,
            opened_by=self.opened_by,
            opened_at=self.opened_at,
            evidence=IdentityEvidence(
                document_type=IdentityDocumentType(self.evidence_type),
                document_number=self.evidence_number,
                expires_on=date.fromisoformat(self.evidence_expires_on),
                checked_by=self.opened_by,
                checked_at=self.opened_at,
                centre_id=self.opened_at_centre,
                expires_on_calendar=DateCalendar(self.evidence_expires_on_calendar or DateCalendar.GREGORIAN),
            ),
            birth_date_calendar=DateCalendar(self.birth_date_calendar or DateCalendar.GREGORIAN),
        )


class ClaimItem(MainTableItem):
    """A unique claim on a national ID (which is also the login entry) or on a mobile number."""

    user_id = UnicodeAttribute()
    role = UnicodeAttribute()


class MobileClaimItem(MainTableItem):
    """How many citizens' records a mobile number is on, and whose (a family may share a phone)."""

    records = NumberAttribute(null=True)
    citizens = UnicodeSetAttribute(null=True)


class StaffItem(MainTableItem):
    user_id = UnicodeAttribute()
    role = UnicodeAttribute()
    national_id = UnicodeAttribute()
    name_ar = UnicodeAttribute()
    name_en = UnicodeAttribute(null=True)
    mobile = UnicodeAttribute()
    centre_id = UnicodeAttribute(null=True)
    agency_code = UnicodeAttribute(null=True)
    status = UnicodeAttribute()

    @classmethod
    def from_domain(cls, staff: StaffAccount) -> StaffItem:
        return cls(
            pk=staff_key(staff.user_id),
            sk=PROFILE,
            gsi1pk=f"TENANT#{staff.centre_id or staff.agency_code or staff.role.value}#STAFF",
            gsi1sk=staff.user_id,
            user_id=staff.user_id,
            role=staff.role.value,
            national_id=staff.national_id.value,
            name_ar=staff.name_ar,
            name_en=staff.name_en,
            mobile=staff.mobile.e164,
            centre_id=staff.centre_id,
            agency_code=staff.agency_code,
            status=staff.status.value,
        )

    def to_domain(self) -> StaffAccount:
        return StaffAccount(
            user_id=self.user_id,
            role=Role(self.role),
            national_id=NationalId(self.national_id),
            name_ar=self.name_ar,
            name_en=self.name_en,
            mobile=SaudiMobile(self.mobile),
            centre_id=self.centre_id,
            agency_code=self.agency_code,
            status=AccountStatus(self.status),
        )
