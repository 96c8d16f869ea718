"""Load the seed catalogue (functions/local/seed/catalogue.yml), people and business calendar through
the use cases.

Going through ``CatalogueService.define_*`` means the seed is validated by the same rules as an
administrator's definitions: a broken seed fails loudly.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from functions.domain.audit import Outcome, target
from functions.domain.business_calendar import STANDARD_CALENDAR, AgencyHours, BusinessCalendar, DailyHours
from functions.domain.centre import Centre, CentreStatus
from functions.domain.centre_profile import GeoPoint, TechnicalChecklist, Weekday, WorkingHours
from functions.domain.principal import Role
from functions.services.caller import SYSTEM
from functions.services.staff_accounts import StaffForm

if TYPE_CHECKING:
    from functions.bootstrap import Container

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
from functions.domain.madinah_time import business_day
from functions.domain.money import Money
from functions.services.business_calendars import BusinessCalendars
from functions.services.catalogue import CatalogueService

__all__ = [
    "SEED_CALENDAR",
    "SEED_CATALOGUE",
    "SEED_PEOPLE",
    "DemoStaff",
    "SeedCatalogue",
    "SeedPeople",
    "madinah_calendar",
    "seed_calendar",
    "seed_catalogue",
    "seed_people",
]

SEED_CATALOGUE = Path(__file__).parent / "seed" / "catalogue.yml"
SEED_CALENDAR = Path(__file__).parent / "seed" / "calendar.yml"
SEED_PEOPLE = Path(__file__).parent / "seed" / "people.yml"


@dataclass(frozen=True)
class SeedCatalogue:
    agencies: list[Agency]
    services: list[Service]

    @classmethod
    def load(cls, path: Path = SEED_CATALOGUE) -> SeedCatalogue:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        return cls(
            agencies=[
                Agency(code=item["code"], name=_text(item["name"]), sms_name=_text(item["smsName"]))
                for item in raw["agencies"]
            ],
            services=[_service(item) for item in raw["services"]],
        )


def seed_catalogue(catalogue: CatalogueService, seed: SeedCatalogue | None = None) -> SeedCatalogue:
    seed = seed or SeedCatalogue.load()
    for agency in seed.agencies:
        catalogue.define_agency(SYSTEM, agency)
    for service in seed.services:
        catalogue.define_service(SYSTEM, service)
    return seed


def madinah_calendar(path: Path = SEED_CALENDAR) -> BusinessCalendar:
    """The standard calendar with the region's agency hours and closures from ``seed/calendar.yml``."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))

    def hours(value: dict[str, str] | None) -> DailyHours | None:
        return DailyHours.parse(value["opens"], value["closes"], "seed") if value else None

    return replace(
        STANDARD_CALENDAR,
        closures=tuple(date.fromisoformat(str(day)) for day in raw.get("closures") or ()),
        agencies=tuple(
            AgencyHours(
                agency_code=item["agency"],
                week=tuple(Weekday(day) for day in item["week"]) if item.get("week") else None,
                hours=hours(item.get("hours")),
                ramadan_hours=hours(item.get("ramadanHours")),
            )
            for item in raw.get("agencies") or ()
        ),
    )


def seed_calendar(calendars: BusinessCalendars, calendar: BusinessCalendar | None = None) -> BusinessCalendar:
    """Stores the region's calendar (after the catalogue: its overrides name agencies)."""
    return calendars.define_business_calendar(SYSTEM, calendar or madinah_calendar())


@dataclass(frozen=True)
class DemoStaff:
    national_id: str
    role: Role
    name_en: str
    tenant: str | None
    user_id: str


@dataclass(frozen=True)
class SeedPeople:
    password: str
    centres: list[Centre]
    staff: list[StaffForm]

    @classmethod
    def load(cls, today: date, path: Path = SEED_PEOPLE) -> SeedPeople:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        return cls(
            password=raw["password"],
            centres=[_centre(item, today) for item in raw["centres"]],
            staff=[
                StaffForm(
                    role=Role(item["role"]),
                    national_id=item["nationalId"],
                    name_ar=item["nameAr"],
                    name_en=item["nameEn"],
                    mobile=item["mobile"],
                    centre_id=item.get("centre"),
                    agency_code=item.get("agency"),
                )
                for item in raw["staff"]
            ],
        )


