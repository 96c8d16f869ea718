"""The monitoring office's centre registry: the licensing file, changes with their notices, lists.

A registration claims its licence number (``LICENCE#<number>``) in the same transaction, so two
centres can never hold one licence. A change is written only if the stored centre still has the
status and licence expiry it was read with: of two concurrent changes, one wins.
"""

from __future__ import annotations

from pynamodb.exceptions import DoesNotExist, TransactWriteError
from pynamodb.transactions import TransactWrite

from functions.adapters.dynamodb.audit_log import DynamoAuditLog
from functions.adapters.dynamodb.cursor import decode_cursor, encode_cursor
from functions.adapters.dynamodb.identity_items import CENTRES_PARTITION, CentreItem, centre_key
from functions.adapters.dynamodb.licensing_items import LicenceClaimItem, NoticeItem
from functions.adapters.dynamodb.table import TableBinding
from functions.adapters.dynamodb.transactions import failed_conditions
from functions.domain.audit import AuditRecord
from functions.domain.centre import Centre, CentreStatus
from functions.domain.centre_notice import CentreNotice
from functions.domain.errors import Conflict, ErrorCode
from functions.domain.paging import Page, PageRequest

__all__ = ["DynamoCentreRegistry"]

_CENTRE_POSITION, _CLAIM_POSITION = 0, 1


class DynamoCentreRegistry:
    def __init__(self, table: TableBinding, audit: DynamoAuditLog) -> None:
        self._table = table
        self._centres = table.bind(CentreItem)
        self._notices = table.bind(NoticeItem)
        self._claims = table.bind(LicenceClaimItem)
        self._audit = audit

    def get_centre(self, centre_id: str) -> Centre | None:
        try:
            return self._centres.get(centre_key(centre_id), "CENTRE", consistent_read=True).to_domain()
        except DoesNotExist:
            return None

    def register_centre(self, centre: Centre, audit: AuditRecord, notice: CentreNotice) -> None:
        claim = self._claims(pk=f"LICENCE#{centre.licence_number}", sk="CLAIM", centre_id=centre.centre_id)
        try:
            with TransactWrite(connection=self._table.connection()) as transaction:
                transaction.save(self._centres.from_domain(centre), condition=CentreItem.pk.does_not_exist())
                transaction.save(claim, condition=LicenceClaimItem.pk.does_not_exist())
                transaction.save(self._notices.from_domain(notice))
                self._audit.add_to(transaction, audit)
        except TransactWriteError as error:
            failed = failed_conditions(error)
            if _CENTRE_POSITION in failed:
                raise Conflict(ErrorCode.ALREADY_EXISTS, field="centreId") from error
            if _CLAIM_POSITION in failed:
                raise Conflict(ErrorCode.LICENCE_NUMBER_TAKEN, field="licenceNumber") from error
            raise

    def change_centre(self, centre: Centre, previous: Centre, audit: AuditRecord, notice: CentreNotice) -> None:
        expiry = previous.licence_expires_on
        unchanged = (CentreItem.status == previous.status.value) & (
            CentreItem.licence_expires_on == expiry.isoformat()
            if expiry
            else CentreItem.licence_expires_on.does_not_exist()
        )
        try:
            with TransactWrite(connection=self._table.connection()) as transaction:
                transaction.save(self._centres.from_domain(centre), condition=unchanged)
                transaction.save(self._notices.from_domain(notice))
                self._audit.add_to(transaction, audit)
        except TransactWriteError as error:
            if failed_conditions(error) or error.cause_response_code == "TransactionCanceledException":
                raise Conflict(ErrorCode.CONFLICT) from error
            raise

    def list_centres(self, status: CentreStatus | None, page: PageRequest) -> Page[Centre]:
        start = decode_cursor(page.after, partition_attribute="gsi1pk", partition=CENTRES_PARTITION)
        results = self._centres.gsi1.query(
            CENTRES_PARTITION,
            filter_condition=(CentreItem.status == status.value) if status else None,
            limit=page.size,
            last_evaluated_key=start,
        )
        return Page([item.to_domain() for item in results], encode_cursor(results.last_evaluated_key))

    def list_notices(self, centre_id: str, page: PageRequest) -> Page[CentreNotice]:
        partition = centre_key(centre_id)
        start = decode_cursor(page.after, partition_attribute="pk", partition=partition)
        results = self._notices.query(
            partition,
            NoticeItem.sk.startswith("NOTICE#"),
            limit=page.size,
            last_evaluated_key=start,
            scan_index_forward=False,
        )
        return Page([item.to_domain() for item in results], encode_cursor(results.last_evaluated_key))
