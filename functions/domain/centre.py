"""Licensed service centres (the licensing lifecycle itself belongs to the monitoring office)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from functions.domain.catalogue import LocalizedText
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
