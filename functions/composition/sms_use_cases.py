"""The use cases of the citizens' SMS: sending from the outbox behind the SMS budget, delivery receipts and
retries, the aggregator's reports, the centres' call lists (docs/sms.md). Part of ``UseCases``."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from functions.composition.adapters import Adapters
    from functions.services.auditing import Auditor
    from functions.services.authorization import Authorizer
    from functions.services.call_list import CallList
    from functions.services.delivery_reports import DeliveryReports
    from functions.services.notifications import Notifications
    from functions.services.sms_budget import BudgetedGateway
    from functions.services.sms_delivery import SmsDelivery
    from functions.settings import UseCaseSettings

__all__ = ["SmsUseCases"]


class SmsUseCases:
    _adapters: Adapters
    _settings: UseCaseSettings

    if TYPE_CHECKING:  # built by UseCases, shared by every office

        @property
        def auditor(self) -> Auditor: ...
        @property
        def authorizer(self) -> Authorizer: ...

    @cached_property
    def notifications(self) -> Notifications:
        from functions.services.notifications import Notifications

        a = self._adapters
        return Notifications(
            notifications=a.notification_repository,
            citizens=a.citizens,
            gateway=self.sms_sender,
            signal=a.notification_signal,
            clock=a.clock,
            delivery=self.sms_delivery,
        )

    @cached_property
    def sms_sender(self) -> BudgetedGateway:
        """The providers' gateway behind the per-number hourly limit and the daily quota."""
        from functions.services.sms_budget import BudgetedGateway

        a = self._adapters
        return BudgetedGateway(a.sms_gateway, a.sms_budget, self._settings.sms_limits, a.clock)

    @cached_property
    def sms_delivery(self) -> SmsDelivery:
        from functions.services.sms_delivery import SmsDelivery

        a = self._adapters
        return SmsDelivery(
            notifications=a.notification_repository,
            citizens=a.citizens,
            gateway=self.sms_sender,
            clock=a.clock,
            policy=self._settings.sms_retry,
        )

    @cached_property
    def delivery_reports(self) -> DeliveryReports:
        from functions.services.delivery_reports import DeliveryReports

        a, settings = self._adapters, self._settings
        return DeliveryReports(
            secret=settings.sms_report_secret.encode("utf-8"),
            parse=a.delivery_report_parser,
            ledger=a.report_ledger,
            delivery=self.sms_delivery,
            clock=a.clock,
            window=settings.sms_report_window,
        )

    @cached_property
    def call_list(self) -> CallList:
        from functions.services.call_list import CallList

        a = self._adapters
        return CallList(
            calls=a.call_list_repository,
            citizens=a.citizens,
            auditor=self.auditor,
            authorizer=self.authorizer,
            clock=a.clock,
        )
