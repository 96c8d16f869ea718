"""The one authorisation policy: role × operation × ownership.

``POLICY[operation][role]`` says on which objects a role may perform an operation:

* ``ANY``         every object (the monitor's oversight, an operator's audited look-up);
* ``OWN_CENTRE``  objects of the principal's own centre;
* ``OWN_AGENCY``  objects in the principal's own agency's window;
* ``SELF``        the principal's own record;
* absent          not at all.

Decisions: anonymous on a protected operation -> ``UNAUTHENTICATED``; a role the operation is not
for -> ``FORBIDDEN``; a permitted role acting on an object it does not own -> ``NOT_FOUND`` (so the
object's existence is not leaked). The scope always comes from the verified token.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from functions.domain.errors import Forbidden, NotFound, Unauthenticated
from functions.domain.principal import Principal, Role

__all__ = ["POLICY", "Operation", "Owner", "Scope", "authorize", "may"]


class Operation(StrEnum):
    OPEN_CITIZEN_RECORD = "openCitizenRecord"
    REISSUE_TEMPORARY_PASSWORD = "reissueTemporaryPassword"
    LOOK_UP_CITIZEN = "lookupCitizen"
    READ_CITIZEN = "citizen"
    READ_ME = "me"
    DEFINE_AGENCY = "defineAgency"
    DEFINE_SERVICE = "defineService"
    CREATE_STAFF_ACCOUNT = "createStaffAccount"
    DISABLE_STAFF_ACCOUNT = "disableStaffAccount"
    READ_AUDIT_TRAIL = "auditTrail"
    SUBMIT_SERVICE_REQUEST = "submitServiceRequest"
    READ_REQUEST = "request"
    LIST_MY_REQUESTS = "myRequests"
    LIST_CENTRE_REQUESTS = "centreRequests"
    READ_AGENCY_WINDOW = "agencyWindow"
    ACKNOWLEDGE_RECEIPT = "acknowledgeReceipt"
    COMPLETE_STEP = "completeStep"
    REJECT_REQUEST = "rejectRequest"
    RETURN_TO_CENTRE = "returnToCentre"
    RESUBMIT_REQUEST = "resubmitRequest"
    CONFIRM_DELIVERY = "confirmDelivery"
    CANCEL_REQUEST = "cancelRequest"
    REQUEST_DOCUMENT_UPLOAD = "requestDocumentUpload"
    ATTACH_DOCUMENT = "attachDocument"
    DOWNLOAD_DOCUMENT = "documentDownload"
    LIST_MY_DOCUMENTS = "myDocuments"
    LIST_DRAFT_DOCUMENTS = "draftDocuments"


class Scope(StrEnum):
    ANY = "ANY"
    OWN_CENTRE = "OWN_CENTRE"
    OWN_AGENCY = "OWN_AGENCY"
    SELF = "SELF"


POLICY: dict[Operation, dict[Role, Scope]] = {
    Operation.OPEN_CITIZEN_RECORD: {Role.CENTRE_OPERATOR: Scope.OWN_CENTRE},
    Operation.REISSUE_TEMPORARY_PASSWORD: {Role.CENTRE_OPERATOR: Scope.ANY},
    Operation.LOOK_UP_CITIZEN: {Role.CENTRE_OPERATOR: Scope.ANY},
    Operation.READ_CITIZEN: {Role.CITIZEN: Scope.SELF, Role.CENTRE_OPERATOR: Scope.OWN_CENTRE, Role.MONITOR: Scope.ANY},
    Operation.READ_ME: {
        Role.CITIZEN: Scope.SELF,
        Role.CENTRE_OPERATOR: Scope.SELF,
        Role.AGENCY_OFFICER: Scope.SELF,
        Role.MONITOR: Scope.SELF,
        Role.ADMIN: Scope.SELF,
    },
    Operation.DEFINE_AGENCY: {Role.ADMIN: Scope.ANY},
    Operation.DEFINE_SERVICE: {Role.ADMIN: Scope.ANY},
    Operation.CREATE_STAFF_ACCOUNT: {Role.ADMIN: Scope.ANY},
    Operation.DISABLE_STAFF_ACCOUNT: {Role.ADMIN: Scope.ANY},
    Operation.READ_AUDIT_TRAIL: {Role.MONITOR: Scope.ANY},
    Operation.SUBMIT_SERVICE_REQUEST: {Role.CENTRE_OPERATOR: Scope.OWN_CENTRE},
    Operation.READ_REQUEST: {
        Role.CITIZEN: Scope.SELF,
        Role.CENTRE_OPERATOR: Scope.OWN_CENTRE,
        Role.AGENCY_OFFICER: Scope.OWN_AGENCY,
        Role.MONITOR: Scope.ANY,
    },
    Operation.LIST_MY_REQUESTS: {Role.CITIZEN: Scope.SELF},
    Operation.LIST_CENTRE_REQUESTS: {Role.CENTRE_OPERATOR: Scope.OWN_CENTRE},
    Operation.READ_AGENCY_WINDOW: {Role.AGENCY_OFFICER: Scope.OWN_AGENCY},
    Operation.ACKNOWLEDGE_RECEIPT: {Role.AGENCY_OFFICER: Scope.OWN_AGENCY},
    Operation.COMPLETE_STEP: {Role.AGENCY_OFFICER: Scope.OWN_AGENCY},
    Operation.REJECT_REQUEST: {Role.AGENCY_OFFICER: Scope.OWN_AGENCY},
    Operation.RETURN_TO_CENTRE: {Role.AGENCY_OFFICER: Scope.OWN_AGENCY},
    Operation.RESUBMIT_REQUEST: {Role.CENTRE_OPERATOR: Scope.OWN_CENTRE},
    Operation.CONFIRM_DELIVERY: {Role.CENTRE_OPERATOR: Scope.OWN_CENTRE},
    Operation.CANCEL_REQUEST: {Role.CENTRE_OPERATOR: Scope.OWN_CENTRE},
    Operation.REQUEST_DOCUMENT_UPLOAD: {Role.CENTRE_OPERATOR: Scope.OWN_CENTRE},
    Operation.ATTACH_DOCUMENT: {Role.CENTRE_OPERATOR: Scope.OWN_CENTRE},
    # an officer: only while the request is in the agency's window (an open hand-off), see request_documents
    Operation.DOWNLOAD_DOCUMENT: {
        Role.CITIZEN: Scope.SELF,
        Role.CENTRE_OPERATOR: Scope.OWN_CENTRE,
        Role.AGENCY_OFFICER: Scope.OWN_AGENCY,
    },
    Operation.LIST_MY_DOCUMENTS: {Role.CITIZEN: Scope.SELF},
    Operation.LIST_DRAFT_DOCUMENTS: {Role.CENTRE_OPERATOR: Scope.OWN_CENTRE},
}


@dataclass(frozen=True)
class Owner:
    """Who an object belongs to, as far as the policy cares."""

    user_id: str | None = None
    centre_id: str | None = None
    agency_codes: frozenset[str] = frozenset()


def may(principal: Principal, operation: Operation, owner: Owner | None = None) -> bool:
    try:
        authorize(principal, operation, owner)
    except (Unauthenticated, Forbidden, NotFound):
        return False
    return True


def authorize(principal: Principal, operation: Operation, owner: Owner | None = None) -> Scope:
    """Raise the policy's decision, or return the scope granted. ``owner`` None: role check only."""
    if not principal.signed_in:
        raise Unauthenticated
    scope = POLICY[operation].get(principal.role)
    if scope is None:
        raise Forbidden
    if owner is not None and not _owns(principal, scope, owner):
        raise NotFound
    return scope


def _owns(principal: Principal, scope: Scope, owner: Owner) -> bool:
    if scope is Scope.ANY:
        return True
    if scope is Scope.SELF:
        return owner.user_id is not None and owner.user_id == principal.user_id
    if scope is Scope.OWN_CENTRE:
        return owner.centre_id is not None and owner.centre_id == principal.centre_id
    return principal.agency_code is not None and principal.agency_code in owner.agency_codes
