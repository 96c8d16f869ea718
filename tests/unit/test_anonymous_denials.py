"""Issue 14, item 6: refused anonymous calls do not flood the audit trail. A fuzzer's 4,600 refused calls
leave one sampled record per operation and code per hour (append-only: each written once, never
updated), every refusal still in the log; a signed-in caller's denial is still one record each."""

from __future__ import annotations

import logging
from datetime import timedelta

import pytest

from functions.domain.audit import Outcome
from functions.domain.errors import DomainError
from functions.domain.policy import Operation
from functions.domain.principal import ANONYMOUS, Principal, Role
from functions.services.caller import Caller
from tests.fakes.identity import IdentityWorld

OPERATIONS = [Operation.READ_CENTRE, Operation.LOOK_UP_CITIZEN, Operation.SUBMIT_SERVICE_REQUEST]


def refuse(world: IdentityWorld, caller: Caller, operation: Operation, subject: str) -> None:
    with pytest.raises(DomainError):
        world.authorizer.authorize(caller, operation, subject)


def test_a_fuzzers_thousands_of_anonymous_refusals_leave_one_sample_per_operation_and_hour(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, logger="shubbak.audit")
    world = IdentityWorld()
    for n in range(4_600):
        refuse(world, Caller(ANONYMOUS, f"fuzz-{n}"), OPERATIONS[n % 3], f"centre:{'x' * (n % 3000)}")
    samples = [r for r in world.log.records if r.outcome is Outcome.DENIED]
    assert len(samples) == 3
    assert {(r.action, r.target, r.details["code"]) for r in samples} == {
        (op.value, f"anonymous:{op.value}", "UNAUTHENTICATED") for op in OPERATIONS
    }
    assert all(r.details["firstAt"] for r in samples)  # when the hour's first one came
    assert len([m for m in caplog.messages if m.startswith("anonymous ")]) == 4_600

    world.clock.at += timedelta(hours=1)
    refuse(world, Caller(ANONYMOUS, "next-hour"), Operation.READ_CENTRE, "centre:y")
    assert len([r for r in world.log.records if r.outcome is Outcome.DENIED]) == 4


def test_a_signed_in_callers_every_denial_is_still_its_own_record() -> None:
    world = IdentityWorld()
    citizen = Caller(Principal("citizen-1", Role.CITIZEN), "c")
    for n in range(3):
        refuse(world, citizen, Operation.READ_CENTRE, f"centre:MED-C0{n}")
    assert [r.target for r in world.log.records] == ["centre:MED-C00", "centre:MED-C01", "centre:MED-C02"]
