"""Opening records, temporary passwords, sign-in, staff accounts: on recording in-memory fakes."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from functions.domain.audit import Outcome
from functions.domain.calendar_dates import DateCalendar, DateEntry, hijri_day_of
from functions.domain.catalogue import Agency, LocalizedText
from functions.domain.citizen import IdentityDocumentType, Language
from functions.domain.errors import (
    Conflict,
    DomainError,
    ErrorCode,
    Forbidden,
    NotFound,
    Unauthenticated,
    ValidationFailed,
)
from functions.domain.policy import HIGH_RISK, Operation
from functions.domain.principal import ANONYMOUS, Principal, Role
from functions.domain.sms import segments
from functions.domain.staff import AccountStatus
from functions.domain.throttling import TryLater
from functions.services.caller import Caller
from functions.services.citizen_records import EvidenceForm, OpenRecordForm
from functions.services.ports import NewPasswordRequired, Tokens
from functions.services.sms_ports import SmsProviderError
from functions.services.staff_accounts import StaffForm
from functions.settings import UseCaseSettings
from tests.fakes.identity import ADULT_BIRTH, TODAY, IdentityWorld

OPERATOR = Caller(Principal("op-1", Role.CENTRE_OPERATOR, centre_id="MED-C01"), "corr")
OTHER_OPERATOR = Caller(Principal("op-2", Role.CENTRE_OPERATOR, centre_id="MED-C02"), "corr")
ADMIN = Caller(Principal("admin-1", Role.ADMIN), "corr")
MONITOR = Caller(Principal("mon-1", Role.MONITOR), "corr")
NATIONAL_ID = "1000000008"
HIJRI_EXPIRY_AS_GREGORIAN = DateEntry("1450-01-01", DateCalendar.GREGORIAN)
"""An ID card's Hijri expiry typed without switching the calendar to Hijri."""
_YESTERDAY_HIJRI = hijri_day_of(TODAY - timedelta(days=1))
assert _YESTERDAY_HIJRI is not None
HIJRI_EXPIRED = DateEntry(_YESTERDAY_HIJRI.iso, DateCalendar.HIJRI)


