"""AUTH-04 and AUTH-09 on in-memory fakes: failed attempts make the next one wait, per source and per
national ID, doubling up to a ceiling; a stranger's guesses never keep the real person out at the
counter; a refused attempt costs no call to Cognito."""

from __future__ import annotations

from datetime import timedelta

import pytest

from functions.domain.calendar_dates import DateEntry
from functions.domain.citizen import IdentityDocumentType
from functions.domain.errors import ErrorCode, ValidationFailed
from functions.domain.identity_numbers import luhn_valid
from functions.domain.principal import ANONYMOUS
from functions.domain.throttling import ACCOUNT, SOURCE, TRACKING_NUMBER, TryLater
from functions.services.caller import Caller
from functions.services.citizen_records import EvidenceForm
from tests.fakes.identity import TODAY, IdentityWorld
from tests.unit.test_identity_use_cases import NATIONAL_ID, OPERATOR, form

COUNTER = "192.0.2.10"  # the centre where the record was opened
PASSWORD = "my own long password"


def from_(source: str) -> Caller:
    return Caller(ANONYMOUS, "c", source=source)


def signed_up(world: IdentityWorld) -> None:
    """A record opened at the counter, the citizen's own password set there."""
    opened = world.records.open_citizen_record(OPERATOR.__class__(OPERATOR.principal, "c", source=COUNTER), form())
    challenge = world.sign_in.sign_in(from_(COUNTER), NATIONAL_ID, opened.temporary_password)
    world.sign_in.complete_new_password(from_(COUNTER), NATIONAL_ID, challenge.session, PASSWORD)  # type: ignore[union-attr]


def fail(world: IdentityWorld, caller: Caller, national_id: str = NATIONAL_ID) -> ErrorCode:
    """A wrong password, answered SIGN_IN_FAILED; a delayed attempt raises its TryLater."""
    with pytest.raises(ValidationFailed) as refused:
        world.sign_in.sign_in(caller, national_id, "a wrong guess!!")
    if isinstance(refused.value, TryLater):
        raise refused.value
    return refused.value.code


def test_a_strangers_wrong_passwords_never_keep_the_real_person_out_at_the_counter() -> None:
    """AUTH-09: 50 guesses from 50 addresses; the person still signs in at once where their record was opened."""
    world = IdentityWorld()
    signed_up(world)
    refused = 0
    for guesser in range(50):
        try:
            fail(world, from_(f"203.0.113.{guesser}"))
        except TryLater:
            refused += 1
        world.clock.at += timedelta(minutes=1)
    assert refused > 30  # the guesser waits ever longer...
    assert world.sign_in.sign_in(from_(COUNTER), NATIONAL_ID, PASSWORD)  # ...the person at the counter does not


def test_guesses_from_many_addresses_make_the_id_wait_longer_and_longer_without_asking_cognito() -> None:
    """AUTH-04: one account, 50 addresses: five free failures, then each try waits 1 s, 2 s, 4 s..."""
    world = IdentityWorld()
    signed_up(world)
    waits = []
    for guesser in range(50):
        caller = from_(f"203.0.113.{guesser}")
        try:
            fail(world, caller)
        except TryLater as delayed:
            waits.append(delayed.retry_after - world.clock.now())
            asked = world.cognito.sign_in_calls
            world.clock.at = delayed.retry_after
            assert world.cognito.sign_in_calls == asked  # refused before Cognito was asked
            fail(world, caller)
    assert waits[:4] == [timedelta(seconds=s) for s in (1, 2, 4, 8)]
    assert max(waits) == ACCOUNT.ceiling
    with pytest.raises(TryLater):  # even the right password, from where the person never signed in
        world.sign_in.sign_in(from_("198.51.100.1"), NATIONAL_ID, PASSWORD)


