"""Whether a member of staff may still act now: their account, and a centre operator's centre.

An access token says who signed in and what they were then; it stays valid until it expires, whatever
happens after. Every staff operation therefore also checks the caller's **standing** as it is now: a
disabled account does nothing more (``SESSION_ENDED``), and a centre operator's work depends on their
centre's licence as it is now (``CENTRE_INACTIVE``). Each operation an operator may do is one of three
kinds of work (RELIABILITY AUTH-08, docs/identity-and-access.md):

* ``NEW`` — opens a record, hands out a password, looks a citizen up, files a request or takes in a
  document: only an ACTIVE centre with an unexpired licence;
* ``IN_FLIGHT`` — moves a file already filed on (a resubmission, the hand-over, a cancellation with its
  refund), so a suspended centre's citizens are not stranded: any centre that is not REVOKED;
* ``READ`` — reads the centre's own files, notices and inspections, or listens to a request's updates:
  always, so a suspended or revoked centre can still answer its citizens and the monitoring office.

An operation left out of the table counts as ``NEW`` (the strictest), and a test keeps the table whole.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

from functions.domain.centre import CentreStatus
from functions.domain.errors import ErrorCode, Unauthenticated, ValidationFailed
from functions.domain.policy import REQUIRES_SERVING_CENTRE, Operation
from functions.domain.principal import Principal, Role

if TYPE_CHECKING:
    from functions.domain.centre import Centre

__all__ = ["CENTRE_WORK", "STAFF_ROLES", "CentreWork", "Standing", "authorize_standing"]

STAFF_ROLES = frozenset({Role.CENTRE_OPERATOR, Role.AGENCY_OFFICER, Role.MONITOR, Role.ADMIN})


class CentreWork(StrEnum):
    NEW = "NEW"
    IN_FLIGHT = "IN_FLIGHT"
    READ = "READ"


CENTRE_WORK: dict[Operation, CentreWork] = {
    **dict.fromkeys(REQUIRES_SERVING_CENTRE, CentreWork.NEW),
    # an audited look-up of any citizen's record is the first step of new work, and personal data
    Operation.LOOK_UP_CITIZEN: CentreWork.NEW,
    Operation.RESUBMIT_REQUEST: CentreWork.IN_FLIGHT,
    Operation.CONFIRM_DELIVERY: CentreWork.IN_FLIGHT,
    Operation.CANCEL_REQUEST: CentreWork.IN_FLIGHT,
    # a suspended centre still calls the citizens its SMS did not reach
    Operation.MARK_CALL_DONE: CentreWork.IN_FLIGHT,
    Operation.READ_CALL_NUMBER: CentreWork.IN_FLIGHT,
    # and still hands the cash it holds to the treasury and closes its days
    Operation.RECORD_REMITTANCE: CentreWork.IN_FLIGHT,
    Operation.CLOSE_BUSINESS_DAY: CentreWork.IN_FLIGHT,
    Operation.READ_CITIZEN: CentreWork.READ,
    Operation.READ_ME: CentreWork.READ,
    Operation.READ_REQUEST: CentreWork.READ,
    Operation.LIST_CENTRE_REQUESTS: CentreWork.READ,
    Operation.REQUEST_UPDATES: CentreWork.READ,
    Operation.DOWNLOAD_DOCUMENT: CentreWork.READ,
    Operation.LIST_DRAFT_DOCUMENTS: CentreWork.READ,
    Operation.READ_CENTRE: CentreWork.READ,
    Operation.READ_CENTRE_NOTICES: CentreWork.READ,
    Operation.LIST_INSPECTIONS: CentreWork.READ,
    Operation.READ_BUSINESS_CALENDAR: CentreWork.READ,
    Operation.LIST_CALL_LIST: CentreWork.READ,
    Operation.READ_CENTRE_MONEY: CentreWork.READ,
}


@dataclass(frozen=True)
class Standing:
    """What is known now of a signed-in principal's account (and an operator's centre)."""

    account_active: bool = True
    """False once an administrator disabled the account. An account Shubbak holds no record of (the first
    administrator, created by hand in Cognito) is active: only a recorded decision disables."""
    centre: Centre | None = None


def authorize_standing(operation: Operation, principal: Principal, standing: Standing, today: date) -> None:
    """Raise unless the principal, as they stand now, may do ``operation``."""
    if not standing.account_active:
        raise Unauthenticated(ErrorCode.SESSION_ENDED)
    if principal.role is not Role.CENTRE_OPERATOR:
        return
    work = CENTRE_WORK.get(operation, CentreWork.NEW)
    centre = standing.centre
    if work is CentreWork.NEW and (centre is None or not centre.can_serve(today)):
        raise ValidationFailed(ErrorCode.CENTRE_INACTIVE)
    if work is CentreWork.IN_FLIGHT and (centre is None or centre.status is CentreStatus.REVOKED):
        raise ValidationFailed(ErrorCode.CENTRE_INACTIVE)