def form(**changes: object) -> OpenRecordForm:
    base = OpenRecordForm(
        national_id=NATIONAL_ID,
        name_ar="محمد أحمد الحربي",
        name_en="Mohammed Ahmed Al-Harbi",
        birth_date=ADULT_BIRTH,
        mobile="0512345678",
        language=Language.AR,
        evidence=EvidenceForm(
            IdentityDocumentType.NATIONAL_ID_CARD, NATIONAL_ID, DateEntry.gregorian(TODAY + timedelta(days=400))
        ),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


@pytest.fixture
def world() -> IdentityWorld:
    return IdentityWorld()


def test_an_operator_opens_a_record_with_a_one_time_password_and_an_sms(world: IdentityWorld) -> None:
    opened = world.records.open_citizen_record(OPERATOR, form())
    citizen = opened.citizen
    assert citizen.national_id.value == NATIONAL_ID
    assert citizen.mobile.e164 == "+966512345678"
    assert (citizen.opened_at_centre, citizen.opened_by) == ("MED-C01", "op-1")
    assert citizen.evidence.document_type is IdentityDocumentType.NATIONAL_ID_CARD
    account = world.cognito.users[citizen.citizen_id]
    assert account["password"] == opened.temporary_password
    assert account["temporary"] is True
    assert account["groups"] == ["citizen"]
    assert world.signal.announced == [(citizen.citizen_id, "RECORD_OPENED")]
    audit = [r for r in world.log.records if r.action == "openCitizenRecord"]
    assert [(r.outcome, r.target, r.actor) for r in audit] == [
        (Outcome.ALLOWED, f"citizen:{citizen.citizen_id}", "op-1")
    ]
    assert opened.temporary_password not in str(world.log.records)


def test_the_sms_goes_out_once_in_the_citizens_language(world: IdentityWorld) -> None:
    citizen = world.records.open_citizen_record(OPERATOR, form(language=Language.EN)).citizen
    delivered = world.notifications.deliver(citizen.citizen_id, "RECORD_OPENED")
    again = world.notifications.deliver(citizen.citizen_id, "RECORD_OPENED")
    assert delivered is not None
    assert again is None
    assert world.sms.sent == [("+966512345678", delivered.text)]
    assert delivered.text is not None
    assert "Al-Awali Centre" in delivered.text


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"national_id": "1000000000"}, ErrorCode.NATIONAL_ID_CHECK_DIGIT),
        ({"national_id": "3000000004"}, ErrorCode.NATIONAL_ID_PREFIX),
        ({"national_id": "100000000"}, ErrorCode.NATIONAL_ID_LENGTH),
        ({"national_id": "10000000081"}, ErrorCode.NATIONAL_ID_LENGTH),
        ({"mobile": "0112345678"}, ErrorCode.MOBILE_NOT_MOBILE),
        ({"mobile": "+14155552671"}, ErrorCode.MOBILE_NOT_SAUDI),
        ({"mobile": "12"}, ErrorCode.MOBILE_INVALID),
        ({"birth_date": DateEntry.gregorian(TODAY + timedelta(days=1))}, ErrorCode.BIRTH_DATE_IN_FUTURE),
        ({"birth_date": DateEntry.gregorian(date(1890, 1, 1))}, ErrorCode.BIRTH_DATE_INVALID),
        ({"birth_date": DateEntry.gregorian(date(1850, 1, 1))}, ErrorCode.DATE_OUT_OF_RANGE),
        ({"birth_date": DateEntry("1447-02-30", DateCalendar.HIJRI)}, ErrorCode.DATE_INVALID),
        ({"birth_date": DateEntry("1990-02-30", DateCalendar.GREGORIAN)}, ErrorCode.DATE_INVALID),
        ({"birth_date": DateEntry("17/05/1412", DateCalendar.HIJRI)}, ErrorCode.DATE_INVALID),
        ({"birth_date": DateEntry("1990-05-17", DateCalendar.HIJRI)}, ErrorCode.DATE_CALENDAR_MISMATCH),
        ({"birth_date": DateEntry("1412-05-17", DateCalendar.GREGORIAN)}, ErrorCode.DATE_CALENDAR_MISMATCH),
        ({"birth_date": DateEntry("1300-01-01", DateCalendar.HIJRI)}, ErrorCode.DATE_OUT_OF_RANGE),
        ({"birth_date": DateEntry("1460-01-01", DateCalendar.HIJRI)}, ErrorCode.BIRTH_DATE_IN_FUTURE),
        ({"name_ar": "Mohammed"}, ErrorCode.NAME_INVALID),
        ({"name_ar": "  "}, ErrorCode.NAME_INVALID),
        ({"name_en": "محمد"}, ErrorCode.NAME_INVALID),
        ({"evidence": None}, ErrorCode.EVIDENCE_REQUIRED),
        (
            {
                "evidence": EvidenceForm(
                    IdentityDocumentType.NATIONAL_ID_CARD, NATIONAL_ID, DateEntry.gregorian(TODAY - timedelta(days=1))
                )
            },
            ErrorCode.EVIDENCE_EXPIRED,
        ),
        (
            {
                "evidence": EvidenceForm(
                    IdentityDocumentType.NATIONAL_ID_CARD, "1000001014", DateEntry.gregorian(TODAY + timedelta(days=9))
                )
            },
            ErrorCode.EVIDENCE_MISMATCH,
        ),
        (
            {
                "evidence": EvidenceForm(
                    IdentityDocumentType.IQAMA, NATIONAL_ID, DateEntry.gregorian(TODAY + timedelta(days=9))
                )
            },
            ErrorCode.EVIDENCE_MISMATCH,
        ),
        (
            {
                "evidence": EvidenceForm(
                    IdentityDocumentType.PASSPORT, "", DateEntry.gregorian(TODAY + timedelta(days=9))
                )
            },
            ErrorCode.EVIDENCE_REQUIRED,
        ),
    ],
)
def test_bad_input_has_its_own_code_and_creates_nothing(
    world: IdentityWorld, changes: dict[str, object], code: ErrorCode
) -> None:
    before = world.snapshot()
    with pytest.raises(ValidationFailed) as raised:
        world.records.open_citizen_record(OPERATOR, form(**changes))
    assert raised.value.code is code
    assert raised.value.message_ar
    assert raised.value.message_en
    assert world.snapshot() == before


