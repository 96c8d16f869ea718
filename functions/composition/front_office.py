"""The front office's use cases (centres, agencies, citizens). Each part is imported in the property
that builds it (see ``functions/bootstrap.py``).
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from functions.composition.foundation import Foundation

if TYPE_CHECKING:
    from functions.adapters.dynamodb.document_repository import DynamoDocumentRepository
    from functions.adapters.dynamodb.request_repository import DynamoRequestRepository
    from functions.adapters.s3_documents import S3DocumentStore
    from functions.adapters.step_functions import StepFunctionsWorkflow
    from functions.adapters.task_token_seal import TaskTokenSeal
    from functions.services.agency_window import AgencyWindow
    from functions.services.audit_trail import AuditTrail
    from functions.services.business_calendars import BusinessCalendars
    from functions.services.catalogue import CatalogueService
    from functions.services.centre_desk import CentreDesk
    from functions.services.citizen_records import CitizenRecords
    from functions.services.handoff_routing import HandoffRouting
    from functions.services.notifications import Notifications
    from functions.services.profiles import Profiles
    from functions.services.request_documents import RequestDocuments
    from functions.services.request_sms import RequestSms
    from functions.services.request_submission import RequestSubmission
    from functions.services.request_tracking import RequestTracking
    from functions.services.request_updates import RequestUpdates
    from functions.services.sign_in import SignIn
    from functions.services.task_release import TaskRelease

__all__ = ["FrontOffice"]


class FrontOffice(Foundation):
    """The use cases of centres, agencies and citizens: records, sign-in, requests, documents."""

    @cached_property
    def catalogue(self) -> CatalogueService:
        from functions.services.catalogue import CatalogueService

        return CatalogueService(self.catalogue_repository, self.auditor, self.authorizer)

    @cached_property
    def business_calendars(self) -> BusinessCalendars:
        from functions.services.business_calendars import BusinessCalendars

        return BusinessCalendars(
            repository=self.business_calendar_repository,
            levels=self.service_levels,
            catalogue=self.catalogue_repository,
            auditor=self.auditor,
            authorizer=self.authorizer,
            clock=self.clock,
        )

    @cached_property
    def citizen_records(self) -> CitizenRecords:
        from functions.services.citizen_records import CitizenRecords

        return CitizenRecords(
            citizens=self.citizens,
            centres=self.centres,
            identity=self.identity,
            signal=self.notification_signal,
            auditor=self.auditor,
            authorizer=self.authorizer,
            clock=self.clock,
            limits=self.attempt_limits,
        )

    @cached_property
    def sign_in(self) -> SignIn:
        from functions.adapters.dynamodb.citizen_repository import DynamoLoginDirectory
        from functions.services.sign_in import SignIn

        return SignIn(
            directory=DynamoLoginDirectory(self.main_table),
            identity=self.identity,
            limits=self.attempt_limits,
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
    def request_updates(self) -> RequestUpdates:
        from functions.adapters.topics.events import SnsRequestEvents
        from functions.services.request_updates import RequestUpdates

        return RequestUpdates(
            requests=self.requests,
            auditor=self.auditor,
            clock=self.clock,
            signal=self.notification_signal,
            events=SnsRequestEvents(self.client("sns"), self.settings.events_topic_arn),
        )

    @cached_property
    def request_sms(self) -> RequestSms:
        from functions.services.request_sms import RequestSms

        return RequestSms(clock=self.clock, catalogue=self.catalogue_repository, centres=self.centres)

    @cached_property
    def task_release(self) -> TaskRelease:
        from functions.services.task_release import TaskRelease

        return TaskRelease(self.workflow, self.service_levels)

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
            guard=PowertoolsIdempotency(
                self.settings.idempotency_table,
                self.client("dynamodb"),
                work_budget_seconds=self.settings.request_deadline_seconds + IN_PROGRESS_MARGIN_SECONDS,
            ),
            authorizer=self.authorizer,
            updates=self.request_updates,
            sms=self.request_sms,
            clock=self.clock,
            documents=self.document_repository,
        )

    @cached_property
    def agency_window(self) -> AgencyWindow:
        from functions.services.agency_window import AgencyWindow

        return AgencyWindow(
            requests=self.requests,
            updates=self.request_updates,
            sms=self.request_sms,
            authorizer=self.authorizer,
            release=self.task_release,
            levels=self.service_levels,
            clock=self.clock,
        )

    @cached_property
    def centre_desk(self) -> CentreDesk:
        from functions.services.centre_desk import CentreDesk

        return CentreDesk(
            requests=self.requests,
            updates=self.request_updates,
            sms=self.request_sms,
            catalogue=self.catalogue_repository,
            authorizer=self.authorizer,
            release=self.task_release,
            clock=self.clock,
        )

    @cached_property
    def request_tracking(self) -> RequestTracking:
        from functions.services.request_tracking import RequestTracking

        return RequestTracking(requests=self.requests, authorizer=self.authorizer, limits=self.attempt_limits)

    @cached_property
    def handoff_routing(self) -> HandoffRouting:
        from functions.services.handoff_routing import HandoffRouting

        return HandoffRouting(
            requests=self.requests,
            updates=self.request_updates,
            sms=self.request_sms,
            release=self.task_release,
            levels=self.service_levels,
            clock=self.clock,
        )

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
            authorizer=self.authorizer,
            clock=self.clock,
            limits=self.settings.document_limits,
        )

    @cached_property
    def profiles(self) -> Profiles:
        from functions.services.profiles import Profiles

        return Profiles(citizens=self.citizens, staff=self.staff, authorizer=self.authorizer)

    @cached_property
    def audit_trail(self) -> AuditTrail:
        from functions.services.audit_trail import AuditTrail

        return AuditTrail(self.audit_log, self.authorizer)


IN_PROGRESS_MARGIN_SECONDS = 2.0
"""A filing's in-progress record outlives its request's deadline by this, and no more: the work cannot
run past the deadline, and a retry after a stalled attempt waits only this long (CHAOS-06)."""
