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
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

from functions.domain.errors import ErrorCode, Forbidden, NotFound, Unauthenticated, ValidationFailed
from functions.domain.principal import Principal, Role

if TYPE_CHECKING:
    from functions.domain.centre import Centre

__all__ = [
    "HIGH_RISK",
    "POLICY",
    "REQUIRES_SERVING_CENTRE",
    "Operation",
    "Owner",
    "Scope",
    "authorize",
    "authorize_serving",
]


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
    HANDOFF_EVENTS = "handoffEvents"
    REQUEST_UPDATES = "requestUpdates"
    # the monitoring office (docs/monitoring.md) and citizens' feedback
    REGISTER_CENTRE = "registerCentre"
    LICENSE_CENTRE = "licenseCentre"
    SUSPEND_CENTRE = "suspendCentre"
    REINSTATE_CENTRE = "reinstateCentre"
    REVOKE_CENTRE = "revokeCentre"
    READ_CENTRE = "centre"
    LIST_CENTRES = "centres"
    READ_CENTRE_NOTICES = "centreNotices"
    RECORD_INSPECTION = "recordInspection"
    LIST_INSPECTIONS = "inspections"
    CLOSE_FINDINGS = "closeFindings"
    READ_CENTRE_PERFORMANCE = "centrePerformance"
    READ_REGION_OVERVIEW = "regionOverview"
    READ_CENTRE_RANKING = "centreRanking"
    LIST_ESCALATIONS = "escalations"
    RESOLVE_ESCALATION = "resolveEscalation"
    RATE_CENTRE = "rateCentre"
    FILE_COMPLAINT = "fileComplaint"
    READ_MY_FEEDBACK = "myFeedback"
    LIST_COMPLAINTS = "complaints"
    RESOLVE_COMPLAINT = "resolveComplaint"
    REQUEST_DOCUMENT_UPLOAD = "requestDocumentUpload"
    ATTACH_DOCUMENT = "attachDocument"
    DOWNLOAD_DOCUMENT = "documentDownload"
    LIST_MY_DOCUMENTS = "myDocuments"
    LIST_DRAFT_DOCUMENTS = "draftDocuments"
    # the monitoring office's live alerts (docs/monitoring.md)
    MONITORING_ALERTS = "monitoringAlerts"
    # the business calendar of working-hours SLAs (docs/time.md)
    READ_BUSINESS_CALENDAR = "businessCalendar"
    DEFINE_BUSINESS_CALENDAR = "defineBusinessCalendar"
    # the centre's call list of SMS that never arrived (docs/sms.md)
    LIST_CALL_LIST = "callList"
    MARK_CALL_DONE = "markCallDone"
    # the citizen's own choice of SMS language (docs/sms.md)
    CHANGE_MY_LANGUAGE = "changeMyLanguage"
    READ_CALL_NUMBER = "callNumber"
    READ_CENTRE_MONEY = "centreStatements"
    RECORD_REMITTANCE = "recordRemittance"
    CLOSE_BUSINESS_DAY = "closeBusinessDay"


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
    # Live subscriptions: an officer hears their own agency's hand-offs (the agency from the token), and
    # only those: never another agency's steps, even on a request both work on. One request's updates
    # reach its citizen, its centre and the monitor.
    Operation.HANDOFF_EVENTS: {Role.AGENCY_OFFICER: Scope.OWN_AGENCY},
    Operation.REQUEST_UPDATES: {
        Role.CITIZEN: Scope.SELF,
        Role.CENTRE_OPERATOR: Scope.OWN_CENTRE,
        Role.MONITOR: Scope.ANY,
    },
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

# The monitoring office licenses, inspects and watches centres; a centre reads its own file, notices
# and inspections; a citizen rates and complains about their own delivered requests.
POLICY |= {
    Operation.REGISTER_CENTRE: {Role.MONITOR: Scope.ANY},
    Operation.LICENSE_CENTRE: {Role.MONITOR: Scope.ANY},
    Operation.SUSPEND_CENTRE: {Role.MONITOR: Scope.ANY},
    Operation.REINSTATE_CENTRE: {Role.MONITOR: Scope.ANY},
    Operation.REVOKE_CENTRE: {Role.MONITOR: Scope.ANY},
    Operation.READ_CENTRE: {Role.MONITOR: Scope.ANY, Role.CENTRE_OPERATOR: Scope.OWN_CENTRE},
    Operation.LIST_CENTRES: {Role.MONITOR: Scope.ANY},
    Operation.READ_CENTRE_NOTICES: {Role.MONITOR: Scope.ANY, Role.CENTRE_OPERATOR: Scope.OWN_CENTRE},
    Operation.RECORD_INSPECTION: {Role.MONITOR: Scope.ANY},
    Operation.LIST_INSPECTIONS: {Role.MONITOR: Scope.ANY, Role.CENTRE_OPERATOR: Scope.OWN_CENTRE},
    Operation.CLOSE_FINDINGS: {Role.MONITOR: Scope.ANY},
    Operation.READ_CENTRE_PERFORMANCE: {Role.MONITOR: Scope.ANY},
    Operation.READ_REGION_OVERVIEW: {Role.MONITOR: Scope.ANY},
    Operation.READ_CENTRE_RANKING: {Role.MONITOR: Scope.ANY},
    Operation.LIST_ESCALATIONS: {Role.MONITOR: Scope.ANY},
    Operation.RESOLVE_ESCALATION: {Role.MONITOR: Scope.ANY},
    Operation.RATE_CENTRE: {Role.CITIZEN: Scope.SELF},
    Operation.FILE_COMPLAINT: {Role.CITIZEN: Scope.SELF},
    Operation.READ_MY_FEEDBACK: {Role.CITIZEN: Scope.SELF},
    Operation.CHANGE_MY_LANGUAGE: {Role.CITIZEN: Scope.SELF},
    Operation.LIST_COMPLAINTS: {Role.MONITOR: Scope.ANY},
    Operation.RESOLVE_COMPLAINT: {Role.MONITOR: Scope.ANY},
}

