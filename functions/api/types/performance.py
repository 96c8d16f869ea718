"""Performance types: a centre's or the region's figures over a period, flags, rankings."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import strawberry

from functions.api.types.centres import CentreType
from functions.api.types.enums.performance import FlagKind
from functions.api.types.localized_text import LocalizedTextType
from functions.api.types.sms_figures import MessageKindFiguresType, SmsFiguresType
from functions.api.types.time import FIRST_DAY, LAST_DAY, MADINAH_DAY
from functions.domain.centre_flags import CentreFlag
from functions.domain.figures import Counter, DayFigures, Duration, DurationSummary, Figures
from functions.domain.money import Money
from functions.domain.ranking import RankedCentre
from functions.services.performance import CentrePerformance, RegionOverview

__all__ = ["CentrePerformanceType", "RankedCentreType", "RegionOverviewType"]

_MINUTE = 60


def _minutes(seconds: float | None) -> float | None:
    return round(seconds / _MINUTE, 1) if seconds is not None else None


@strawberry.type(name="DurationSummary", description="A span measured on every request that completed it.")
class DurationSummaryType:
    count: int
    median_minutes: float | None
    p90_minutes: float | None = strawberry.field(description="Nine in ten took at most this long.")
    mean_minutes: float | None

    @classmethod
    def of(cls, summary: DurationSummary) -> DurationSummaryType:
        return cls(
            count=summary.count,
            median_minutes=_minutes(summary.median_seconds),
            p90_minutes=_minutes(summary.p90_seconds),
            mean_minutes=_minutes(summary.mean_seconds),
        )


@strawberry.type(name="SlaBreaches")
class SlaBreachesType:
    receipt: int = strawberry.field(description="Receipts not acknowledged within the service level.")
    processing: int = strawberry.field(description="Steps not finished within the service level.")
    total: int


@strawberry.type(name="Ratings")
class RatingsType:
    count: int
    average: float | None


@strawberry.type(name="Figures", description="What happened over a period (counts on the day they happened).")
class FiguresType:
    submitted: int
    fees_collected: Decimal = strawberry.field(description="SAR collected at filing (fee plus service charge).")
    fees_refunded: Decimal
    fees_off_rate: int = strawberry.field(description="Fees whose service charge differs from the posted charge.")
    returned: int = strawberry.field(description="Returns to the centre for missing items.")
    returns_per_100: float | None = strawberry.field(description="Returns for missing items per 100 requests filed.")
    rejected: int
    cancelled: int
    expired: int
    completed: int = strawberry.field(description="Finished transactions back at the centre.")
    delivered: int
    delivered_late: int = strawberry.field(description="Handed over more than 3 days after completion.")
    acknowledgement: DurationSummaryType = strawberry.field(
        description="From submission to the first agency's acknowledgement of receipt."
    )
    delivery_after_completion: DurationSummaryType = strawberry.field(
        description="From completion (back at the centre) to delivery to the citizen."
    )
    sla_breaches: SlaBreachesType
    ratings: RatingsType
    complaints: int
    sms: SmsFiguresType = strawberry.field(description="The citizen SMS of this scope's requests and records.")

    @classmethod
    def of(cls, figures: Figures) -> FiguresType:
        return cls(
            submitted=figures[Counter.SUBMITTED],
            fees_collected=figures.fees_collected.riyals,
            fees_refunded=figures.fees_refunded.riyals,
            fees_off_rate=figures[Counter.OFF_RATE],
            returned=figures[Counter.RETURNED],
            returns_per_100=figures.returns_per_100,
            rejected=figures[Counter.REJECTED],
            cancelled=figures[Counter.CANCELLED],
            expired=figures[Counter.EXPIRED],
            completed=figures[Counter.COMPLETED],
            delivered=figures[Counter.DELIVERED],
            delivered_late=figures[Counter.DELIVERED_LATE],
            acknowledgement=DurationSummaryType.of(figures.duration(Duration.ACKNOWLEDGEMENT)),
            delivery_after_completion=DurationSummaryType.of(figures.duration(Duration.DELIVERY)),
            sla_breaches=SlaBreachesType(
                receipt=figures[Counter.RECEIPT_BREACHES],
                processing=figures[Counter.PROCESSING_BREACHES],
                total=figures.sla_breaches,
            ),
            ratings=RatingsType(count=figures[Counter.RATINGS], average=figures.rating_average),
            complaints=figures[Counter.COMPLAINTS],
            sms=SmsFiguresType.of(figures),
        )


@strawberry.type(name="DayFigures", description="One day's main counts, for charts.")
class DayFiguresType:
    day: date = strawberry.field(description=MADINAH_DAY)
    submitted: int
    fees_collected: Decimal
    returned: int
    delivered: int
    sla_breaches: int

    @classmethod
    def of(cls, day: DayFigures) -> DayFiguresType:
        return cls(
            day=day.day,
            submitted=day[Counter.SUBMITTED],
            fees_collected=Money(day[Counter.COLLECTED_HALALAS]).riyals,
            returned=day[Counter.RETURNED],
            delivered=day[Counter.DELIVERED],
            sla_breaches=day[Counter.RECEIPT_BREACHES] + day[Counter.PROCESSING_BREACHES],
        )


@strawberry.type(name="CentreFlag", description="Why the centre deserves an inspection visit.")
class CentreFlagType:
    kind: FlagKind
    count: int
    day: date | None = strawberry.field(description=MADINAH_DAY)
    norm: float | None = strawberry.field(description="VOLUME_SPIKE: the daily average of the 28 days before.")
    description: LocalizedTextType

    @classmethod
    def of(cls, flag: CentreFlag) -> CentreFlagType:
        return cls(
            kind=flag.kind,
            count=flag.count,
            day=flag.day,
            norm=flag.norm,
            description=LocalizedTextType.of(flag.description),
        )


@strawberry.type(name="CentrePerformance")
class CentrePerformanceType:
    centre: CentreType
    from_: date = strawberry.field(name="from", description=FIRST_DAY)
    to: date = strawberry.field(description=LAST_DAY)
    figures: FiguresType
    days: list[DayFiguresType]
    open_escalations: int
    open_complaints: int
    awaiting_delivery_over_3_days: int = strawberry.field(
        name="awaitingDeliveryOver3Days", description="Results back at the centre for more than 3 days (up to 100)."
    )
    flags: list[CentreFlagType]

    @classmethod
    def of(cls, performance: CentrePerformance) -> CentrePerformanceType:
        return cls(
            centre=CentreType.of(performance.centre),
            from_=performance.period.first,
            to=performance.period.last,
            figures=FiguresType.of(performance.figures),
            days=[DayFiguresType.of(d) for d in performance.days],
            open_escalations=performance.open_escalations,
            open_complaints=performance.open_complaints,
            awaiting_delivery_over_3_days=performance.awaiting_delivery_too_long,
            flags=[CentreFlagType.of(f) for f in performance.flags],
        )


@strawberry.type(name="AgencyFigures")
class AgencyFiguresType:
    agency_code: str
    forwarded: int
    received: int
    steps_completed: int
    returned: int
    rejected: int
    sla_breaches: SlaBreachesType
    sms: SmsFiguresType = strawberry.field(description="The citizen SMS about this agency's steps.")


@strawberry.type(name="CentreFigures")
class CentreFiguresType:
    centre_id: str
    figures: FiguresType


@strawberry.type(name="FlaggedCentre")
class FlaggedCentreType:
    centre_id: str
    flags: list[CentreFlagType]


@strawberry.type(name="RegionOverview", description="The region over a period: totals, agencies, centres, flags.")
class RegionOverviewType:
    from_: date = strawberry.field(name="from", description=FIRST_DAY)
    to: date = strawberry.field(description=LAST_DAY)
    figures: FiguresType
    days: list[DayFiguresType]
    open_escalations: int
    open_complaints: int
    awaiting_delivery_over_3_days: int = strawberry.field(name="awaitingDeliveryOver3Days")
    by_agency: list[AgencyFiguresType] = strawberry.field(description="SLA breaches and work by agency.")
    by_centre: list[CentreFiguresType]
    by_message: list[MessageKindFiguresType] = strawberry.field(description="Citizen SMS by kind of message.")
    flagged_centres: list[FlaggedCentreType]

    @classmethod
    def of(cls, overview: RegionOverview) -> RegionOverviewType:
        return cls(
            from_=overview.period.first,
            to=overview.period.last,
            figures=FiguresType.of(overview.figures),
            days=[DayFiguresType.of(d) for d in overview.days],
            open_escalations=overview.open_escalations,
            open_complaints=overview.open_complaints,
            awaiting_delivery_over_3_days=overview.awaiting_delivery_too_long,
            by_agency=[_agency(code, figures) for code, figures in sorted(overview.by_agency.items())],
            by_centre=[
                CentreFiguresType(centre_id=code, figures=FiguresType.of(figures))
                for code, figures in sorted(overview.by_centre.items())
            ],
            by_message=[
                MessageKindFiguresType(template=code, sms=SmsFiguresType.of(figures))
                for code, figures in sorted(overview.by_message.items())
            ],
            flagged_centres=[
                FlaggedCentreType(centre_id=code, flags=[CentreFlagType.of(f) for f in flags])
                for code, flags in sorted(overview.flags.items())
            ],
        )


def _agency(code: str, figures: Figures) -> AgencyFiguresType:
    return AgencyFiguresType(
        agency_code=code,
        forwarded=figures[Counter.FORWARDED],
        received=figures[Counter.RECEIVED],
        steps_completed=figures[Counter.STEPS_COMPLETED],
        returned=figures[Counter.RETURNED],
        rejected=figures[Counter.REJECTED],
        sla_breaches=SlaBreachesType(
            receipt=figures[Counter.RECEIPT_BREACHES],
            processing=figures[Counter.PROCESSING_BREACHES],
            total=figures.sla_breaches,
        ),
        sms=SmsFiguresType.of(figures),
    )


@strawberry.type(name="RankedCentre")
class RankedCentreType:
    rank: int
    centre_id: str
    value: float | None = strawberry.field(description="The metric (durations in minutes, money in SAR).")

    @classmethod
    def of(cls, ranked: RankedCentre, in_minutes: bool) -> RankedCentreType:
        value = _minutes(ranked.value) if in_minutes else ranked.value
        return cls(rank=ranked.rank, centre_id=ranked.centre_id, value=value)
