"""The adapters the unit tests build the composition root on (``functions.composition.use_cases.UseCases``): the
in-memory fakes, each under its port's name (``functions/composition/adapters.py``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from functions.adapters.sms_aggregator import parse_report
from functions.api.authentication import TokenVerifier
from functions.services.calendar_ports import BusinessCalendarRepository
from functions.services.delivery_reports import DeliveryReport
from functions.services.document_ports import DocumentRepository, DocumentStore
from functions.services.live_ports import ConnectionGateway, ConnectionStore
from functions.services.money_ports import Ledger, SettlementFiles, Settlements
from functions.services.monitoring_ports import (
    CentreRegistry,
    EscalationRepository,
    FeedbackRepository,
    FigureStore,
    InspectionRepository,
    MonitoringAlerts,
)
from functions.services.ports import (
    AttemptLedger,
    AuditLog,
    CatalogueRepository,
    CentreRepository,
    CitizenRepository,
    Clock,
    IdempotencyGuard,
    IdentityProvider,
    LoginDirectory,
    NotificationRepository,
    NotificationSignal,
    SessionCheck,
    SmsGateway,
    StaffRepository,
)
from functions.services.request_ports import RequestEvents, RequestRepository, Workflow
from functions.services.sms_ports import CallListRepository, ReportLedger, SmsBudget

if TYPE_CHECKING:
    from functions.api.schema import GrowingSchema
    from functions.api.trusted_documents import TrustedDocuments

__all__ = ["FakeAdapters"]


@dataclass
class FakeAdapters:
    clock: Clock
    audit_log: AuditLog
    identity: IdentityProvider
    sessions: SessionCheck
    attempt_ledger: AttemptLedger
    access_tokens: TokenVerifier
    catalogue_repository: CatalogueRepository
    business_calendar_repository: BusinessCalendarRepository
    centres: CentreRepository
    citizens: CitizenRepository
    staff: StaffRepository
    login_directory: LoginDirectory
    notification_repository: NotificationRepository
    notification_signal: NotificationSignal
    sms_gateway: SmsGateway
    call_list_repository: CallListRepository
    ledger: Ledger
    sms_budget: SmsBudget
    settlements: Settlements
    settlement_files: SettlementFiles
    report_ledger: ReportLedger
    requests: RequestRepository
    workflow: Workflow
    request_events: RequestEvents
    idempotency: IdempotencyGuard
    document_repository: DocumentRepository
    document_store: DocumentStore
    figures: FigureStore
    centre_registry: CentreRegistry
    escalation_repository: EscalationRepository
    monitoring_alerts: MonitoringAlerts
    inspection_repository: InspectionRepository
    feedback_repository: FeedbackRepository
    connection_store: ConnectionStore
    connection_gateway: ConnectionGateway
    stage: str = "local"
    """The stage whose GraphQL policy and trusted documents the live subscriptions run with."""
    delivery_report_parser: Callable[[bytes], DeliveryReport] = parse_report
    """The aggregator's own report format: the webhook's parsing is tested with its signature check."""

    @cached_property
    def graphql_schema(self) -> GrowingSchema:
        """Built when a live subscription first needs it, grown as its documents need."""
        from functions.api.schema import GraphQLPolicy, growing_schema

        return growing_schema(GraphQLPolicy.for_stage(self.stage))

    @cached_property
    def trusted_documents(self) -> TrustedDocuments:
        from functions.api.trusted_documents import TrustedDocuments

        return TrustedDocuments.for_stage(self.stage)
