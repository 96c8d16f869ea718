"""The licensing lifecycle of a centre, kept by the monitoring office.

::

    registerCentre -> REGISTERED --licenseCentre--> ACTIVE --suspendCentre--> SUSPENDED
                                                      ^  \\__licenseCentre (renewal)  |
                                                      \\_______reinstateCentre________/
    REGISTERED / ACTIVE / SUSPENDED --revokeCentre--> REVOKED (final)

Only an ACTIVE centre whose licence has not expired serves (``Centre.can_serve``). A licence needs
the regulations' technical checklist met and an expiry date in the future.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from functions.domain.catalogue import SMS_NAME_MAX, LocalizedText, is_code
from functions.domain.centre import Centre, CentreStatus
from functions.domain.centre_profile import GeoPoint, TechnicalChecklist, WorkingHours
from functions.domain.districts import validate_district
from functions.domain.errors import Conflict, ErrorCode, ValidationFailed
from functions.domain.money import Money

__all__ = [
    "MAX_SERVICE_CHARGE",
    "CentreRegistration",
    "license_centre",
    "register_centre",
    "reinstate_centre",
    "revoke_centre",
    "suspend_centre",
]

MAX_SERVICE_CHARGE = Money(100_00)
"""The highest service charge a centre may post (illustrative cap of the regulations: 100 SAR)."""
REASON_MAX = 500
_LICENCE_NUMBER = re.compile(r"^(?=.*[0-9])[A-Z0-9][A-Z0-9/-]{3,31}$")


@dataclass(frozen=True)
class CentreRegistration:
    centre_id: str
    name: LocalizedText
    sms_name: LocalizedText
    operator_company: str
    licence_number: str
    district: str
    location: GeoPoint
    working_hours: WorkingHours
    service_charge: Money
    checklist: TechnicalChecklist


def register_centre(form: CentreRegistration) -> Centre:
    """A new centre, REGISTERED: on file, not licensed, serving nobody yet."""
    if not is_code(form.centre_id):
        raise ValidationFailed(ErrorCode.CODE_INVALID, field="centreId")
    for text, field_name in ((form.name, "name"), (form.sms_name, "smsName")):
        if not text.ar.strip() or not text.en.strip():
            raise ValidationFailed(ErrorCode.NAME_REQUIRED, field=field_name)
    if len(form.sms_name.ar) > SMS_NAME_MAX or len(form.sms_name.en) > SMS_NAME_MAX:
        raise ValidationFailed(ErrorCode.NAME_INVALID, field="smsName")
    company = form.operator_company.strip()
    if not company or len(company) > REASON_MAX:
        raise ValidationFailed(ErrorCode.OPERATOR_COMPANY_REQUIRED, field="operatorCompany")
    licence_number = form.licence_number.strip().upper()
    if not _LICENCE_NUMBER.fullmatch(licence_number):
        raise ValidationFailed(ErrorCode.LICENCE_NUMBER_INVALID, field="licenceNumber")
    if not Money(0) <= form.service_charge <= MAX_SERVICE_CHARGE:
        raise ValidationFailed(ErrorCode.SERVICE_CHARGE_INVALID, field="serviceCharge")
    return Centre(
        centre_id=form.centre_id,
        name=form.name,
        sms_name=form.sms_name,
        district=validate_district(form.district),
        status=CentreStatus.REGISTERED,
        licence_expires_on=None,
        service_charge=form.service_charge,
        operator_company=company,
        licence_number=licence_number,
        location=form.location,
        working_hours=form.working_hours,
        checklist=form.checklist,
    )


def license_centre(centre: Centre, expires_on: date, today: date, checklist: TechnicalChecklist | None) -> Centre:
    """License a registered centre, or renew an active one's licence, on a checklist that is met.

    ``checklist``: what the office verified now (None keeps the one on file).
    """
    _ensure_status(centre, CentreStatus.REGISTERED, CentreStatus.ACTIVE)
    if expires_on <= today:
        raise ValidationFailed(ErrorCode.LICENCE_DATE_PAST, field="expiresOn")
    verified = checklist or centre.checklist
    if verified is None or verified.unmet():
        raise ValidationFailed(ErrorCode.CHECKLIST_INCOMPLETE, field="checklist")
    return replace(
        centre, status=CentreStatus.ACTIVE, licence_expires_on=expires_on, checklist=verified, status_reason=None
    )


def suspend_centre(centre: Centre, reason: str) -> Centre:
    _ensure_status(centre, CentreStatus.ACTIVE)
    return replace(centre, status=CentreStatus.SUSPENDED, status_reason=_required_reason(reason))


def reinstate_centre(centre: Centre, note: str | None) -> Centre:
    """Back to ACTIVE; it serves again only while its licence is unexpired (renew it otherwise)."""
    _ensure_status(centre, CentreStatus.SUSPENDED)
    return replace(centre, status=CentreStatus.ACTIVE, status_reason=(note or "").strip()[:REASON_MAX] or None)


def revoke_centre(centre: Centre, reason: str) -> Centre:
    _ensure_status(centre, CentreStatus.REGISTERED, CentreStatus.ACTIVE, CentreStatus.SUSPENDED)
    return replace(centre, status=CentreStatus.REVOKED, status_reason=_required_reason(reason))


def _ensure_status(centre: Centre, *allowed: CentreStatus) -> None:
    if centre.status not in allowed:
        raise Conflict(ErrorCode.CENTRE_STATE)


def _required_reason(reason: str) -> str:
    text = reason.strip()
    if not text:
        raise ValidationFailed(ErrorCode.REASON_REQUIRED, field="reason")
    return text[:REASON_MAX]
