"""Ports: what the use cases need from the outside world, as Protocols.

Adapters in ``functions.adapters`` implement them on AWS; unit tests use small recording fakes.
Writes that change state take the ``AuditRecord`` (and any ``Notification``) to store in the same
transaction as the change itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from functions.domain.audit import AuditRecord
    from functions.domain.catalogue import Agency, Service
    from functions.domain.centre import Centre
    from functions.domain.citizen import Citizen, Language
    from functions.domain.figures import FigureDelta
    from functions.domain.identity_numbers import NationalId
    from functions.domain.mobile import SaudiMobile
    from functions.domain.notification import Notification
    from functions.domain.paging import Page, PageRequest
    from functions.domain.principal import Principal, Role
    from functions.domain.sms_delivery import CallListEntry
    from functions.domain.staff import AccountStatus, StaffAccount
    from functions.domain.standing import Standing
    from functions.services.sms_ports import SentSms

__all__ = [
    "AttemptLedger",
    "Attempts",
    "AuditLog",
    "CatalogueRepository",
    "CentreRepository",
    "CitizenRepository",
    "Clock",
    "IdempotencyGuard",
    "IdentityProvider",
    "LoginDirectory",
    "LoginEntry",
    "NewPasswordRequired",
    "NotificationRepository",
    "NotificationSignal",
    "SessionCheck",
    "SignInRejected",
    "SmsGateway",
    "StaffRepository",
    "StandingCheck",
    "Tokens",
]


class Clock(Protocol):
    def now(self) -> datetime: ...


class CatalogueRepository(Protocol):
    def get_agency(self, code: str) -> Agency | None: ...

    def get_agencies(self, codes: list[str]) -> dict[str, Agency]: ...

    def list_agencies(self, page: PageRequest) -> Page[Agency]: ...

    def get_service(self, code: str) -> Service | None: ...

    def get_services(self, codes: list[str]) -> dict[str, Service]: ...

    def list_services(self, page: PageRequest, agency_code: str | None = None) -> Page[Service]: ...

    def put_agency(self, agency: Agency, audit: AuditRecord) -> None: ...

    def put_service(self, service: Service, audit: AuditRecord) -> None: ...


class CentreRepository(Protocol):
    def get_centre(self, centre_id: str) -> Centre | None: ...

    def put_centre(self, centre: Centre, audit: AuditRecord) -> None: ...


@dataclass(frozen=True)
class LoginEntry:
    """Which account signs in with a national ID (citizens and staff alike)."""

    user_id: str
    role: Role


class LoginDirectory(Protocol):
    def login_for(self, national_id: NationalId) -> LoginEntry | None: ...


class CitizenRepository(Protocol):
    def get_citizen(self, citizen_id: str) -> Citizen | None: ...

    def find_by_national_id(self, national_id: NationalId) -> Citizen | None: ...

    def records_on(self, mobile: SaudiMobile) -> int:
        """How many citizens' records the number is on (a family may share a phone)."""
        ...

    def create_citizen(
        self, citizen: Citizen, audit: AuditRecord, notification: Notification, records_per_mobile: int = 1
    ) -> None:
        """Atomically: the record, its login, its unique ID claim, one more record on its mobile (only while
        the number is on fewer than ``records_per_mobile``), the audit and the SMS.

        Raises ``Conflict`` (``NATIONAL_ID_TAKEN`` / ``MOBILE_TAKEN``) when another record won the race.
        """
        ...

    def record_password_reissue(self, citizen: Citizen, audit: AuditRecord, notification: Notification) -> None: ...

    def set_language(self, citizen: Citizen, language: Language, audit: AuditRecord) -> None:
        """Atomically: the record's SMS language and the audit record of the change."""
        ...


class StaffRepository(Protocol):
    def get_staff(self, user_id: str) -> StaffAccount | None: ...

    def create_staff(self, staff: StaffAccount, audit: AuditRecord) -> None: ...

    def set_staff_status(self, staff: StaffAccount, status: AccountStatus, audit: AuditRecord) -> None: ...


class AuditLog(Protocol):
    def record(self, audit: AuditRecord) -> None:
        """A record on its own: denials and audited reads, which change nothing else."""
        ...

    def record_once(self, audit: AuditRecord) -> bool:
        """A record with a deterministic id (a sample): written if it is not there yet; False if it was."""
        ...

    def trail(
        self, *, target: str | None, actor: str | None, since: datetime, until: datetime, page: PageRequest
    ) -> Page[AuditRecord]: ...


