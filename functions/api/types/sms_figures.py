"""The citizen SMS figures the monitoring office reads: how many reached their handsets, how fast."""

from __future__ import annotations

import strawberry

from functions.domain.figures import Figures
from functions.domain.sms_figures import SmsSummary

__all__ = ["MessageKindFiguresType", "SmsFiguresType"]


@strawberry.type(
    name="SmsFigures",
    description="Citizen SMS over a period: counted on the day each was sent, reached its end, or was listed.",
)
class SmsFiguresType:
    sent: int = strawberry.field(description="Taken by a provider for the first time (retries not counted).")
    delivered: int
    permanently_failed: int = strawberry.field(description="Not a number, barred, blocked: never retried.")
    expired: int = strawberry.field(description="Still failing when the retry window ran out.")
    final_outcomes: int = strawberry.field(description="Delivered, permanently failed or expired.")
    delivery_rate: float | None = strawberry.field(description="Delivered per 100 final outcomes.")
    permanent_failure_rate: float | None = strawberry.field(description="Permanently failed per 100 final outcomes.")
    call_list: int = strawberry.field(description="Landed on their centre's call list.")
    delivery_median_seconds: float | None = strawberry.field(
        description="From the first attempt to the carrier's time of delivery: the median."
    )
    delivery_p90_seconds: float | None = strawberry.field(description="Nine in ten were delivered within this.")

    @classmethod
    def of(cls, figures: Figures) -> SmsFiguresType:
        sms = SmsSummary.of(figures)
        return cls(
            sent=sms.sent,
            delivered=sms.delivered,
            permanently_failed=sms.permanently_failed,
            expired=sms.expired,
            final_outcomes=sms.final_outcomes,
            delivery_rate=sms.delivery_rate,
            permanent_failure_rate=sms.permanent_failure_rate,
            call_list=sms.on_call_list,
            delivery_median_seconds=sms.time_to_delivery.median_seconds,
            delivery_p90_seconds=sms.time_to_delivery.p90_seconds,
        )


@strawberry.type(name="MessageKindFigures", description="The region's citizen SMS of one kind.")
class MessageKindFiguresType:
    template: str = strawberry.field(description="The kind of message (RECORD_OPENED, RECEIVED_BY_AGENCY ...).")
    sms: SmsFiguresType
