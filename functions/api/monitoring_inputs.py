"""GraphQL input types of the monitoring office: a centre's registration and checklist, an inspection."""

from __future__ import annotations

from datetime import date, time
from decimal import Decimal

import strawberry

from functions.api.catalogue_inputs import LocalizedTextInput
from functions.api.types.enums import ChecklistItem, FindingSeverity, Weekday
from functions.api.types.time import MADINAH_DAY
from functions.api.value_lengths import FREE_TEXT
from functions.domain.centre_licensing import CentreRegistration
from functions.domain.centre_profile import GeoPoint, TechnicalChecklist, WorkingHours
from functions.domain.errors import ErrorCode, ValidationFailed
from functions.domain.inspection import CheckResult, Finding, InspectionReport
from functions.domain.money import Money

__all__ = ["CentreRegistrationInput", "InspectionInput", "TechnicalChecklistInput"]


@strawberry.input(name="GeoPointInput")
class GeoPointInput:
    latitude: float
    longitude: float


@strawberry.input(name="WorkingHoursInput", description="Local (Madinah) time; opens before it closes.")
class WorkingHoursInput:
    days: list[Weekday]
    opens: time
    closes: time


@strawberry.input(name="TechnicalChecklistInput", description="What the centre has, as verified by the office.")
class TechnicalChecklistInput:
    workstations: int
    has_scanner: bool
    has_printer: bool
    line_mbps: int
    has_backup_line: bool
    trained_staff: int
    certified_staff: int
    step_free_access: bool
    accessible_counter: bool

    def to_domain(self) -> TechnicalChecklist:
        return TechnicalChecklist(
            workstations=self.workstations,
            has_scanner=self.has_scanner,
            has_printer=self.has_printer,
            line_mbps=self.line_mbps,
            has_backup_line=self.has_backup_line,
            trained_staff=self.trained_staff,
            certified_staff=self.certified_staff,
            step_free_access=self.step_free_access,
            accessible_counter=self.accessible_counter,
        )


@strawberry.input(name="CentreRegistrationInput")
class CentreRegistrationInput:
    centre_id: str = strawberry.field(description="2-32 capital letters, digits and hyphens, e.g. MED-C04.")
    name: LocalizedTextInput
    sms_name: LocalizedTextInput = strawberry.field(description="At most 16 characters each (it goes in SMS).")
    operator_company: str = strawberry.field(directives=[FREE_TEXT])
    licence_number: str = strawberry.field(description="e.g. LIC-MED-2026-0004; unique.")
    district: str = strawberry.field(description="One of Madinah's listed district codes, e.g. QUBA.")
    location: GeoPointInput
    working_hours: WorkingHoursInput
    service_charge: Decimal = strawberry.field(description="The posted service charge, SAR (0 to 100).")
    checklist: TechnicalChecklistInput

    def to_form(self) -> CentreRegistration:
        try:
            charge = Money.sar(self.service_charge)
        except ValidationFailed as error:
            raise ValidationFailed(ErrorCode.SERVICE_CHARGE_INVALID, field="serviceCharge") from error
        return CentreRegistration(
            centre_id=self.centre_id.strip().upper(),
            name=self.name.to_domain(),
            sms_name=self.sms_name.to_domain(),
            operator_company=self.operator_company,
            licence_number=self.licence_number,
            district=self.district.strip().upper(),
            location=GeoPoint(self.location.latitude, self.location.longitude),
            working_hours=WorkingHours(
                tuple(self.working_hours.days), self.working_hours.opens, self.working_hours.closes
            ),
            service_charge=charge,
            checklist=self.checklist.to_domain(),
        )


@strawberry.input(name="CheckResultInput")
class CheckResultInput:
    item: ChecklistItem
    passed: bool
    note: str | None = strawberry.field(default=None, directives=[FREE_TEXT])


@strawberry.input(name="FindingInput")
class FindingInput:
    severity: FindingSeverity
    text: str = strawberry.field(directives=[FREE_TEXT])


@strawberry.input(name="InspectionInput")
class InspectionInput:
    centre_id: strawberry.ID
    visited_on: date = strawberry.field(description=MADINAH_DAY)
    results: list[CheckResultInput] = strawberry.field(description="Every checklist item, once.")
    findings: list[FindingInput] = strawberry.field(default_factory=list)
    photos: list[str] = strawberry.field(
        default_factory=list, description="References (ids) of photos stored as documents."
    )
    follow_up_due: date | None = strawberry.field(
        default=None, description="Required with findings: the Madinah business day by which they are closed."
    )

    def to_report(self) -> InspectionReport:
        return InspectionReport(
            centre_id=str(self.centre_id),
            visited_on=self.visited_on,
            results=tuple(CheckResult(r.item, r.passed, r.note) for r in self.results),
            findings=tuple(Finding(f.severity, f.text) for f in self.findings),
            photos=tuple(self.photos),
            follow_up_due=self.follow_up_due,
        )
