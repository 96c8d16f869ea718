"""Following requests: one request (authorised), a citizen's own, and public look-up by tracking number + PIN."""

from __future__ import annotations

from functions.domain.audit import target
from functions.domain.errors import ErrorCode, NotFound, ValidationFailed
from functions.domain.identity_numbers import ascii_digits, normalize_digits
from functions.domain.paging import Page, PageRequest
from functions.domain.policy import Operation, Owner
from functions.domain.request import RequestFile, RequestSummary
from functions.domain.throttling import TRACKING_NUMBER
from functions.domain.tracking import pin_matches
from functions.services.attempt_limits import AttemptLimits, Subject
from functions.services.authorization import Authorizer
from functions.services.caller import Caller
from functions.services.request_owners import owners_of
from functions.services.request_ports import RequestRepository

__all__ = ["RequestTracking"]


class RequestTracking:
    def __init__(self, *, requests: RequestRepository, authorizer: Authorizer, limits: AttemptLimits) -> None:
        self._requests = requests
        self._authorizer = authorizer
        self._limits = limits

    def request(self, caller: Caller, request_id: str) -> RequestFile:
        """The citizen's own, the filing centre's, an involved agency's, or (masked) the monitor's."""
        file = self._requests.get_file(request_id)
        owner = owners_of(file)
        self._authorizer.authorize(caller, Operation.READ_REQUEST, target("request", request_id), owner)
        if file is None:
            raise NotFound(field="id")
        return file

    def my_requests(self, caller: Caller, page: PageRequest) -> Page[RequestSummary]:
        user = caller.principal.user_id
        self._authorizer.authorize(caller, Operation.LIST_MY_REQUESTS, target("citizen", user), Owner(user_id=user))
        return self._requests.list_for_citizen(user, page)

    def track(self, caller: Caller, tracking_number: str, pin: str) -> RequestFile:
        """No sign-in: a wrong number and a wrong PIN get the same ``TRACKING_FAILED``. Five of them lock
        the number — issued or not, so the lock confirms nothing — and the right PIN then gets
        ``TRACKING_LOCKED`` with the time the lock ends; a source that fails too often waits too."""
        number = ascii_digits(tracking_number).upper()
        subject = Subject(f"TRACKING#{number}", TRACKING_NUMBER, ErrorCode.TRACKING_LOCKED, field="trackingNumber")
        self._limits.before(caller.source, subject)
        file = self._requests.find_by_tracking_number(number)
        if file is None or not pin_matches(normalize_digits(pin), file.request.request_id, file.request.pin_hash):
            self._limits.failed(caller.source, subject)
            raise ValidationFailed(ErrorCode.TRACKING_FAILED)
        return file
