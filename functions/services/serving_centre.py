"""Only an ACTIVE centre with an unexpired licence opens records or files requests."""

from __future__ import annotations

from functions.domain.audit import target
from functions.domain.centre import Centre
from functions.domain.errors import ErrorCode, ValidationFailed
from functions.domain.madinah_time import business_day
from functions.domain.policy import Operation, authorize_serving
from functions.services.authorization import Authorizer
from functions.services.caller import Caller
from functions.services.ports import CentreRepository, Clock

__all__ = ["serving_centre"]


def serving_centre(
    caller: Caller, operation: Operation, *, authorizer: Authorizer, centres: CentreRepository, clock: Clock
) -> Centre:
    """The caller's own centre, after the policy allowed the operation and the licence was checked.

    Both refusals are audited as denials: a suspended centre trying to work is what the monitoring
    office wants to see.
    """
    centre_target = target("centre", caller.principal.centre_id or "-")
    authorizer.authorize(caller, operation, centre_target)
    centre = centres.get_centre(caller.principal.centre_id or "")
    try:
        authorize_serving(operation, centre, business_day(clock.now()))
    except ValidationFailed as refusal:
        authorizer.refused(caller, operation, centre_target, refusal)
        raise
    if centre is None:
        raise ValidationFailed(ErrorCode.CENTRE_INACTIVE)
    return centre
