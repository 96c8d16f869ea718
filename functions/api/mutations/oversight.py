"""The monitoring office in the field and at its desk: inspections, escalations, complaints; with their inputs."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import strawberry
from strawberry.types import Info

from functions.api.context import GraphQLContext
from functions.api.types.enums.inspections import ChecklistItem, FindingSeverity
from functions.api.types.inspections import InspectionType
from functions.api.types.oversight import ComplaintType, EscalationType
from functions.api.types.problem import ConflictProblem, ForbiddenProblem, NotFoundProblem, ValidationProblem
from functions.api.types.time import MADINAH_DAY
from functions.api.value_lengths import FREE_TEXT, FreeText
from functions.domain.inspection import CheckResult, Finding, InspectionReport

__all__ = ["OversightMutations"]


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
        return InspectionType.of(context.use_cases.inspections.record_inspection(context.caller, input.to_report()))

    @strawberry.mutation(description="The monitoring office: the follow-up found an inspection's findings put right.")
    def close_findings(
        self, info: Info[GraphQLContext, None], inspection_id: strawberry.ID, note: FreeText
    ) -> InspectionResult:
        context = info.context
        inspections = context.use_cases.inspections
        return InspectionType.of(inspections.close_findings(context.caller, str(inspection_id), note))

    @strawberry.mutation(description="The monitoring office: resolve an escalation, with a note.")
    def resolve_escalation(
        self, info: Info[GraphQLContext, None], escalation_id: strawberry.ID, note: FreeText
    ) -> EscalationResult:
        context = info.context
        escalations = context.use_cases.escalations
        return EscalationType.of(escalations.resolve(context.caller, str(escalation_id), note))

    @strawberry.mutation(description="The monitoring office: resolve a complaint; the citizen gets an SMS.")
    def resolve_complaint(
        self, info: Info[GraphQLContext, None], complaint_id: strawberry.ID, note: FreeText
    ) -> ComplaintResult:
        context = info.context
        feedback = context.use_cases.citizen_feedback
        return ComplaintType.of(feedback.resolve_complaint(context.caller, str(complaint_id), note))
