"""Each member of staff's standing, read from the tables and kept a short while in the process.

Every staff operation asks (see ``domain/standing.py``); asking Cognito every time would cost a round
trip per request, so the account record and the operator's centre are read from DynamoDB and kept for
``ttl`` (30 s by default): a disabled account or a suspended centre is refused by every Lambda instance
within that time, and at once by the instance that made the change (it forgets what it knew).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Generic, TypeVar

from functions.domain.centre import Centre
from functions.domain.principal import Principal
from functions.domain.staff import AccountStatus
from functions.domain.standing import STAFF_ROLES, Standing
from functions.services.ports import CentreRepository, Clock, StaffRepository

__all__ = ["DEFAULT_TTL", "AccountStanding"]

DEFAULT_TTL = timedelta(seconds=30)
"""Half of the 60 s within which RELIABILITY AUTH-08 wants every staff operation refused."""
_CAPACITY = 4096

V = TypeVar("V")


class _Recent(Generic[V]):
    """Values read less than ``ttl`` ago, the least recently used dropped beyond ``capacity``."""

    def __init__(self, clock: Clock, ttl: timedelta, capacity: int) -> None:
        self._clock = clock
        self._ttl = ttl
        self._capacity = capacity
        self._values: OrderedDict[str, tuple[datetime, V]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str, read: Callable[[], V]) -> V:
        now = self._clock.now()
        with self._lock:
            kept = self._values.get(key)
            if kept is not None and now - kept[0] < self._ttl:
                self._values.move_to_end(key)
                return kept[1]
        value = read()
        with self._lock:
            self._values[key] = (now, value)
            self._values.move_to_end(key)
            while len(self._values) > self._capacity:
                self._values.popitem(last=False)
        return value

    def forget(self, key: str) -> None:
        with self._lock:
            self._values.pop(key, None)


class AccountStanding:
    def __init__(
        self,
        *,
        staff: StaffRepository,
        centres: CentreRepository,
        clock: Clock,
        ttl: timedelta = DEFAULT_TTL,
        capacity: int = _CAPACITY,
    ) -> None:
        self._staff = staff
        self._centres = centres
        self._accounts: _Recent[bool] = _Recent(clock, ttl, capacity)
        self._centre_files: _Recent[Centre | None] = _Recent(clock, ttl, capacity)

    def standing_of(self, principal: Principal) -> Standing:
        """Citizens and the anonymous have no staff standing: they are always in good standing here."""
        if principal.role not in STAFF_ROLES:
            return Standing()
        active = self._accounts.get(principal.user_id, lambda: self._account_active(principal.user_id))
        centre_id = principal.centre_id
        centre = self._centre_files.get(centre_id, lambda: self._centres.get_centre(centre_id)) if centre_id else None
        return Standing(account_active=active, centre=centre)

    def forget_account(self, user_id: str) -> None:
        self._accounts.forget(user_id)

    def forget_centre(self, centre_id: str) -> None:
        self._centre_files.forget(centre_id)

    def _account_active(self, user_id: str) -> bool:
        staff = self._staff.get_staff(user_id)
        return staff is None or staff.status is AccountStatus.ACTIVE
