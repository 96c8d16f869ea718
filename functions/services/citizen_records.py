"""Opening citizens' electronic records at a centre, and what follows: look-ups and lost passwords."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import datetime

from functions.domain.audit import Outcome, target
from functions.domain.calendar_dates import DateEntry
from functions.domain.catalogue import LocalizedText
from functions.domain.centre import Centre
from functions.domain.citizen import (
    Citizen,
    CitizenDraft,
    IdentityDocumentType,
    IdentityEvidence,
    Language,
    validate_citizen_draft,
    validate_evidence,
)
from functions.domain.errors import Conflict, DomainError, ErrorCode, NotFound, ValidationFailed
from functions.domain.identity_numbers import NationalId
from functions.domain.madinah_time import business_day
from functions.domain.mobile import SaudiMobile
from functions.domain.notification import Notification
from functions.domain.passwords import generate_temporary_password
from functions.domain.policy import Operation, Owner
from functions.domain.principal import Role
from functions.domain.sms import SmsTemplate
from functions.services.attempt_limits import AttemptLimits, account_subject
from functions.services.auditing import Auditor
from functions.services.authorization import Authorizer
from functions.services.caller import Caller
from functions.services.outbox_signal import announce_recorded
from functions.services.ports import (
    CentreRepository,
    CitizenRepository,
    Clock,
    IdentityProvider,
    NotificationSignal,
)
from functions.services.serving_centre import serving_centre

__all__ = ["CitizenRecords", "EvidenceForm", "OpenRecordForm", "RecordWithPassword", "evidence_checked"]


@dataclass(frozen=True)
class EvidenceForm:
    """What the operator typed about the identity document they checked."""

    document_type: IdentityDocumentType
    document_number: str
    expires_on: DateEntry
    """As the document prints it, in the calendar the operator named (Hijri on national ID cards)."""


@dataclass(frozen=True)
class OpenRecordForm:
    national_id: str
    name_ar: str
    name_en: str | None
    birth_date: DateEntry
    mobile: str
    language: Language
    evidence: EvidenceForm | None


@dataclass(frozen=True)
class RecordWithPassword:
    """The one moment a temporary password exists outside Cognito: handed to the operator, once."""

    citizen: Citizen
    temporary_password: str


class CitizenRecords:
    def __init__(
        self,
        *,
        citizens: CitizenRepository,
        centres: CentreRepository,
        identity: IdentityProvider,
        signal: NotificationSignal,
        auditor: Auditor,
        authorizer: Authorizer,
        clock: Clock,
        limits: AttemptLimits,
        records_per_mobile: int = 1,
    ) -> None:
        self._records_per_mobile = records_per_mobile
        self._citizens = citizens
        self._centres = centres
        self._identity = identity
        self._signal = signal
        self._auditor = auditor
        self._authorizer = authorizer
        self._clock = clock
        self._limits = limits

    def open_citizen_record(self, caller: Caller, form: OpenRecordForm) -> RecordWithPassword:
        centre = self._serving_centre(caller, Operation.OPEN_CITIZEN_RECORD)
        draft = self._draft(caller, form)
        if self._citizens.find_by_national_id(draft.national_id) is not None:
            raise Conflict(ErrorCode.NATIONAL_ID_TAKEN, field="nationalId")
        if self._citizens.records_on(draft.mobile) >= self._records_per_mobile:
            raise Conflict(ErrorCode.MOBILE_TAKEN, field="mobile")
        citizen = Citizen.from_draft(uuid.uuid4().hex, draft)
        password = generate_temporary_password()
        self._identity.create_user(citizen.citizen_id, password, [Role.CITIZEN.value])
        audit = self._auditor.record(
            caller, Operation.OPEN_CITIZEN_RECORD.value, target("citizen", citizen.citizen_id), Outcome.ALLOWED
        )
        notification = self._sms(citizen, "RECORD_OPENED", SmsTemplate.RECORD_OPENED, centre)
        try:
            self._citizens.create_citizen(citizen, audit, notification, self._records_per_mobile)
        except Exception:
            self._identity.delete_user(citizen.citizen_id)  # the record lost a race: no orphan account
            raise
        announce_recorded(self._signal, notification)
        self._limits.trust(account_subject(citizen.national_id.value), caller.source)  # the counter they stand at
        return RecordWithPassword(citizen, password)

    def reissue_temporary_password(
        self, caller: Caller, national_id: str, evidence: EvidenceForm | None
    ) -> RecordWithPassword:
        """Hands out a password: a refusal that looks like guessing — no record has the ID, or the document
        does not carry it — counts against the operator's source like a failed sign-in; a mistyped date or
        an expired card is input to correct, and changes nothing."""
        centre = self._serving_centre(caller, Operation.REISSUE_TEMPORARY_PASSWORD)
        self._limits.before(caller.source)
        try:
            parsed = NationalId.parse(national_id)
            checked = self._evidence(caller, evidence, parsed)
            citizen = self._citizens.find_by_national_id(parsed)
            if citizen is None:
                raise NotFound(field="nationalId")
        except DomainError as refusal:
            if isinstance(refusal, NotFound) or refusal.code is ErrorCode.EVIDENCE_MISMATCH:
                self._limits.failed(caller.source)
            raise
        password = generate_temporary_password()
        self._identity.set_temporary_password(citizen.citizen_id, password)
        audit = self._auditor.record(
            caller,
            Operation.REISSUE_TEMPORARY_PASSWORD.value,
            target("citizen", citizen.citizen_id),
            Outcome.ALLOWED,
            {"document": checked.document_type.value},
        )
        notification = self._sms(
            citizen, f"TEMPORARY_PASSWORD#{audit.record_id}", SmsTemplate.TEMPORARY_PASSWORD_REISSUED, centre
        )
        self._citizens.record_password_reissue(citizen, audit, notification)
        announce_recorded(self._signal, notification)
        self._limits.trust(account_subject(parsed.value), caller.source)
        return RecordWithPassword(citizen, password)

    def look_up_citizen(self, caller: Caller, national_id: str) -> Citizen:
        """An operator's look-up by ID number: allowed for any record, and always audited."""
        self._authorizer.authorize(caller, Operation.LOOK_UP_CITIZEN, target("national-id", "lookup"))
        parsed = NationalId.parse(national_id)
        citizen = self._citizens.find_by_national_id(parsed)
        found = target("citizen", citizen.citizen_id) if citizen else target("national-id", parsed.masked)
        self._auditor.write(
            caller, Operation.LOOK_UP_CITIZEN.value, found, Outcome.ALLOWED, {"found": str(citizen is not None)}
        )
        if citizen is None:
            raise NotFound(field="nationalId")
        return citizen

    def read_citizen(self, caller: Caller, citizen_id: str) -> Citizen:
        citizen = self._citizens.get_citizen(citizen_id)
        owner = Owner(user_id=citizen.citizen_id, centre_id=citizen.opened_at_centre) if citizen else Owner()
        self._authorizer.authorize(caller, Operation.READ_CITIZEN, target("citizen", citizen_id), owner)
        if citizen is None:
            raise NotFound(field="id")
        return citizen

    def change_my_language(self, caller: Caller, language: Language) -> Citizen:
        """The citizen's own choice of SMS language (the centre chose it when it opened the record); the
        next SMS comes in it. Audited, with the language it replaced."""
        citizen_id = caller.principal.user_id
        citizen = self._citizens.get_citizen(citizen_id) if caller.principal.signed_in else None
        owner = Owner(user_id=citizen.citizen_id) if citizen else Owner()
        subject = target("citizen", citizen_id)
        self._authorizer.authorize(caller, Operation.CHANGE_MY_LANGUAGE, subject, owner)
        if citizen is None:
            raise NotFound()
        audit = self._auditor.record(
            caller,
            Operation.CHANGE_MY_LANGUAGE.value,
            subject,
            Outcome.ALLOWED,
            {"from": citizen.language.value, "to": language.value},
        )
        self._citizens.set_language(citizen, language, audit)
        return replace(citizen, language=language)

    def citizen_of_request(self, citizen_id: str) -> Citizen | None:
        """The citizen of a request the caller was already authorised to read (the request's policy
        decides; what the caller sees of the citizen is then masked by role)."""
        return self._citizens.get_citizen(citizen_id)

    def _serving_centre(self, caller: Caller, operation: Operation) -> Centre:
        return serving_centre(caller, operation, authorizer=self._authorizer, centres=self._centres, clock=self._clock)

    def _draft(self, caller: Caller, form: OpenRecordForm) -> CitizenDraft:
        national_id = NationalId.parse(form.national_id)
        mobile = SaudiMobile.parse(form.mobile)
        born = form.birth_date.read("birthDate")
        draft = CitizenDraft(
            national_id=national_id,
            name_ar=form.name_ar.strip(),
            name_en=form.name_en.strip() if form.name_en and form.name_en.strip() else None,
            birth_date=born.day,
            mobile=mobile,
            language=form.language,
            evidence=self._evidence(caller, form.evidence, national_id),
            birth_date_calendar=born.calendar,
        )
        validate_citizen_draft(draft, business_day(self._clock.now()))
        return draft

    def _evidence(self, caller: Caller, form: EvidenceForm | None, national_id: NationalId) -> IdentityEvidence:
        if form is None:
            raise ValidationFailed(ErrorCode.EVIDENCE_REQUIRED, field="evidence")
        return evidence_checked(caller, form, national_id, self._clock.now())

    def _sms(self, citizen: Citizen, event_key: str, template: SmsTemplate, centre: Centre) -> Notification:
        name: LocalizedText = centre.sms_name
        return Notification(
            citizen_id=citizen.citizen_id,
            event_key=event_key,
            template=template,
            values={"centre": name.in_language(citizen.language.value)},
            created_at=self._clock.now(),
            masked_mobile=citizen.mobile.masked,
            centre_id=centre.centre_id,
        )


def evidence_checked(caller: Caller, form: EvidenceForm, national_id: NationalId, now: datetime) -> IdentityEvidence:
    """The identity document the operator checked at ``now``, if it is current and names this person."""
    expiry = form.expires_on.read("evidence.expiresOn")
    evidence = IdentityEvidence(
        document_type=form.document_type,
        document_number=form.document_number.strip().upper(),
        expires_on=expiry.day,
        checked_by=caller.principal.user_id,
        checked_at=now,
        centre_id=caller.principal.centre_id or "",
        expires_on_calendar=expiry.calendar,
    )
    validate_evidence(evidence, national_id, business_day(now))
    return evidence
