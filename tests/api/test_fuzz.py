"""FUZZ-01/02 in CI: a bounded run of generated operations (tests/support/fuzzing.py) as every role:
one for each root field and client document, in each way that applies.

A new crash (HTTP 5xx, or a masked ``INTERNAL_ERROR``) fails this test, and Hypothesis shrinks it to
the smallest operation that still crashes. ``make fuzz`` sends 10,000 (docs/hardening.md).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from functions.bootstrap import Settings, build_container
from functions.local.export_schema import sdl
from functions.local.provision import ProvisionedStack
from tests.support.fuzzing import KINDS, Case, FuzzTarget, Tally, run_targets, targets

SDL = sdl()
PER_TARGET = 2  # Hypothesis's simplest case of each, and one more: about 520 operations, about 15 s


@pytest.fixture(scope="module")
def target(stack: ProvisionedStack) -> Iterator[FuzzTarget]:
    fuzz = FuzzTarget(build_container(Settings.from_environ(stack.environment)))
    yield fuzz
    fuzz.close()


def test_no_generated_operation_crashes_the_server(target: FuzzTarget) -> None:
    tally = Tally()
    found = targets(target.schema, SDL)

    def send(case: Case) -> None:
        outcome = target.send(case)
        tally.add(case, outcome)
        assert not outcome.crashed, (case, outcome.status, outcome.body[:2000])

    run_targets(found, PER_TARGET * len(found), send)
    assert tally.operations >= len(found)  # every root field and client document, each way that applies
    assert set(tally.by_kind) == set(KINDS)
    assert set(tally.by_code) - {"(none)"}  # and some were refused with a code: the run reached the checks
