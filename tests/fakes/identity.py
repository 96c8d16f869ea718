"""Recording in-memory fakes for the identity ports, and a bundle that wires the use cases on them."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta

from functions.api.context import Resolvers
from functions.domain.audit import AuditRecord
from functions.domain.calendar_dates import DateEntry
from functions.domain.catalogue import LocalizedText
from functions.domain.centre import Centre, CentreStatus
from functions.domain.citizen import Citizen
from functions.domain.documents import UploadLimits
from functions.domain.errors import Conflict, ErrorCode
from functions.domain.identity_numbers import NationalId
from functions.domain.mobile import SaudiMobile
from functions.domain.money import Money
from functions.domain.notification import DeliveryStatus, Notification
from functions.domain.paging import Page, PageRequest
from functions.domain.principal import Principal, Role
from functions.domain.staff import AccountStatus, StaffAccount
from functions.domain.standing import Standing
from functions.services.account_standing import AccountStanding
from functions.services.agency_window import AgencyWindow
from functions.services.attempt_limits import AttemptLimits
from functions.services.audit_trail import AuditTrail
from functions.services.auditing import Auditor
from functions.services.authorization import Authorizer
from functions.services.catalogue import CatalogueService
from functions.services.centre_desk import CentreDesk
from functions.services.citizen_records import CitizenRecords
from functions.services.handoff_routing import HandoffRouting
from functions.services.live_ports import AccountConnections
from functions.services.notifications import Notifications
from functions.services.ports import Attempts, LoginEntry, NewPasswordRequired, SignInRejected, Tokens
from functions.services.profiles import Profiles
from functions.services.request_documents import RequestDocuments
from functions.services.request_sms import RequestSms
from functions.services.request_submission import RequestSubmission
from functions.services.request_tracking import RequestTracking
from functions.services.request_updates import RequestUpdates
from functions.services.sign_in import SignIn
from functions.services.staff_accounts import StaffAccounts
from functions.services.task_release import TaskRelease
from tests.fakes.catalogue import InMemoryCatalogueRepository
from tests.fakes.resolvers import FixedResolvers

NOW = datetime(2026, 11, 28, 9, 30, tzinfo=UTC)


@dataclass
class FixedClock:
    at: datetime = NOW

    def now(self) -> datetime:
        return self.at


@dataclass
class RecordingAuditLog:
    records: list[AuditRecord] = field(default_factory=list)

    def record(self, audit: AuditRecord) -> None:
        self.records.append(audit)

    def record_once(self, audit: AuditRecord) -> bool:
        if any((r.target, r.at, r.record_id) == (audit.target, audit.at, audit.record_id) for r in self.records):
            return False
        self.records.append(audit)
        return True

    def trail(
        self, *, target: str | None, actor: str | None, since: datetime, until: datetime, page: PageRequest
    ) -> Page[AuditRecord]:
        chosen = [
            r for r in self.records if (target is None or r.target == target) and (actor is None or r.actor == actor)
        ]
        return Page([r for r in chosen if since <= r.at <= until][: page.size])


@dataclass
class InMemoryCentres:
    centres: dict[str, Centre] = field(default_factory=dict)

    def get_centre(self, centre_id: str) -> Centre | None:
        return self.centres.get(centre_id)

    def put_centre(self, centre: Centre, audit: AuditRecord) -> None:
        self.centres[centre.centre_id] = centre


@dataclass
class InMemoryNotifications:
    log: RecordingAuditLog
    items: dict[tuple[str, str], Notification] = field(default_factory=dict)

    def add(self, notification: Notification) -> None:
        key = (notification.citizen_id, notification.event_key)
        assert key not in self.items, "one SMS per (citizen, event)"
        self.items[key] = notification

    def get_notification(self, citizen_id: str, event_key: str) -> Notification | None:
        return self.items.get((citizen_id, event_key))

    def mark_sent(self, notification: Notification, text: str, provider_message_id: str, at: datetime) -> bool:
        key = (notification.citizen_id, notification.event_key)
        if self.items[key].status is DeliveryStatus.SENT:
            return False
        self.items[key] = replace(
            self.items[key], status=DeliveryStatus.SENT, text=text, sent_at=at, provider_message_id=provider_message_id
        )
        return True

    def list_for_citizen(self, citizen_id: str, page: PageRequest) -> Page[Notification]:
        return Page([n for (owner, _), n in self.items.items() if owner == citizen_id][: page.size])

    def list_pending(self, created_before: datetime) -> list[Notification]:
        return [n for n in self.items.values() if n.status is DeliveryStatus.PENDING and n.created_at < created_before]


@dataclass
class InMemoryIdentity:
    """Citizens, staff and their claims, with the all-or-nothing semantics of the real transactions."""

    log: RecordingAuditLog
    notifications: InMemoryNotifications
    citizens: dict[str, Citizen] = field(default_factory=dict)
    staff: dict[str, StaffAccount] = field(default_factory=dict)
    logins: dict[str, LoginEntry] = field(default_factory=dict)
    mobiles: set[str] = field(default_factory=set)

    def get_citizen(self, citizen_id: str) -> Citizen | None:
        return self.citizens.get(citizen_id)

    def find_by_national_id(self, national_id: NationalId) -> Citizen | None:
        login = self.logins.get(national_id.value)
        return self.citizens.get(login.user_id) if login and login.role is Role.CITIZEN else None

    def mobile_taken(self, mobile: SaudiMobile) -> bool:
        return mobile.e164 in self.mobiles

    def create_citizen(self, citizen: Citizen, audit: AuditRecord, notification: Notification) -> None:
        if citizen.national_id.value in self.logins:
            raise Conflict(ErrorCode.NATIONAL_ID_TAKEN)
        if citizen.mobile.e164 in self.mobiles:
            raise Conflict(ErrorCode.MOBILE_TAKEN)
        self.logins[citizen.national_id.value] = LoginEntry(citizen.citizen_id, Role.CITIZEN)
        self.mobiles.add(citizen.mobile.e164)
        self.citizens[citizen.citizen_id] = citizen
        self.log.record(audit)
        self.notifications.add(notification)

    def record_password_reissue(self, citizen: Citizen, audit: AuditRecord, notification: Notification) -> None:
        self.log.record(audit)
        self.notifications.add(notification)

    def login_for(self, national_id: NationalId) -> LoginEntry | None:
        return self.logins.get(national_id.value)

    def get_staff(self, user_id: str) -> StaffAccount | None:
        return self.staff.get(user_id)

    def create_staff(self, staff: StaffAccount, audit: AuditRecord) -> None:
        if staff.national_id.value in self.logins:
            raise Conflict(ErrorCode.NATIONAL_ID_TAKEN)
        self.logins[staff.national_id.value] = LoginEntry(staff.user_id, staff.role)
        self.staff[staff.user_id] = staff
        self.log.record(audit)

    def set_staff_status(self, staff: StaffAccount, status: AccountStatus, audit: AuditRecord) -> None:
        self.staff[staff.user_id] = replace(staff, status=status)
        self.log.record(audit)


@dataclass
class FakeCognito:
    users: dict[str, dict[str, object]] = field(default_factory=dict)
    groups: set[str] = field(
        default_factory=lambda: {"citizen", "center-operator", "agency-officer", "monitor", "admin"}
    )
    ended_sessions: set[str] = field(default_factory=set)
    sessions_asked: list[str] = field(default_factory=list)
    sign_in_calls: int = 0
    refresh_tokens: dict[str, str] = field(default_factory=dict)
    """Refresh tokens still honoured, and whose they are."""
    access_tokens: dict[str, str] = field(default_factory=dict)

    def signed_in(self, access_token: str) -> bool:
        self.sessions_asked.append(access_token)
        return access_token not in self.ended_sessions

    def create_user(self, username: str, temporary_password: str, groups: list[str]) -> None:
        assert set(groups) <= self.groups, "groups must exist first"
        self.users[username] = {"password": temporary_password, "temporary": True, "groups": groups, "enabled": True}

    def delete_user(self, username: str) -> None:
        del self.users[username]

    def set_temporary_password(self, username: str, temporary_password: str) -> None:
        self.users[username].update(password=temporary_password, temporary=True)

    def disable_user(self, username: str) -> None:
        self.users[username]["enabled"] = False

    def ensure_group(self, name: str) -> None:
        self.groups.add(name)

    def sign_in(self, username: str, password: str) -> Tokens | NewPasswordRequired:
        self.sign_in_calls += 1
        user = self.users.get(username)
        if user is None or user["password"] != password or not user["enabled"]:
            raise SignInRejected
        if user["temporary"]:
            return NewPasswordRequired(session=f"session-{username}")
        return self._issue(username)

    def complete_new_password(self, username: str, session: str, new_password: str) -> Tokens:
        if session != f"session-{username}" or username not in self.users:
            raise SignInRejected
        self.users[username].update(password=new_password, temporary=False)
        return self._issue(username)

    def refresh(self, refresh_token: str) -> Tokens:
        username = self.refresh_tokens.get(refresh_token)
        if username is None:
            raise SignInRejected
        return Tokens(access_token=self._access_token(username), refresh_token=None, expires_in=3600)

    def sign_out(self, username: str) -> None:
        self.ended_sessions |= {token for token, user in self.access_tokens.items() if user == username}
        self.refresh_tokens = {token: user for token, user in self.refresh_tokens.items() if user != username}

    def _issue(self, username: str) -> Tokens:
        refresh_token = f"refresh-{uuid.uuid4().hex}"
        self.refresh_tokens[refresh_token] = username
        return Tokens(access_token=self._access_token(username), refresh_token=refresh_token, expires_in=3600)

    def _access_token(self, username: str) -> str:
        token = f"token-{username}-{uuid.uuid4().hex[:8]}"
        self.access_tokens[token] = username
        return token


@dataclass
class FixedStanding:
    """Every principal stands as ``standing`` says; the principals asked about are recorded."""

    standing: Standing = field(default_factory=Standing)
    asked: list[Principal] = field(default_factory=list)

    def standing_of(self, principal: Principal) -> Standing:
        self.asked.append(principal)
        return self.standing


@dataclass
class RecordingAccountConnections:
    """The accounts whose live connections were closed (``LiveWorld`` puts the real sessions here)."""

    closed_for: list[str] = field(default_factory=list)

    def close_connections_of(self, user_id: str) -> int:
        self.closed_for.append(user_id)
        return 0


@dataclass
class RecordingSignal:
    announced: list[tuple[str, str]] = field(default_factory=list)
    broken: bool = False

    def announce(self, notification: Notification) -> None:
        if self.broken:
            raise ConnectionError("SNS unavailable")
        self.announced.append((notification.citizen_id, notification.event_key))


@dataclass
class RecordingSmsGateway:
    sent: list[tuple[str, str]] = field(default_factory=list)
    failing: bool = False

    def send_sms(self, mobile: SaudiMobile, text: str) -> str:
        if self.failing:
            raise ConnectionError("SMS provider unavailable")
        self.sent.append((mobile.e164, text))
        return uuid.uuid4().hex


@dataclass
class InMemoryAttemptLedger:
    """The attempt ledger's semantics in memory (``adapters/dynamodb/attempt_ledger.py``)."""

    counted: dict[str, Attempts] = field(default_factory=dict)
    trusted_until: dict[tuple[str, str], datetime] = field(default_factory=dict)

    def read(self, keys: list[str]) -> dict[str, Attempts]:
        return {key: self.counted[key] for key in keys if key in self.counted}

    def record_failure(self, key: str, now: datetime, window: timedelta) -> None:
        kept = self.counted.get(key)
        stale = kept is None or kept.last_failure_at is None or kept.last_failure_at < now - window
        self.counted[key] = Attempts(1 if stale or kept is None else kept.failures + 1, now)

    def trusted(self, account: str, source: str, now: datetime) -> bool:
        until = self.trusted_until.get((account, source))
        return until is not None and until > now

    def trust(self, account: str, source: str, until: datetime) -> None:
        self.trusted_until[(account, source)] = until


