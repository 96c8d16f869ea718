"""The hand-off state machine's contract (RELIABILITY SFN-07): names, timeouts, no personal data."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from functions.adapters.step_functions import execution_input
from functions.domain import workflow_errors
from functions.local.provision import Templates
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


def test_the_execution_input_is_ids_and_codes_only() -> None:
    """No personal data, and no wait's length: each wait's due time is planned when it starts."""
    from functions.local.seeding import SeedCatalogue

    service = next(s for s in SeedCatalogue.load().services if s.code == "SHOP-LICENCE")
    request = _request_for(service)
    payload = execution_input(request)
    assert set(payload) == {"requestId", "stages"}
    flat = json.dumps(payload)
    assert request.citizen_id not in flat
    assert "+966" not in flat
    assert payload["stages"] == [
        {"stage": 1, "steps": [{"agency": "COMMERCE"}]},
        {"stage": 2, "steps": [{"agency": "MUNICIPALITY"}, {"agency": "CIVIL-DEFENCE"}]},
    ]


def test_every_wait_is_bounded_by_a_planned_due_time_never_a_fixed_number_of_seconds(
    definition: dict[str, Any],
) -> None:
    waits = {n: s for n, s in states_of(definition) if str(s.get("Resource", "")).endswith(".waitForTaskToken")}
    awaits = {name: state for name, state in waits.items() if name.startswith("Await")}
    assert set(awaits) == {"AwaitReceipt", "AwaitCompletion", "AwaitResubmission"}
    for name, state in awaits.items():
        assert "TimeoutSeconds" not in state, name
        assert state["TimeoutSecondsPath"] == "$.wait.seconds", name
    # every receipt wait is planned first: at a stage's start, after a breach, after a resubmission
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


def _request_for(service: Any) -> Any:
    from datetime import UTC, datetime

    from functions.domain.money import Money
    from functions.domain.request import PaymentMethod, RequestStatus, ServiceRequest

    now = datetime.now(UTC)
    return ServiceRequest(
        request_id="r-1",
        tracking_number="MED-2611-000001",
        pin_hash="h",
        citizen_id="citizen-xyz",
        service_code=service.code,
        centre_id="MED-C01",
        operator_id="op",
        answers={},
        documents=(),
        identity_document="NATIONAL_ID_CARD:2030-01-01",
        fee=service.fee,
        service_charge=Money(2500),
        payment_method=PaymentMethod.CASH,
        receipt_number="R-1",
        route=service.stages,
        status=RequestStatus.SUBMITTED,
        version=1,
        created_at=now,
        updated_at=now,
        fingerprint="f",
        citizen_masked_mobile="+9665*****78",
    )


def test_a_completed_step_ends_at_its_wait_and_a_return_plans_the_resubmission(definition: dict[str, Any]) -> None:
    """The happy path of a step is three states (plan, receipt, completion): each transition is billed."""
    states = dict(states_of(definition))
    assert states["AwaitReceipt"]["Next"] == "AwaitCompletion"
    assert states["AwaitCompletion"].get("End") is True
    step = dict(states_of(definition["States"]["Route"]["ItemProcessor"]["States"]["Stage"]["ItemProcessor"]))
    assert not [name for name, state in step.items() if state["Type"] in {"Choice", "Succeed", "Pass"}]
    returned = next(c for c in states["AwaitCompletion"]["Catch"] if c["ErrorEquals"] == [RETURNED_ERROR])
    assert returned["Next"] == "PlanResubmission"
    assert states["PlanResubmission"]["Parameters"]["Message"]["event"] == "PLAN_RESUBMISSION"
