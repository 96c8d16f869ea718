"""The use cases handed to the GraphQL context in unit tests, built up front (the composition root
builds them lazily: it is the ``Resolvers`` protocol itself)."""

from __future__ import annotations

from dataclasses import dataclass

from functions.services.agency_window import AgencyWindow
from functions.services.audit_trail import AuditTrail
from functions.services.business_calendars import BusinessCalendars
from functions.services.catalogue import CatalogueService
from functions.services.centre_desk import CentreDesk
from functions.services.centre_licensing import CentreLicensing
from functions.services.citizen_feedback import CitizenFeedback
from functions.services.citizen_records import CitizenRecords
from functions.services.escalations import Escalations
from functions.services.inspections import Inspections
from functions.services.notifications import Notifications
from functions.services.performance import Performance
from functions.services.profiles import Profiles
from functions.services.request_documents import RequestDocuments
from functions.services.request_submission import RequestSubmission
from functions.services.request_tracking import RequestTracking
from functions.services.sign_in import SignIn
from functions.services.staff_accounts import StaffAccounts

__all__ = ["FixedResolvers"]


@dataclass(frozen=True)
class FixedResolvers:
    catalogue: CatalogueService
    citizen_records: CitizenRecords
    sign_in: SignIn
    profiles: Profiles
    staff_accounts: StaffAccounts
    audit_trail: AuditTrail
    notifications: Notifications
    request_submission: RequestSubmission
    agency_window: AgencyWindow
    centre_desk: CentreDesk
    request_tracking: RequestTracking
    centre_licensing: CentreLicensing
    inspections: Inspections
    performance: Performance
    escalations: Escalations
    citizen_feedback: CitizenFeedback
    request_documents: RequestDocuments
    business_calendars: BusinessCalendars