def test_a_record_opens_with_the_birth_date_and_expiry_as_the_id_card_prints_them(world: IdentityWorld) -> None:
    card = EvidenceForm(IdentityDocumentType.NATIONAL_ID_CARD, NATIONAL_ID, DateEntry("١٤٥٠-٠١-٠١", DateCalendar.HIJRI))
    opened = world.records.open_citizen_record(
        OPERATOR, form(birth_date=DateEntry("1412-05-17", DateCalendar.HIJRI), evidence=card)
    )
    citizen = world.people.get_citizen(opened.citizen.citizen_id)
    assert citizen is not None
    assert (citizen.birth_date, citizen.birth_date_calendar) == (date(1991, 11, 23), DateCalendar.HIJRI)
    assert (citizen.evidence.expires_on, citizen.evidence.expires_on_calendar) == (
        date(2028, 5, 25),
        DateCalendar.HIJRI,
    )


def test_a_hijri_expiry_is_accepted_when_reissuing_a_password(world: IdentityWorld) -> None:
    world.records.open_citizen_record(OPERATOR, form())
    card = EvidenceForm(IdentityDocumentType.NATIONAL_ID_CARD, NATIONAL_ID, DateEntry("1450-01-01", DateCalendar.HIJRI))
    assert world.records.reissue_temporary_password(OTHER_OPERATOR, NATIONAL_ID, card).temporary_password
    with pytest.raises(ValidationFailed) as mixed_up:
        world.records.reissue_temporary_password(
            OTHER_OPERATOR,
            NATIONAL_ID,
            EvidenceForm(IdentityDocumentType.NATIONAL_ID_CARD, NATIONAL_ID, HIJRI_EXPIRY_AS_GREGORIAN),
        )
    assert mixed_up.value.code is ErrorCode.DATE_CALENDAR_MISMATCH
    assert mixed_up.value.field == "evidence.expiresOn"


def test_a_passport_is_acceptable_evidence_for_a_resident(world: IdentityWorld) -> None:
    evidence = EvidenceForm(IdentityDocumentType.PASSPORT, "A1234567", DateEntry.gregorian(TODAY + timedelta(days=90)))
    opened = world.records.open_citizen_record(OPERATOR, form(national_id="2000000006", evidence=evidence))
    assert opened.citizen.national_id.value == "2000000006"


@pytest.mark.parametrize("centre_id", ["MED-C03", "MED-C04", "MED-C99"])
def test_a_suspended_expired_or_unknown_centre_opens_nothing(world: IdentityWorld, centre_id: str) -> None:
    caller = Caller(Principal("op-x", Role.CENTRE_OPERATOR, centre_id=centre_id), "corr")
    before = world.snapshot()
    with pytest.raises(ValidationFailed) as raised:
        world.records.open_citizen_record(caller, form())
    assert raised.value.code is ErrorCode.CENTRE_INACTIVE
    assert world.snapshot() == before
    assert world.log.records[-1].outcome is Outcome.DENIED


def test_an_existing_national_id_is_refused_and_creates_nothing(world: IdentityWorld) -> None:
    world.records.open_citizen_record(OPERATOR, form())
    before = world.snapshot()
    with pytest.raises(Conflict) as taken:
        world.records.open_citizen_record(OTHER_OPERATOR, form(mobile="0598765432"))
    assert taken.value.code is ErrorCode.NATIONAL_ID_TAKEN
    assert world.snapshot() == before


def resident(national_id: str, name_ar: str, name_en: str | None) -> OpenRecordForm:
    return form(
        national_id=national_id,
        name_ar=name_ar,
        name_en=name_en,
        evidence=EvidenceForm(IdentityDocumentType.IQAMA, national_id, DateEntry.gregorian(TODAY + timedelta(days=9))),
    )


