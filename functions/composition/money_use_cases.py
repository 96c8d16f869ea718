"""The use cases of the centres' money: statements, remittances and closing days, SADAD's payments, the
settlement files' reconciliation (docs/money.md). Part of ``UseCases``."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from functions.composition.adapters import Adapters
    from functions.services.auditing import Auditor
    from functions.services.authorization import Authorizer
    from functions.services.centre_money import CentreMoney
    from functions.services.request_sms import RequestSms
    from functions.services.request_updates import RequestUpdates
    from functions.services.route_stages import RouteStages
    from functions.services.sadad_payments import SadadPayments
    from functions.services.settlement_ingestion import SettlementIngestion
    from functions.settings import UseCaseSettings

__all__ = ["MoneyUseCases"]


class MoneyUseCases:
    _adapters: Adapters
    _settings: UseCaseSettings

    if TYPE_CHECKING:  # built by UseCases

        @property
        def auditor(self) -> Auditor: ...
        @property
        def authorizer(self) -> Authorizer: ...
        @property
        def request_updates(self) -> RequestUpdates: ...
        @property
        def request_sms(self) -> RequestSms: ...
        @property
        def route_stages(self) -> RouteStages: ...

    @cached_property
    def centre_money(self) -> CentreMoney:
        from functions.services.centre_money import CentreMoney

        a = self._adapters
        return CentreMoney(
            ledger=a.ledger,
            settlements=a.settlements,
            centres=a.centres,
            auditor=self.auditor,
            authorizer=self.authorizer,
            clock=a.clock,
        )

    @cached_property
    def settlement_ingestion(self) -> SettlementIngestion:
        from functions.services.settlement_ingestion import SettlementIngestion

        a = self._adapters
        return SettlementIngestion(settlements=a.settlements, files=a.settlement_files, clock=a.clock)

    @cached_property
    def sadad_payments(self) -> SadadPayments:
        from functions.services.sadad_payments import SadadPayments

        a, settings = self._adapters, self._settings
        return SadadPayments(
            secret=settings.sadad_secret.encode("utf-8"),
            window=settings.sadad_window,
            requests=a.requests,
            updates=self.request_updates,
            sms=self.request_sms,
            stages=self.route_stages,
            seen=a.report_ledger,
            clock=a.clock,
        )
