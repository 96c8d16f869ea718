"""The domain's enums, registered once with Strawberry.

Import enums for the API from here: Strawberry must see the registration before any type or input
mentions the enum, or it derives a second, conflicting definition of its own.
"""

from __future__ import annotations

import strawberry

from functions.domain.catalogue import FieldType
from functions.domain.citizen import IdentityDocumentType, Language
from functions.domain.documents import DocumentStatus
from functions.domain.errors import ErrorCode
from functions.domain.notification import DeliveryStatus
from functions.domain.principal import Role
from functions.domain.request import Decision, HandoffStatus, PaymentMethod, RequestStatus
from functions.domain.staff import AccountStatus
from functions.domain.visibility import Visibility

__all__ = [
    "AccountStatus",
    "Decision",
    "DeliveryStatus",
    "DocumentStatus",
    "ErrorCode",
    "FieldType",
    "HandoffStatus",
    "IdentityDocumentType",
    "Language",
    "PaymentMethod",
    "RequestStatus",
    "Role",
    "Visibility",
]

strawberry.enum(ErrorCode, name="ErrorCode", description="Stable error codes; match on these.")
strawberry.enum(FieldType, name="FieldType", description="How a form field is filled in.")
strawberry.enum(Language, name="Language", description="The citizen's preferred language for SMS and pages.")
strawberry.enum(IdentityDocumentType, name="IdentityDocumentType")
strawberry.enum(Role, name="Role")
strawberry.enum(AccountStatus, name="AccountStatus")
strawberry.enum(Visibility, name="Visibility", description="How much personal data this view shows you.")
strawberry.enum(DeliveryStatus, name="DeliveryStatus")
strawberry.enum(RequestStatus, name="RequestStatus", description="Where a request stands, from SUBMITTED to DELIVERED.")
strawberry.enum(
    HandoffStatus, name="HandoffStatus", description="One agency's step: FORWARDED, RECEIVED, then decided."
)
strawberry.enum(Decision, name="Decision")
strawberry.enum(PaymentMethod, name="PaymentMethod")
strawberry.enum(
    DocumentStatus, name="DocumentStatus", description="AWAITING_UPLOAD until the file arrived and was verified."
)