def test_a_family_shares_a_phone_up_to_the_limit_and_the_next_record_is_refused() -> None:
    world = IdentityWorld(settings=UseCaseSettings(subscriptions_per_connection=3, records_per_mobile=2))
    world.records.open_citizen_record(OPERATOR, form())
    world.records.open_citizen_record(OPERATOR, resident("2000000006", "فاطمة علي", "Fatimah Ali"))
    before = world.snapshot()
    with pytest.raises(Conflict) as full:
        world.records.open_citizen_record(OPERATOR, resident("2000000014", "سارة علي", None))
    assert (full.value.code, full.value.field) == (ErrorCode.MOBILE_TAKEN, "mobile")
    assert world.snapshot() == before


def test_an_sms_to_a_shared_phone_names_whose_it_is_in_place_of_the_brand(world: IdentityWorld) -> None:
    alone = world.records.open_citizen_record(OPERATOR, form()).citizen
    first = world.notifications.deliver(alone.citizen_id, "RECORD_OPENED")
    assert first is not None
    assert first.text is not None
    assert first.text.startswith("شبّاك:")
    shared = world.records.open_citizen_record(OPERATOR, resident("2000000006", "فاطمة علي", "Fatimah Ali")).citizen
    second = world.notifications.deliver(shared.citizen_id, "RECORD_OPENED")
    assert second is not None
    assert second.text is not None
    assert second.text.startswith("ف.ع:")
    assert segments(second.text) == 1
    assert world.sms.sent[-1] == (shared.mobile.e164, second.text)


@pytest.mark.parametrize(
    ("language", "name_en", "starts"),
    [(Language.EN, "Fatimah Ali", "F.A:"), (Language.EN, None, "Shubbak:"), (Language.UR, None, "ف.ع:")],
)
def test_a_latin_script_sms_takes_the_english_initials_or_keeps_its_brand(
    world: IdentityWorld, language: Language, name_en: str | None, starts: str
) -> None:
    world.records.open_citizen_record(OPERATOR, form())
    shared = world.records.open_citizen_record(
        OPERATOR, replace(resident("2000000006", "فاطمة علي", name_en), language=language)
    ).citizen
    sent = world.notifications.deliver(shared.citizen_id, "RECORD_OPENED")
    assert sent is not None
    assert sent.text is not None
    assert sent.text.startswith(starts)


def test_a_lost_race_removes_the_cognito_account(world: IdentityWorld) -> None:
    original = world.people.find_by_national_id
    world.people.find_by_national_id = lambda national_id: None  # type: ignore[method-assign]  # both pass the pre-check
    world.records.open_citizen_record(OPERATOR, form())
    with pytest.raises(Conflict):
        world.records.open_citizen_record(OTHER_OPERATOR, form(mobile="0598765432"))
    world.people.find_by_national_id = original  # type: ignore[method-assign]
    assert len(world.cognito.users) == 1


@pytest.mark.parametrize(
    ("caller", "error"),
    [
        (Caller(ANONYMOUS, "c"), Unauthenticated),
        (Caller(Principal("c-1", Role.CITIZEN), "c"), Forbidden),
        (Caller(Principal("a-1", Role.AGENCY_OFFICER, agency_code="MUNICIPALITY"), "c"), Forbidden),
        (MONITOR, Forbidden),
        (ADMIN, Forbidden),
    ],
)
def test_only_centre_operators_open_records_and_denials_are_audited(
    world: IdentityWorld, caller: Caller, error: type[DomainError]
) -> None:
    before = world.snapshot()
    with pytest.raises(error):
        world.records.open_citizen_record(caller, form())
    assert world.snapshot() == before
    assert (world.log.records[-1].action, world.log.records[-1].outcome) == ("openCitizenRecord", Outcome.DENIED)


def test_the_announcement_may_fail_after_commit_and_the_sweeper_resends(world: IdentityWorld) -> None:
    world.signal.broken = True
    citizen = world.records.open_citizen_record(OPERATOR, form()).citizen
    assert world.notification_store.items[(citizen.citizen_id, "RECORD_OPENED")].status.value == "PENDING"
    world.signal.broken = False
    world.clock.at += timedelta(minutes=5)
    assert world.notifications.announce_pending(timedelta(minutes=2)) == 1
    assert world.signal.announced == [(citizen.citizen_id, "RECORD_OPENED")]


