"""The adapters of a deployment, built from its :class:`~functions.settings.Settings`: DynamoDB tables
and repositories, Cognito, SNS, Step Functions, KMS, S3, API Gateway's management API, and the GraphQL
edge's schema and trusted documents (an ``Adapters``, see ``functions/composition/adapters.py``).

Each is built when first used and imported where it is built, not at the top of this module: a Lambda
instance imports the code of what its requests use, and a cold start woken by a catalogue query creates
no Cognito, SNS, Step Functions or S3 client (docs/performance.md, ``tests/unit/test_cold_start.py``).
A module of its own because, beside the use cases' wiring (``functions/bootstrap.py``), the two would
pass 400 lines; what is here is one adapter each, what is there reads as the application's wiring.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING, Any

from botocore.config import Config
from botocore.session import Session, get_session

from functions.settings import Settings

if TYPE_CHECKING:
    from functions.adapters.access_tokens import CognitoAccessTokens
    from functions.adapters.clock import SystemClock
    from functions.adapters.cognito import CognitoIdentityProvider
    from functions.adapters.dynamodb.attempt_ledger import DynamoAttemptLedger
    from functions.adapters.dynamodb.audit_log import DynamoAuditLog
    from functions.adapters.dynamodb.calendar_repository import DynamoBusinessCalendarRepository
    from functions.adapters.dynamodb.call_list_repository import DynamoCallList
    from functions.adapters.dynamodb.catalogue_repository import DynamoCatalogueRepository
    from functions.adapters.dynamodb.centre_registry import DynamoCentreRegistry
    from functions.adapters.dynamodb.centre_repository import DynamoCentreRepository
    from functions.adapters.dynamodb.citizen_repository import DynamoCitizenRepository, DynamoLoginDirectory
    from functions.adapters.dynamodb.connection_store import DynamoConnectionStore
    from functions.adapters.dynamodb.document_repository import DynamoDocumentRepository
    from functions.adapters.dynamodb.escalation_repository import DynamoEscalations
    from functions.adapters.dynamodb.feedback_repository import DynamoFeedback
    from functions.adapters.dynamodb.figures_repository import DynamoFigures
    from functions.adapters.dynamodb.inspection_repository import DynamoInspections
    from functions.adapters.dynamodb.ledger_repository import DynamoLedger
    from functions.adapters.dynamodb.notification_repository import DynamoNotificationRepository, DynamoReportLedger
    from functions.adapters.dynamodb.request_repository import DynamoRequestRepository
    from functions.adapters.dynamodb.settlement_repository import DynamoSettlements
    from functions.adapters.dynamodb.sms_budget import DynamoSmsBudget
    from functions.adapters.dynamodb.staff_repository import DynamoStaffRepository
    from functions.adapters.dynamodb.table import TableBinding
    from functions.adapters.idempotency import PowertoolsIdempotency
    from functions.adapters.s3_documents import S3DocumentStore
    from functions.adapters.s3_settlements import S3SettlementFiles
    from functions.adapters.step_functions import StepFunctionsWorkflow
    from functions.adapters.task_token_seal import TaskTokenSeal
    from functions.adapters.topics.events import SnsMonitoringAlerts, SnsRequestEvents
    from functions.adapters.topics.notifications import SnsNotificationSignal
    from functions.adapters.websocket_connections import ApiGatewayConnections
    from functions.api.schema import GrowingSchema
    from functions.api.trusted_documents import TrustedDocuments
    from functions.services.delivery_reports import DeliveryReport
    from functions.services.ports import SmsGateway

__all__ = ["IN_PROGRESS_MARGIN_SECONDS", "AwsAdapters", "build_adapters"]

IN_PROGRESS_MARGIN_SECONDS = 2.0
"""A filing's in-progress record outlives its request's deadline by this, and no more: the work cannot
run past the deadline, and a retry after a stalled attempt waits only this long (CHAOS-06)."""


def build_adapters(settings: Settings) -> AwsAdapters:
    return AwsAdapters(settings)


class AwsAdapters:
    """Every adapter of a deployment, each built when first used."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    @cached_property
    def aws(self) -> Session:
        """One botocore session for every client (boto3 itself is not needed: its import alone costs a
        cold start ~30 ms, and its clients are botocore's)."""
        return get_session()

    def client(self, service: str, endpoint_url: str | None = None, config: Config | None = None) -> Any:
        """Every AWS client of the code: timeouts and retries within the functions' time
        (``adapters/call_budget.py``), and no attempt that could outlast the request's deadline."""
        from functions.adapters.call_budget import CLIENT_CONFIG, bounded

        return bounded(
            self.aws.create_client(
                service,
                region_name=self.settings.region,
                endpoint_url=endpoint_url or self.settings.endpoint_url,
                config=CLIENT_CONFIG.merge(config) if config else CLIENT_CONFIG,
            )
        )

    @cached_property
    def main_table(self) -> TableBinding:
        return self.settings.table(self.settings.main_table)

    # ------------------------------------------------------------------ time, audit, identity
    @cached_property
    def clock(self) -> SystemClock:
        from functions.adapters.clock import SystemClock

        return SystemClock()

    @cached_property
    def audit_log(self) -> DynamoAuditLog:
        from functions.adapters.dynamodb.audit_log import DynamoAuditLog

        return DynamoAuditLog(self.settings.table(self.settings.audit_table))

    @cached_property
    def identity(self) -> CognitoIdentityProvider:
        from functions.adapters.cognito import CognitoIdentityProvider

        return CognitoIdentityProvider(
            self.client("cognito-idp"), self.settings.user_pool_id, self.settings.user_pool_client_id
        )

    @property
    def sessions(self) -> CognitoIdentityProvider:
        """Whether a session is still signed in is Cognito's to say, as every other identity call."""
        return self.identity

    @cached_property
    def attempt_ledger(self) -> DynamoAttemptLedger:
        from functions.adapters.dynamodb.attempt_ledger import DynamoAttemptLedger

        return DynamoAttemptLedger(self.main_table)

    @cached_property
    def access_tokens(self) -> CognitoAccessTokens:
        from functions.adapters.access_tokens import CognitoAccessTokens

        return CognitoAccessTokens(
            jwks_url=self.settings.jwks_url,
            issuer=self.settings.token_issuer,
            client_id=self.settings.user_pool_client_id,
        )

    # ------------------------------------------------------------------ the records
    @cached_property
    def catalogue_repository(self) -> DynamoCatalogueRepository:
        from functions.adapters.dynamodb.catalogue_repository import DynamoCatalogueRepository

        return DynamoCatalogueRepository(self.main_table, self.audit_log)

    @cached_property
    def business_calendar_repository(self) -> DynamoBusinessCalendarRepository:
        from functions.adapters.dynamodb.calendar_repository import DynamoBusinessCalendarRepository

        return DynamoBusinessCalendarRepository(self.main_table, self.audit_log)

    @cached_property
    def centres(self) -> DynamoCentreRepository:
        from functions.adapters.dynamodb.centre_repository import DynamoCentreRepository

        return DynamoCentreRepository(self.main_table, self.audit_log)

    @cached_property
    def citizens(self) -> DynamoCitizenRepository:
        from functions.adapters.dynamodb.citizen_repository import DynamoCitizenRepository

        return DynamoCitizenRepository(self.main_table, self.audit_log, self.notification_repository)

    @cached_property
    def staff(self) -> DynamoStaffRepository:
        from functions.adapters.dynamodb.staff_repository import DynamoStaffRepository

        return DynamoStaffRepository(self.main_table, self.audit_log)

    @cached_property
    def login_directory(self) -> DynamoLoginDirectory:
        from functions.adapters.dynamodb.citizen_repository import DynamoLoginDirectory

        return DynamoLoginDirectory(self.main_table)

    @cached_property
    def notification_repository(self) -> DynamoNotificationRepository:
        from functions.adapters.dynamodb.notification_repository import DynamoNotificationRepository

        return DynamoNotificationRepository(self.main_table, self.figures)

    # ------------------------------------------------------------------ messages
    @cached_property
    def notification_signal(self) -> SnsNotificationSignal:
        from functions.adapters.topics.notifications import SnsNotificationSignal

        return SnsNotificationSignal(self.client("sns"), self.settings.notifications_topic_arn)

    @cached_property
    def sms_gateway(self) -> SmsGateway:
        """The providers of ``SMS_PROVIDERS`` in order: with two, the second takes what the first refuses."""
        from functions.adapters.sms_failover import FailoverSmsGateway

        first, *second = (self._sms_provider(name) for name in self.settings.sms.providers)
        return FailoverSmsGateway(first, second[0]) if second else first

    def _sms_provider(self, name: str) -> SmsGateway:
        sms = self.settings.sms
        if name == "aggregator":
            from functions.adapters.sms_aggregator import AggregatorSmsGateway

            return AggregatorSmsGateway(sms.aggregator_url or "", sms.aggregator_api_key or "", sms.sender_id)
        from functions.adapters.sns import SnsSmsGateway

        return SnsSmsGateway(self.client("sns"), sms.sender_id)

    @cached_property
    def sms_budget(self) -> DynamoSmsBudget:
        from functions.adapters.dynamodb.sms_budget import DynamoSmsBudget

        return DynamoSmsBudget(self.main_table, self.clock)

    @cached_property
    def call_list_repository(self) -> DynamoCallList:
        from functions.adapters.dynamodb.call_list_repository import DynamoCallList

        return DynamoCallList(self.main_table, self.audit_log)

    @cached_property
    def report_ledger(self) -> DynamoReportLedger:
        from functions.adapters.dynamodb.notification_repository import DynamoReportLedger

        return DynamoReportLedger(self.main_table)

    @property
    def delivery_report_parser(self) -> Callable[[bytes], DeliveryReport]:
        from functions.adapters.sms_aggregator import parse_report

        return parse_report

    # ------------------------------------------------------------------ requests and their documents
    @cached_property
    def requests(self) -> DynamoRequestRepository:
        from functions.adapters.dynamodb.request_repository import DynamoRequestRepository

        return DynamoRequestRepository(self.main_table, self.audit_log, self.notification_repository, self.ledger)

    @cached_property
    def ledger(self) -> DynamoLedger:
        from functions.adapters.dynamodb.ledger_repository import DynamoLedger

        return DynamoLedger(self.main_table, self.audit_log)

    @cached_property
    def settlements(self) -> DynamoSettlements:
        from functions.adapters.dynamodb.settlement_repository import DynamoSettlements

        return DynamoSettlements(self.main_table, self.ledger)

    @cached_property
    def settlement_files(self) -> S3SettlementFiles:
        from functions.adapters.s3_settlements import S3SettlementFiles

        return S3SettlementFiles(self.client("s3"))

    @cached_property
    def task_tokens(self) -> TaskTokenSeal:
        from functions.adapters.task_token_seal import TaskTokenSeal

        return TaskTokenSeal(self.client("kms"), self.settings.task_token_key_id, self.main_table)

    @cached_property
    def workflow(self) -> StepFunctionsWorkflow:
        from functions.adapters.step_functions import StepFunctionsWorkflow

        return StepFunctionsWorkflow(
            self.client("stepfunctions"), self.settings.handoff_state_machine_arn, self.task_tokens
        )

    @cached_property
    def request_events(self) -> SnsRequestEvents:
        from functions.adapters.topics.events import SnsRequestEvents

        return SnsRequestEvents(self.client("sns"), self.settings.events_topic_arn)

    @cached_property
    def idempotency(self) -> PowertoolsIdempotency:
        from functions.adapters.idempotency import PowertoolsIdempotency

        return PowertoolsIdempotency(
            self.settings.idempotency_table,
            self.client("dynamodb"),
            work_budget_seconds=self.settings.request_deadline_seconds + IN_PROGRESS_MARGIN_SECONDS,
        )

    @cached_property
    def document_repository(self) -> DynamoDocumentRepository:
        from functions.adapters.dynamodb.document_repository import DynamoDocumentRepository

        return DynamoDocumentRepository(self.main_table, self.audit_log)

    @cached_property
    def document_store(self) -> S3DocumentStore:
        from functions.adapters.s3_documents import S3DocumentStore

        return S3DocumentStore(self.client("s3"), self.settings.documents_bucket)

    # ------------------------------------------------------------------ the monitoring office
    @cached_property
    def figures(self) -> DynamoFigures:
        from functions.adapters.dynamodb.figures_repository import DynamoFigures

        return DynamoFigures(self.main_table)

    @cached_property
    def centre_registry(self) -> DynamoCentreRegistry:
        from functions.adapters.dynamodb.centre_registry import DynamoCentreRegistry

        return DynamoCentreRegistry(self.main_table, self.audit_log)

    @cached_property
    def escalation_repository(self) -> DynamoEscalations:
        from functions.adapters.dynamodb.escalation_repository import DynamoEscalations

        return DynamoEscalations(self.main_table, self.audit_log, self.figures)

    @cached_property
    def monitoring_alerts(self) -> SnsMonitoringAlerts:
        from functions.adapters.topics.events import SnsMonitoringAlerts

        return SnsMonitoringAlerts(self.client("sns"), self.settings.events_topic_arn)

    @cached_property
    def inspection_repository(self) -> DynamoInspections:
        from functions.adapters.dynamodb.inspection_repository import DynamoInspections

        return DynamoInspections(self.main_table, self.audit_log)

    @cached_property
    def feedback_repository(self) -> DynamoFeedback:
        from functions.adapters.dynamodb.feedback_repository import DynamoFeedback

        return DynamoFeedback(self.main_table, self.audit_log, self.figures, self.notification_repository)

    # ------------------------------------------------------------------ live subscriptions
    @cached_property
    def connection_store(self) -> DynamoConnectionStore:
        from functions.adapters.dynamodb.connection_store import DynamoConnectionStore

        return DynamoConnectionStore(self.settings.table(self.settings.connections_table))

    @cached_property
    def connection_gateway(self) -> ApiGatewayConnections:
        from functions.adapters.websocket_connections import ApiGatewayConnections

        return ApiGatewayConnections(
            self.client(
                "apigatewaymanagementapi", self.settings.websocket_management_url, Config(max_pool_connections=16)
            )
        )

    @cached_property
    def graphql_schema(self) -> GrowingSchema:
        from functions.api.schema import GraphQLPolicy, growing_schema

        return growing_schema(GraphQLPolicy.for_stage(self.settings.stage))

    @cached_property
    def trusted_documents(self) -> TrustedDocuments:
        from functions.api.trusted_documents import TrustedDocuments

        return TrustedDocuments.for_stage(self.settings.stage)
