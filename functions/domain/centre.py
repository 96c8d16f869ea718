"""Licensed service centres (the licensing lifecycle itself belongs to the monitoring office)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from functions.domain.catalogue import LocalizedText
from functions.domain.centre_profile import GeoPoint, TechnicalChecklist, WorkingHours
from functions.domain.errors import ErrorCode, ValidationFailed
from functions.domain.money import Money

__all__ = ["Centre", "CentreStatus"]


class CentreStatus(StrEnum):
    REGISTERED = "REGISTERED"
    ACTIVE = "ACTIVE"
    SUSPENDED = "SUSPENDED"
    REVOKED = "REVOKED"


@dataclass(frozen=True)
class Centre:
    centre_id: str
    name: LocalizedText
    sms_name: LocalizedText
    district: str
    status: CentreStatus
    licence_expires_on: date | None
    service_charge: Money
    # the licensing file kept by the monitoring office (docs/monitoring.md)
    operator_company: str = ""
    licence_number: str = ""
    location: GeoPoint | None = None
    working_hours: WorkingHours | None = None
    checklist: TechnicalChecklist | None = None
    status_reason: str | None = None
    """Why the centre was last suspended, reinstated or revoked."""

    def can_serve(self, today: date) -> bool:
        """Only an ACTIVE centre with an unexpired licence opens records or files requests."""
        return (
            self.status is CentreStatus.ACTIVE
            and self.licence_expires_on is not None
            and self.licence_expires_on >= today
        )

    def ensure_can_serve(self, today: date) -> None:
        if not self.can_serve(today):
            raise ValidationFailed(ErrorCode.CENTRE_INACTIVE)