def test_one_address_guessing_many_ids_waits_after_thirty_failures() -> None:
    world = IdentityWorld()
    spraying = from_("203.0.113.66")
    ids = [n for n in (f"10000{i:04d}{d}" for i in range(40) for d in "0123456789") if luhn_valid(n)][:40]
    codes = []
    for national_id in ids:
        try:
            codes.append(fail(world, spraying, national_id))
        except TryLater as delayed:
            codes.append(delayed.code)
            world.clock.at = delayed.retry_after
    assert codes[: SOURCE.free_failures] == [ErrorCode.SIGN_IN_FAILED] * SOURCE.free_failures
    assert codes[SOURCE.free_failures] is ErrorCode.TOO_MANY_ATTEMPTS
    with pytest.raises(TryLater) as other:  # the address waits whatever it tries next
        world.tracking.track(spraying, "MED-2611-000001", "123456")
    assert other.value.code is ErrorCode.TOO_MANY_ATTEMPTS


def test_an_unknown_id_is_delayed_exactly_like_a_known_one() -> None:
    world = IdentityWorld()
    signed_up(world)
    outcomes = {}
    for national_id in (NATIONAL_ID, "2000000006"):
        for _ in range(ACCOUNT.free_failures):
            fail(world, from_("203.0.113.5"), national_id)
        with pytest.raises(TryLater) as delayed:
            fail(world, from_("203.0.113.6"), national_id)
        outcomes[national_id] = (delayed.value.code, delayed.value.retry_after - world.clock.now())
    assert outcomes[NATIONAL_ID] == outcomes["2000000006"]


def test_failures_are_forgotten_after_the_window_and_a_sign_in_trusts_its_address() -> None:
    world = IdentityWorld()
    signed_up(world)
    home = from_("198.51.100.20")
    for _ in range(ACCOUNT.free_failures):
        fail(world, from_("203.0.113.5"))
    with pytest.raises(TryLater):
        world.sign_in.sign_in(home, NATIONAL_ID, PASSWORD)
    world.clock.at += ACCOUNT.window + timedelta(seconds=1)
    assert world.sign_in.sign_in(home, NATIONAL_ID, PASSWORD)
    for _ in range(ACCOUNT.free_failures + 3):
        try:
            fail(world, from_("203.0.113.5"))
        except TryLater as delayed:
            world.clock.at = delayed.retry_after
            fail(world, from_("203.0.113.5"))
    with pytest.raises(TryLater):  # the ID waits...
        world.sign_in.sign_in(from_("198.51.100.21"), NATIONAL_ID, PASSWORD)
    assert world.sign_in.sign_in(home, NATIONAL_ID, PASSWORD)  # ...but not at home: home is the account's own now


def test_refused_reissues_count_against_the_operators_address() -> None:
    world = IdentityWorld()
    world.records.open_citizen_record(OPERATOR, form())
    desk = OPERATOR.__class__(OPERATOR.principal, "c", source="192.0.2.99")
    wrong = EvidenceForm(
        IdentityDocumentType.NATIONAL_ID_CARD, "2000000006", DateEntry.gregorian(TODAY + timedelta(days=9))
    )
    for _ in range(SOURCE.free_failures):
        with pytest.raises(ValidationFailed):
            world.records.reissue_temporary_password(desk, NATIONAL_ID, wrong)
    with pytest.raises(TryLater) as delayed:
        world.records.reissue_temporary_password(desk, NATIONAL_ID, wrong)
    assert delayed.value.code is ErrorCode.TOO_MANY_ATTEMPTS


def test_the_policies_in_numbers() -> None:
    """docs/identity-and-access.md states these; change both together."""
    assert (SOURCE.free_failures, SOURCE.first_delay, SOURCE.ceiling) == (
        30,
        timedelta(seconds=1),
        timedelta(minutes=15),
    )
    assert (ACCOUNT.free_failures, ACCOUNT.first_delay, ACCOUNT.ceiling) == (
        5,
        timedelta(seconds=1),
        timedelta(minutes=15),
    )
    assert [TRACKING_NUMBER.delay_after(n) for n in (4, 5, 9)] == [timedelta(0)] + [timedelta(minutes=15)] * 2
    assert ACCOUNT.window == SOURCE.window == timedelta(minutes=15)
