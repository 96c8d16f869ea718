"""What the use cases are built on: one implementation of each port, by name.

The composition root (``functions/bootstrap.py``) builds every use case from an ``Adapters``: in a
process, :class:`~functions.composition.aws.AwsAdapters` (DynamoDB, Cognito, SNS, Step Functions, S3,
API Gateway, built from the settings when first used); in the unit tests, the in-memory fakes of
``tests/fakes/`` (``FakeAdapters``). Both go through the same root, so the tests run the wiring the
Lambda functions run.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from functions.api.authentication import TokenVerifier
    from functions.api.schema import GrowingSchema
    from functions.api.trusted_documents import TrustedDocuments
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

__all__ = ["Adapters"]


class Adapters(Protocol):
    """Every port of ``functions/services/*ports.py`` the use cases need, and the GraphQL edge's parts
    the live subscriptions run documents with."""

    # time, audit, identity
    @property
    def clock(self) -> Clock: ...
    @property
    def audit_log(self) -> AuditLog: ...
    @property
    def identity(self) -> IdentityProvider: ...
    @property
    def sessions(self) -> SessionCheck: ...
    @property
    def attempt_ledger(self) -> AttemptLedger: ...
    @property
    def access_tokens(self) -> TokenVerifier: ...

    # the records
    @property
    def catalogue_repository(self) -> CatalogueRepository: ...
    @property
    def business_calendar_repository(self) -> BusinessCalendarRepository: ...
    @property
    def centres(self) -> CentreRepository: ...
    @property
    def citizens(self) -> CitizenRepository: ...
    @property
    def staff(self) -> StaffRepository: ...
    @property
    def login_directory(self) -> LoginDirectory: ...
    @property
    def notification_repository(self) -> NotificationRepository: ...

    # messages
    @property
    def notification_signal(self) -> NotificationSignal: ...
    @property
    def sms_gateway(self) -> SmsGateway: ...
    @property
    def sms_budget(self) -> SmsBudget: ...
    @property
    def call_list_repository(self) -> CallListRepository: ...

    # money
    @property
    def ledger(self) -> Ledger: ...
    @property
    def settlements(self) -> Settlements: ...
    @property
    def settlement_files(self) -> SettlementFiles: ...
    @property
    def report_ledger(self) -> ReportLedger: ...
    @property
    def delivery_report_parser(self) -> Callable[[bytes], DeliveryReport]:
        """The aggregator's delivery reports read (their signature is the use case's to check)."""

    # requests and their documents
    @property
    def requests(self) -> RequestRepository: ...
    @property
    def workflow(self) -> Workflow: ...
    @property
    def request_events(self) -> RequestEvents: ...
    @property
    def idempotency(self) -> IdempotencyGuard: ...
    @property
    def document_repository(self) -> DocumentRepository: ...
    @property
    def document_store(self) -> DocumentStore: ...

    # the monitoring office
    @property
    def figures(self) -> FigureStore: ...
    @property
    def centre_registry(self) -> CentreRegistry: ...
    @property
    def escalation_repository(self) -> EscalationRepository: ...
    @property
    def monitoring_alerts(self) -> MonitoringAlerts: ...
    @property
    def inspection_repository(self) -> InspectionRepository: ...
    @property
    def feedback_repository(self) -> FeedbackRepository: ...

    # live subscriptions
    @property
    def connection_store(self) -> ConnectionStore: ...
    @property
    def connection_gateway(self) -> ConnectionGateway: ...
    @property
    def graphql_schema(self) -> GrowingSchema:
        """The process's schema (grown by section as documents need them), shared with the HTTP app:
        subscription documents are validated and rendered with it."""

    @property
    def trusted_documents(self) -> TrustedDocuments:
        """The documents of graphql/ (the only ones run outside local and dev), over both transports."""
