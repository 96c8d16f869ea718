"""Administrators: the catalogue, the business calendar and staff accounts."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from functions.api.calendar_inputs import BusinessCalendarInput
from functions.api.catalogue_inputs import AgencyInput, ServiceInput
from functions.api.context import GraphQLContext
from functions.api.inputs import StaffAccountInput
from functions.api.results import result_of
from functions.api.types.business_calendar import BusinessCalendarType
from functions.api.types.catalogue import AgencyType, ServiceType
from functions.api.types.identity import StaffProfileType
from functions.api.types.problem import ConflictProblem, ForbiddenProblem, NotFoundProblem, ValidationProblem

__all__ = ["AdministrationMutations"]


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
        return result_of(  # type: ignore[return-value]
            lambda: AgencyType.of(context.use_cases.catalogue.define_agency(context.caller, input.to_domain()))
        )

    @strawberry.mutation(description="Administrators: define or update a service (form, documents, fee, route, SLAs).")
    def define_service(self, info: Info[GraphQLContext, None], input: ServiceInput) -> DefineServiceResult:
        context = info.context
        return result_of(  # type: ignore[return-value]
            lambda: ServiceType.of(context.use_cases.catalogue.define_service(context.caller, input.to_domain()))
        )

    @strawberry.mutation(
        description="Administrators: replace the business calendar (audited). It applies to the waits that start "
        "after it; a step already waiting keeps its due time."
    )
    def define_business_calendar(
        self, info: Info[GraphQLContext, None], input: BusinessCalendarInput
    ) -> DefineCalendarResult:
        context = info.context
        calendars = context.use_cases.business_calendars
        return result_of(  # type: ignore[return-value]
            lambda: BusinessCalendarType.of(calendars.define_business_calendar(context.caller, input.to_domain()))
        )

    @strawberry.mutation(description="Administrators: create a staff account; returns its temporary password once.")
    def create_staff_account(self, info: Info[GraphQLContext, None], input: StaffAccountInput) -> CreateStaffResult:
        context = info.context

        def create() -> StaffAccountWithPasswordType:
            created = context.use_cases.staff_accounts.create_staff_account(context.caller, input.to_form())
            return StaffAccountWithPasswordType(
                staff=StaffProfileType.of(created.staff), temporary_password=created.temporary_password
            )

        return result_of(create)  # type: ignore[return-value]

    @strawberry.mutation(description="Administrators: disable a staff account and sign it out everywhere.")
    def disable_staff_account(self, info: Info[GraphQLContext, None], user_id: strawberry.ID) -> DisableStaffResult:
        context = info.context
        return result_of(  # type: ignore[return-value]
            lambda: StaffProfileType.of(
                context.use_cases.staff_accounts.disable_staff_account(context.caller, str(user_id))
            )
        )