def test_a_failing_sms_provider_raises_so_the_queue_retries(world: IdentityWorld) -> None:
    citizen = world.records.open_citizen_record(OPERATOR, form()).citizen
    world.sms.failing = True
    with pytest.raises(SmsProviderError):
        world.notifications.deliver(citizen.citizen_id, "RECORD_OPENED")
    world.sms.failing = False
    assert world.notifications.deliver(citizen.citizen_id, "RECORD_OPENED") is not None
    assert len(world.sms.sent) == 1


def test_first_sign_in_requires_a_new_password_then_me_works(world: IdentityWorld) -> None:
    opened = world.records.open_citizen_record(OPERATOR, form())
    anonymous = Caller(ANONYMOUS, "c")
    challenge = world.sign_in.sign_in(anonymous, "١٠٠٠٠٠٠٠٠٨", opened.temporary_password)
    assert isinstance(challenge, NewPasswordRequired)
    with pytest.raises(ValidationFailed) as weak:
        world.sign_in.complete_new_password(anonymous, NATIONAL_ID, challenge.session, "short")
    assert weak.value.code is ErrorCode.PASSWORD_TOO_WEAK
    tokens = world.sign_in.complete_new_password(anonymous, NATIONAL_ID, challenge.session, "my own long password")
    assert isinstance(tokens, Tokens)
    assert isinstance(world.sign_in.sign_in(anonymous, NATIONAL_ID, "my own long password"), Tokens)
    me = world.profiles.me(Caller(Principal(opened.citizen.citizen_id, Role.CITIZEN), "c"))
    assert me == opened.citizen


def signed_in(world: IdentityWorld) -> tuple[Caller, Tokens]:
    """A citizen who took the account over: their caller (with the session) and the tokens they got."""
    opened = world.records.open_citizen_record(OPERATOR, form())
    anonymous = Caller(ANONYMOUS, "c")
    challenge = world.sign_in.sign_in(anonymous, NATIONAL_ID, opened.temporary_password)
    assert isinstance(challenge, NewPasswordRequired)
    tokens = world.sign_in.complete_new_password(anonymous, NATIONAL_ID, challenge.session, "my own long password")
    principal = Principal(opened.citizen.citizen_id, Role.CITIZEN)
    return Caller(principal, "c", tokens.access_token), tokens


def test_the_refresh_token_renews_the_session_until_the_person_signs_out(world: IdentityWorld) -> None:
    citizen, tokens = signed_in(world)
    assert tokens.refresh_token is not None
    renewed = world.sign_in.refresh_session(Caller(ANONYMOUS, "c"), tokens.refresh_token)
    assert renewed.access_token != tokens.access_token
    assert world.cognito.signed_in(renewed.access_token)

    world.sign_in.sign_out(citizen)

    assert not world.cognito.signed_in(tokens.access_token)
    assert not world.cognito.signed_in(renewed.access_token)
    with pytest.raises(Unauthenticated) as ended:
        world.sign_in.refresh_session(Caller(ANONYMOUS, "c"), tokens.refresh_token)
    assert ended.value.code is ErrorCode.SESSION_ENDED
    audit = world.log.records[-1]
    assert (audit.action, audit.actor, audit.outcome) == ("signOut", citizen.principal.user_id, Outcome.ALLOWED)


@pytest.mark.parametrize("refresh_token", ["", "not a refresh token", "x" * 9000])
def test_a_refresh_token_that_is_not_honoured_ends_the_session(world: IdentityWorld, refresh_token: str) -> None:
    signed_in(world)
    with pytest.raises(Unauthenticated) as ended:
        world.sign_in.refresh_session(Caller(ANONYMOUS, "c"), refresh_token)
    assert ended.value.code is ErrorCode.SESSION_ENDED


def test_nobody_signed_in_cannot_sign_out(world: IdentityWorld) -> None:
    _, tokens = signed_in(world)
    with pytest.raises(Unauthenticated):
        world.sign_in.sign_out(Caller(ANONYMOUS, "c"))
    assert world.cognito.signed_in(tokens.access_token)


@pytest.mark.parametrize("national_id", ["1000000008", "2000000006", "not-an-id"])
def test_wrong_password_unknown_id_and_bad_id_fail_the_same_way(world: IdentityWorld, national_id: str) -> None:
    world.records.open_citizen_record(OPERATOR, form())
    with pytest.raises(ValidationFailed) as raised:
        world.sign_in.sign_in(Caller(ANONYMOUS, "c"), national_id, "wrong password!!")
    assert raised.value.code is ErrorCode.SIGN_IN_FAILED


