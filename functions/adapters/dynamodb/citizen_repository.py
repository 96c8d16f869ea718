"""Citizens' records, their unique claims (national ID = login entry, mobile) and the login directory."""

from __future__ import annotations

from pynamodb.exceptions import DoesNotExist, TransactWriteError
from pynamodb.transactions import TransactWrite

from functions.adapters.dynamodb.audit_log import DynamoAuditLog
from functions.adapters.dynamodb.identity_items import (
    CLAIM,
    PROFILE,
    CitizenItem,
    ClaimItem,
    MobileClaimItem,
    citizen_key,
    mobile_claim_key,
    national_id_claim_key,
)
from functions.adapters.dynamodb.notification_repository import DynamoNotificationRepository
from functions.adapters.dynamodb.table import TableBinding
from functions.adapters.dynamodb.transactions import failed_conditions
from functions.domain.audit import AuditRecord
from functions.domain.citizen import Citizen, Language
from functions.domain.errors import Conflict, ErrorCode
from functions.domain.identity_numbers import NationalId
from functions.domain.mobile import SaudiMobile
from functions.domain.notification import Notification
from functions.domain.principal import Role
from functions.services.ports import LoginEntry

__all__ = ["DynamoCitizenRepository", "DynamoLoginDirectory"]


class DynamoLoginDirectory:
    def __init__(self, table: TableBinding) -> None:
        self._claims = table.bind(ClaimItem)

    def login_for(self, national_id: NationalId) -> LoginEntry | None:
        try:
            claim = self._claims.get(national_id_claim_key(national_id), CLAIM, consistent_read=True)
        except DoesNotExist:
            return None
        return LoginEntry(user_id=claim.user_id, role=Role(claim.role))


class DynamoCitizenRepository:
    def __init__(
        self,
        table: TableBinding,
        audit: DynamoAuditLog,
        notifications: DynamoNotificationRepository,
    ) -> None:
        self._table = table
        self._citizens = table.bind(CitizenItem)
        self._claims = table.bind(ClaimItem)
        self._mobiles = table.bind(MobileClaimItem)
        self._audit = audit
        self._notifications = notifications

    def get_citizen(self, citizen_id: str) -> Citizen | None:
        try:
            return self._citizens.get(citizen_key(citizen_id), PROFILE).to_domain()
        except DoesNotExist:
            return None

    def find_by_national_id(self, national_id: NationalId) -> Citizen | None:
        try:
            claim = self._claims.get(national_id_claim_key(national_id), CLAIM, consistent_read=True)
        except DoesNotExist:
            return None
        return self.get_citizen(claim.user_id) if claim.role == Role.CITIZEN.value else None

    def records_on(self, mobile: SaudiMobile) -> int:
        try:
            claim = self._mobiles.get(mobile_claim_key(mobile), CLAIM, consistent_read=True)
        except DoesNotExist:
            return 0
        return int(claim.records) if claim.records is not None else 1  # a claim from before numbers were shared

    def create_citizen(
        self, citizen: Citizen, audit: AuditRecord, notification: Notification, records_per_mobile: int = 1
    ) -> None:
        national_id_claim = self._claims(
            pk=national_id_claim_key(citizen.national_id), sk=CLAIM, user_id=citizen.citizen_id, role=Role.CITIZEN.value
        )
        try:
            with TransactWrite(connection=self._table.connection()) as transaction:
                transaction.save(national_id_claim, condition=ClaimItem.pk.does_not_exist())
                transaction.update(
                    self._mobiles(pk=mobile_claim_key(citizen.mobile), sk=CLAIM),
                    actions=[MobileClaimItem.records.add(1), MobileClaimItem.citizens.add({citizen.citizen_id})],
                    condition=MobileClaimItem.pk.does_not_exist() | (MobileClaimItem.records < records_per_mobile),
                )
                transaction.save(self._citizens.from_domain(citizen), condition=CitizenItem.pk.does_not_exist())
                self._audit.add_to(transaction, audit)
                self._notifications.add_to(transaction, notification)
        except TransactWriteError as error:
            if not failed_conditions(error):
                raise
            if self.find_by_national_id(citizen.national_id) is not None:
                raise Conflict(ErrorCode.NATIONAL_ID_TAKEN, field="nationalId") from error
            if self.records_on(citizen.mobile) >= records_per_mobile:
                raise Conflict(ErrorCode.MOBILE_TAKEN, field="mobile") from error
            raise

    def set_language(self, citizen: Citizen, language: Language, audit: AuditRecord) -> None:
        with TransactWrite(connection=self._table.connection()) as transaction:
            transaction.update(
                self._citizens(citizen_key(citizen.citizen_id), PROFILE),
                actions=[CitizenItem.language.set(language.value)],
                condition=CitizenItem.pk.exists(),
            )
            self._audit.add_to(transaction, audit)

    def record_password_reissue(self, citizen: Citizen, audit: AuditRecord, notification: Notification) -> None:
        with TransactWrite(connection=self._table.connection()) as transaction:
            transaction.condition_check(
                self._citizens, citizen_key(citizen.citizen_id), PROFILE, CitizenItem.pk.exists()
            )
            self._audit.add_to(transaction, audit)
            self._notifications.add_to(transaction, notification)
