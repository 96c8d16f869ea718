"""Audit records in the audit table: by target (``pk``) and by actor (``gsi1``), in time order (``sk``)."""

from __future__ import annotations

from typing import Any

from pynamodb.attributes import MapAttribute, UnicodeAttribute, UTCDateTimeAttribute
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex
from pynamodb.models import Model

from functions.domain.audit import AuditRecord, Outcome

__all__ = ["AuditItem"]


class ByActor(GlobalSecondaryIndex[Any]):
    class Meta:
        index_name = "gsi1"
        projection = AllProjection()

    gsi1pk = UnicodeAttribute(hash_key=True)
    sk = UnicodeAttribute(range_key=True)


class AuditItem(Model):
    class Meta:
        table_name: str | None = None

    pk = UnicodeAttribute(hash_key=True)
    sk = UnicodeAttribute(range_key=True)
    gsi1pk = UnicodeAttribute()
    at = UTCDateTimeAttribute()
    role = UnicodeAttribute()
    tenant = UnicodeAttribute(null=True)
    action = UnicodeAttribute()
    outcome = UnicodeAttribute()
    correlation_id = UnicodeAttribute()
    details = MapAttribute[str, str](default=dict)

    by_actor = ByActor()

    @classmethod
    def from_domain(cls, record: AuditRecord) -> AuditItem:
        return cls(
            pk=record.target,
            sk=f"{record.at.isoformat()}#{record.record_id}",
            gsi1pk=record.actor,
            at=record.at,
            role=record.role,
            tenant=record.tenant,
            action=record.action,
            outcome=record.outcome.value,
            correlation_id=record.correlation_id,
            details=dict(record.details),
        )

    def to_domain(self) -> AuditRecord:
        return AuditRecord(
            record_id=self.sk.rsplit("#", 1)[1],
            at=self.at,
            actor=self.gsi1pk,
            role=self.role,
            tenant=self.tenant,
            action=self.action,
            target=self.pk,
            outcome=Outcome(self.outcome),
            correlation_id=self.correlation_id,
            details=dict(self.details.as_dict() if hasattr(self.details, "as_dict") else self.details),
        )
