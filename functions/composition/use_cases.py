"""Every use case, built from the ports alone when first asked for (docs/architecture.md), each imported
where it is built: a cold start woken by a catalogue query builds the catalogue's use case only.

``functions/bootstrap.py`` builds these on the AWS adapters for a process; the unit tests build them on
the in-memory fakes of ``tests/fakes/`` (``IdentityWorld``).
"""

from __future__ import annotations

from datetime import timedelta
from functools import cached_property
from typing import TYPE_CHECKING

from functions.composition.live_use_cases import LiveUseCases
from functions.composition.money_use_cases import MoneyUseCases
from functions.composition.sms_use_cases import SmsUseCases
from functions.settings import UseCaseSettings

if TYPE_CHECKING:
    from functions.composition.adapters import Adapters
    from functions.services.account_standing import AccountStanding
    from functions.services.agency_window import AgencyWindow
    from functions.services.attempt_limits import AttemptLimits
    from functions.services.audit_trail import AuditTrail
    from functions.services.auditing import Auditor
    from functions.services.authorization import Authorizer
    from functions.services.business_calendars import BusinessCalendars
    from functions.services.catalogue import CatalogueService
    from functions.services.centre_desk import CentreDesk
    from functions.services.centre_licensing import CentreLicensing
    from functions.services.citizen_feedback import CitizenFeedback
    from functions.services.citizen_records import CitizenRecords
    from functions.services.escalations import Escalations
    from functions.services.figure_recording import FigureRecording
    from functions.services.handoff_routing import HandoffRouting
    from functions.services.inspections import Inspections
    from functions.services.performance import Performance
    from functions.services.profiles import Profiles
    from functions.services.request_documents import RequestDocuments
    from functions.services.request_sms import RequestSms
    from functions.services.request_submission import RequestSubmission
    from functions.services.request_tracking import RequestTracking
    from functions.services.request_updates import RequestUpdates
    from functions.services.route_stages import RouteStages
    from functions.services.service_levels import ServiceLevels
    from functions.services.sign_in import SignIn
    from functions.services.staff_accounts import StaffAccounts
    from functions.services.task_release import TaskRelease

__all__ = ["UseCases"]


