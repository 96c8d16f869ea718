"""GraphQL input types for defining the catalogue (administrators)."""

from __future__ import annotations

from decimal import Decimal

import strawberry

from functions.api.types.enums import FieldType
from functions.api.value_lengths import FREE_TEXT
from functions.domain.catalogue import (
    Agency,
    Choice,
    FormField,
    LocalizedText,
    RequiredDocument,
    RouteStage,
    Service,
    StageStep,
)
from functions.domain.money import Money

__all__ = ["AgencyInput", "ServiceInput"]


@strawberry.input(name="LocalizedTextInput")
class LocalizedTextInput:
    ar: str = strawberry.field(directives=[FREE_TEXT])
    en: str = strawberry.field(directives=[FREE_TEXT])

    def to_domain(self) -> LocalizedText:
        return LocalizedText(ar=self.ar, en=self.en)


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
