"""The composition root: reads the environment once per cold start and builds everything else.

Nothing else in ``functions`` reads ``os.environ``. Handlers call :func:`container` (cached per
process); tests and the local stack call :func:`build_container` with their own :class:`Settings`.

Each adapter, use case and the app are imported where they are built, not at the top of this module:
a Lambda instance imports the code of what its requests use, and a cold start woken by a catalogue
query does not load the monitoring office (docs/performance.md).
"""

from __future__ import annotations

import os
from datetime import timedelta
from functools import cache, cached_property
from typing import TYPE_CHECKING, Any

from botocore.config import Config
from botocore.session import Session, get_session

from functions.settings import MissingSetting, Settings

if TYPE_CHECKING:
    import strawberry
    from starlette.applications import Starlette

    from functions.adapters.access_tokens import CognitoAccessTokens
    from functions.adapters.clock import SystemClock
    from functions.adapters.cognito import CognitoIdentityProvider
    from functions.adapters.dynamodb.audit_log import DynamoAuditLog
    from functions.adapters.dynamodb.catalogue_repository import DynamoCatalogueRepository
    from functions.adapters.dynamodb.centre_repository import DynamoCentreRepository
    from functions.adapters.dynamodb.citizen_repository import DynamoCitizenRepository
    from functions.adapters.dynamodb.connection_store import DynamoConnectionStore
    from functions.adapters.dynamodb.document_repository import DynamoDocumentRepository
    from functions.adapters.dynamodb.figures_repository import DynamoFigures
    from functions.adapters.dynamodb.notification_repository import DynamoNotificationRepository
    from functions.adapters.dynamodb.request_repository import DynamoRequestRepository
    from functions.adapters.dynamodb.staff_repository import DynamoStaffRepository
    from functions.adapters.dynamodb.table import TableBinding
    from functions.adapters.dynamodb.throttle import DynamoThrottle
    from functions.adapters.s3_documents import S3DocumentStore
    from functions.adapters.sns import SnsNotificationSignal
    from functions.adapters.step_functions import StepFunctionsWorkflow
    from functions.adapters.websocket_connections import ApiGatewayConnections
    from functions.api.context import Resolvers
    from functions.api.live_documents import GraphQLSubscriptionDocuments
    from functions.services.agency_window import AgencyWindow
    from functions.services.audit_trail import AuditTrail
    from functions.services.auditing import Auditor
    from functions.services.catalogue import CatalogueService
    from functions.services.centre_desk import CentreDesk
    from functions.services.centre_licensing import CentreLicensing
    from functions.services.citizen_feedback import CitizenFeedback
    from functions.services.citizen_records import CitizenRecords
    from functions.services.escalations import Escalations
    from functions.services.figure_recording import FigureRecording
    from functions.services.handoff_routing import HandoffRouting
    from functions.services.inspections import Inspections
    from functions.services.live_fanout import LiveFanOut
    from functions.services.live_sessions import LiveSessions
    from functions.services.live_updates import LiveUpdates
    from functions.services.notifications import Notifications
    from functions.services.performance import Performance
    from functions.services.profiles import Profiles
    from functions.services.request_documents import RequestDocuments
    from functions.services.request_submission import RequestSubmission
    from functions.services.request_tracking import RequestTracking
    from functions.services.request_updates import RequestUpdates
    from functions.services.sign_in import SignIn
    from functions.services.staff_accounts import StaffAccounts
    from functions.services.task_release import TaskRelease


__all__ = ["Container", "MissingSetting", "Settings", "build_container", "container"]


