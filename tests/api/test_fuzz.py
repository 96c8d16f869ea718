"""FUZZ-01/02 in CI: a bounded run of generated operations (tests/support/fuzzing.py) as every role.

A new crash (HTTP 5xx, or a masked ``INTERNAL_ERROR``) fails this test, and Hypothesis shrinks it to
the smallest operation that still crashes. ``make fuzz`` sends 10,000 (docs/hardening.md).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings

from functions.bootstrap import Settings, build_container
from functions.local.export_schema import sdl
from functions.local.provision import ProvisionedStack
from tests.support.fuzzing import Case, FuzzTarget, Tally, cases

SDL = sdl()
BOUNDED_RUN = 300


@pytest.fixture(scope="module")
def target(stack: ProvisionedStack) -> Iterator[FuzzTarget]:
    fuzz = FuzzTarget(build_container(Settings.from_environ(stack.environment)))
    yield fuzz
    fuzz.close()


def test_no_generated_operation_crashes_the_server(target: FuzzTarget) -> None:
    tally = Tally()
    schema = target.schema

    @settings(
        max_examples=BOUNDED_RUN,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(cases(schema, SDL))
    def operation(case: Case) -> None:
        outcome = target.send(case)
        tally.add(case, outcome)
        assert not outcome.crashed, (case, outcome.status, outcome.body[:2000])

    operation()
    assert tally.operations >= BOUNDED_RUN
    assert len(tally.by_kind) == 3  # every kind of operation was sent
    assert set(tally.by_code) - {"(none)"}  # and some were refused with a code: the run reached the checks
