"""Staff accounts: centre operators, agency officers, the monitoring office and administrators."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from functions.domain.errors import ErrorCode, ValidationFailed
from functions.domain.identity_numbers import NationalId
from functions.domain.mobile import SaudiMobile
from functions.domain.principal import Role

__all__ = ["AccountStatus", "StaffAccount", "validate_staff_scope"]


class AccountStatus(StrEnum):
    ACTIVE = "ACTIVE"
    DISABLED = "DISABLED"


@dataclass(frozen=True)
class StaffAccount:
    user_id: str
    role: Role
    national_id: NationalId
    name_ar: str
    name_en: str | None
    mobile: SaudiMobile
    centre_id: str | None = None
    agency_code: str | None = None
    status: AccountStatus = AccountStatus.ACTIVE


def validate_staff_scope(role: Role, centre_id: str | None, agency_code: str | None) -> None:
    """Operators carry exactly a centre, officers exactly an agency, everyone else neither."""
    valid = (
        role in {Role.CENTRE_OPERATOR, Role.AGENCY_OFFICER, Role.MONITOR, Role.ADMIN}
        and (role is Role.CENTRE_OPERATOR) == (centre_id is not None)
        and (role is Role.AGENCY_OFFICER) == (agency_code is not None)
    )
    if not valid:
        raise ValidationFailed(ErrorCode.STAFF_SCOPE_INVALID, field="role")