def test_repeated_failures_delay_the_id_on_an_untrusted_source_even_with_the_right_password(
    world: IdentityWorld,
) -> None:
    opened = world.records.open_citizen_record(OPERATOR, form())
    stranger = Caller(ANONYMOUS, "c", source="203.0.113.9")
    for _ in range(5):
        with pytest.raises(ValidationFailed):
            world.sign_in.sign_in(stranger, NATIONAL_ID, "wrong password!!")
    with pytest.raises(TryLater) as delayed:
        world.sign_in.sign_in(stranger, NATIONAL_ID, opened.temporary_password)
    assert delayed.value.code is ErrorCode.TOO_MANY_ATTEMPTS
    assert delayed.value.retry_after == world.clock.now() + timedelta(seconds=1)


def test_reissuing_a_temporary_password_is_audited_and_texted(world: IdentityWorld) -> None:
    citizen = world.records.open_citizen_record(OPERATOR, form()).citizen
    evidence = EvidenceForm(
        IdentityDocumentType.NATIONAL_ID_CARD, NATIONAL_ID, DateEntry.gregorian(TODAY + timedelta(days=9))
    )
    reissued = world.records.reissue_temporary_password(OTHER_OPERATOR, NATIONAL_ID, evidence)
    assert world.cognito.users[citizen.citizen_id]["password"] == reissued.temporary_password
    assert world.log.records[-1].action == "reissueTemporaryPassword"
    assert world.log.records[-1].actor == "op-2"
    assert len(world.signal.announced) == 2
    with pytest.raises(NotFound):
        world.records.reissue_temporary_password(
            OPERATOR,
            "2000000006",
            replace(evidence, document_type=IdentityDocumentType.IQAMA, document_number="2000000006"),
        )


def test_look_ups_are_audited_found_or_not(world: IdentityWorld) -> None:
    citizen = world.records.open_citizen_record(OPERATOR, form()).citizen
    assert world.records.look_up_citizen(OTHER_OPERATOR, NATIONAL_ID) == citizen
    with pytest.raises(NotFound):
        world.records.look_up_citizen(OTHER_OPERATOR, "2000000006")
    lookups = [r for r in world.log.records if r.action == "lookupCitizen"]
    assert [r.details["found"] for r in lookups] == ["True", "False"]
    assert "2000000006" not in str(lookups)


def test_reading_a_record_follows_the_policy(world: IdentityWorld) -> None:
    citizen = world.records.open_citizen_record(OPERATOR, form()).citizen
    own = Caller(Principal(citizen.citizen_id, Role.CITIZEN), "c")
    assert world.records.read_citizen(own, citizen.citizen_id) == citizen
    assert world.records.read_citizen(OPERATOR, citizen.citizen_id) == citizen
    assert world.records.read_citizen(MONITOR, citizen.citizen_id) == citizen
    for outsider in (OTHER_OPERATOR, Caller(Principal("someone-else", Role.CITIZEN), "c")):
        with pytest.raises(NotFound):
            world.records.read_citizen(outsider, citizen.citizen_id)


def test_admins_create_and_disable_staff_accounts(world: IdentityWorld) -> None:
    world.catalogue_repository.agencies["MUNICIPALITY"] = Agency("MUNICIPALITY", LocalizedText("أمانة", "Municipality"))
    created = world.staff_accounts.create_staff_account(
        ADMIN, StaffForm(Role.AGENCY_OFFICER, "1000001014", "فهد", "Fahd", "0550000103", agency_code="MUNICIPALITY")
    )
    assert world.cognito.users[created.staff.user_id]["groups"] == ["agency-officer", "agency:MUNICIPALITY"]
    disabled = world.staff_accounts.disable_staff_account(ADMIN, created.staff.user_id)
    assert disabled.status is AccountStatus.DISABLED
    assert world.cognito.users[created.staff.user_id]["enabled"] is False


