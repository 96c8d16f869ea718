"""The monitoring office licenses centres: register, license (renew), suspend, reinstate, revoke; with their inputs."""

from __future__ import annotations

from datetime import date, time
from decimal import Decimal
from typing import Annotated

import strawberry
from strawberry.types import Info

from functions.api.context import GraphQLContext
from functions.api.types.centres import CentreType
from functions.api.types.enums.calendar_dates import Weekday
from functions.api.types.localized_text import LocalizedTextInput
from functions.api.types.problem import ConflictProblem, ForbiddenProblem, NotFoundProblem, ValidationProblem
from functions.api.value_lengths import FREE_TEXT, FreeText, OptionalFreeText
from functions.domain.centre_licensing import CentreRegistration
from functions.domain.centre_profile import GeoPoint, TechnicalChecklist, WorkingHours
from functions.domain.errors import ErrorCode, ValidationFailed
from functions.domain.money import Money

__all__ = ["LicensingMutations"]


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


CentreChangeResult = Annotated[
    CentreType | ValidationProblem | ConflictProblem | ForbiddenProblem | NotFoundProblem,
    strawberry.union("CentreChangeResult"),
]


@strawberry.type
class LicensingMutations:
    @strawberry.mutation(description="The monitoring office: put a new centre on file (REGISTERED, not serving yet).")
    def register_centre(self, info: Info[GraphQLContext, None], input: CentreRegistrationInput) -> CentreChangeResult:
        context = info.context
        return CentreType.of(context.use_cases.centre_licensing.register_centre(context.caller, input.to_form()))

    @strawberry.mutation(
        description="The monitoring office: license a registered centre (or renew an active one) until a future date."
    )
    def license_centre(
        self,
        info: Info[GraphQLContext, None],
        centre_id: strawberry.ID,
        expires_on: Annotated[
            date, strawberry.argument(description="The licence's last day: a Madinah business day (Asia/Riyadh).")
        ],
        checklist: TechnicalChecklistInput | None = None,
    ) -> CentreChangeResult:
        context = info.context
        licensing = context.use_cases.centre_licensing
        return CentreType.of(
            licensing.license_centre(
                context.caller, str(centre_id), expires_on, checklist.to_domain() if checklist else None
            )
        )

    @strawberry.mutation(description="The monitoring office: stop an active centre from taking new work.")
    def suspend_centre(
        self, info: Info[GraphQLContext, None], centre_id: strawberry.ID, reason: FreeText
    ) -> CentreChangeResult:
        context = info.context
        licensing = context.use_cases.centre_licensing
        return CentreType.of(licensing.suspend_centre(context.caller, str(centre_id), reason))

    @strawberry.mutation(description="The monitoring office: let a suspended centre serve again.")
    def reinstate_centre(
        self, info: Info[GraphQLContext, None], centre_id: strawberry.ID, note: OptionalFreeText = None
    ) -> CentreChangeResult:
        context = info.context
        licensing = context.use_cases.centre_licensing
        return CentreType.of(licensing.reinstate_centre(context.caller, str(centre_id), note))

    @strawberry.mutation(description="The monitoring office: revoke a centre's licence for good.")
    def revoke_centre(
        self, info: Info[GraphQLContext, None], centre_id: strawberry.ID, reason: FreeText
    ) -> CentreChangeResult:
        context = info.context
        licensing = context.use_cases.centre_licensing
        return CentreType.of(licensing.revoke_centre(context.caller, str(centre_id), reason))
