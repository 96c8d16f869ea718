"""Given a service definition, when it is validated, then only servable definitions pass."""

from __future__ import annotations

from dataclasses import replace

import pytest

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
    validate_agency,
    validate_service,
)
from functions.domain.errors import ErrorCode, ValidationFailed
from functions.domain.money import Money

TEXT = LocalizedText("نص", "text")
KNOWN = {"MUNICIPALITY", "CIVIL-DEFENCE", "COMMERCE"}


def step(agency: str, receipt: int = 4, processing: int = 24) -> StageStep:
    return StageStep(agency_code=agency, task=TEXT, receipt_sla_hours=receipt, processing_sla_hours=processing)


def shop_licence() -> Service:
    return Service(
        code="SHOP-LICENCE",
        name=TEXT,
        description=TEXT,
        fee=Money.sar("300"),
        stages=(RouteStage((step("COMMERCE"),)), RouteStage((step("MUNICIPALITY"), step("CIVIL-DEFENCE")))),
        fields=(
            FormField("activity", TEXT, FieldType.CHOICE, choices=(Choice("RETAIL", TEXT),)),
            FormField("areaSqm", TEXT, FieldType.NUMBER),
        ),
        documents=(RequiredDocument("LEASE", TEXT),),
    )


def refusal(service: Service) -> ErrorCode:
    with pytest.raises(ValidationFailed) as raised:
        validate_service(service, KNOWN)
    return raised.value.code


def test_a_complete_multi_agency_service_is_valid() -> None:
    service = shop_licence()
    validate_service(service, KNOWN)
    assert service.agency_codes == ("COMMERCE", "MUNICIPALITY", "CIVIL-DEFENCE")


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"code": "shop licence"}, ErrorCode.CODE_INVALID),
        ({"code": "X"}, ErrorCode.CODE_INVALID),
        ({"name": LocalizedText("", "Shop")}, ErrorCode.NAME_REQUIRED),
        ({"name": LocalizedText("رخصة", " ")}, ErrorCode.NAME_REQUIRED),
        ({"fee": Money(-1)}, ErrorCode.FEE_INVALID),
        ({"stages": ()}, ErrorCode.ROUTE_EMPTY),
        ({"stages": (RouteStage(()),)}, ErrorCode.ROUTE_EMPTY),
        ({"stages": (RouteStage((step("HEALTH"),)),)}, ErrorCode.ROUTE_UNKNOWN_AGENCY),
        ({"stages": (RouteStage((step("COMMERCE"), step("COMMERCE"))),)}, ErrorCode.ROUTE_DUPLICATE_AGENCY),
        ({"stages": (RouteStage((step("COMMERCE", receipt=0),)),)}, ErrorCode.SLA_INVALID),
        ({"stages": (RouteStage((step("COMMERCE", processing=-5),)),)}, ErrorCode.SLA_INVALID),
        (
            {"fields": (FormField("a", TEXT, FieldType.TEXT), FormField("a", TEXT, FieldType.TEXT))},
            ErrorCode.FORM_FIELD_INVALID,
        ),
        ({"fields": (FormField("Bad Key", TEXT, FieldType.TEXT),)}, ErrorCode.FORM_FIELD_INVALID),
        ({"fields": (FormField("kind", TEXT, FieldType.CHOICE),)}, ErrorCode.FORM_FIELD_INVALID),
        (
            {"fields": (FormField("note", TEXT, FieldType.TEXT, choices=(Choice("A", TEXT),)),)},
            ErrorCode.FORM_FIELD_INVALID,
        ),
        ({"fields": (FormField("note", TEXT, FieldType.TEXT, max_length=0),)}, ErrorCode.FORM_FIELD_INVALID),
        (
            {"documents": (RequiredDocument("LEASE", TEXT), RequiredDocument("LEASE", TEXT))},
            ErrorCode.DOCUMENT_INVALID,
        ),
        ({"documents": (RequiredDocument("lease", TEXT),)}, ErrorCode.CODE_INVALID),
    ],
)
def test_an_unservable_definition_is_refused_with_its_own_code(change: dict[str, object], code: ErrorCode) -> None:
    assert refusal(replace(shop_licence(), **change)) is code  # type: ignore[arg-type]


def test_the_same_agency_may_return_in_a_later_stage() -> None:
    service = replace(shop_licence(), stages=(RouteStage((step("COMMERCE"),)), RouteStage((step("COMMERCE"),))))
    validate_service(service, KNOWN)
    assert service.agency_codes == ("COMMERCE",)


def test_agencies_need_a_code_and_both_names() -> None:
    validate_agency(Agency("HEALTH", TEXT))
    with pytest.raises(ValidationFailed):
        validate_agency(Agency("health", TEXT))
    with pytest.raises(ValidationFailed):
        validate_agency(Agency("HEALTH", LocalizedText("الصحة", "")))
