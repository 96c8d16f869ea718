"""What a centre is licensed on: where it is, when it opens, and the regulations' technical checklist.

The executive regulations select centres against equipment and technical standards. The thresholds
below are this programme's illustrative reading of them (say so before relying on them): at least two
public workstations with a scanner and a printer; a 20 Mbit/s line and a backup line; at least two
staff holding the departments' training certificates; step-free access and an accessible counter.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time
from enum import StrEnum

from functions.domain.calendar_dates import Weekday
from functions.domain.errors import ErrorCode, ValidationFailed

__all__ = [
    "MIN_CERTIFIED_STAFF",
    "MIN_LINE_MBPS",
    "MIN_WORKSTATIONS",
    "ChecklistItem",
    "GeoPoint",
    "TechnicalChecklist",
    "Weekday",
    "WorkingHours",
]

MIN_WORKSTATIONS = 2
MIN_LINE_MBPS = 20
MIN_CERTIFIED_STAFF = 2

# Madinah's districts lie inside this box (with a margin); a point outside it is a typing error.
_LATITUDES = (24.2, 24.8)
_LONGITUDES = (39.3, 40.0)


class ChecklistItem(StrEnum):
    """The standards a centre is licensed on (the first four) and inspected against (all six)."""

    EQUIPMENT = "EQUIPMENT"
    CONNECTIVITY = "CONNECTIVITY"
    TRAINED_STAFF = "TRAINED_STAFF"
    ACCESSIBILITY = "ACCESSIBILITY"
    POSTED_CHARGES = "POSTED_CHARGES"
    """The rate list with the posted service charge is on display."""
    RECEIPTS = "RECEIPTS"
    """Every fee collected gets its printed receipt."""


@dataclass(frozen=True)
class GeoPoint:
    latitude: float
    longitude: float

    def __post_init__(self) -> None:
        inside = _LATITUDES[0] <= self.latitude <= _LATITUDES[1] and _LONGITUDES[0] <= self.longitude <= _LONGITUDES[1]
        if not inside:
            raise ValidationFailed(ErrorCode.LOCATION_INVALID, field="location")


@dataclass(frozen=True)
class WorkingHours:
    days: tuple[Weekday, ...]
    opens: time
    closes: time

    def __post_init__(self) -> None:
        if not self.days or len(set(self.days)) != len(self.days) or self.opens >= self.closes:
            raise ValidationFailed(ErrorCode.WORKING_HOURS_INVALID, field="workingHours")
        ordered = tuple(day for day in Weekday if day in self.days)
        object.__setattr__(self, "days", ordered)


@dataclass(frozen=True)
class TechnicalChecklist:
    """The centre's declared equipment, connectivity, staff and accessibility."""

    workstations: int
    has_scanner: bool
    has_printer: bool
    line_mbps: int
    has_backup_line: bool
    trained_staff: int
    certified_staff: int
    step_free_access: bool
    accessible_counter: bool

    def __post_init__(self) -> None:
        counts = (self.workstations, self.line_mbps, self.trained_staff, self.certified_staff)
        if min(counts) < 0 or self.certified_staff > self.trained_staff:
            raise ValidationFailed(ErrorCode.VALIDATION_FAILED, field="checklist")

    def unmet(self) -> tuple[ChecklistItem, ...]:
        """The standards this centre does not meet yet (empty: it may be licensed)."""
        met = {
            ChecklistItem.EQUIPMENT: self.workstations >= MIN_WORKSTATIONS and self.has_scanner and self.has_printer,
            ChecklistItem.CONNECTIVITY: self.line_mbps >= MIN_LINE_MBPS and self.has_backup_line,
            ChecklistItem.TRAINED_STAFF: self.certified_staff >= MIN_CERTIFIED_STAFF,
            ChecklistItem.ACCESSIBILITY: self.step_free_access and self.accessible_counter,
        }
        return tuple(item for item, ok in met.items() if not ok)
