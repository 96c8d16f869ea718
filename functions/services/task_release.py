"""Telling the state machine about a hand-off's receipt and decision, through its task tokens.

A hand-off needs two things before the state machine can move on: the decision (made by an officer or
the centre) and the token of the wait (brought by the handoffs consumer). Whichever of the two is
recorded second releases the wait, after its own change committed. A token that is no longer waited on
(the wait timed out and was escalated) is harmless: the state machine publishes a fresh token, and the
consumer releases with it.

A release that starts the next wait carries it (``{"dueAt", "waitSeconds"}``): the acknowledgement
starts the processing wait (due from the acknowledgement, in working hours); a return fails the wait with
``RequestReturned``, and the state machine then plans the centre's window to resubmit
(``PLAN_RESUBMISSION``, answered by the handoffs consumer). The planning callbacks are answered here too.
"""

from __future__ import annotations

import logging

from functions.domain.request import Decision, Handoff, HandoffStatus
from functions.domain.workflow_errors import RequestCancelled, RequestRejected, RequestReturned
from functions.services.request_ports import Workflow
from functions.services.service_levels import ServiceLevels, Wait

__all__ = ["CANCELLED_ERROR", "RECEIPT", "REJECTED_ERROR", "RETURNED_ERROR", "TaskRelease"]

logger = logging.getLogger("shubbak.workflow")

RECEIPT = "RECEIPT"
REJECTED_ERROR = RequestRejected.error_name()
RETURNED_ERROR = RequestReturned.error_name()
CANCELLED_ERROR = RequestCancelled.error_name()


class TaskRelease:
    def __init__(self, workflow: Workflow, levels: ServiceLevels) -> None:
        self._workflow = workflow
        self._levels = levels

    @staticmethod
    def decision_token(handoff: Handoff) -> str | None:
        """The wait a decision answers: processing once received, otherwise still the receipt."""
        return handoff.completion_token if handoff.receipt_released else handoff.receipt_token

    def release_receipt(self, handoff: Handoff) -> None:
        """Received: the processing wait starts, due at ``handoff.due_at`` (set at the acknowledgement)."""
        if handoff.receipt_token and handoff.status is not HandoffStatus.FORWARDED:
            wait = self._levels.wait_until(handoff.due_at)
            self._log(self._workflow.succeed(handoff.receipt_token, wait.as_output()), handoff, RECEIPT)

    def release_decision(self, handoff: Handoff) -> None:
        token = self.decision_token(handoff)
        if token is None or handoff.decision is None:
            return
        if handoff.decision is Decision.COMPLETED:
            released = self._workflow.succeed(token, {"outcome": handoff.decision.value})
        elif handoff.decision is Decision.RETURNED:
            released = self._workflow.fail(token, RETURNED_ERROR, "returned to the centre for missing items")
        elif handoff.decision is Decision.REJECTED:
            released = self._workflow.fail(token, REJECTED_ERROR, "rejected by the agency")
        else:
            released = self._workflow.fail(token, CANCELLED_ERROR, "cancelled by the centre")
        self._log(released, handoff, handoff.decision.value)

    def release_resubmission(self, handoff: Handoff) -> None:
        if handoff.resubmission_token:
            self._log(self._workflow.succeed(handoff.resubmission_token, {}), handoff, "RESUBMISSION")

    def answer_plan(self, token: str, wait: Wait) -> None:
        if not self._workflow.succeed(token, wait.as_output()):
            logger.info("a planning token no longer waited on (answered already, or asked again)")

    def cancel(self, token: str) -> None:
        self._workflow.fail(token, CANCELLED_ERROR, "the request is closed")

    @staticmethod
    def _log(released: bool, handoff: Handoff, phase: str) -> None:
        if not released:
            logger.info(
                "token of %s for request %s stage %s (%s) no longer waited on; a fresh one will be released",
                phase,
                handoff.request_id,
                handoff.stage,
                handoff.agency_code,
            )