class NotificationRepository(Protocol):
    def get_notification(self, citizen_id: str, event_key: str) -> Notification | None: ...

    def mark_sending(self, previous: Notification, sent: Notification, figures: tuple[FigureDelta, ...]) -> bool:
        """Record an attempt (``sent``: status SENDING, its provider, message id and one more attempt) if
        the SMS is still as ``previous`` was read, with the pointer from the provider's message id to it
        and the counters it adds to the figures. False when another attempt won (delivery stays at most
        once per attempt)."""
        ...

    def find_by_message(self, provider: str, message_id: str) -> Notification | None:
        """The SMS a provider's message id belongs to (consistent read)."""
        ...

    def record_delivery(
        self,
        previous: Notification,
        updated: Notification,
        call: CallListEntry | None,
        figures: tuple[FigureDelta, ...],
    ) -> bool:
        """A receipt's effect: ``updated`` if the SMS is still as ``previous`` was read (status, attempt),
        its entry on the centre's call list and the counters it adds to the figures, in one transaction;
        False when it moved on meanwhile."""
        ...

    def list_for_citizen(self, citizen_id: str, page: PageRequest) -> Page[Notification]: ...

    def list_for_request(self, citizen_id: str, request_id: str) -> list[Notification]:
        """The SMS about one request, oldest first (a request has a handful)."""
        ...

    def list_pending(self, created_before: datetime) -> list[Notification]:
        """SMS recorded but not yet sent, oldest first (bounded: one page of the pending index)."""
        ...

    def list_retry_due(self, now: datetime) -> list[Notification]:
        """SMS whose retryable failure waits for an attempt due by ``now``, earliest first (one page)."""
        ...


class NotificationSignal(Protocol):
    def announce(self, notification: Notification) -> None:
        """Tell the notifications handler an SMS waits (after the transaction that recorded it)."""
        ...


class SmsGateway(Protocol):
    def send_sms(self, mobile: SaudiMobile, text: str) -> SentSms:
        """Send one SMS; ``SmsProviderError`` when the provider did not take it."""
        ...


@dataclass(frozen=True)
class Tokens:
    access_token: str
    refresh_token: str | None
    expires_in: int


@dataclass(frozen=True)
class NewPasswordRequired:
    session: str


class SignInRejected(Exception):
    """Wrong password, unknown user, disabled or locked account: callers cannot tell which."""


class IdentityProvider(Protocol):
    def create_user(self, username: str, temporary_password: str, groups: list[str]) -> None: ...

    def delete_user(self, username: str) -> None: ...

    def set_temporary_password(self, username: str, temporary_password: str) -> None: ...

    def disable_user(self, username: str) -> None: ...

    def ensure_group(self, name: str) -> None: ...

    def sign_in(self, username: str, password: str) -> Tokens | NewPasswordRequired: ...

    def complete_new_password(self, username: str, session: str, new_password: str) -> Tokens: ...

    def refresh(self, refresh_token: str) -> Tokens:
        """A new access token for a refresh token still honoured (SignInRejected otherwise)."""
        ...

    def sign_out(self, username: str) -> None:
        """End every session of the user: refresh tokens revoked, access tokens refused by the session
        check from now on."""
        ...


class SessionCheck(Protocol):
    def signed_in(self, access_token: str) -> bool:
        """Whether the identity provider still honours the session of this access token (False once
        signed out, disabled or revoked; any other failure raises)."""
        ...


class StandingCheck(Protocol):
    def standing_of(self, principal: Principal) -> Standing:
        """The principal's account (and an operator's centre) as they are now, give or take a few seconds."""
        ...


@dataclass(frozen=True)
class Attempts:
    """The failures remembered under one key (a source, a national ID, a tracking number)."""

    failures: int = 0
    last_failure_at: datetime | None = None


class AttemptLedger(Protocol):
    """Failed attempts at the sensitive operations, shared by every container (docs/identity-and-access.md)."""

    def read(self, keys: list[str]) -> dict[str, Attempts]:
        """The failures counted under each key (a key with none is absent; the caller applies windows)."""
        ...

    def record_failure(self, key: str, now: datetime, window: timedelta) -> None:
        """One more failure; a count whose window ran out starts again."""
        ...

    def trusted(self, account: str, source: str, now: datetime) -> bool: ...

    def trust(self, account: str, source: str, until: datetime) -> None: ...


class IdempotencyGuard(Protocol):
    def run(self, key: str, payload: dict[str, object], work: Callable[[], dict[str, str]]) -> dict[str, str]:
        """Run ``work`` once per key; a repeat returns the first result, a different payload is refused."""
        ...