# Escalations as they are opened or raised again, live: the monitoring office only (any centre).
POLICY |= {
    Operation.MONITORING_ALERTS: {Role.MONITOR: Scope.ANY},
}

# The business calendar: every member of staff works by it and may read it; administrators keep it.
POLICY |= {
    Operation.READ_BUSINESS_CALENDAR: {
        Role.CENTRE_OPERATOR: Scope.ANY,
        Role.AGENCY_OFFICER: Scope.ANY,
        Role.MONITOR: Scope.ANY,
        Role.ADMIN: Scope.ANY,
    },
    Operation.DEFINE_BUSINESS_CALENDAR: {Role.ADMIN: Scope.ANY},
}

# SMS that never reached the citizen: the centre that filed the request (or opened the record) calls.
POLICY |= {
    Operation.LIST_CALL_LIST: {Role.CENTRE_OPERATOR: Scope.OWN_CENTRE},
    Operation.MARK_CALL_DONE: {Role.CENTRE_OPERATOR: Scope.OWN_CENTRE},
    Operation.READ_CALL_NUMBER: {Role.CENTRE_OPERATOR: Scope.OWN_CENTRE},
}

# The centres' money (docs/money.md): a centre reads and answers for its own ledger; the monitoring
# office reads every centre's and closes days after reconciliation.
POLICY |= {
    Operation.READ_CENTRE_MONEY: {Role.CENTRE_OPERATOR: Scope.OWN_CENTRE, Role.MONITOR: Scope.ANY},
    Operation.RECORD_REMITTANCE: {Role.CENTRE_OPERATOR: Scope.OWN_CENTRE},
    Operation.CLOSE_BUSINESS_DAY: {Role.CENTRE_OPERATOR: Scope.OWN_CENTRE, Role.MONITOR: Scope.ANY},
}

HIGH_RISK = frozenset(
    {
        Operation.OPEN_CITIZEN_RECORD,
        Operation.REISSUE_TEMPORARY_PASSWORD,
        Operation.CREATE_STAFF_ACCOUNT,
        Operation.DISABLE_STAFF_ACCOUNT,
        Operation.DEFINE_AGENCY,
        Operation.DEFINE_SERVICE,
        Operation.DEFINE_BUSINESS_CALENDAR,
        Operation.REGISTER_CENTRE,
        Operation.LICENSE_CENTRE,
        Operation.SUSPEND_CENTRE,
        Operation.REINSTATE_CENTRE,
        Operation.REVOKE_CENTRE,
    }
)
"""Operations that make identities, hand out passwords or decide who may act: the caller's session is
confirmed with Cognito first (RELIABILITY AUTH-06), so a token that outlives a sign-out, a disabled
account or a revoked session cannot do them (docs/identity-and-access.md)."""

REQUIRES_SERVING_CENTRE = frozenset(
    {
        Operation.OPEN_CITIZEN_RECORD,
        Operation.REISSUE_TEMPORARY_PASSWORD,
        Operation.SUBMIT_SERVICE_REQUEST,
        Operation.REQUEST_DOCUMENT_UPLOAD,
        Operation.ATTACH_DOCUMENT,
    }
)
"""New work needs a centre that serves: ACTIVE with an unexpired licence; taking in a citizen's
documents counts as new work. Files already in flight (resubmitting a return, handing a result over,
cancelling with a refund) stay possible at a suspended centre, so its citizens are not stranded; a
return that needs a new document waits for the centre's reinstatement (docs/monitoring.md)."""


def authorize_serving(operation: Operation, centre: Centre | None, today: date) -> None:
    """The licence half of the policy: ``CENTRE_INACTIVE`` unless the caller's centre may do this now."""
    if operation in REQUIRES_SERVING_CENTRE and (centre is None or not centre.can_serve(today)):
        raise ValidationFailed(ErrorCode.CENTRE_INACTIVE)


@dataclass(frozen=True)
class Owner:
    """Who an object belongs to, as far as the policy cares."""

    user_id: str | None = None
    centre_id: str | None = None
    agency_codes: frozenset[str] = frozenset()


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