def seed_people(container: Container, seed: SeedPeople | None = None) -> list[DemoStaff]:
    """Demo centres and staff accounts, each staff password already set to the demo password."""
    seed = seed or SeedPeople.load(business_day(container.adapters.clock.now()))
    for centre in seed.centres:
        audit = container.use_cases.auditor.record(
            SYSTEM, "registerCentre", target("centre", centre.centre_id), Outcome.ALLOWED
        )
        container.adapters.centres.put_centre(centre, audit)
    cognito = container.adapters.client("cognito-idp")
    created = []
    for form in seed.staff:
        account = container.use_cases.staff_accounts.create_staff_account(SYSTEM, form).staff
        cognito.admin_set_user_password(
            UserPoolId=container.settings.user_pool_id, Username=account.user_id, Password=seed.password, Permanent=True
        )
        created.append(
            DemoStaff(
                form.national_id, form.role, form.name_en or "", form.centre_id or form.agency_code, account.user_id
            )
        )
    return created


def _centre(item: dict[str, Any], today: date) -> Centre:
    return Centre(
        centre_id=item["id"],
        name=_text(item["name"]),
        sms_name=_text(item["smsName"]),
        district=item["district"],
        status=CentreStatus(item["status"]),
        licence_expires_on=today.replace(year=today.year + int(item["licenceYears"])),
        service_charge=Money.sar(item["serviceCharge"]),
        operator_company=item.get("operatorCompany", ""),
        licence_number=item.get("licenceNumber", ""),
        location=GeoPoint(**item["location"]) if "location" in item else None,
        working_hours=_working_hours(item["workingHours"]) if "workingHours" in item else None,
        checklist=_checklist(item["checklist"]) if "checklist" in item else None,
        status_reason=item.get("statusReason"),
    )


def _working_hours(raw: dict[str, Any]) -> WorkingHours:
    return WorkingHours(
        tuple(Weekday(d) for d in raw["days"]), time.fromisoformat(raw["opens"]), time.fromisoformat(raw["closes"])
    )


def _checklist(raw: dict[str, Any]) -> TechnicalChecklist:
    return TechnicalChecklist(
        workstations=raw["workstations"],
        has_scanner=raw["hasScanner"],
        has_printer=raw["hasPrinter"],
        line_mbps=raw["lineMbps"],
        has_backup_line=raw["hasBackupLine"],
        trained_staff=raw["trainedStaff"],
        certified_staff=raw["certifiedStaff"],
        step_free_access=raw["stepFreeAccess"],
        accessible_counter=raw["accessibleCounter"],
    )


def _text(value: dict[str, str]) -> LocalizedText:
    return LocalizedText(ar=value["ar"], en=value["en"])


def _service(item: dict[str, Any]) -> Service:
    return Service(
        code=item["code"],
        name=_text(item["name"]),
        description=_text(item["description"]),
        fee=Money.sar(item["fee"]),
        stages=tuple(
            RouteStage(
                steps=tuple(
                    StageStep(
                        agency_code=step["agency"],
                        task=_text(step["task"]),
                        receipt_sla_hours=step["receiptSlaHours"],
                        processing_sla_hours=step["processingSlaHours"],
                    )
                    for step in stage
                )
            )
            for stage in item["route"]
        ),
        fields=tuple(
            FormField(
                key=field["key"],
                label=_text(field["label"]),
                type=FieldType(field["type"]),
                required=field.get("required", True),
                max_length=field.get("maxLength"),
                choices=tuple(Choice(value=c["value"], label=_text(c["label"])) for c in field.get("choices", ())),
            )
            for field in item["fields"]
        ),
        documents=tuple(RequiredDocument(code=d["code"], name=_text(d["name"])) for d in item["documents"]),
    )
