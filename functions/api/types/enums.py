"""The domain's enums, registered once with Strawberry.

Import enums for the API from here: Strawberry must see the registration before any type or input
mentions the enum, or it derives a second, conflicting definition of its own.
"""

from __future__ import annotations

import strawberry

from functions.api.types.base_enums import ErrorCode, FieldType
from functions.domain.calendar_dates import DateCalendar, Weekday
from functions.domain.centre import CentreStatus
from functions.domain.centre_flags import FlagKind
from functions.domain.centre_notice import NoticeKind
from functions.domain.centre_profile import ChecklistItem
from functions.domain.citizen import IdentityDocumentType, Language
from functions.domain.documents import DocumentStatus
from functions.domain.escalation import EscalationKind, EscalationStatus, SlaPhase
from functions.domain.feedback import ComplaintStatus
from functions.domain.inspection import FindingSeverity
from functions.domain.ledger import AccountKind, Channel, EntryKind
from functions.domain.notification import DeliveryStatus
from functions.domain.principal import Role
from functions.domain.ranking import RankingMetric
from functions.domain.request import Decision, HandoffStatus, PaymentMethod, RequestStatus
from functions.domain.sadad import BillStatus
from functions.domain.settlement import DiscrepancyKind
from functions.domain.staff import AccountStatus
from functions.domain.visibility import Visibility

__all__ = [
    "AccountKind",
    "AccountStatus",
    "BillStatus",
    "CentreStatus",
    "Channel",
    "ChecklistItem",
    "ComplaintStatus",
    "DateCalendar",
    "Decision",
    "DeliveryStatus",
    "DiscrepancyKind",
    "DocumentStatus",
    "EntryKind",
    "ErrorCode",
    "EscalationKind",
    "EscalationStatus",
    "FieldType",
    "FindingSeverity",
    "FlagKind",
    "HandoffStatus",
    "IdentityDocumentType",
    "Language",
    "NoticeKind",
    "PaymentMethod",
    "RankingMetric",
    "RequestStatus",
    "Role",
    "SlaPhase",
    "Visibility",
    "Weekday",
]

strawberry.enum(
    Language,
    name="Language",
    description="The language of the citizen's SMS: Arabic, English, Urdu, Bengali or Indonesian (pages: Arabic or English).",
)
strawberry.enum(IdentityDocumentType, name="IdentityDocumentType")
strawberry.enum(Role, name="Role")
strawberry.enum(AccountStatus, name="AccountStatus")
strawberry.enum(Visibility, name="Visibility", description="How much personal data this view shows you.")
strawberry.enum(DeliveryStatus, name="DeliveryStatus")
strawberry.enum(
    DateCalendar, name="DateCalendar", description="Gregorian, or Umm al-Qura Hijri (as ID cards print dates)."
)
strawberry.enum(Weekday, name="Weekday")
strawberry.enum(RequestStatus, name="RequestStatus", description="Where a request stands, from SUBMITTED to DELIVERED.")
strawberry.enum(
    HandoffStatus, name="HandoffStatus", description="One agency's step: FORWARDED, RECEIVED, then decided."
)
strawberry.enum(Decision, name="Decision")
strawberry.enum(PaymentMethod, name="PaymentMethod")

# the centres' money (docs/money.md)
strawberry.enum(
    AccountKind,
    name="LedgerAccountKind",
    description="CASH_DRAWER, MADA_CLEARING, SADAD_CLEARING (assets); FEES_PAYABLE (owed to the treasury, per "
    "agency); SERVICE_CHARGES (the centre's income); TREASURY (cash handed over).",
)
strawberry.enum(EntryKind, name="JournalEntryKind")
strawberry.enum(BillStatus, name="SadadBillStatus")
strawberry.enum(
    Channel,
    name="PaymentChannel",
    description="How money came in: the cash drawer, the card terminal's acquirer, SADAD.",
)
strawberry.enum(
    DiscrepancyKind,
    name="DiscrepancyKind",
    description="MISSING_IN_LEDGER (settled, no filing has the slip), MISSING_IN_SETTLEMENT (a filing's slip not "
    "settled with its day), AMOUNT_MISMATCH, LATE_SETTLEMENT.",
)

# the monitoring office (docs/monitoring.md)
strawberry.enum(CentreStatus, name="CentreStatus", description="A centre serves only while ACTIVE and licensed.")
strawberry.enum(ChecklistItem, name="ChecklistItem", description="The regulations' technical standards.")
strawberry.enum(NoticeKind, name="NoticeKind")
strawberry.enum(FindingSeverity, name="FindingSeverity")
strawberry.enum(EscalationKind, name="EscalationKind")
strawberry.enum(EscalationStatus, name="EscalationStatus")
strawberry.enum(SlaPhase, name="SlaPhase", description="Which wait lapsed: receipt, or processing.")
strawberry.enum(ComplaintStatus, name="ComplaintStatus")
strawberry.enum(RankingMetric, name="RankingMetric", description="What centres are ranked on (best first).")
strawberry.enum(FlagKind, name="FlagKind", description="Why a centre is flagged for inspection.")
strawberry.enum(
    DocumentStatus, name="DocumentStatus", description="AWAITING_UPLOAD until the file arrived and was verified."
)