def centre(
    centre_id: str = "MED-C01", status: CentreStatus = CentreStatus.ACTIVE, expires_in_days: int = 365
) -> Centre:
    return Centre(
        centre_id=centre_id,
        name=LocalizedText("مركز العوالي", "Al-Awali Centre"),
        sms_name=LocalizedText("مركز العوالي", "Al-Awali Centre"),
        district="AL-AWALI",
        status=status,
        licence_expires_on=(NOW + timedelta(days=expires_in_days)).date(),
        service_charge=Money.sar("25"),
    )


@dataclass
class IdentityWorld:
    """Every identity use case on in-memory fakes, plus the fakes to look at."""

    clock: FixedClock = field(default_factory=FixedClock)
    log: RecordingAuditLog = field(default_factory=RecordingAuditLog)
    cognito: FakeCognito = field(default_factory=FakeCognito)
    signal: RecordingSignal = field(default_factory=RecordingSignal)
    sms: RecordingSmsGateway = field(default_factory=RecordingSmsGateway)
    centres: InMemoryCentres = field(default_factory=InMemoryCentres)
    catalogue_repository: InMemoryCatalogueRepository = field(default_factory=InMemoryCatalogueRepository)

    def __post_init__(self) -> None:
        self.live_connections: AccountConnections = RecordingAccountConnections()
        self.notification_store = InMemoryNotifications(self.log)
        self.people = InMemoryIdentity(self.log, self.notification_store)
        self.attempts = InMemoryAttemptLedger()
        self.limits = AttemptLimits(self.attempts, self.clock)
        self.standing = AccountStanding(staff=self.people, centres=self.centres, clock=self.clock)
        self.auditor = Auditor(self.log, self.clock)
        self.authorizer = Authorizer(
            self.auditor, self.clock, sessions=lambda: self.cognito, standing=lambda: self.standing
        )
        for centre_id, status in (
            ("MED-C01", CentreStatus.ACTIVE),
            ("MED-C02", CentreStatus.ACTIVE),
            ("MED-C03", CentreStatus.SUSPENDED),
        ):
            self.centres.centres[centre_id] = centre(centre_id, status)
        self.centres.centres["MED-C04"] = centre("MED-C04", expires_in_days=-1)
        self.records = CitizenRecords(
            citizens=self.people,
            centres=self.centres,
            identity=self.cognito,
            signal=self.signal,
            auditor=self.auditor,
            authorizer=self.authorizer,
            clock=self.clock,
            limits=self.limits,
        )
        self.sign_in = SignIn(directory=self.people, identity=self.cognito, limits=self.limits, auditor=self.auditor)
        self.profiles = Profiles(citizens=self.people, staff=self.people, authorizer=self.authorizer)
        self.catalogue = CatalogueService(self.catalogue_repository, self.auditor, self.authorizer)
        self.staff_accounts = StaffAccounts(
            staff=self.people,
            directory=self.people,
            centres=self.centres,
            catalogue=self.catalogue_repository,
            identity=self.cognito,
            auditor=self.auditor,
            authorizer=self.authorizer,
            standing=self.standing,
            connections=lambda: self.live_connections,
        )
        self.notifications = Notifications(
            notifications=self.notification_store,
            citizens=self.people,
            gateway=self.sms,
            signal=self.signal,
            clock=self.clock,
        )
        self._wire_requests()
        self._wire_monitoring()

    def _wire_requests(self) -> None:
        from functions.services.business_calendars import BusinessCalendars
        from functions.services.service_levels import ServiceLevels
        from tests.fakes.calendar import InMemoryCalendar
        from tests.fakes.documents import InMemoryDocuments, InMemoryDocumentStore
        from tests.fakes.requests import (
            InMemoryRequests,
            PassThroughGuard,
            RecordingRequestEvents,
            SimulatedHandoffMachine,
        )

        self.document_records = InMemoryDocuments(self.log)
        self.document_store = InMemoryDocumentStore(self.clock)
        self.requests = InMemoryRequests(self.log, self.notification_store, documents=self.document_records)
        self.machine = SimulatedHandoffMachine()
        self.guard = PassThroughGuard()
        self.events = RecordingRequestEvents()
        self.updates = RequestUpdates(
            requests=self.requests, auditor=self.auditor, clock=self.clock, signal=self.signal, events=self.events
        )
        sms = RequestSms(clock=self.clock, catalogue=self.catalogue_repository, centres=self.centres)
        self.calendar_store = InMemoryCalendar(self.log)
        self.levels = ServiceLevels(calendars=self.calendar_store, clock=self.clock, seconds_per_hour=3600)
        self.calendars = BusinessCalendars(
            repository=self.calendar_store,
            levels=self.levels,
            catalogue=self.catalogue_repository,
            auditor=self.auditor,
            authorizer=self.authorizer,
            clock=self.clock,
        )
        release = TaskRelease(self.machine, self.levels)
        self.submission = RequestSubmission(
            requests=self.requests,
            citizens=self.people,
            catalogue=self.catalogue_repository,
            centres=self.centres,
            workflow=self.machine,
            guard=self.guard,
            authorizer=self.authorizer,
            updates=self.updates,
            sms=sms,
            clock=self.clock,
            documents=self.document_records,
        )
        self.documents = RequestDocuments(
            requests=self.requests,
            documents=self.document_records,
            store=self.document_store,
            catalogue=self.catalogue_repository,
            centres=self.centres,
            auditor=self.auditor,
            authorizer=self.authorizer,
            clock=self.clock,
            limits=UploadLimits(),
        )
        self.window = AgencyWindow(
            requests=self.requests,
            updates=self.updates,
            sms=sms,
            authorizer=self.authorizer,
            release=release,
            levels=self.levels,
            clock=self.clock,
        )
        self.desk = CentreDesk(
            requests=self.requests,
            updates=self.updates,
            sms=sms,
            catalogue=self.catalogue_repository,
            authorizer=self.authorizer,
            release=release,
            clock=self.clock,
        )
        self.tracking = RequestTracking(requests=self.requests, authorizer=self.authorizer, limits=self.limits)
        self.routing = HandoffRouting(
            requests=self.requests, updates=self.updates, sms=sms, release=release, levels=self.levels, clock=self.clock
        )
        self.machine.deliver = self.routing.handle

    def _wire_monitoring(self) -> None:
        from functions.services.centre_licensing import CentreLicensing
        from functions.services.citizen_feedback import CitizenFeedback
        from functions.services.escalations import Escalations
        from functions.services.figure_recording import FigureRecording
        from functions.services.inspections import Inspections
        from functions.services.performance import Performance
        from tests.fakes.monitoring import (
            InMemoryCentreRegistry,
            InMemoryEscalations,
            InMemoryFeedback,
            InMemoryFigures,
            InMemoryInspections,
        )

        self.registry = InMemoryCentreRegistry(self.centres, self.log)
        self.figures = InMemoryFigures()
        self.figure_recording = FigureRecording(self.figures, self.levels)
        self.licensing = CentreLicensing(
            registry=self.registry,
            auditor=self.auditor,
            authorizer=self.authorizer,
            clock=self.clock,
            standing=self.standing,
        )
        self.escalation_store = InMemoryEscalations(self.figures, self.log)
        self.escalations = Escalations(
            escalations=self.escalation_store,
            requests=self.requests,
            auditor=self.auditor,
            authorizer=self.authorizer,
            clock=self.clock,
        )
        self.inspection_store = InMemoryInspections(self.log, self.registry)
        self.inspections = Inspections(
            inspections=self.inspection_store,
            centres=self.centres,
            escalations=self.escalations,
            auditor=self.auditor,
            authorizer=self.authorizer,
            clock=self.clock,
        )
        self.performance = Performance(
            figures=self.figures, centres=self.centres, authorizer=self.authorizer, clock=self.clock
        )
        self.feedback_store = InMemoryFeedback(self.figures, self.log, self.notification_store)
        self.feedback = CitizenFeedback(
            feedback=self.feedback_store,
            requests=self.requests,
            signal=self.signal,
            auditor=self.auditor,
            authorizer=self.authorizer,
            clock=self.clock,
        )

    def resolvers(self) -> Resolvers:
        return FixedResolvers(
            catalogue=self.catalogue,
            citizen_records=self.records,
            sign_in=self.sign_in,
            profiles=self.profiles,
            staff_accounts=self.staff_accounts,
            audit_trail=AuditTrail(self.log, self.authorizer),
            notifications=self.notifications,
            request_submission=self.submission,
            agency_window=self.window,
            centre_desk=self.desk,
            request_tracking=self.tracking,
            centre_licensing=self.licensing,
            inspections=self.inspections,
            performance=self.performance,
            escalations=self.escalations,
            citizen_feedback=self.feedback,
            request_documents=self.documents,
            business_calendars=self.calendars,
        )

    def snapshot(self) -> tuple[int, int, int, int, int]:
        """Everything a refused request must leave unchanged (audit records counted separately)."""
        return (
            len(self.people.citizens),
            len(self.people.staff),
            len(self.cognito.users),
            len(self.notification_store.items),
            len(self.signal.announced),
        )


TODAY = NOW.date()
ADULT_BIRTH = DateEntry.gregorian(date(1990, 5, 17))
