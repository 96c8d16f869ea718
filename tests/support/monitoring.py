"""Shared pieces of the monitoring office's tests: a valid centre registration, in domain and GraphQL form."""

from __future__ import annotations

from dataclasses import replace
from datetime import time
from typing import Any

from functions.domain.catalogue import LocalizedText
from functions.domain.centre_licensing import CentreRegistration
from functions.domain.centre_profile import GeoPoint, TechnicalChecklist, Weekday, WorkingHours
from functions.domain.money import Money

CHECKLIST = TechnicalChecklist(
    workstations=3,
    has_scanner=True,
    has_printer=True,
    line_mbps=50,
    has_backup_line=True,
    trained_staff=3,
    certified_staff=2,
    step_free_access=True,
    accessible_counter=True,
)
NO_BACKUP_LINE = replace(CHECKLIST, has_backup_line=False)


def registration(
    centre_id: str = "MED-C10", licence_number: str = "LIC-MED-2026-0010", **changes: Any
) -> CentreRegistration:
    form = CentreRegistration(
        centre_id=centre_id,
        name=LocalizedText("مركز خدمات سلطانة", "Sultanah E-Services Centre"),
        sms_name=LocalizedText("مركز سلطانة", "Sultanah Centre"),
        operator_company="Sultanah Services Co.",
        licence_number=licence_number,
        district="SULTANAH",
        location=GeoPoint(24.4709, 39.5870),
        working_hours=WorkingHours((Weekday.SAT, Weekday.SUN, Weekday.MON), time(8), time(22)),
        service_charge=Money.sar("25"),
        checklist=CHECKLIST,
    )
    return replace(form, **changes)


def registration_input(centre_id: str, licence_number: str, **changes: Any) -> dict[str, Any]:
    value: dict[str, Any] = {
        "centreId": centre_id,
        "name": {"ar": "مركز خدمات سلطانة", "en": "Sultanah E-Services Centre"},
        "smsName": {"ar": "مركز سلطانة", "en": "Sultanah Centre"},
        "operatorCompany": "Sultanah Services Co.",
        "licenceNumber": licence_number,
        "district": "SULTANAH",
        "location": {"latitude": 24.4709, "longitude": 39.5870},
        "workingHours": {"days": ["SAT", "SUN", "MON", "TUE", "WED", "THU"], "opens": "08:00:00", "closes": "22:00:00"},
        "serviceCharge": "25.00",
        "checklist": {
            "workstations": 3,
            "hasScanner": True,
            "hasPrinter": True,
            "lineMbps": 50,
            "hasBackupLine": True,
            "trainedStaff": 3,
            "certifiedStaff": 2,
            "stepFreeAccess": True,
            "accessibleCounter": True,
        },
    }
    value.update(changes)
    return value
