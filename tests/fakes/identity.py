"""Recording in-memory fakes for the identity ports, and the world of every fake with the use cases the
composition root builds on them."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

from functions.composition.use_cases import UseCases
from functions.domain.audit import AuditRecord
from functions.domain.calendar_dates import DateEntry
from functions.domain.catalogue import LocalizedText
from functions.domain.centre import Centre, CentreStatus
from functions.domain.citizen import Citizen, Language
from functions.domain.errors import Conflict, ErrorCode
from functions.domain.figures import FigureDelta
from functions.domain.identity_numbers import NationalId
from functions.domain.mobile import SaudiMobile
from functions.domain.money import Money
from functions.domain.notification import DeliveryStatus, Notification
from functions.domain.paging import Page, PageRequest
from functions.domain.principal import Principal, Role
from functions.domain.sms_budget import DAY_QUOTA_SPENT, NUMBER_LIMIT_SPENT
from functions.domain.sms_delivery import CallListEntry
from functions.domain.staff import AccountStatus, StaffAccount
from functions.domain.standing import Standing
from functions.services.ports import Attempts, LoginEntry, NewPasswordRequired, SignInRejected, Tokens
from functions.services.sms_ports import SentSms, SmsProviderError
from functions.settings import UseCaseSettings
from tests.fakes.catalogue import InMemoryCatalogueRepository

if TYPE_CHECKING:
    from tests.fakes.monitoring import InMemoryFigures

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
class InMemoryCallList:
    calls: dict[str, CallListEntry] = field(default_factory=dict)
    audits: list[AuditRecord] = field(default_factory=list)

    def get_call(self, call_id: str) -> CallListEntry | None:
        return self.calls.get(call_id)

    def list_calls(self, centre_id: str, done: bool, page: PageRequest) -> Page[CallListEntry]:
        chosen = [c for c in self.calls.values() if c.centre_id == centre_id and c.done == done]
        return Page(sorted(chosen, key=lambda c: c.failed_at)[: page.size])

    def mark_done(self, call: CallListEntry, audit: AuditRecord) -> bool:
        if self.calls[call.call_id].done:
            return False
        self.calls[call.call_id] = call
        self.audits.append(audit)
        return True


@dataclass
class InMemoryNotifications:
    """The outbox and its delivery, with the conditional writes of ``DynamoNotificationRepository``."""

    log: RecordingAuditLog
    figures: InMemoryFigures
    items: dict[tuple[str, str], Notification] = field(default_factory=dict)
    pointers: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)
    calls: InMemoryCallList = field(default_factory=InMemoryCallList)

    def add(self, notification: Notification) -> None:
        key = (notification.citizen_id, notification.event_key)
        assert key not in self.items, "one SMS per (citizen, event)"
        self.items[key] = notification

    def get_notification(self, citizen_id: str, event_key: str) -> Notification | None:
        return self.items.get((citizen_id, event_key))

    def mark_sending(self, previous: Notification, sent: Notification, figures: tuple[FigureDelta, ...]) -> bool:
        if not self._still(previous):
            return False
        self.items[(sent.citizen_id, sent.event_key)] = sent
        self.figures.add(figures)
        self.pointers[(sent.provider or "", sent.provider_message_id or "")] = (sent.citizen_id, sent.event_key)
        return True

    def find_by_message(self, provider: str, message_id: str) -> Notification | None:
        key = self.pointers.get((provider, message_id))
        return self.items.get(key) if key else None

    def record_delivery(
        self,
        previous: Notification,
        updated: Notification,
        call: CallListEntry | None,
        figures: tuple[FigureDelta, ...],
    ) -> bool:
        if not self._still(previous) or (call is not None and call.call_id in self.calls.calls):
            return False
        self.items[(updated.citizen_id, updated.event_key)] = updated
        self.figures.add(figures)
        if call is not None:
            self.calls.calls[call.call_id] = call
        return True

    def _still(self, previous: Notification) -> bool:
        stored = self.items[(previous.citizen_id, previous.event_key)]
        return (stored.status, stored.attempts) == (previous.status, previous.attempts)

    def list_for_citizen(self, citizen_id: str, page: PageRequest) -> Page[Notification]:
        return Page([n for (owner, _), n in self.items.items() if owner == citizen_id][: page.size])

    def list_for_request(self, citizen_id: str, request_id: str) -> list[Notification]:
        mine = [
            n for (owner, key), n in self.items.items() if owner == citizen_id and key.startswith(f"REQ#{request_id}#")
        ]
        return sorted(mine, key=lambda n: n.created_at)

    def list_pending(self, created_before: datetime) -> list[Notification]:
        return [n for n in self.items.values() if n.status is DeliveryStatus.PENDING and n.created_at < created_before]

    def list_retry_due(self, now: datetime) -> list[Notification]:
        due = [n for n in self.items.values() if n.next_attempt_at is not None and n.next_attempt_at < now]
        return sorted(due, key=lambda n: n.next_attempt_at or now)


@dataclass
class InMemoryReportLedger:
    taken: dict[tuple[str, str], datetime] = field(default_factory=dict)

    def seen(self, provider: str, report_id: str) -> bool:
        return (provider, report_id) in self.taken

    def remember(self, provider: str, report_id: str, at: datetime, keep_for: timedelta) -> None:
        self.taken.setdefault((provider, report_id), at)


@dataclass
class InMemoryIdentity:
    """Citizens, staff and their claims, with the all-or-nothing semantics of the real transactions."""

    log: RecordingAuditLog
    notifications: InMemoryNotifications
    citizens: dict[str, Citizen] = field(default_factory=dict)
    staff: dict[str, StaffAccount] = field(default_factory=dict)
    logins: dict[str, LoginEntry] = field(default_factory=dict)
    mobiles: dict[str, int] = field(default_factory=dict)
    """How many records each number is on."""

    def get_citizen(self, citizen_id: str) -> Citizen | None:
        return self.citizens.get(citizen_id)

    def find_by_national_id(self, national_id: NationalId) -> Citizen | None:
        login = self.logins.get(national_id.value)
        return self.citizens.get(login.user_id) if login and login.role is Role.CITIZEN else None

    def records_on(self, mobile: SaudiMobile) -> int:
        return self.mobiles.get(mobile.e164, 0)

    def create_citizen(
        self, citizen: Citizen, audit: AuditRecord, notification: Notification, records_per_mobile: int = 1
    ) -> None:
        if citizen.national_id.value in self.logins:
            raise Conflict(ErrorCode.NATIONAL_ID_TAKEN)
        if self.records_on(citizen.mobile) >= records_per_mobile:
            raise Conflict(ErrorCode.MOBILE_TAKEN)
        self.logins[citizen.national_id.value] = LoginEntry(citizen.citizen_id, Role.CITIZEN)
        self.mobiles[citizen.mobile.e164] = self.records_on(citizen.mobile) + 1
        self.citizens[citizen.citizen_id] = citizen
        self.log.record(audit)
        self.notifications.add(notification)

    def record_password_reissue(self, citizen: Citizen, audit: AuditRecord, notification: Notification) -> None:
        self.log.record(audit)
        self.notifications.add(notification)

    def set_language(self, citizen: Citizen, language: Language, audit: AuditRecord) -> None:
        self.citizens[citizen.citizen_id] = replace(citizen, language=language)
        self.log.record(audit)

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
    provider: str = "sns"

    def send_sms(self, mobile: SaudiMobile, text: str) -> SentSms:
        if self.failing:
            raise SmsProviderError("SMS provider unavailable")
        self.sent.append((mobile.e164, text))
        return SentSms(self.provider, uuid.uuid4().hex)


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
class InMemorySmsBudget:
    """The SMS budget's rule, counted in memory: a limit of 0 has no bound; a refusal counts nothing."""

    counts: dict[str, int] = field(default_factory=dict)

    def take(self, number_key: str, number_limit: int, day_key: str, day_limit: int) -> str | None:
        if number_limit and self.counts.get(number_key, 0) >= number_limit:
            return NUMBER_LIMIT_SPENT
        if day_limit and self.counts.get(day_key, 0) >= day_limit:
            return DAY_QUOTA_SPENT
        for key in (number_key, day_key):
            self.counts[key] = self.counts.get(key, 0) + 1
        return None


