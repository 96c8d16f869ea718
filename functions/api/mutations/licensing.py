"""The monitoring office licenses centres: register, license (renew), suspend, reinstate, revoke."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import strawberry
from strawberry.types import Info

from functions.api.context import GraphQLContext
from functions.api.monitoring_inputs import CentreRegistrationInput, TechnicalChecklistInput
from functions.api.results import result_of
from functions.api.types.centres import CentreType
from functions.api.types.problem import ConflictProblem, ForbiddenProblem, NotFoundProblem, ValidationProblem
from functions.api.value_lengths import FreeText, OptionalFreeText

__all__ = ["LicensingMutations"]

CentreChangeResult = Annotated[
    CentreType | ValidationProblem | ConflictProblem | ForbiddenProblem | NotFoundProblem,
    strawberry.union("CentreChangeResult"),
]


@strawberry.type
class LicensingMutations:
    @strawberry.mutation(description="The monitoring office: put a new centre on file (REGISTERED, not serving yet).")
    def register_centre(self, info: Info[GraphQLContext, None], input: CentreRegistrationInput) -> CentreChangeResult:
        context = info.context
        return result_of(  # type: ignore[return-value]
            lambda: CentreType.of(context.use_cases.centre_licensing.register_centre(context.caller, input.to_form()))
        )

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
        return result_of(  # type: ignore[return-value]
            lambda: CentreType.of(
                licensing.license_centre(
                    context.caller, str(centre_id), expires_on, checklist.to_domain() if checklist else None
                )
            )
        )

    @strawberry.mutation(description="The monitoring office: stop an active centre from taking new work.")
    def suspend_centre(
        self, info: Info[GraphQLContext, None], centre_id: strawberry.ID, reason: FreeText
    ) -> CentreChangeResult:
        context = info.context
        licensing = context.use_cases.centre_licensing
        return result_of(lambda: CentreType.of(licensing.suspend_centre(context.caller, str(centre_id), reason)))  # type: ignore[return-value]

    @strawberry.mutation(description="The monitoring office: let a suspended centre serve again.")
    def reinstate_centre(
        self, info: Info[GraphQLContext, None], centre_id: strawberry.ID, note: OptionalFreeText = None
    ) -> CentreChangeResult:
        context = info.context
        licensing = context.use_cases.centre_licensing
        return result_of(lambda: CentreType.of(licensing.reinstate_centre(context.caller, str(centre_id), note)))  # type: ignore[return-value]

    @strawberry.mutation(description="The monitoring office: revoke a centre's licence for good.")
    def revoke_centre(
        self, info: Info[GraphQLContext, None], centre_id: strawberry.ID, reason: FreeText
    ) -> CentreChangeResult:
        context = info.context
        licensing = context.use_cases.centre_licensing
        return result_of(lambda: CentreType.of(licensing.revoke_centre(context.caller, str(centre_id), reason)))  # type: ignore[return-value]
