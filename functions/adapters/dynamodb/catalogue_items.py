"""Catalogue items in the main table and their mapping to domain objects.

* agency:          pk ``AGENCY#<code>``  sk ``AGENCY``           gsi1 ``AGENCIES`` / ``<code>``
* service:         pk ``SERVICE#<code>`` sk ``SERVICE``          gsi1 ``SERVICES`` / ``<code>``
* agency→service:  pk ``AGENCY#<code>``  sk ``SERVICE#<code>``   (one per agency on the route)
"""

from __future__ import annotations

from typing import Any

from pynamodb.attributes import BooleanAttribute, JSONAttribute, NumberAttribute, UnicodeAttribute

from functions.adapters.dynamodb.main_table import MainTableItem
from functions.domain.catalogue import (
    Agency,
    Choice,
    FieldType,
    FormField,
    LocalizedText,
    RequiredDocument,
    RouteStage,
    Service,
    StageStep,
)
from functions.domain.money import Money

__all__ = [
    "AgencyItem",
    "AgencyServiceLink",
    "ServiceItem",
    "agency_key",
    "service_key",
    "stages_from_json",
    "stages_to_json",
]

AGENCIES_PARTITION = "AGENCIES"
SERVICES_PARTITION = "SERVICES"
AGENCY_SORT = "AGENCY"
SERVICE_SORT = "SERVICE"
LINK_PREFIX = "SERVICE#"


def agency_key(code: str) -> str:
    return f"AGENCY#{code}"


def service_key(code: str) -> str:
    return f"SERVICE#{code}"


class AgencyItem(MainTableItem):
    name_ar = UnicodeAttribute()
    name_en = UnicodeAttribute()
    sms_name_ar = UnicodeAttribute(null=True)
    sms_name_en = UnicodeAttribute(null=True)
    active = BooleanAttribute(default=True)

    @classmethod
    def from_domain(cls, agency: Agency) -> AgencyItem:
        return cls(
            pk=agency_key(agency.code),
            sk=AGENCY_SORT,
            gsi1pk=AGENCIES_PARTITION,
            gsi1sk=agency.code,
            name_ar=agency.name.ar,
            name_en=agency.name.en,
            sms_name_ar=agency.sms_name.ar if agency.sms_name else None,
            sms_name_en=agency.sms_name.en if agency.sms_name else None,
            active=agency.active,
        )

    def to_domain(self) -> Agency:
        sms_name = LocalizedText(self.sms_name_ar, self.sms_name_en) if self.sms_name_ar and self.sms_name_en else None
        return Agency(
            code=self.gsi1sk or "",
            name=LocalizedText(self.name_ar, self.name_en),
            active=self.active,
            sms_name=sms_name,
        )


class ServiceItem(MainTableItem):
    name_ar = UnicodeAttribute()
    name_en = UnicodeAttribute()
    description_ar = UnicodeAttribute()
    description_en = UnicodeAttribute()
    fee_halalas = NumberAttribute()
    definition = JSONAttribute()
    active = BooleanAttribute(default=True)

    @classmethod
    def from_domain(cls, service: Service) -> ServiceItem:
        return cls(
            pk=service_key(service.code),
            sk=SERVICE_SORT,
            gsi1pk=SERVICES_PARTITION,
            gsi1sk=service.code,
            name_ar=service.name.ar,
            name_en=service.name.en,
            description_ar=service.description.ar,
            description_en=service.description.en,
            fee_halalas=service.fee.halalas,
            definition=_definition_to_json(service),
            active=service.active,
        )

    def to_domain(self) -> Service:
        definition: dict[str, Any] = self.definition
        return Service(
            code=self.gsi1sk or "",
            name=LocalizedText(self.name_ar, self.name_en),
            description=LocalizedText(self.description_ar, self.description_en),
            fee=Money(int(self.fee_halalas)),
            stages=stages_from_json(definition["stages"]),
            fields=tuple(_field_from_json(item) for item in definition["fields"]),
            documents=tuple(
                RequiredDocument(code=item["code"], name=_text(item["name"])) for item in definition["documents"]
            ),
            active=self.active,
        )


class AgencyServiceLink(MainTableItem):
    """Lets ``services(agencyCode)`` list an agency's services with one query."""

    @classmethod
    def for_pair(cls, agency_code: str, service_code: str) -> AgencyServiceLink:
        return cls(pk=agency_key(agency_code), sk=f"{LINK_PREFIX}{service_code}")

    @property
    def service_code(self) -> str:
        return self.sk.removeprefix(LINK_PREFIX)


def _text(value: dict[str, str]) -> LocalizedText:
    return LocalizedText(ar=value["ar"], en=value["en"])


def _text_json(text: LocalizedText) -> dict[str, str]:
    return {"ar": text.ar, "en": text.en}


def stages_to_json(stages: tuple[RouteStage, ...]) -> list[list[dict[str, Any]]]:
    return [
        [
            {
                "agency": step.agency_code,
                "task": _text_json(step.task),
                "receiptSlaHours": step.receipt_sla_hours,
                "processingSlaHours": step.processing_sla_hours,
            }
            for step in stage.steps
        ]
        for stage in stages
    ]


def stages_from_json(stages: list[list[dict[str, Any]]]) -> tuple[RouteStage, ...]:
    return tuple(_stage_from_json(stage) for stage in stages)


def _definition_to_json(service: Service) -> dict[str, Any]:
    return {
        "stages": stages_to_json(service.stages),
        "fields": [
            {
                "key": field.key,
                "label": _text_json(field.label),
                "type": field.type.value,
                "required": field.required,
                "maxLength": field.max_length,
                "choices": [{"value": c.value, "label": _text_json(c.label)} for c in field.choices],
            }
            for field in service.fields
        ],
        "documents": [{"code": d.code, "name": _text_json(d.name)} for d in service.documents],
    }


def _stage_from_json(steps: list[dict[str, Any]]) -> RouteStage:
    return RouteStage(
        steps=tuple(
            StageStep(
                agency_code=step["agency"],
                task=_text(step["task"]),
                receipt_sla_hours=int(step["receiptSlaHours"]),
                processing_sla_hours=int(step["processingSlaHours"]),
            )
            for step in steps
        )
    )


def _field_from_json(item: dict[str, Any]) -> FormField:
    return FormField(
        key=item["key"],
        label=_text(item["label"]),
        type=FieldType(item["type"]),
        required=bool(item["required"]),
        max_length=item["maxLength"],
        choices=tuple(Choice(value=c["value"], label=_text(c["label"])) for c in item["choices"]),
    )