@dataclass
class IdentityWorld:
    """Every use case, built by the composition root (``functions.composition.use_cases.UseCases``) on in-memory
    fakes, and the fakes to look at."""

    clock: FixedClock = field(default_factory=FixedClock)
    log: RecordingAuditLog = field(default_factory=RecordingAuditLog)
    cognito: FakeCognito = field(default_factory=FakeCognito)
    signal: RecordingSignal = field(default_factory=RecordingSignal)
    sms: RecordingSmsGateway = field(default_factory=RecordingSmsGateway)
    centres: InMemoryCentres = field(default_factory=InMemoryCentres)
    catalogue_repository: InMemoryCatalogueRepository = field(default_factory=InMemoryCatalogueRepository)
    stage: str = "local"
    """The stage whose GraphQL policy and trusted documents live subscriptions run with."""
    settings: UseCaseSettings = field(default_factory=lambda: UseCaseSettings(subscriptions_per_connection=3))

    def __post_init__(self) -> None:
        from tests.fakes.adapters import FakeAdapters

        self._make_fakes()
        self.adapters = FakeAdapters(
            clock=self.clock,
            audit_log=self.log,
            identity=self.cognito,
            sessions=self.cognito,
            attempt_ledger=self.attempts,
            access_tokens=self.tokens,
            catalogue_repository=self.catalogue_repository,
            business_calendar_repository=self.calendar_store,
            centres=self.centres,
            citizens=self.people,
            staff=self.people,
            login_directory=self.people,
            notification_repository=self.notification_store,
            notification_signal=self.signal,
            sms_gateway=self.sms,
            call_list_repository=self.notification_store.calls,
            ledger=self.ledger,
            sms_budget=self.sms_budget,
            settlements=self.settlements,
            settlement_files=self.settlements,
            report_ledger=self.report_ledger,
            requests=self.requests,
            workflow=self.machine,
            request_events=self.events,
            idempotency=self.guard,
            document_repository=self.document_records,
            document_store=self.document_store,
            figures=self.figures,
            centre_registry=self.registry,
            escalation_repository=self.escalation_store,
            monitoring_alerts=self.alerts,
            inspection_repository=self.inspection_store,
            feedback_repository=self.feedback_store,
            connection_store=self.connections,
            connection_gateway=self.gateway,
            stage=self.stage,
        )
        self.use_cases = use_cases = UseCases(self.adapters, self.settings)
        self.machine.deliver = use_cases.handoff_routing.handle
        # the use cases under the names the tests know them by
        self.auditor = use_cases.auditor
        self.authorizer = use_cases.authorizer
        self.standing = use_cases.account_standing
        self.limits = use_cases.attempt_limits
        self.levels = use_cases.service_levels
        self.catalogue = use_cases.catalogue
        self.calendars = use_cases.business_calendars
        self.records = use_cases.citizen_records
        self.sign_in = use_cases.sign_in
        self.profiles = use_cases.profiles
        self.staff_accounts = use_cases.staff_accounts
        self.notifications = use_cases.notifications
        self.sms_delivery = use_cases.sms_delivery
        self.delivery_reports = use_cases.delivery_reports
        self.call_list = use_cases.call_list
        self.centre_money = use_cases.centre_money
        self.settlement_ingestion = use_cases.settlement_ingestion
        self.updates = use_cases.request_updates
        self.request_sms = use_cases.request_sms
        self.submission = use_cases.request_submission
        self.route_stages = use_cases.route_stages
        self.documents = use_cases.request_documents
        self.window = use_cases.agency_window
        self.desk = use_cases.centre_desk
        self.tracking = use_cases.request_tracking
        self.routing = use_cases.handoff_routing
        self.figure_recording = use_cases.figure_recording
        self.licensing = use_cases.centre_licensing
        self.escalations = use_cases.escalations
        self.inspections = use_cases.inspections
        self.performance = use_cases.performance
        self.feedback = use_cases.citizen_feedback

    def _make_fakes(self) -> None:
        from tests.fakes.calendar import InMemoryCalendar
        from tests.fakes.documents import InMemoryDocuments, InMemoryDocumentStore
        from tests.fakes.live import FixedTokens, InMemoryConnections, RecordingGateway
        from tests.fakes.money import InMemoryLedger, InMemorySettlements
        from tests.fakes.monitoring import (
            InMemoryCentreRegistry,
            InMemoryEscalations,
            InMemoryFeedback,
            InMemoryFigures,
            InMemoryInspections,
            RecordingAlerts,
        )
        from tests.fakes.requests import (
            InMemoryRequests,
            PassThroughGuard,
            RecordingRequestEvents,
            SimulatedHandoffMachine,
        )

        for centre_id, status in (
            ("MED-C01", CentreStatus.ACTIVE),
            ("MED-C02", CentreStatus.ACTIVE),
            ("MED-C03", CentreStatus.SUSPENDED),
        ):
            self.centres.centres[centre_id] = centre(centre_id, status)
        self.centres.centres["MED-C04"] = centre("MED-C04", expires_in_days=-1)
        self.figures = InMemoryFigures()
        self.notification_store = InMemoryNotifications(self.log, self.figures)
        self.report_ledger = InMemoryReportLedger()
        self.people = InMemoryIdentity(self.log, self.notification_store)
        self.attempts = InMemoryAttemptLedger()
        self.document_records = InMemoryDocuments(self.log)
        self.document_store = InMemoryDocumentStore(self.clock)
        self.ledger = InMemoryLedger(self.log)
        self.sms_budget = InMemorySmsBudget()
        self.settlements = InMemorySettlements(self.ledger)
        self.requests = InMemoryRequests(
            self.log, self.notification_store, documents=self.document_records, ledger=self.ledger
        )
        self.settlements.requests = self.requests
        self.machine = SimulatedHandoffMachine()
        self.guard = PassThroughGuard()
        self.events = RecordingRequestEvents()
        self.calendar_store = InMemoryCalendar(self.log)
        self.registry = InMemoryCentreRegistry(self.centres, self.log)
        self.escalation_store = InMemoryEscalations(self.figures, self.log)
        self.alerts = RecordingAlerts()
        self.inspection_store = InMemoryInspections(self.log, self.registry)
        self.feedback_store = InMemoryFeedback(self.figures, self.log, self.notification_store)
        self.connections = InMemoryConnections()
        self.gateway = RecordingGateway()
        self.tokens = FixedTokens()

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
