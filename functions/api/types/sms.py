"""A citizen's SMS with its delivery status, and the centre's call list (docs/sms.md)."""

from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry.types import Info

from functions.api.context import GraphQLContext
from functions.api.types.enums.sms import DeliveryStatus
from functions.api.types.identity import CitizenRecordType
from functions.api.types.time import MadinahTimeType, madinah
from functions.domain.notification import Notification
from functions.domain.sms_delivery import CallListEntry
from functions.domain.visibility import view_of

__all__ = ["CallListEntryType", "CallNumberType", "SmsMessageType"]


@strawberry.type(name="CallNumber", description="The number to call, in full (each one handed out is audited).")
class CallNumberType:
    call_id: strawberry.ID
    mobile: str = strawberry.field(description="E.164, e.g. +9665XXXXXXXX.")


@strawberry.type(
    name="SmsMessage",
    description="An SMS to the citizen and how far it got: GOV.UK Notify's statuses, with the provider's words.",
)
class SmsMessageType:
    event: str
    template: str = strawberry.field(description="The kind of message (RECORD_OPENED, REQUEST_SUBMITTED ...).")
    text: str | None
    status: DeliveryStatus
    created_at: datetime
    sent_at: datetime | None
    to: str | None = strawberry.field(description="The mobile number, masked.")
    status_reason: str | None = strawberry.field(description="The provider's own words for the latest status.")
    status_at: datetime | None = strawberry.field(description="When the provider says the latest status happened.")
    attempts: int = strawberry.field(description="How many times it was handed to a provider.")
    on_call_list: bool = strawberry.field(description="It never arrived: the centre calls the citizen instead.")

    @strawberry.field(description="When it was written, on Madinah's wall clock.")
    def created_at_madinah(self) -> MadinahTimeType:
        return MadinahTimeType.of(self.created_at)

    @strawberry.field(description="When it was sent, on Madinah's wall clock.")
    def sent_at_madinah(self) -> MadinahTimeType | None:
        return madinah(self.sent_at)

    @strawberry.field(description="When the latest status happened, on Madinah's wall clock.")
    def status_at_madinah(self) -> MadinahTimeType | None:
        return madinah(self.status_at)

    @classmethod
    def of(cls, notification: Notification) -> SmsMessageType:
        return cls(
            event=notification.event_key,
            template=notification.template.value,
            text=notification.text,
            status=notification.status,
            created_at=notification.created_at,
            sent_at=notification.sent_at,
            to=notification.masked_mobile,
            status_reason=notification.status_reason,
            status_at=notification.status_at,
            attempts=notification.attempts,
            on_call_list=notification.on_call_list,
        )


@strawberry.type(
    name="CallListEntry",
    description="A citizen to call because an SMS never reached them: who, which message, why. The number is "
    "masked: ask `callNumber(callId)` for it in full when you call (audited).",
)
class CallListEntryType:
    id: strawberry.ID
    citizen_id: strawberry.ID
    to: str | None = strawberry.field(description="The mobile number, masked.")
    event: str = strawberry.field(description="Which SMS (its event, e.g. REQ#<id>#SUBMITTED).")
    template: str = strawberry.field(description="The kind of message (REQUEST_SUBMITTED, COMPLETED_AT_CENTRE ...).")
    tracking_number: str | None
    status: DeliveryStatus
    reason: str = strawberry.field(description="Why it failed, in the provider's words.")
    attempts: int
    failed_at: datetime
    done_at: datetime | None
    done_by: str | None
    note: str | None

    citizen_record_id: strawberry.Private[str] = ""

    @strawberry.field(description="The citizen, with personal data masked according to who is asking.")
    def citizen(self, info: Info[GraphQLContext, None]) -> CitizenRecordType | None:
        context = info.context
        record = context.use_cases.citizen_records.citizen_of_request(self.citizen_record_id)
        return CitizenRecordType.of(view_of(context.principal, record)) if record else None

    @strawberry.field(description="When it landed on the list, on Madinah's wall clock.")
    def failed_at_madinah(self) -> MadinahTimeType:
        return MadinahTimeType.of(self.failed_at)

    @strawberry.field(description="When the call was marked done, on Madinah's wall clock.")
    def done_at_madinah(self) -> MadinahTimeType | None:
        return madinah(self.done_at)

    @classmethod
    def of(cls, call: CallListEntry) -> CallListEntryType:
        return cls(
            id=strawberry.ID(call.call_id),
            citizen_id=strawberry.ID(call.citizen_id),
            to=call.masked_mobile,
            event=call.event_key,
            template=call.template,
            tracking_number=call.tracking_number,
            status=call.status,
            reason=call.reason,
            attempts=call.attempts,
            failed_at=call.failed_at,
            done_at=call.done_at,
            done_by=call.done_by,
            note=call.note,
            citizen_record_id=call.citizen_id,
        )
