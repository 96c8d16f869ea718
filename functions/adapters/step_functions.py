"""The hand-off state machine on Step Functions (infra/statemachines/handoff.asl.json).

One execution per stage of a request's route (``functions/services/route_stages.py``). The execution
input carries ids, codes and each step's receipt wait (its due time in working hours, planned by the
service that starts the stage, see ``functions/services/service_levels.py``): no personal data enters the
state machine's history. Executions are named ``<request id>-<stage>``, so a repeated start is harmless.
The tokens the services hand over to release a wait are sealed (``adapters/task_token_seal.py``): each is
opened here, just for the call.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from botocore.exceptions import ClientError

from functions.adapters.task_token_seal import TaskTokenSeal
from functions.services.request_ports import StageStart

if TYPE_CHECKING:
    from mypy_boto3_stepfunctions import SFNClient

__all__ = ["StepFunctionsWorkflow", "execution_input"]

_STALE_TOKEN = {"TaskTimedOut", "InvalidToken", "TaskDoesNotExist"}


def execution_input(stage: StageStart) -> dict[str, object]:
    return {
        "requestId": stage.request_id,
        "stage": stage.stage,
        "steps": [{"agency": agency, "wait": wait.as_output()} for agency, wait in stage.receipt_waits],
    }


class StepFunctionsWorkflow:
    def __init__(self, client: SFNClient, state_machine_arn: str, tokens: TaskTokenSeal) -> None:
        self._sfn = client
        self._state_machine_arn = state_machine_arn
        self._tokens = tokens

    def start(self, stage: StageStart) -> None:
        try:
            self._sfn.start_execution(
                stateMachineArn=self._state_machine_arn,
                name=stage.execution_name,
                input=json.dumps(execution_input(stage)),
            )
        except ClientError as error:
            if _code(error) != "ExecutionAlreadyExists":
                raise

    def succeed(self, token: str, output: dict[str, str | int]) -> bool:
        try:
            self._sfn.send_task_success(taskToken=self._tokens.open(token), output=json.dumps(output))
        except ClientError as error:
            if _code(error) in _STALE_TOKEN:
                return False
            raise
        return True

    def fail(self, token: str, error: str, cause: str) -> bool:
        try:
            self._sfn.send_task_failure(taskToken=self._tokens.open(token), error=error, cause=cause)
        except ClientError as failure:
            if _code(failure) in _STALE_TOKEN:
                return False
            raise
        return True


def _code(error: ClientError) -> str:
    return str(error.response.get("Error", {}).get("Code", ""))
