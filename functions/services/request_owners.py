"""Who owns a request file in the policy's terms: its citizen, its filing centre, the agencies on it."""

from __future__ import annotations

from functions.domain.policy import Owner
from functions.domain.request import RequestFile

__all__ = ["owners_of"]


def owners_of(file: RequestFile | None) -> Owner:
    """For reading a request or following it: an unknown request has no owner (NOT_FOUND to all but roles
    with ANY scope)."""
    if file is None:
        return Owner()
    return Owner(
        user_id=file.request.citizen_id, centre_id=file.request.centre_id, agency_codes=file.agencies_involved()
    )
