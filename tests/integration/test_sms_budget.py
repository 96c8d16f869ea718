"""The SMS budget on DynamoDB (in-process moto): the hourly limit per number and the day's quota are
conditions of one transaction, so a refusal counts nothing (and, on DynamoDB, concurrent senders cannot
pass them: moto's transactions are not isolated between threads, so this test sends one at a time)."""

from __future__ import annotations

import uuid

from functions.bootstrap import Container
from functions.domain.sms_budget import DAY_QUOTA_SPENT, NUMBER_LIMIT_SPENT


def test_the_hourly_limit_and_the_days_quota_hold_and_a_refusal_counts_nothing(container: Container) -> None:
    budget = container.adapters.sms_budget
    number, day = f"SMSBUDGET#+9665{uuid.uuid4().int % 10**8:08d}#2026120410", f"SMSBUDGET#DAY#{uuid.uuid4().hex}"
    answers = [budget.take(number, 3, day, 0) for _ in range(12)]
    assert answers.count(None) == 3
    assert set(answers) - {None} == {NUMBER_LIMIT_SPENT}
    other = f"SMSBUDGET#+9665{uuid.uuid4().int % 10**8:08d}#2026120410"
    assert budget.take(other, 3, day, 4) is None  # the day has counted 3 + 1 = 4
    third = f"SMSBUDGET#+9665{uuid.uuid4().int % 10**8:08d}#2026120410"
    assert budget.take(third, 3, day, 4) == DAY_QUOTA_SPENT
    assert budget.take(third, 3, f"SMSBUDGET#DAY#{uuid.uuid4().hex}", 4) is None  # nothing was counted for it
