"""Administrators create and disable staff accounts; each gets a temporary password, once."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace

from functions.domain.audit import Outcome, target
from functions.domain.errors import Conflict, ErrorCode, NotFound, ValidationFailed
from functions.domain.identity_numbers import NationalId
from functions.domain.mobile import SaudiMobile
from functions.domain.passwords import generate_temporary_password
from functions.domain.policy import Operation
from functions.domain.principal import AGENCY_GROUP_PREFIX, CENTRE_GROUP_PREFIX, Role
from functions.domain.staff import AccountStatus, StaffAccount, validate_staff_scope
from functions.services.account_standing import AccountStanding
from functions.services.auditing import Auditor
from functions.services.authorization import Authorizer
from functions.services.caller import Caller
from functions.services.live_ports import AccountConnections
from functions.services.ports import (
    CatalogueRepository,
    CentreRepository,
    IdentityProvider,
    LoginDirectory,
    StaffRepository,
)

__all__ = ["StaffAccounts", "StaffForm", "StaffWithPassword"]

logger = logging.getLogger("shubbak.identity")


@dataclass(frozen=True)
class StaffForm:
    role: Role
    national_id: str
    name_ar: str
    name_en: str | None
    mobile: str
    centre_id: str | None = None
    agency_code: str | None = None


@dataclass(frozen=True)
class StaffWithPassword:
    staff: StaffAccount
    temporary_password: str


class StaffAccounts:
    def __init__(
        self,
        *,
        staff: StaffRepository,
        directory: LoginDirectory,
        centres: CentreRepository,
        catalogue: CatalogueRepository,
        identity: IdentityProvider,
        auditor: Auditor,
        authorizer: Authorizer,
        standing: AccountStanding,
        connections: Callable[[], AccountConnections],
    ) -> None:
        """``connections`` gives the live connections when a disable first needs them."""
        self._staff = staff
        self._directory = directory
        self._centres = centres
        self._catalogue = catalogue
        self._identity = identity
        self._auditor = auditor
        self._authorizer = authorizer
        self._standing = standing
        self._connections = connections

    def create_staff_account(self, caller: Caller, form: StaffForm) -> StaffWithPassword:
        self._authorizer.authorize(caller, Operation.CREATE_STAFF_ACCOUNT, target("staff", "new"))
        validate_staff_scope(form.role, form.centre_id, form.agency_code)
        national_id = NationalId.parse(form.national_id)
        mobile = SaudiMobile.parse(form.mobile)
        if not form.name_ar.strip():
            raise ValidationFailed(ErrorCode.NAME_INVALID, field="nameAr")
        if form.centre_id is not None and self._centres.get_centre(form.centre_id) is None:
            raise NotFound(field="centreId")
        if form.agency_code is not None and self._catalogue.get_agency(form.agency_code) is None:
            raise NotFound(field="agencyCode")
        if self._directory.login_for(national_id) is not None:
            raise Conflict(ErrorCode.NATIONAL_ID_TAKEN, field="nationalId")
        staff = StaffAccount(
            user_id=uuid.uuid4().hex,
            role=form.role,
            national_id=national_id,
            name_ar=form.name_ar.strip(),
            name_en=(form.name_en or "").strip() or None,
            mobile=mobile,
            centre_id=form.centre_id,
            agency_code=form.agency_code,
        )
        groups = [staff.role.value, *self._tenant_groups(staff)]
        password = generate_temporary_password()
        self._identity.create_user(staff.user_id, password, groups)
        audit = self._auditor.record(
            caller,
            Operation.CREATE_STAFF_ACCOUNT.value,
            target("staff", staff.user_id),
            Outcome.ALLOWED,
            {"role": staff.role.value, "tenant": staff.centre_id or staff.agency_code or "-"},
        )
        try:
            self._staff.create_staff(staff, audit)
        except Exception:
            self._identity.delete_user(staff.user_id)
            raise
        return StaffWithPassword(staff, password)

    def disable_staff_account(self, caller: Caller, user_id: str) -> StaffAccount:
        self._authorizer.authorize(caller, Operation.DISABLE_STAFF_ACCOUNT, target("staff", user_id))
        staff = self._staff.get_staff(user_id)
        if staff is None:
            raise NotFound(field="userId")
        self._identity.disable_user(staff.user_id)
        audit = self._auditor.record(
            caller, Operation.DISABLE_STAFF_ACCOUNT.value, target("staff", user_id), Outcome.ALLOWED
        )
        self._staff.set_staff_status(staff, AccountStatus.DISABLED, audit)
        self._standing.forget_account(staff.user_id)
        closed = self._connections().close_connections_of(staff.user_id)
        logger.info("staff account %s disabled; %d live connection(s) closed", staff.user_id, closed)
        return replace(staff, status=AccountStatus.DISABLED)

    def _tenant_groups(self, staff: StaffAccount) -> list[str]:
        groups = []
        if staff.centre_id:
            groups.append(f"{CENTRE_GROUP_PREFIX}{staff.centre_id}")
        if staff.agency_code:
            groups.append(f"{AGENCY_GROUP_PREFIX}{staff.agency_code}")
        for group in groups:
            self._identity.ensure_group(group)
        return groups
