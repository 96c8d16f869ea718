"""Centre types: the licensing file (what the monitor keeps, what a centre sees of itself) and notices."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from decimal import Decimal

import strawberry

from functions.api.types.enums.calendar_dates import Weekday
from functions.api.types.enums.centres import CentreStatus, NoticeKind
from functions.api.types.enums.inspections import ChecklistItem
from functions.api.types.localized_text import LocalizedTextType
from functions.domain.catalogue import LocalizedText
from functions.domain.centre import Centre
from functions.domain.centre_notice import CentreNotice
from functions.domain.centre_profile import TechnicalChecklist
from functions.domain.districts import MADINAH_DISTRICTS
from functions.domain.madinah_time import business_day

__all__ = ["CentreNoticeType", "CentreType", "TechnicalChecklistType"]


@strawberry.type(name="GeoPoint")
class GeoPointType:
    latitude: float
    longitude: float


@strawberry.type(name="WorkingHours", description="Local (Madinah) time.")
class WorkingHoursType:
    days: list[Weekday]
    opens: time
    closes: time


@strawberry.type(name="TechnicalChecklist", description="Equipment, connectivity, certified staff and accessibility.")
class TechnicalChecklistType:
    workstations: int
    has_scanner: bool
    has_printer: bool
    line_mbps: int
    has_backup_line: bool
    trained_staff: int
    certified_staff: int = strawberry.field(description="Staff holding the departments' training certificates.")
    step_free_access: bool
    accessible_counter: bool
    unmet: list[ChecklistItem] = strawberry.field(description="Standards not met yet (empty: licensable).")

    @classmethod
    def of(cls, checklist: TechnicalChecklist) -> TechnicalChecklistType:
        return cls(
            workstations=checklist.workstations,
            has_scanner=checklist.has_scanner,
            has_printer=checklist.has_printer,
            line_mbps=checklist.line_mbps,
            has_backup_line=checklist.has_backup_line,
            trained_staff=checklist.trained_staff,
            certified_staff=checklist.certified_staff,
            step_free_access=checklist.step_free_access,
            accessible_counter=checklist.accessible_counter,
            unmet=list(checklist.unmet()),
        )


@strawberry.type(name="Centre", description="A service centre's licensing file.")
class CentreType:
    id: strawberry.ID
    name: LocalizedTextType
    sms_name: LocalizedTextType
    district: str
    district_name: LocalizedTextType
    status: CentreStatus
    licence_expires_on: date | None
    serving: bool = strawberry.field(description="ACTIVE with an unexpired licence: it may take new work today.")
    service_charge: Decimal = strawberry.field(description="The posted service charge, SAR.")
    operator_company: str
    licence_number: str
    location: GeoPointType | None
    working_hours: WorkingHoursType | None
    checklist: TechnicalChecklistType | None
    status_reason: str | None = strawberry.field(description="Why it was last suspended, reinstated or revoked.")

    @classmethod
    def of(cls, centre: Centre) -> CentreType:
        district = MADINAH_DISTRICTS.get(centre.district, LocalizedText(centre.district, centre.district))
        hours, point = centre.working_hours, centre.location
        return cls(
            id=strawberry.ID(centre.centre_id),
            name=LocalizedTextType.of(centre.name),
            sms_name=LocalizedTextType.of(centre.sms_name),
            district=centre.district,
            district_name=LocalizedTextType.of(district),
            status=centre.status,
            licence_expires_on=centre.licence_expires_on,
            serving=centre.can_serve(business_day(datetime.now(UTC))),
            service_charge=centre.service_charge.riyals,
            operator_company=centre.operator_company,
            licence_number=centre.licence_number,
            location=GeoPointType(latitude=point.latitude, longitude=point.longitude) if point else None,
            working_hours=WorkingHoursType(days=list(hours.days), opens=hours.opens, closes=hours.closes)
            if hours
            else None,
            checklist=TechnicalChecklistType.of(centre.checklist) if centre.checklist else None,
            status_reason=centre.status_reason,
        )


@strawberry.type(name="CentreNotice", description="What the monitoring office told the centre.")
class CentreNoticeType:
    id: strawberry.ID
    kind: NoticeKind
    at: datetime
    text: LocalizedTextType

    @classmethod
    def of(cls, notice: CentreNotice) -> CentreNoticeType:
        return cls(
            id=strawberry.ID(notice.notice_id), kind=notice.kind, at=notice.at, text=LocalizedTextType.of(notice.text)
        )
