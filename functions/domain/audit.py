"""The audit trail: one append-only record per mutation (allowed or denied) and per audited look-up."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from functions.domain.principal import Principal

__all__ = ["AuditRecord", "Outcome", "target"]


class Outcome(StrEnum):
    ALLOWED = "ALLOWED"
    DENIED = "DENIED"
    REFUSED = "REFUSED"


def target(kind: str, identifier: str) -> str:
    """Targets read as ``kind:id``, e.g. ``citizen:4f2c…``, ``centre:MED-C01``, ``service:SHOP-LICENCE``."""
    return f"{kind}:{identifier}"


@dataclass(frozen=True)
class AuditRecord:
    record_id: str
    at: datetime
    actor: str
    role: str
    tenant: str | None
    action: str
    target: str
    outcome: Outcome
    correlation_id: str
    details: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(
        cls,
        *,
        record_id: str,
        at: datetime,
        principal: Principal,
        action: str,
        target: str,
        outcome: Outcome,
        correlation_id: str,
        details: dict[str, str] | None = None,
    ) -> AuditRecord:
        return cls(
            record_id=record_id,
            at=at,
            actor=principal.user_id,
            role=principal.role.value,
            tenant=principal.tenant,
            action=action,
            target=target,
            outcome=outcome,
            correlation_id=correlation_id,
            details=details or {},
        )
