"""The composition root's foundation: AWS, the tables and repositories, identity. Each part is
imported in the property that builds it (see ``functions/bootstrap.py``).
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Any

from botocore.config import Config
from botocore.session import Session, get_session

from functions.settings import Settings

if TYPE_CHECKING:
    from functions.adapters.access_tokens import CognitoAccessTokens
    from functions.adapters.clock import SystemClock
    from functions.adapters.cognito import CognitoIdentityProvider
    from functions.adapters.dynamodb.audit_log import DynamoAuditLog
    from functions.adapters.dynamodb.calendar_repository import DynamoBusinessCalendarRepository
    from functions.adapters.dynamodb.catalogue_repository import DynamoCatalogueRepository
    from functions.adapters.dynamodb.centre_repository import DynamoCentreRepository
    from functions.adapters.dynamodb.citizen_repository import DynamoCitizenRepository
    from functions.adapters.dynamodb.notification_repository import DynamoNotificationRepository
    from functions.adapters.dynamodb.staff_repository import DynamoStaffRepository
    from functions.adapters.dynamodb.table import TableBinding
    from functions.adapters.topics.notifications import SnsNotificationSignal
    from functions.services.account_standing import AccountStanding
    from functions.services.attempt_limits import AttemptLimits
    from functions.services.auditing import Auditor
    from functions.services.authorization import Authorizer
    from functions.services.service_levels import ServiceLevels

__all__ = ["Foundation"]


class Foundation:
    """The settings, AWS clients, tables and repositories shared by every use case."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    @cached_property
    def aws(self) -> Session:
        """One botocore session for every client the container creates (boto3 itself is not needed: its
        import alone costs a cold start ~30 ms, and its clients are botocore's)."""
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

        return Auditor(self.audit_log, self.clock)

    @cached_property
    def authorizer(self) -> Authorizer:
        from functions.services.authorization import Authorizer

        return Authorizer(
            self.auditor, self.clock, sessions=lambda: self.identity, standing=lambda: self.account_standing
        )

    @cached_property
    def account_standing(self) -> AccountStanding:
        from datetime import timedelta

        from functions.services.account_standing import AccountStanding

        return AccountStanding(
            staff=self.staff,
            centres=self.centres,
            clock=self.clock,
            ttl=timedelta(seconds=self.settings.standing_seconds),
        )

    @cached_property
    def catalogue_repository(self) -> DynamoCatalogueRepository:
        from functions.adapters.dynamodb.catalogue_repository import DynamoCatalogueRepository

        return DynamoCatalogueRepository(self.main_table, self.audit_log)

    @cached_property
    def business_calendar_repository(self) -> DynamoBusinessCalendarRepository:
        from functions.adapters.dynamodb.calendar_repository import DynamoBusinessCalendarRepository

        return DynamoBusinessCalendarRepository(self.main_table, self.audit_log)

    @cached_property
    def service_levels(self) -> ServiceLevels:
        from functions.services.service_levels import ServiceLevels

        return ServiceLevels(
            calendars=self.business_calendar_repository,
            clock=self.clock,
            seconds_per_hour=self.settings.sla_seconds_per_hour,
        )

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
        from functions.adapters.topics.notifications import SnsNotificationSignal

        return SnsNotificationSignal(self.client("sns"), self.settings.notifications_topic_arn)

    @cached_property
    def attempt_limits(self) -> AttemptLimits:
        from functions.adapters.dynamodb.attempt_ledger import DynamoAttemptLedger
        from functions.services.attempt_limits import AttemptLimits

        return AttemptLimits(DynamoAttemptLedger(self.main_table), self.clock)

    @cached_property
    def access_tokens(self) -> CognitoAccessTokens:
        from functions.adapters.access_tokens import CognitoAccessTokens

        return CognitoAccessTokens(
            jwks_url=self.settings.jwks_url,
            issuer=self.settings.token_issuer,
            client_id=self.settings.user_pool_client_id,
        )
