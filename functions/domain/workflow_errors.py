"""The errors the hand-off state machine catches, by name (its ``ErrorEquals`` and ``Fail`` states).

A wait is failed with one of these names through ``SendTaskFailure``; the state machine's ``Catch``
clauses match them by name, so the names are a contract: tests/unit/test_state_machine_contract.py
checks that every name in infra/statemachines is either a Step Functions built-in or a class here.
"""

from __future__ import annotations

__all__ = ["RequestCancelled", "RequestRejected", "RequestReturned", "ResubmissionExpired", "WorkflowError"]


class WorkflowError(Exception):
    """Base of the errors that end a hand-off route."""

    @classmethod
    def error_name(cls) -> str:
        return cls.__name__


class RequestRejected(WorkflowError):
    """An agency rejected the request: the route ends."""


class RequestReturned(WorkflowError):
    """An agency returned the file to the centre for missing items: the step waits for the resubmission.

    Sent as a failure (not a success with an outcome) so that a completed step ends at its wait, with no
    state to tell the two apart: two fewer state transitions per step on the happy path. The state machine
    then plans the centre's window to resubmit (``PlanResubmission``)."""


class RequestCancelled(WorkflowError):
    """The centre cancelled the request (or it closed) while a wait was open: the route ends."""


class ResubmissionExpired(WorkflowError):
    """A return for missing items was never answered: the request expires."""
