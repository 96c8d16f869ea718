"""Ports: what the use cases need from the outside world, as Protocols.

Adapters in ``functions.adapters`` implement them on AWS; unit tests use small recording fakes.
Writes that change state take the ``AuditRecord`` (and any ``Notification``) to store in the same
transaction as the change itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from functions.domain.audit import AuditRecord
from functions.domain.catalogue import Agency, Service
from functions.domain.centre import Centre
from functions.domain.citizen import Citizen
from functions.domain.identity_numbers import NationalId
from functions.domain.mobile import SaudiMobile
from functions.domain.notification import Notification
from functions.domain.paging import Page, PageRequest
from functions.domain.principal import Role
from functions.domain.staff import AccountStatus, StaffAccount

__all__ = [
    "AuditLog",
    "CatalogueRepository",
    "CentreRepository",
    "CitizenRepository",
    "Clock",
    "IdentityProvider",
    "LoginDirectory",
    "LoginEntry",
    "LoginThrottle",
    "NewPasswordRequired",
    "NotificationRepository",
    "NotificationSignal",
    "SignInRejected",
    "SmsGateway",
    "StaffRepository",
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

    def mobile_taken(self, mobile: SaudiMobile) -> bool: ...

    def create_citizen(self, citizen: Citizen, audit: AuditRecord, notification: Notification) -> None:
        """Atomically: the record, its login, its unique ID and mobile claims, the audit and the SMS.

        Raises ``Conflict`` (``NATIONAL_ID_TAKEN`` / ``MOBILE_TAKEN``) when another record won the race.
        """
        ...

    def record_password_reissue(self, citizen: Citizen, audit: AuditRecord, notification: Notification) -> None: ...


class StaffRepository(Protocol):
    def get_staff(self, user_id: str) -> StaffAccount | None: ...

    def create_staff(self, staff: StaffAccount, audit: AuditRecord) -> None: ...

    def set_staff_status(self, staff: StaffAccount, status: AccountStatus, audit: AuditRecord) -> None: ...


class AuditLog(Protocol):
    def record(self, audit: AuditRecord) -> None:
        """A record on its own: denials and audited reads, which change nothing else."""
        ...

    def trail(
        self, *, target: str | None, actor: str | None, since: datetime, until: datetime, page: PageRequest
    ) -> Page[AuditRecord]: ...


class NotificationRepository(Protocol):
    def get_notification(self, citizen_id: str, event_key: str) -> Notification | None: ...

    def mark_sent(self, notification: Notification, text: str, provider_message_id: str, at: datetime) -> bool:
        """False when it was already sent (delivery stays at most once)."""
        ...

    def list_for_citizen(self, citizen_id: str, page: PageRequest) -> Page[Notification]: ...

    def list_pending(self, created_before: datetime) -> list[Notification]:
        """SMS recorded but not yet sent, oldest first (bounded: one page of the pending index)."""
        ...


class NotificationSignal(Protocol):
    def announce(self, notification: Notification) -> None:
        """Tell the notifications handler an SMS waits (after the transaction that recorded it)."""
        ...


class SmsGateway(Protocol):
    def send_sms(self, mobile: SaudiMobile, text: str) -> str:
        """Send one SMS; returns the provider's message id."""
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


class LoginThrottle(Protocol):
    def is_locked(self, national_id: NationalId) -> bool: ...

    def record_failure(self, national_id: NationalId) -> None: ...

    def reset(self, national_id: NationalId) -> None: ...
