"""The monitoring office in the field and at its desk: inspections, escalations, complaints."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from functions.api.context import GraphQLContext
from functions.api.monitoring_inputs import InspectionInput
from functions.api.results import result_of
from functions.api.types.inspections import InspectionType
from functions.api.types.oversight import ComplaintType, EscalationType
from functions.api.types.problem import ConflictProblem, ForbiddenProblem, NotFoundProblem, ValidationProblem
from functions.api.value_lengths import FreeText

__all__ = ["OversightMutations"]

Problems = ValidationProblem | ConflictProblem | ForbiddenProblem | NotFoundProblem
InspectionResult = Annotated[InspectionType | Problems, strawberry.union("InspectionResult")]
EscalationResult = Annotated[EscalationType | Problems, strawberry.union("EscalationResult")]
ComplaintResult = Annotated[ComplaintType | Problems, strawberry.union("ComplaintResult")]


@strawberry.type
class OversightMutations:
    @strawberry.mutation(
        description="The monitoring office: record a field inspection (checklist, findings, photo references, follow-up)."
    )
    def record_inspection(self, info: Info[GraphQLContext, None], input: InspectionInput) -> InspectionResult:
        context = info.context
        return result_of(  # type: ignore[return-value]
            lambda: InspectionType.of(
                context.use_cases.inspections.record_inspection(context.caller, input.to_report())
            )
        )

    @strawberry.mutation(description="The monitoring office: the follow-up found an inspection's findings put right.")
    def close_findings(
        self, info: Info[GraphQLContext, None], inspection_id: strawberry.ID, note: FreeText
    ) -> InspectionResult:
        context = info.context
        inspections = context.use_cases.inspections
        return result_of(  # type: ignore[return-value]
            lambda: InspectionType.of(inspections.close_findings(context.caller, str(inspection_id), note))
        )

    @strawberry.mutation(description="The monitoring office: resolve an escalation, with a note.")
    def resolve_escalation(
        self, info: Info[GraphQLContext, None], escalation_id: strawberry.ID, note: FreeText
    ) -> EscalationResult:
        context = info.context
        escalations = context.use_cases.escalations
        return result_of(  # type: ignore[return-value]
            lambda: EscalationType.of(escalations.resolve(context.caller, str(escalation_id), note))
        )

    @strawberry.mutation(description="The monitoring office: resolve a complaint; the citizen gets an SMS.")
    def resolve_complaint(
        self, info: Info[GraphQLContext, None], complaint_id: strawberry.ID, note: FreeText
    ) -> ComplaintResult:
        context = info.context
        feedback = context.use_cases.citizen_feedback
        return result_of(  # type: ignore[return-value]
            lambda: ComplaintType.of(feedback.resolve_complaint(context.caller, str(complaint_id), note))
        )
