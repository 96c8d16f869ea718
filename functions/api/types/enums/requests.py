"""The enums of a request's file: its status, the agencies' steps and decisions, how it was paid, its
SADAD bill and its documents (``functions.domain.request`` imports the bill's and the documents' modules,
so these cost a section that shows a request nothing more)."""

from __future__ import annotations

import strawberry

from functions.domain.documents import DocumentStatus
from functions.domain.request import Decision, HandoffStatus, PaymentMethod, RequestStatus
from functions.domain.sadad import BillStatus

__all__ = ["BillStatus", "Decision", "DocumentStatus", "HandoffStatus", "PaymentMethod", "RequestStatus"]

strawberry.enum(RequestStatus, name="RequestStatus", description="Where a request stands, from SUBMITTED to DELIVERED.")
strawberry.enum(
    HandoffStatus, name="HandoffStatus", description="One agency's step: FORWARDED, RECEIVED, then decided."
)
strawberry.enum(Decision, name="Decision")
strawberry.enum(PaymentMethod, name="PaymentMethod")
strawberry.enum(BillStatus, name="SadadBillStatus")
strawberry.enum(
    DocumentStatus, name="DocumentStatus", description="AWAITING_UPLOAD until the file arrived and was verified."
)
