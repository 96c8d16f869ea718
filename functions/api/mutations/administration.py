"""Administrators: the catalogue, the business calendar and staff accounts; each mutation with its inputs."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated

import strawberry
from strawberry.types import Info

from functions.api.context import GraphQLContext
from functions.api.types.business_calendar import BusinessCalendarType
from functions.api.types.catalogue import AgencyType, ServiceType
from functions.api.types.enums.base import FieldType
from functions.api.types.enums.calendar_dates import Weekday
from functions.api.types.enums.identity import Role
from functions.api.types.identity import StaffProfileType
from functions.api.types.localized_text import LocalizedTextInput
from functions.api.types.problem import ConflictProblem, ForbiddenProblem, NotFoundProblem, ValidationProblem
from functions.api.types.time import MADINAH_DAY
from functions.domain.business_calendar import (
    AgencyHours,
    BusinessCalendar,
    DailyHours,
    FixedHoliday,
    HijriHoliday,
    WorkingPattern,
)
from functions.domain.catalogue import (
    Agency,
    Choice,
    FormField,
    RequiredDocument,
    RouteStage,
    Service,
    StageStep,
)
from functions.domain.money import Money
from functions.services.staff_accounts import StaffForm

__all__ = ["AdministrationMutations"]


@strawberry.input(name="OfficeHoursInput", description="HH:MM on Madinah's wall clock; closes up to 24:00.")
class OfficeHoursInput:
    opens: str
    closes: str

    def to_domain(self, field: str) -> DailyHours:
        return DailyHours.parse(self.opens, self.closes, field)


@strawberry.input(name="WorkingPatternInput")
class WorkingPatternInput:
    week: list[Weekday]
    hours: OfficeHoursInput
    ramadan_hours: OfficeHoursInput

    def to_domain(self) -> WorkingPattern:
        return WorkingPattern(
            week=tuple(self.week),
            hours=self.hours.to_domain("region.hours"),
            ramadan_hours=self.ramadan_hours.to_domain("region.ramadanHours"),
        )


@strawberry.input(name="HolidayInput", description="`days` days from (`month`, `day`) every year.")
class HolidayInput:
    name: LocalizedTextInput
    month: int
    day: int
    days: int = 1


@strawberry.input(name="AgencyHoursInput", description="An agency's own week or hours; leave out what the region's is.")
class AgencyHoursInput:
    agency_code: str
    week: list[Weekday] | None = None
    hours: OfficeHoursInput | None = None
    ramadan_hours: OfficeHoursInput | None = None

    def to_domain(self) -> AgencyHours:
        return AgencyHours(
            agency_code=self.agency_code,
            week=tuple(self.week) if self.week else None,
            hours=self.hours.to_domain("agencies.hours") if self.hours else None,
            ramadan_hours=self.ramadan_hours.to_domain("agencies.ramadanHours") if self.ramadan_hours else None,
        )


@strawberry.input(
    name="BusinessCalendarInput",
    description="The whole calendar, replacing the one in force for the waits that start from now on.",
)
class BusinessCalendarInput:
    region: WorkingPatternInput
    hijri_holidays: list[HolidayInput] = strawberry.field(
        description="In the Umm al-Qura calendar, e.g. Eid al-Fitr: month 10, day 1, 4 days."
    )
    gregorian_holidays: list[HolidayInput] = strawberry.field(
        description="In the Gregorian calendar, e.g. National Day: month 9, day 23."
    )
    closures: list[date] = strawberry.field(default_factory=list, description=f"One-off closed days. {MADINAH_DAY}")
    agencies: list[AgencyHoursInput] = strawberry.field(default_factory=list)

    def to_domain(self) -> BusinessCalendar:
        return BusinessCalendar(
            region=self.region.to_domain(),
            hijri_holidays=tuple(HijriHoliday(h.name.to_domain(), h.month, h.day, h.days) for h in self.hijri_holidays),
            fixed_holidays=tuple(
                FixedHoliday(h.name.to_domain(), h.month, h.day, h.days) for h in self.gregorian_holidays
            ),
            closures=tuple(self.closures),
            agencies=tuple(a.to_domain() for a in self.agencies),
        )


@strawberry.input
class AgencyInput:
    code: str
    name: LocalizedTextInput
    sms_name: LocalizedTextInput | None = strawberry.field(
        default=None, description="At most 16 characters each; required when the name is longer."
    )
    active: bool = True

    def to_domain(self) -> Agency:
        return Agency(
            code=self.code,
            name=self.name.to_domain(),
            active=self.active,
            sms_name=self.sms_name.to_domain() if self.sms_name else None,
        )


@strawberry.input
class ChoiceInput:
    value: str
    label: LocalizedTextInput


@strawberry.input
class FormFieldInput:
    key: str
    label: LocalizedTextInput
    type: FieldType
    required: bool = True
    max_length: int | None = None
    choices: list[ChoiceInput] = strawberry.field(default_factory=list)

    def to_domain(self) -> FormField:
        return FormField(
            key=self.key,
            label=self.label.to_domain(),
            type=self.type,
            required=self.required,
            max_length=self.max_length,
            choices=tuple(Choice(value=c.value, label=c.label.to_domain()) for c in self.choices),
        )


@strawberry.input
class RequiredDocumentInput:
    code: str
    name: LocalizedTextInput


@strawberry.input
class StageStepInput:
    agency_code: str
    task: LocalizedTextInput
    receipt_sla_hours: int = strawberry.field(description="Working hours to acknowledge receipt (docs/time.md).")
    processing_sla_hours: int = strawberry.field(description="Working hours to finish the step.")


@strawberry.input
class RouteStageInput:
    agencies: list[StageStepInput] = strawberry.field(description="Agencies of one stage work in parallel.")


@strawberry.input
class ServiceInput:
    code: str
    name: LocalizedTextInput
    description: LocalizedTextInput
    fee: Decimal = strawberry.field(description="SAR, at most two decimals.")
    stages: list[RouteStageInput]
    fields: list[FormFieldInput] = strawberry.field(default_factory=list)
    documents: list[RequiredDocumentInput] = strawberry.field(default_factory=list)
    active: bool = True

    def to_domain(self) -> Service:
        return Service(
            code=self.code,
            name=self.name.to_domain(),
            description=self.description.to_domain(),
            fee=Money.sar(self.fee),
            stages=tuple(
                RouteStage(
                    steps=tuple(
                        StageStep(
                            agency_code=step.agency_code,
                            task=step.task.to_domain(),
                            receipt_sla_hours=step.receipt_sla_hours,
                            processing_sla_hours=step.processing_sla_hours,
                        )
                        for step in stage.agencies
                    )
                )
                for stage in self.stages
            ),
            fields=tuple(f.to_domain() for f in self.fields),
            documents=tuple(RequiredDocument(code=d.code, name=d.name.to_domain()) for d in self.documents),
            active=self.active,
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


@strawberry.type(name="StaffAccountWithPassword", description="Hand `temporaryPassword` over now: it is shown once.")
class StaffAccountWithPasswordType:
    staff: StaffProfileType
    temporary_password: str


DefineAgencyResult = Annotated[
    AgencyType | ValidationProblem | ForbiddenProblem, strawberry.union("DefineAgencyResult")
]
DefineServiceResult = Annotated[
    ServiceType | ValidationProblem | ForbiddenProblem, strawberry.union("DefineServiceResult")
]
CreateStaffResult = Annotated[
    StaffAccountWithPasswordType | ValidationProblem | ConflictProblem | ForbiddenProblem | NotFoundProblem,
    strawberry.union("CreateStaffAccountResult"),
]
DefineCalendarResult = Annotated[
    BusinessCalendarType | ValidationProblem | ForbiddenProblem | ConflictProblem,
    strawberry.union("DefineBusinessCalendarResult"),
]
DisableStaffResult = Annotated[
    StaffProfileType | ForbiddenProblem | NotFoundProblem, strawberry.union("DisableStaffAccountResult")
]


@strawberry.type
class AdministrationMutations:
    @strawberry.mutation(description="Administrators: define or update an agency.")
    def define_agency(self, info: Info[GraphQLContext, None], input: AgencyInput) -> DefineAgencyResult:
        context = info.context
        return AgencyType.of(context.use_cases.catalogue.define_agency(context.caller, input.to_domain()))

    @strawberry.mutation(description="Administrators: define or update a service (form, documents, fee, route, SLAs).")
    def define_service(self, info: Info[GraphQLContext, None], input: ServiceInput) -> DefineServiceResult:
        context = info.context
        return ServiceType.of(context.use_cases.catalogue.define_service(context.caller, input.to_domain()))

    @strawberry.mutation(
        description="Administrators: replace the business calendar (audited). It applies to the waits that start "
        "after it; a step already waiting keeps its due time."
    )
    def define_business_calendar(
        self, info: Info[GraphQLContext, None], input: BusinessCalendarInput
    ) -> DefineCalendarResult:
        context = info.context
        calendars = context.use_cases.business_calendars
        return BusinessCalendarType.of(calendars.define_business_calendar(context.caller, input.to_domain()))

    @strawberry.mutation(description="Administrators: create a staff account; returns its temporary password once.")
    def create_staff_account(self, info: Info[GraphQLContext, None], input: StaffAccountInput) -> CreateStaffResult:
        context = info.context
        created = context.use_cases.staff_accounts.create_staff_account(context.caller, input.to_form())
        return StaffAccountWithPasswordType(
            staff=StaffProfileType.of(created.staff), temporary_password=created.temporary_password
        )

    @strawberry.mutation(description="Administrators: disable a staff account and sign it out everywhere.")
    def disable_staff_account(self, info: Info[GraphQLContext, None], user_id: strawberry.ID) -> DisableStaffResult:
        context = info.context
        return StaffProfileType.of(context.use_cases.staff_accounts.disable_staff_account(context.caller, str(user_id)))
