"""Catalogue types: agencies, services, their forms, documents and routes."""

from __future__ import annotations

from decimal import Decimal

import strawberry
from strawberry.types import Info

from functions.api.context import GraphQLContext
from functions.api.types.enums.base import FieldType
from functions.api.types.localized_text import LocalizedTextType
from functions.domain.catalogue import Agency, FormField, RouteStage, Service, StageStep

__all__ = ["AgencyType", "ServiceType"]


@strawberry.type(name="Agency", description="A government agency that processes requests in its window.")
class AgencyType:
    code: str
    name: LocalizedTextType
    sms_name: LocalizedTextType = strawberry.field(description="The short name used in SMS.")
    active: bool

    @classmethod
    def of(cls, agency: Agency) -> AgencyType:
        return cls(
            code=agency.code,
            name=LocalizedTextType.of(agency.name),
            sms_name=LocalizedTextType.of(agency.short_name),
            active=agency.active,
        )


@strawberry.type(name="Choice")
class ChoiceType:
    value: str
    label: LocalizedTextType


@strawberry.type(name="FormField", description="One field of a service's electronic form.")
class FormFieldType:
    key: str
    label: LocalizedTextType
    type: FieldType
    required: bool
    max_length: int | None
    choices: list[ChoiceType]

    @classmethod
    def of(cls, form_field: FormField) -> FormFieldType:
        return cls(
            key=form_field.key,
            label=LocalizedTextType.of(form_field.label),
            type=form_field.type,
            required=form_field.required,
            max_length=form_field.max_length,
            choices=[ChoiceType(value=c.value, label=LocalizedTextType.of(c.label)) for c in form_field.choices],
        )


@strawberry.type(name="RequiredDocument", description="A document the citizen must bring for the service.")
class RequiredDocumentType:
    code: str
    name: LocalizedTextType


@strawberry.type(name="StageAgency", description="One agency's step in a route stage, with its service levels.")
class StageAgencyType:
    code: str
    task: LocalizedTextType
    receipt_sla_hours: int = strawberry.field(
        description="Working hours (the business calendar's office hours) the agency has to acknowledge receipt."
    )
    processing_sla_hours: int = strawberry.field(
        description="Working hours (the business calendar's office hours) the agency has to finish its step."
    )

    @strawberry.field(description="The agency's name (from the catalogue).")
    async def name(self, info: Info[GraphQLContext, None]) -> LocalizedTextType | None:
        agency = await info.context.agencies.load(self.code)
        return LocalizedTextType.of(agency.name) if agency else None

    @strawberry.field(description="The agency itself.")
    async def agency(self, info: Info[GraphQLContext, None]) -> AgencyType | None:
        agency = await info.context.agencies.load(self.code)
        return AgencyType.of(agency) if agency else None

    @classmethod
    def of(cls, step: StageStep) -> StageAgencyType:
        return cls(
            code=step.agency_code,
            task=LocalizedTextType.of(step.task),
            receipt_sla_hours=step.receipt_sla_hours,
            processing_sla_hours=step.processing_sla_hours,
        )


@strawberry.type(name="RouteStage", description="Agencies of one stage work on the file in parallel.")
class RouteStageType:
    order: int = strawberry.field(description="1 for the first stage.")
    agencies: list[StageAgencyType]

    @classmethod
    def of(cls, order: int, stage: RouteStage) -> RouteStageType:
        return cls(order=order, agencies=[StageAgencyType.of(step) for step in stage.steps])


@strawberry.type(name="Route", description="The stages a request travels through, in order.")
class RouteType:
    stages: list[RouteStageType]

    @strawberry.field(description="Whether more than one agency takes part.")
    def multi_agency(self) -> bool:
        return len({agency.code for stage in self.stages for agency in stage.agencies}) > 1


@strawberry.type(name="Service", description="A government service a centre can file for a citizen.")
class ServiceType:
    code: str
    name: LocalizedTextType
    description: LocalizedTextType
    fee: Decimal = strawberry.field(description="The government fee in Saudi riyals (SAR), before any centre charge.")
    currency: str = strawberry.field(description="Always SAR.")
    active: bool
    documents: list[RequiredDocumentType]
    fields: list[FormFieldType] = strawberry.field(description="The service's electronic form.")
    route: RouteType

    @classmethod
    def of(cls, service: Service) -> ServiceType:
        return cls(
            code=service.code,
            name=LocalizedTextType.of(service.name),
            description=LocalizedTextType.of(service.description),
            fee=service.fee.riyals,
            currency="SAR",
            active=service.active,
            documents=[RequiredDocumentType(code=d.code, name=LocalizedTextType.of(d.name)) for d in service.documents],
            fields=[FormFieldType.of(form_field) for form_field in service.fields],
            route=RouteType(stages=[RouteStageType.of(i, stage) for i, stage in enumerate(service.stages, 1)]),
        )
