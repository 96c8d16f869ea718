"""The licensing office's items: a centre's notices and the claims that keep licence numbers unique;
the centre profile's JSON and attribute helpers (see docs/data-model.md)."""

from __future__ import annotations

from datetime import time

from pynamodb.attributes import (
    JSONAttribute,
    UnicodeAttribute,
    UTCDateTimeAttribute,
)

from functions.adapters.dynamodb.main_table import MainTableItem
from functions.domain.centre_notice import CentreNotice, NoticeKind
from functions.domain.centre_profile import GeoPoint, TechnicalChecklist, Weekday, WorkingHours

__all__ = [
    "LicenceClaimItem",
    "NoticeItem",
    "checklist_from_json",
    "checklist_to_json",
    "hours_from_item",
    "point_from_item",
]


def checklist_to_json(checklist: TechnicalChecklist | None) -> dict[str, object] | None:
    if checklist is None:
        return None
    return {
        "workstations": checklist.workstations,
        "hasScanner": checklist.has_scanner,
        "hasPrinter": checklist.has_printer,
        "lineMbps": checklist.line_mbps,
        "hasBackupLine": checklist.has_backup_line,
        "trainedStaff": checklist.trained_staff,
        "certifiedStaff": checklist.certified_staff,
        "stepFreeAccess": checklist.step_free_access,
        "accessibleCounter": checklist.accessible_counter,
    }


def checklist_from_json(raw: dict[str, object] | None) -> TechnicalChecklist | None:
    if not raw:
        return None
    return TechnicalChecklist(
        workstations=int(str(raw["workstations"])),
        has_scanner=bool(raw["hasScanner"]),
        has_printer=bool(raw["hasPrinter"]),
        line_mbps=int(str(raw["lineMbps"])),
        has_backup_line=bool(raw["hasBackupLine"]),
        trained_staff=int(str(raw["trainedStaff"])),
        certified_staff=int(str(raw["certifiedStaff"])),
        step_free_access=bool(raw["stepFreeAccess"]),
        accessible_counter=bool(raw["accessibleCounter"]),
    )


def hours_from_item(days: str | None, opens: str | None, closes: str | None) -> WorkingHours | None:
    if not days or not opens or not closes:
        return None
    return WorkingHours(
        tuple(Weekday(d) for d in days.split(",")), time.fromisoformat(opens), time.fromisoformat(closes)
    )


def point_from_item(latitude: float | None, longitude: float | None) -> GeoPoint | None:
    return GeoPoint(float(latitude), float(longitude)) if latitude is not None and longitude is not None else None


class NoticeItem(MainTableItem):
    centre_id = UnicodeAttribute()
    notice_id = UnicodeAttribute()
    kind = UnicodeAttribute()
    at = UTCDateTimeAttribute()
    values = JSONAttribute(default=dict)

    @classmethod
    def from_domain(cls, notice: CentreNotice) -> NoticeItem:
        return cls(
            pk=f"CENTRE#{notice.centre_id}",
            sk=f"NOTICE#{notice.at.isoformat()}#{notice.notice_id}",
            centre_id=notice.centre_id,
            notice_id=notice.notice_id,
            kind=notice.kind.value,
            at=notice.at,
            values=dict(notice.values),
        )

    def to_domain(self) -> CentreNotice:
        values = {str(k): str(v) for k, v in dict(self.values or {}).items()}
        return CentreNotice(self.centre_id, self.notice_id, NoticeKind(self.kind), self.at, values)


class LicenceClaimItem(MainTableItem):
    centre_id = UnicodeAttribute()
