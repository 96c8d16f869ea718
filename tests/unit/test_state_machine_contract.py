"""The hand-off state machine's contract (RELIABILITY SFN-07): names, timeouts, no personal data."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from functions.adapters.step_functions import execution_input
from functions.domain import workflow_errors
from functions.local.provision import Templates
from functions.services.request_ports import StageStart
from functions.services.service_levels import Wait
from functions.services.task_release import CANCELLED_ERROR, REJECTED_ERROR, RETURNED_ERROR

ROOT = Path(__file__).resolve().parents[2]
MACHINES = sorted((ROOT / "infra" / "statemachines").glob("*.asl.json"))


def states_of(definition: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    found = []
    for name, state in definition["States"].items():
        found.append((name, state))
        processor = state.get("ItemProcessor") or state.get("Iterator")
        if processor:
            found.extend(states_of(processor))
        for branch in state.get("Branches", []):
            found.extend(states_of(branch))
    return found


def names_caught_or_thrown(definition: dict[str, Any]) -> set[str]:
    names = set()
    for _, state in states_of(definition):
        for clause in state.get("Catch", []) + state.get("Retry", []):
            names |= set(clause["ErrorEquals"])
        if state["Type"] == "Fail":
            names.add(state["Error"])
    return names


@pytest.fixture(params=MACHINES, ids=lambda p: p.name)
def definition(request: pytest.FixtureRequest) -> dict[str, Any]:
    return dict(json.loads(Path(request.param).read_text()))


def test_every_error_name_is_a_built_in_or_a_workflow_error_class(definition: dict[str, Any]) -> None:
    custom = {name for name in names_caught_or_thrown(definition) if not name.startswith("States.")}
    assert custom
    classes = {
        cls.__name__
        for cls in vars(workflow_errors).values()
        if isinstance(cls, type) and issubclass(cls, workflow_errors.WorkflowError)
    }
    assert custom <= classes


def test_the_errors_the_services_send_are_caught(definition: dict[str, Any]) -> None:
    assert {REJECTED_ERROR, CANCELLED_ERROR, RETURNED_ERROR} <= names_caught_or_thrown(definition)


def test_every_task_is_bounded_in_time(definition: dict[str, Any]) -> None:
    tasks = [(name, state) for name, state in states_of(definition) if state["Type"] == "Task"]
    assert tasks
    for name, state in tasks:
        assert "TimeoutSeconds" in state or "TimeoutSecondsPath" in state, name


def test_every_wait_for_a_token_times_out_and_its_timeout_is_handled(definition: dict[str, Any]) -> None:
    waits = [(n, s) for n, s in states_of(definition) if str(s.get("Resource", "")).endswith(".waitForTaskToken")]
    assert waits
    for name, state in waits:
        assert state.get("TimeoutSecondsPath") or state.get("TimeoutSeconds"), name
        assert any("States.Timeout" in c["ErrorEquals"] for c in state.get("Catch", [])), name


def test_hand_off_messages_carry_the_agency_attribute(definition: dict[str, Any]) -> None:
    waits = [s for _, s in states_of(definition) if str(s.get("Resource", "")).endswith(".waitForTaskToken")]
    for state in waits:
        assert state["Parameters"]["MessageAttributes"]["agency"]["StringValue.$"] == "$.agency"
        assert state["Parameters"]["TopicArn"] == {"Ref": "HandoffsTopic"}


def test_the_state_machines_serverless_deploys_are_the_files_here() -> None:
    deployed = {name for name, _ in Templates.load().state_machines().values()}
    assert len(deployed) == len(MACHINES)


def test_the_execution_input_is_ids_codes_and_the_receipt_waits_only() -> None:
    """No personal data: one stage's request id, number, and each step's agency and receipt wait."""
    from datetime import UTC, datetime

    due = datetime(2026, 12, 6, 9, 0, tzinfo=UTC)
    stage = StageStart("r-1", 2, (("MUNICIPALITY", Wait(due, 3600)), ("CIVIL-DEFENCE", Wait(due, 7200))))
    payload = execution_input(stage)
    assert stage.execution_name == "r-1-2"
    assert payload == {
        "requestId": "r-1",
        "stage": 2,
        "steps": [
            {"agency": "MUNICIPALITY", "wait": {"dueAt": "2026-12-06T09:00:00+00:00", "waitSeconds": 3600}},
            {"agency": "CIVIL-DEFENCE", "wait": {"dueAt": "2026-12-06T09:00:00+00:00", "waitSeconds": 7200}},
        ],
    }


def test_every_wait_is_bounded_by_a_planned_due_time_never_a_fixed_number_of_seconds(
    definition: dict[str, Any],
) -> None:
    waits = {n: s for n, s in states_of(definition) if str(s.get("Resource", "")).endswith(".waitForTaskToken")}
    awaits = {name: state for name, state in waits.items() if name.startswith("Await")}
    assert set(awaits) == {"AwaitReceipt", "AwaitCompletion", "AwaitResubmission"}
    for name, state in awaits.items():
        assert "TimeoutSeconds" not in state, name
        assert state["TimeoutSecondsPath"] == "$.wait.seconds", name
    # every receipt wait is planned first: by the stage's starter (its input), after a breach, after a resubmission
    states = dict(states_of(definition))
    assert states["PlanReceipt"]["Next"] == "AwaitReceipt"
    assert states["EscalateReceipt"]["Next"] == "PlanReceipt"
    assert states["AwaitResubmission"]["Next"] == "PlanReceipt"
    assert states["PlanResubmission"]["Next"] == "AwaitResubmission"
    assert states["PlanResubmission"]["ResultPath"] == "$.wait"
    assert states["EscalateProcessing"]["Next"] == "PlanCompletion"
    assert states["PlanCompletion"]["Next"] == "AwaitCompletion"
    for plan in ("PlanReceipt", "PlanCompletion"):
        assert states[plan]["Parameters"]["Message"]["event"] == "PLAN_WAIT"
        assert states[plan]["ResultPath"] == "$.wait"


def test_a_completed_step_ends_at_its_wait_and_a_return_plans_the_resubmission(definition: dict[str, Any]) -> None:
    """The happy path of a step is two states (receipt, completion), after the stage's map: each transition
    is billed. The stage is the execution (no route map), and its first receipt wait comes planned."""
    states = dict(states_of(definition))
    assert definition["StartAt"] == "Stage"
    assert states["Stage"]["Type"] == "Map"
    assert states["Stage"]["ItemSelector"]["wait"] == {  # $.wait, as the releases' ResultSelector makes it
        "dueAt.$": "$$.Map.Item.Value.wait.dueAt",
        "seconds.$": "$$.Map.Item.Value.wait.waitSeconds",
    }
    assert states["Stage"]["ItemProcessor"]["StartAt"] == "AwaitReceipt"
    assert not [name for name, state in states.items() if state["Type"] == "Map" and name != "Stage"]
    assert states["AwaitReceipt"]["Next"] == "AwaitCompletion"
    assert states["AwaitCompletion"].get("End") is True
    step = dict(states_of(definition["States"]["Stage"]["ItemProcessor"]))
    assert not [name for name, state in step.items() if state["Type"] in {"Choice", "Succeed", "Pass"}]
    returned = next(c for c in states["AwaitCompletion"]["Catch"] if c["ErrorEquals"] == [RETURNED_ERROR])
    assert returned["Next"] == "PlanResubmission"
    assert states["PlanResubmission"]["Parameters"]["Message"]["event"] == "PLAN_RESUBMISSION"
