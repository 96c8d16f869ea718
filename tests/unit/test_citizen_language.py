"""The citizen's SMS language: chosen at the centre, changed by the citizen alone (audited), and the next
SMS comes in it, with the centre's name in the script its readers read."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from functions.domain.audit import Outcome
from functions.domain.calendar_dates import DateEntry
from functions.domain.citizen import Citizen, IdentityDocumentType, Language
from functions.domain.errors import DomainError, Forbidden, Unauthenticated
from functions.domain.principal import ANONYMOUS, Principal, Role
from functions.domain.sms import SmsTemplate, render
from functions.services.caller import Caller
from functions.services.citizen_records import EvidenceForm
from tests.fakes.identity import TODAY, IdentityWorld
from tests.unit.test_identity_use_cases import MONITOR, NATIONAL_ID, OPERATOR, form

ARABIC_NAME, LATIN_NAME = "مركز العوالي", "Al-Awali Centre"


@pytest.fixture
def world() -> IdentityWorld:
    return IdentityWorld()


def opened(world: IdentityWorld, language: Language = Language.AR) -> tuple[Citizen, Caller]:
    citizen = world.records.open_citizen_record(OPERATOR, form(language=language)).citizen
    return citizen, Caller(Principal(citizen.citizen_id, Role.CITIZEN), "corr")


def reissue_and_deliver(world: IdentityWorld, citizen: Citizen) -> str:
    evidence = EvidenceForm(
        IdentityDocumentType.NATIONAL_ID_CARD, NATIONAL_ID, DateEntry.gregorian(TODAY + timedelta(days=9))
    )
    world.records.reissue_temporary_password(OPERATOR, NATIONAL_ID, evidence)
    event = world.signal.announced[-1][1]
    delivered = world.notifications.deliver(citizen.citizen_id, event)
    assert delivered is not None
    assert delivered.text is not None
    return delivered.text


@pytest.mark.parametrize(
    ("language", "name"),
    [(Language.UR, ARABIC_NAME), (Language.BN, LATIN_NAME), (Language.ID, LATIN_NAME), (Language.EN, LATIN_NAME)],
)
def test_a_citizen_changes_the_language_and_the_next_sms_comes_in_it(
    world: IdentityWorld, language: Language, name: str
) -> None:
    citizen, own = opened(world)
    changed = world.records.change_my_language(own, language)
    assert changed == replace(citizen, language=language)
    assert world.people.citizens[citizen.citizen_id].language is language
    text = reissue_and_deliver(world, citizen)
    assert text == render(SmsTemplate.TEMPORARY_PASSWORD_REISSUED, language, {"centre": name})


def test_the_change_is_audited_with_the_language_it_replaced(world: IdentityWorld) -> None:
    citizen, own = opened(world, Language.EN)
    world.records.change_my_language(own, Language.ID)
    audit = world.log.records[-1]
    assert (audit.action, audit.actor, audit.target, audit.outcome) == (
        "changeMyLanguage",
        citizen.citizen_id,
        f"citizen:{citizen.citizen_id}",
        Outcome.ALLOWED,
    )
    assert audit.details == {"from": "en", "to": "id"}


@pytest.mark.parametrize(
    ("caller", "error"),
    [
        (OPERATOR, Forbidden),
        (MONITOR, Forbidden),
        (Caller(ANONYMOUS, "corr"), Unauthenticated),
    ],
)
def test_only_the_citizen_changes_it_and_a_refusal_changes_nothing(
    world: IdentityWorld, caller: Caller, error: type[DomainError]
) -> None:
    citizen, _ = opened(world)
    audited = len(world.log.records)
    with pytest.raises(error):
        world.records.change_my_language(caller, Language.UR)
    assert world.people.citizens[citizen.citizen_id].language is Language.AR
    if caller.principal.signed_in:
        assert len(world.log.records) == audited + 1
        assert (world.log.records[-1].action, world.log.records[-1].outcome) == ("changeMyLanguage", Outcome.DENIED)


def test_a_record_opened_in_indonesian_is_texted_with_the_latin_name(world: IdentityWorld) -> None:
    citizen, _ = opened(world, Language.ID)
    delivered = world.notifications.deliver(citizen.citizen_id, "RECORD_OPENED")
    assert delivered is not None
    assert delivered.text == render(SmsTemplate.RECORD_OPENED, Language.ID, {"centre": LATIN_NAME})
