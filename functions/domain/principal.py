"""Who is asking: taken from a verified access token, never from arguments or headers."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = ["ANONYMOUS", "Principal", "Role"]


class Role(StrEnum):
    """The Cognito groups that carry a role (a user is in exactly one)."""

    CITIZEN = "citizen"
    CENTRE_OPERATOR = "center-operator"
    AGENCY_OFFICER = "agency-officer"
    MONITOR = "monitor"
    ADMIN = "admin"
    ANONYMOUS = "anonymous"
    SYSTEM = "system"
    """The state machine and scheduled jobs, as they appear in history and audit records."""


CENTRE_GROUP_PREFIX = "centre:"
AGENCY_GROUP_PREFIX = "agency:"


@dataclass(frozen=True)
class Principal:
    user_id: str
    role: Role
    centre_id: str | None = None
    agency_code: str | None = None

    @property
    def signed_in(self) -> bool:
        return self.role is not Role.ANONYMOUS

    @property
    def tenant(self) -> str | None:
        return self.centre_id or self.agency_code

    @classmethod
    def from_groups(cls, user_id: str, groups: list[str]) -> Principal | None:
        """The principal a token's ``cognito:groups`` describe, or None when they are inconsistent."""
        roles = [Role(group) for group in groups if group in _ROLE_GROUPS]
        centres = [g.removeprefix(CENTRE_GROUP_PREFIX) for g in groups if g.startswith(CENTRE_GROUP_PREFIX)]
        agencies = [g.removeprefix(AGENCY_GROUP_PREFIX) for g in groups if g.startswith(AGENCY_GROUP_PREFIX)]
        if len(roles) != 1 or len(centres) > 1 or len(agencies) > 1:
            return None
        role = roles[0]
        if (role is Role.CENTRE_OPERATOR) != bool(centres) or (role is Role.AGENCY_OFFICER) != bool(agencies):
            return None
        return cls(user_id, role, centres[0] if centres else None, agencies[0] if agencies else None)


_ROLE_GROUPS = {role.value for role in Role if role not in {Role.ANONYMOUS, Role.SYSTEM}}

ANONYMOUS = Principal(user_id="anonymous", role=Role.ANONYMOUS)
