"""Staff accounts and their national-ID login claims."""

from __future__ import annotations

from pynamodb.exceptions import DoesNotExist, TransactWriteError
from pynamodb.transactions import TransactWrite

from functions.adapters.dynamodb.audit_log import DynamoAuditLog
from functions.adapters.dynamodb.identity_items import (
    CLAIM,
    PROFILE,
    ClaimItem,
    StaffItem,
    national_id_claim_key,
    staff_key,
)
from functions.adapters.dynamodb.table import TableBinding
from functions.adapters.dynamodb.transactions import failed_conditions
from functions.domain.audit import AuditRecord
from functions.domain.errors import Conflict, ErrorCode
from functions.domain.staff import AccountStatus, StaffAccount

__all__ = ["DynamoStaffRepository"]


class DynamoStaffRepository:
    def __init__(self, table: TableBinding, audit: DynamoAuditLog) -> None:
        self._table = table
        self._staff = table.bind(StaffItem)
        self._claims = table.bind(ClaimItem)
        self._audit = audit

    def get_staff(self, user_id: str) -> StaffAccount | None:
        try:
            return self._staff.get(staff_key(user_id), PROFILE).to_domain()
        except DoesNotExist:
            return None

    def create_staff(self, staff: StaffAccount, audit: AuditRecord) -> None:
        claim = self._claims(
            pk=national_id_claim_key(staff.national_id), sk=CLAIM, user_id=staff.user_id, role=staff.role.value
        )
        try:
            with TransactWrite(connection=self._table.connection()) as transaction:
                transaction.save(claim, condition=ClaimItem.pk.does_not_exist())
                transaction.save(self._staff.from_domain(staff), condition=StaffItem.pk.does_not_exist())
                self._audit.add_to(transaction, audit)
        except TransactWriteError as error:
            if 0 in failed_conditions(error):
                raise Conflict(ErrorCode.NATIONAL_ID_TAKEN, field="nationalId") from error
            raise

    def set_staff_status(self, staff: StaffAccount, status: AccountStatus, audit: AuditRecord) -> None:
        with TransactWrite(connection=self._table.connection()) as transaction:
            transaction.update(
                self._staff.from_domain(staff),
                actions=[StaffItem.status.set(status.value)],
                condition=StaffItem.pk.exists(),
            )
            self._audit.add_to(transaction, audit)