@pytest.mark.parametrize(
    ("staff", "code"),
    [
        (StaffForm(Role.CENTRE_OPERATOR, "1000001014", "سارة", None, "0550000101"), ErrorCode.STAFF_SCOPE_INVALID),
        (
            StaffForm(Role.AGENCY_OFFICER, "1000001014", "سارة", None, "0550000101", centre_id="MED-C01"),
            ErrorCode.STAFF_SCOPE_INVALID,
        ),
        (
            StaffForm(Role.MONITOR, "1000001014", "سارة", None, "0550000101", centre_id="MED-C01"),
            ErrorCode.STAFF_SCOPE_INVALID,
        ),
        (StaffForm(Role.CITIZEN, "1000001014", "سارة", None, "0550000101"), ErrorCode.STAFF_SCOPE_INVALID),
        (StaffForm(Role.MONITOR, "1000001010", "سارة", None, "0550000101"), ErrorCode.NATIONAL_ID_CHECK_DIGIT),
        (StaffForm(Role.MONITOR, "1000001014", "سارة", None, "0112345678"), ErrorCode.MOBILE_NOT_MOBILE),
        (
            StaffForm(Role.CENTRE_OPERATOR, "1000001014", "سارة", None, "0550000101", centre_id="MED-C99"),
            ErrorCode.NOT_FOUND,
        ),
    ],
)
def test_bad_staff_accounts_are_refused_and_create_nothing(
    world: IdentityWorld, staff: StaffForm, code: ErrorCode
) -> None:
    before = world.snapshot()
    with pytest.raises(DomainError) as raised:
        world.staff_accounts.create_staff_account(ADMIN, staff)
    assert raised.value.code is code
    assert world.snapshot() == before


def test_only_admins_manage_staff(world: IdentityWorld) -> None:
    with pytest.raises(Forbidden):
        world.staff_accounts.create_staff_account(
            OPERATOR, StaffForm(Role.MONITOR, "1000001014", "سارة", None, "0550000101")
        )


# ------------------------------------------------- sessions confirmed before high-risk work (AUTH-06)


def test_a_high_risk_operation_asks_cognito_whether_the_session_still_holds(world: IdentityWorld) -> None:
    opened = world.records.open_citizen_record(replace(OPERATOR, session="live-token"), form())
    assert opened.citizen.national_id.value == NATIONAL_ID
    assert world.cognito.sessions_asked == ["live-token"]


def test_an_ended_session_does_no_high_risk_work_and_the_refusal_is_audited(world: IdentityWorld) -> None:
    world.cognito.ended_sessions.add("signed-out-token")
    before = world.snapshot()
    with pytest.raises(Unauthenticated) as refused:
        world.records.open_citizen_record(replace(OPERATOR, session="signed-out-token"), form())
    assert refused.value.code is ErrorCode.SESSION_ENDED
    assert world.snapshot() == before
    assert world.sms.sent == []
    denial = world.log.records[-1]
    assert (denial.action, denial.outcome, denial.details) == (
        "openCitizenRecord",
        Outcome.DENIED,
        {"code": "SESSION_ENDED"},
    )
    assert "signed-out-token" not in str(world.log.records)


def test_low_risk_operations_and_in_process_callers_do_not_ask(world: IdentityWorld) -> None:
    world.cognito.ended_sessions.add("signed-out-token")
    world.records.open_citizen_record(OPERATOR, form())  # the seed and jobs call without a session
    world.records.look_up_citizen(replace(OTHER_OPERATOR, session="signed-out-token"), NATIONAL_ID)
    assert world.cognito.sessions_asked == []


def test_the_high_risk_list_names_what_makes_identities_or_decides_who_may_act() -> None:
    assert {
        Operation.OPEN_CITIZEN_RECORD,
        Operation.REISSUE_TEMPORARY_PASSWORD,
        Operation.CREATE_STAFF_ACCOUNT,
        Operation.DISABLE_STAFF_ACCOUNT,
        Operation.SUSPEND_CENTRE,
        Operation.REVOKE_CENTRE,
    } <= HIGH_RISK
    assert not {Operation.READ_ME, Operation.SUBMIT_SERVICE_REQUEST, Operation.ACKNOWLEDGE_RECEIPT} & HIGH_RISK
