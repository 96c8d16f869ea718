"""``me``: the signed-in person's own record, citizen or staff."""

from __future__ import annotations

from functions.domain.audit import target
from functions.domain.citizen import Citizen
from functions.domain.errors import NotFound
from functions.domain.policy import Operation, Owner
from functions.domain.principal import Role
from functions.domain.staff import StaffAccount
from functions.services.authorization import Authorizer
from functions.services.caller import Caller
from functions.services.ports import CitizenRepository, StaffRepository

__all__ = ["Profiles"]


class Profiles:
    def __init__(self, *, citizens: CitizenRepository, staff: StaffRepository, authorizer: Authorizer) -> None:
        self._citizens = citizens
        self._staff = staff
        self._authorizer = authorizer

    def me(self, caller: Caller) -> Citizen | StaffAccount:
        user_id = caller.principal.user_id
        self._authorizer.authorize(caller, Operation.READ_ME, target("user", user_id), Owner(user_id=user_id))
        record: Citizen | StaffAccount | None
        if caller.principal.role is Role.CITIZEN:
            record = self._citizens.get_citizen(user_id)
        else:
            record = self._staff.get_staff(user_id)
        if record is None:
            raise NotFound
        return record