class Container:
    """Every adapter and use case, built lazily: a handler only pays for what it touches."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    @cached_property
    def aws(self) -> Session:
        """One botocore session for every client the container creates (boto3 itself is not needed: its
        import alone costs a cold start ~30 ms, and its clients are botocore's)."""
        return get_session()

    def client(self, service: str, endpoint_url: str | None = None, config: Config | None = None) -> Any:
        return self.aws.create_client(
            service,
            region_name=self.settings.region,
            endpoint_url=endpoint_url or self.settings.endpoint_url,
            config=config,
        )

    @cached_property
    def clock(self) -> SystemClock:
        from functions.adapters.clock import SystemClock

        return SystemClock()

    @cached_property
    def main_table(self) -> TableBinding:
        return self.settings.table(self.settings.main_table)

    @cached_property
    def audit_log(self) -> DynamoAuditLog:
        from functions.adapters.dynamodb.audit_log import DynamoAuditLog

        return DynamoAuditLog(self.settings.table(self.settings.audit_table))

    @cached_property
    def auditor(self) -> Auditor:
        from functions.services.auditing import Auditor

        return Auditor(self.audit_log, self.clock, sessions=lambda: self.identity)

    @cached_property
    def catalogue_repository(self) -> DynamoCatalogueRepository:
        from functions.adapters.dynamodb.catalogue_repository import DynamoCatalogueRepository

        return DynamoCatalogueRepository(self.main_table, self.audit_log)

    @cached_property
    def centres(self) -> DynamoCentreRepository:
        from functions.adapters.dynamodb.centre_repository import DynamoCentreRepository

        return DynamoCentreRepository(self.main_table, self.audit_log)

    @cached_property
    def notification_repository(self) -> DynamoNotificationRepository:
        from functions.adapters.dynamodb.notification_repository import DynamoNotificationRepository

        return DynamoNotificationRepository(self.main_table)

    @cached_property
    def citizens(self) -> DynamoCitizenRepository:
        from functions.adapters.dynamodb.citizen_repository import DynamoCitizenRepository

        return DynamoCitizenRepository(self.main_table, self.audit_log, self.notification_repository)

    @cached_property
    def staff(self) -> DynamoStaffRepository:
        from functions.adapters.dynamodb.staff_repository import DynamoStaffRepository

        return DynamoStaffRepository(self.main_table, self.audit_log)

    @cached_property
    def identity(self) -> CognitoIdentityProvider:
        from functions.adapters.cognito import CognitoIdentityProvider

        return CognitoIdentityProvider(
            self.client("cognito-idp"), self.settings.user_pool_id, self.settings.user_pool_client_id
        )

    @cached_property
    def notification_signal(self) -> SnsNotificationSignal:
        from functions.adapters.sns import SnsNotificationSignal

        return SnsNotificationSignal(self.client("sns"), self.settings.notifications_topic_arn)

    @cached_property
    def catalogue(self) -> CatalogueService:
        from functions.services.catalogue import CatalogueService

        return CatalogueService(self.catalogue_repository, self.auditor)

    @cached_property
    def citizen_records(self) -> CitizenRecords:
        from functions.services.citizen_records import CitizenRecords

        return CitizenRecords(
            citizens=self.citizens,
            centres=self.centres,
            identity=self.identity,
            signal=self.notification_signal,
            auditor=self.auditor,
            clock=self.clock,
        )

    @cached_property
    def sign_in(self) -> SignIn:
        from functions.adapters.dynamodb.citizen_repository import DynamoLoginDirectory
        from functions.services.sign_in import SignIn

        return SignIn(
            directory=DynamoLoginDirectory(self.main_table),
            identity=self.identity,
            throttle=self.throttle,
            auditor=self.auditor,
        )

    @cached_property
    def throttle(self) -> DynamoThrottle:
        from functions.adapters.dynamodb.throttle import DynamoThrottle

        return DynamoThrottle(self.main_table, self.clock)

    @cached_property
    def staff_accounts(self) -> StaffAccounts:
        from functions.adapters.dynamodb.citizen_repository import DynamoLoginDirectory
        from functions.services.staff_accounts import StaffAccounts

        return StaffAccounts(
            staff=self.staff,
            directory=DynamoLoginDirectory(self.main_table),
            centres=self.centres,
            catalogue=self.catalogue_repository,
            identity=self.identity,
            auditor=self.auditor,
        )

    @cached_property
    def notifications(self) -> Notifications:
        from functions.adapters.sns import SnsSmsGateway
        from functions.services.notifications import Notifications

        return Notifications(
            notifications=self.notification_repository,
            citizens=self.citizens,
            gateway=SnsSmsGateway(self.client("sns")),
            signal=self.notification_signal,
            clock=self.clock,
        )

    @cached_property
    def requests(self) -> DynamoRequestRepository:
        from functions.adapters.dynamodb.request_repository import DynamoRequestRepository

        return DynamoRequestRepository(self.main_table, self.audit_log, self.notification_repository)

    @cached_property
    def workflow(self) -> StepFunctionsWorkflow:
        from functions.adapters.step_functions import StepFunctionsWorkflow

        return StepFunctionsWorkflow(self.client("stepfunctions"), self.settings.handoff_state_machine_arn)

    @cached_property
    def request_updates(self) -> RequestUpdates:
        from functions.adapters.sns import SnsRequestEvents
        from functions.services.request_journal import RequestJournal
        from functions.services.request_updates import RequestUpdates

        journal = RequestJournal(self.auditor, self.clock, self.catalogue_repository, self.centres)
        return RequestUpdates(
            self.requests,
            journal,
            self.notification_signal,
            SnsRequestEvents(self.client("sns"), self.settings.events_topic_arn),
        )

    @cached_property
    def task_release(self) -> TaskRelease:
        from functions.services.task_release import TaskRelease

        return TaskRelease(self.workflow)

    @cached_property
    def request_submission(self) -> RequestSubmission:
        from functions.adapters.idempotency import PowertoolsIdempotency
        from functions.services.request_submission import RequestSubmission

        return RequestSubmission(
            requests=self.requests,
            citizens=self.citizens,
            catalogue=self.catalogue_repository,
            centres=self.centres,
            workflow=self.workflow,
            guard=PowertoolsIdempotency(self.settings.idempotency_table, self.client("dynamodb")),
            signal=self.notification_signal,
            auditor=self.auditor,
            updates=self.request_updates,
            clock=self.clock,
            seconds_per_hour=self.settings.sla_seconds_per_hour,
            documents=self.document_repository,
        )

    @cached_property
    def agency_window(self) -> AgencyWindow:
        from functions.services.agency_window import AgencyWindow

        return AgencyWindow(updates=self.request_updates, auditor=self.auditor, release=self.task_release)

    @cached_property
    def centre_desk(self) -> CentreDesk:
        from functions.services.centre_desk import CentreDesk

        return CentreDesk(
            updates=self.request_updates,
            catalogue=self.catalogue_repository,
            auditor=self.auditor,
            release=self.task_release,
        )

    @cached_property
    def request_tracking(self) -> RequestTracking:
        from functions.services.request_tracking import RequestTracking

        return RequestTracking(requests=self.requests, auditor=self.auditor, throttle=self.throttle)

    @cached_property
    def handoff_routing(self) -> HandoffRouting:
        from functions.services.handoff_routing import HandoffRouting

        return HandoffRouting(
            updates=self.request_updates, release=self.task_release, seconds_per_hour=self.settings.sla_seconds_per_hour
        )

    # the documents a centre uploads, as docs/documents.md describes
    @cached_property
    def document_repository(self) -> DynamoDocumentRepository:
        from functions.adapters.dynamodb.document_repository import DynamoDocumentRepository

        return DynamoDocumentRepository(self.main_table, self.audit_log)

    @cached_property
    def document_store(self) -> S3DocumentStore:
        from functions.adapters.s3_documents import S3DocumentStore

        return S3DocumentStore(self.client("s3"), self.settings.documents_bucket)

    @cached_property
    def request_documents(self) -> RequestDocuments:
        from functions.services.request_documents import RequestDocuments

        return RequestDocuments(
            requests=self.requests,
            documents=self.document_repository,
            store=self.document_store,
            catalogue=self.catalogue_repository,
            centres=self.centres,
            auditor=self.auditor,
            clock=self.clock,
            limits=self.settings.document_limits,
        )

    # the monitoring office (docs/monitoring.md)
    @cached_property
    def figures(self) -> DynamoFigures:
        from functions.adapters.dynamodb.figures_repository import DynamoFigures

        return DynamoFigures(self.main_table)

    @cached_property
    def figure_recording(self) -> FigureRecording:
        from functions.services.figure_recording import FigureRecording

        return FigureRecording(self.figures)

    @cached_property
    def centre_licensing(self) -> CentreLicensing:
        from functions.adapters.dynamodb.centre_registry import DynamoCentreRegistry
        from functions.services.centre_licensing import CentreLicensing

        return CentreLicensing(
            registry=DynamoCentreRegistry(self.main_table, self.audit_log), auditor=self.auditor, clock=self.clock
        )

    @cached_property
    def escalations(self) -> Escalations:
        from functions.adapters.dynamodb.escalation_repository import DynamoEscalations
        from functions.adapters.sns_monitoring_alerts import SnsMonitoringAlerts
        from functions.services.escalations import Escalations

        return Escalations(
            escalations=DynamoEscalations(self.main_table, self.audit_log, self.figures),
            requests=self.requests,
            auditor=self.auditor,
            clock=self.clock,
            alerts=SnsMonitoringAlerts(self.client("sns"), self.settings.events_topic_arn),
        )

    @cached_property
    def inspections(self) -> Inspections:
        from functions.adapters.dynamodb.inspection_repository import DynamoInspections
        from functions.services.inspections import Inspections

        return Inspections(
            inspections=DynamoInspections(self.main_table, self.audit_log),
            centres=self.centres,
            escalations=self.escalations,
            auditor=self.auditor,
            clock=self.clock,
        )

    @cached_property
    def performance(self) -> Performance:
        from functions.services.performance import Performance

        return Performance(figures=self.figures, centres=self.centres, auditor=self.auditor, clock=self.clock)

    @cached_property
    def citizen_feedback(self) -> CitizenFeedback:
        from functions.adapters.dynamodb.feedback_repository import DynamoFeedback
        from functions.services.citizen_feedback import CitizenFeedback

        return CitizenFeedback(
            feedback=DynamoFeedback(self.main_table, self.audit_log, self.figures, self.notification_repository),
            requests=self.requests,
            signal=self.notification_signal,
            auditor=self.auditor,
            clock=self.clock,
        )

    @cached_property
    def profiles(self) -> Profiles:
        from functions.services.profiles import Profiles

        return Profiles(citizens=self.citizens, staff=self.staff, auditor=self.auditor)

    @cached_property
    def audit_trail(self) -> AuditTrail:
        from functions.services.audit_trail import AuditTrail

        return AuditTrail(self.audit_log, self.auditor)

    @property
    def resolvers(self) -> Resolvers:
        """The container itself: each use case is built when a resolver first asks for it."""
        return self

    @cached_property
    def access_tokens(self) -> CognitoAccessTokens:
        from functions.adapters.access_tokens import CognitoAccessTokens

        return CognitoAccessTokens(
            jwks_url=self.settings.jwks_url,
            issuer=self.settings.token_issuer,
            client_id=self.settings.user_pool_client_id,
        )

    @cached_property
    def asgi_app(self) -> Starlette:
        from functions.api.app import build_asgi_app
        from functions.api.schema import GraphQLPolicy, GrowingSchema

        policy = GraphQLPolicy.for_stage(self.settings.stage)
        return build_asgi_app(GrowingSchema(policy), self.resolvers, policy, self.access_tokens)

    # ---------------------------------------------------------------- live subscriptions (WebSocket API)

    @cached_property
    def connection_store(self) -> DynamoConnectionStore:
        from functions.adapters.dynamodb.connection_store import DynamoConnectionStore

        return DynamoConnectionStore(self.settings.table(self.settings.connections_table))

    @cached_property
    def connection_gateway(self) -> ApiGatewayConnections:
        from functions.adapters.websocket_connections import ApiGatewayConnections

        config = Config(connect_timeout=2, read_timeout=5, retries={"max_attempts": 2}, max_pool_connections=16)
        return ApiGatewayConnections(
            self.client("apigatewaymanagementapi", self.settings.websocket_management_url, config)
        )

    @cached_property
    def live_updates(self) -> LiveUpdates:
        from functions.services.live_updates import LiveUpdates

        return LiveUpdates(requests=self.requests, auditor=self.auditor)

    @cached_property
    def graphql_schema(self) -> strawberry.Schema:
        from functions.api.schema import GraphQLPolicy, build_schema

        return build_schema(GraphQLPolicy.for_stage(self.settings.stage))

    @cached_property
    def subscription_documents(self) -> GraphQLSubscriptionDocuments:
        from functions.api.live_documents import GraphQLSubscriptionDocuments

        return GraphQLSubscriptionDocuments(self.graphql_schema, self.live_updates)

    @cached_property
    def live_sessions(self) -> LiveSessions:
        from functions.services.live_sessions import LiveSessions

        return LiveSessions(
            store=self.connection_store,
            gateway=self.connection_gateway,
            tokens=self.access_tokens,
            documents=self.subscription_documents,
            clock=self.clock,
            init_timeout=timedelta(seconds=self.settings.connection_init_seconds),
            lifetime=CONNECTION_LIFETIME,
            max_subscriptions=MAX_SUBSCRIPTIONS_PER_CONNECTION,
        )

    @cached_property
    def live_fanout(self) -> LiveFanOut:
        from functions.services.live_fanout import LiveFanOut

        return LiveFanOut(
            store=self.connection_store,
            gateway=self.connection_gateway,
            documents=self.subscription_documents,
            clock=self.clock,
        )


CONNECTION_LIFETIME = timedelta(hours=2)
"""API Gateway closes a WebSocket connection after two hours whatever happens: so do we."""
MAX_SUBSCRIPTIONS_PER_CONNECTION = 20


def build_container(settings: Settings) -> Container:
    return Container(settings)


@cache
def container() -> Container:
    return build_container(Settings.from_environ(os.environ))
