"""The service catalogue: agencies, services, their forms, required documents, fees and routes.

A service's *route* is a list of stages taken in order; the agencies of one stage work in parallel.
Each (stage, agency) step has two service levels: hours to acknowledge receipt, and hours to finish.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from functions.domain.errors import ErrorCode, ValidationFailed
from functions.domain.money import Money

__all__ = [
    "SMS_NAME_MAX",
    "Agency",
    "Choice",
    "FieldType",
    "FormField",
    "LocalizedText",
    "RequiredDocument",
    "RouteStage",
    "Service",
    "StageStep",
    "is_code",
    "validate_agency",
    "validate_service",
]

_CODE = re.compile(r"^[A-Z0-9][A-Z0-9-]{1,31}$")
_FIELD_KEY = re.compile(r"^[a-z][a-zA-Z0-9]{0,39}$")
# Names exist in Arabic and English. Urdu is written in the Arabic script, so its readers get the Arabic
# name; Bengali and Indonesian readers get the Latin one (and Indonesian SMS stay GSM-7: half the cost).
_ARABIC_SCRIPT_LANGUAGES = frozenset({"ar", "ur"})


@dataclass(frozen=True)
class LocalizedText:
    ar: str
    en: str

    def in_language(self, language: str) -> str:
        return self.ar if language in _ARABIC_SCRIPT_LANGUAGES else self.en


class FieldType(StrEnum):
    TEXT = "TEXT"
    NUMBER = "NUMBER"
    DATE = "DATE"
    CHOICE = "CHOICE"
    BOOLEAN = "BOOLEAN"


@dataclass(frozen=True)
class Choice:
    value: str
    label: LocalizedText


@dataclass(frozen=True)
class FormField:
    key: str
    label: LocalizedText
    type: FieldType
    required: bool = True
    max_length: int | None = None
    choices: tuple[Choice, ...] = ()


@dataclass(frozen=True)
class RequiredDocument:
    code: str
    name: LocalizedText


@dataclass(frozen=True)
class StageStep:
    """One agency's part in a stage, with its two service levels in hours."""

    agency_code: str
    task: LocalizedText
    receipt_sla_hours: int
    processing_sla_hours: int


@dataclass(frozen=True)
class RouteStage:
    steps: tuple[StageStep, ...]


SMS_NAME_MAX = 16


@dataclass(frozen=True)
class Agency:
    code: str
    name: LocalizedText
    active: bool = True
    sms_name: LocalizedText | None = None

    @property
    def short_name(self) -> LocalizedText:
        """The name an SMS carries (at most 16 characters, so every template fits one segment)."""
        return self.sms_name or self.name


@dataclass(frozen=True)
class Service:
    code: str
    name: LocalizedText
    description: LocalizedText
    fee: Money
    stages: tuple[RouteStage, ...]
    fields: tuple[FormField, ...] = ()
    documents: tuple[RequiredDocument, ...] = ()
    active: bool = True
    agency_codes: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        codes: list[str] = []
        for stage in self.stages:
            codes.extend(step.agency_code for step in stage.steps if step.agency_code not in codes)
        object.__setattr__(self, "agency_codes", tuple(codes))


def is_code(value: str) -> bool:
    """Catalogue codes: 2-32 capital Latin letters, digits and hyphens, starting with a letter or digit."""
    return _CODE.fullmatch(value) is not None


def _require_code(code: str, field_name: str) -> None:
    if not is_code(code):
        raise ValidationFailed(ErrorCode.CODE_INVALID, field=field_name)


def _require_name(text: LocalizedText, field_name: str) -> None:
    if not text.ar.strip() or not text.en.strip():
        raise ValidationFailed(ErrorCode.NAME_REQUIRED, field=field_name)


def validate_agency(agency: Agency) -> None:
    _require_code(agency.code, "code")
    _require_name(agency.name, "name")
    short = agency.short_name
    if len(short.ar) > SMS_NAME_MAX or len(short.en) > SMS_NAME_MAX:
        raise ValidationFailed(ErrorCode.NAME_INVALID, field="smsName")


def validate_service(service: Service, known_agency_codes: Iterable[str]) -> None:
    """Refuse a service definition that could not be served: raises :class:`ValidationFailed`."""
    _require_code(service.code, "code")
    _require_name(service.name, "name")
    if service.fee.halalas < 0:
        raise ValidationFailed(ErrorCode.FEE_INVALID, field="fee")
    _validate_route(service.stages, frozenset(known_agency_codes))
    _validate_fields(service.fields)
    _validate_documents(service.documents)


def _validate_route(stages: tuple[RouteStage, ...], known: frozenset[str]) -> None:
    if not stages or any(not stage.steps for stage in stages):
        raise ValidationFailed(ErrorCode.ROUTE_EMPTY, field="stages")
    for stage in stages:
        in_stage = [step.agency_code for step in stage.steps]
        if len(set(in_stage)) != len(in_stage):
            raise ValidationFailed(ErrorCode.ROUTE_DUPLICATE_AGENCY, field="stages")
        for step in stage.steps:
            if step.agency_code not in known:
                raise ValidationFailed(ErrorCode.ROUTE_UNKNOWN_AGENCY, field="stages")
            if step.receipt_sla_hours <= 0 or step.processing_sla_hours <= 0:
                raise ValidationFailed(ErrorCode.SLA_INVALID, field="stages")
            _require_name(step.task, "stages")


def _validate_fields(fields: tuple[FormField, ...]) -> None:
    keys = [form_field.key for form_field in fields]
    if len(set(keys)) != len(keys):
        raise ValidationFailed(ErrorCode.FORM_FIELD_INVALID, field="fields")
    for form_field in fields:
        _require_name(form_field.label, "fields")
        bad_key = not _FIELD_KEY.fullmatch(form_field.key)
        bad_length = form_field.max_length is not None and form_field.max_length <= 0
        bad_choices = (form_field.type is FieldType.CHOICE) != bool(form_field.choices)
        if bad_key or bad_length or bad_choices:
            raise ValidationFailed(ErrorCode.FORM_FIELD_INVALID, field="fields")


def _validate_documents(documents: tuple[RequiredDocument, ...]) -> None:
    codes = [document.code for document in documents]
    if len(set(codes)) != len(codes):
        raise ValidationFailed(ErrorCode.DOCUMENT_INVALID, field="documents")
    for document in documents:
        _require_code(document.code, "documents")
        _require_name(document.name, "documents")
