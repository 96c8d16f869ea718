"""Who calls a use case and under which correlation id (for the audit trail and the logs)."""

from __future__ import annotations

from dataclasses import dataclass, field

from functions.domain.principal import ANONYMOUS, Principal, Role

__all__ = ["SYSTEM", "Caller"]


@dataclass(frozen=True)
class Caller:
    principal: Principal
    correlation_id: str
    session: str | None = field(default=None, repr=False, compare=False)
    """The access token an API caller signed in with, confirmed with Cognito before a high-risk
    operation (``HIGH_RISK`` in the policy); None for in-process callers (the seed, jobs)."""

    source: str | None = field(default=None, compare=False)
    """Where an API call came from (the client address API Gateway reports, or the dev server's peer),
    for the per-source limits of the sensitive operations; None for in-process callers."""

    @classmethod
    def anonymous(cls, correlation_id: str) -> Caller:
        return cls(ANONYMOUS, correlation_id)


SYSTEM = Caller(Principal(user_id="system", role=Role.ADMIN), correlation_id="system")
"""The local seed and other trusted jobs: an administrator that is not a person."""