class UseCases(SmsUseCases, MoneyUseCases, LiveUseCases):
    """Every use case, each built from the adapters (``a``) when first asked for. The GraphQL context
        sees them through ``functions.api.context.Resolvers``: the ones a resolver may call. The citizens' SMS
    (``sms_use_cases.py``), the centres' money (``money_use_cases.py``) and the live subscriptions
    (``live_use_cases.py``) are built in modules of their own."""

    def __init__(self, adapters: Adapters, settings: UseCaseSettings) -> None:
        self._adapters = adapters
        self._settings = settings

    # ------------------------------------------------------------------ shared by every office
    @cached_property
    def auditor(self) -> Auditor:
        from functions.services.auditing import Auditor

        return Auditor(self._adapters.audit_log, self._adapters.clock)

    @cached_property
    def authorizer(self) -> Authorizer:
        from functions.services.authorization import Authorizer

        a = self._adapters
        return Authorizer(self.auditor, a.clock, sessions=lambda: a.sessions, standing=lambda: self.account_standing)

    @cached_property
    def account_standing(self) -> AccountStanding:
        from functions.services.account_standing import AccountStanding

        a, ttl = self._adapters, timedelta(seconds=self._settings.standing_seconds)
        return AccountStanding(staff=a.staff, centres=a.centres, clock=a.clock, ttl=ttl)

    @cached_property
    def attempt_limits(self) -> AttemptLimits:
        from functions.services.attempt_limits import AttemptLimits

        return AttemptLimits(self._adapters.attempt_ledger, self._adapters.clock)

    @cached_property
    def service_levels(self) -> ServiceLevels:
        from functions.services.service_levels import ServiceLevels

        a, hours = self._adapters, self._settings.sla_seconds_per_hour
        return ServiceLevels(calendars=a.business_calendar_repository, clock=a.clock, seconds_per_hour=hours)

    # ------------------------------------------------------------------ the catalogue, people, messages
    @cached_property
    def catalogue(self) -> CatalogueService:
        from functions.services.catalogue import CatalogueService

        return CatalogueService(self._adapters.catalogue_repository, self.auditor, self.authorizer)

    @cached_property
    def business_calendars(self) -> BusinessCalendars:
        from functions.services.business_calendars import BusinessCalendars

        a = self._adapters
        return BusinessCalendars(
            repository=a.business_calendar_repository,
            levels=self.service_levels,
            catalogue=a.catalogue_repository,
            auditor=self.auditor,
            authorizer=self.authorizer,
            clock=a.clock,
        )

    @cached_property
    def citizen_records(self) -> CitizenRecords:
        from functions.services.citizen_records import CitizenRecords

        a = self._adapters
        return CitizenRecords(
            citizens=a.citizens,
            centres=a.centres,
            identity=a.identity,
            signal=a.notification_signal,
            auditor=self.auditor,
            authorizer=self.authorizer,
            clock=a.clock,
            limits=self.attempt_limits,
            records_per_mobile=self._settings.records_per_mobile,
        )

    @cached_property
    def sign_in(self) -> SignIn:
        from functions.services.sign_in import SignIn

        a = self._adapters
        return SignIn(
            directory=a.login_directory, identity=a.identity, limits=self.attempt_limits, auditor=self.auditor
        )

    @cached_property
    def profiles(self) -> Profiles:
        from functions.services.profiles import Profiles

        return Profiles(citizens=self._adapters.citizens, staff=self._adapters.staff, authorizer=self.authorizer)

    @cached_property
    def staff_accounts(self) -> StaffAccounts:
        from functions.services.staff_accounts import StaffAccounts

        a = self._adapters
        return StaffAccounts(
            staff=a.staff,
            directory=a.login_directory,
            centres=a.centres,
            catalogue=a.catalogue_repository,
            identity=a.identity,
            auditor=self.auditor,
            authorizer=self.authorizer,
            standing=self.account_standing,
            connections=lambda: self.live_sessions,  # disabling an account closes its live connections
        )

    @cached_property
    def audit_trail(self) -> AuditTrail:
        from functions.services.audit_trail import AuditTrail

        return AuditTrail(self._adapters.audit_log, self.authorizer)

    # ------------------------------------------------------------------ requests and their documents
    @cached_property
    def request_updates(self) -> RequestUpdates:
        from functions.services.request_updates import RequestUpdates

        a = self._adapters
        return RequestUpdates(
            requests=a.requests,
            auditor=self.auditor,
            clock=a.clock,
            signal=a.notification_signal,
            events=a.request_events,
        )

    @cached_property
    def request_sms(self) -> RequestSms:
        from functions.services.request_sms import RequestSms

        a = self._adapters
        return RequestSms(clock=a.clock, catalogue=a.catalogue_repository, centres=a.centres)

    @cached_property
    def task_release(self) -> TaskRelease:
        from functions.services.task_release import TaskRelease

        return TaskRelease(self._adapters.workflow, self.service_levels)

    @cached_property
    def route_stages(self) -> RouteStages:
        from functions.services.route_stages import RouteStages

        a = self._adapters
        return RouteStages(workflow=a.workflow, levels=self.service_levels, requests=a.requests, clock=a.clock)

    @cached_property
    def request_submission(self) -> RequestSubmission:
        from functions.services.request_submission import RequestSubmission

        a = self._adapters
        return RequestSubmission(
            requests=a.requests,
            citizens=a.citizens,
            catalogue=a.catalogue_repository,
            centres=a.centres,
            stages=self.route_stages,
            guard=a.idempotency,
            authorizer=self.authorizer,
            updates=self.request_updates,
            sms=self.request_sms,
            clock=a.clock,
            documents=a.document_repository,
            bill_lifetime=self._settings.sadad_bill_lifetime,
        )

    @cached_property
    def agency_window(self) -> AgencyWindow:
        from functions.services.agency_window import AgencyWindow

        a = self._adapters
        return AgencyWindow(
            requests=a.requests,
            updates=self.request_updates,
            sms=self.request_sms,
            authorizer=self.authorizer,
            release=self.task_release,
            levels=self.service_levels,
            stages=self.route_stages,
            clock=a.clock,
        )

    @cached_property
    def centre_desk(self) -> CentreDesk:
        from functions.services.centre_desk import CentreDesk

        a = self._adapters
        return CentreDesk(
            requests=a.requests,
            updates=self.request_updates,
            sms=self.request_sms,
            catalogue=a.catalogue_repository,
            authorizer=self.authorizer,
            release=self.task_release,
            clock=a.clock,
            ledger=a.ledger,
        )

    @cached_property
    def request_tracking(self) -> RequestTracking:
        from functions.services.request_tracking import RequestTracking

        a = self._adapters
        return RequestTracking(requests=a.requests, authorizer=self.authorizer, limits=self.attempt_limits)

    @cached_property
    def handoff_routing(self) -> HandoffRouting:
        from functions.services.handoff_routing import HandoffRouting

        a = self._adapters
        return HandoffRouting(
            requests=a.requests,
            updates=self.request_updates,
            sms=self.request_sms,
            release=self.task_release,
            levels=self.service_levels,
            clock=a.clock,
        )

    @cached_property
    def request_documents(self) -> RequestDocuments:
        from functions.services.request_documents import RequestDocuments

        a = self._adapters
        return RequestDocuments(
            requests=a.requests,
            documents=a.document_repository,
            store=a.document_store,
            catalogue=a.catalogue_repository,
            centres=a.centres,
            auditor=self.auditor,
            authorizer=self.authorizer,
            clock=a.clock,
            limits=self._settings.document_limits,
        )

    # ------------------------------------------------------------------ the monitoring office
    @cached_property
    def figure_recording(self) -> FigureRecording:
        from functions.services.figure_recording import FigureRecording

        return FigureRecording(self._adapters.figures, self.service_levels)

    @cached_property
    def centre_licensing(self) -> CentreLicensing:
        from functions.services.centre_licensing import CentreLicensing

        a, standing = self._adapters, self.account_standing
        return CentreLicensing(
            registry=a.centre_registry,
            auditor=self.auditor,
            authorizer=self.authorizer,
            clock=a.clock,
            standing=standing,
        )

    @cached_property
    def escalations(self) -> Escalations:
        from functions.services.escalations import Escalations

        a = self._adapters
        return Escalations(
            escalations=a.escalation_repository,
            requests=a.requests,
            auditor=self.auditor,
            authorizer=self.authorizer,
            clock=a.clock,
            alerts=a.monitoring_alerts,
        )

    @cached_property
    def inspections(self) -> Inspections:
        from functions.services.inspections import Inspections

        a = self._adapters
        return Inspections(
            inspections=a.inspection_repository,
            centres=a.centres,
            escalations=self.escalations,
            auditor=self.auditor,
            authorizer=self.authorizer,
            clock=a.clock,
        )

    @cached_property
    def performance(self) -> Performance:
        from functions.services.performance import Performance

        a = self._adapters
        return Performance(figures=a.figures, centres=a.centres, authorizer=self.authorizer, clock=a.clock)

    @cached_property
    def citizen_feedback(self) -> CitizenFeedback:
        from functions.services.citizen_feedback import CitizenFeedback

        a = self._adapters
        return CitizenFeedback(
            feedback=a.feedback_repository,
            requests=a.requests,
            signal=a.notification_signal,
            auditor=self.auditor,
            authorizer=self.authorizer,
            clock=a.clock,
        )
