"""The SMS gateway every use case sends through: the providers' gateway, behind the per-number hourly
limit and the daily quota (``functions/domain/sms_budget.py``). A message over a limit raises ``SmsHeld``
before any provider sees it; the senders hold it for a later attempt."""

from __future__ import annotations

from functions.domain.mobile import SaudiMobile
from functions.domain.sms_budget import SmsLimits, day_key, number_key
from functions.services.ports import Clock, SmsGateway
from functions.services.sms_ports import SentSms, SmsBudget, SmsHeld

__all__ = ["BudgetedGateway"]


class BudgetedGateway:
    def __init__(self, gateway: SmsGateway, budget: SmsBudget, limits: SmsLimits, clock: Clock) -> None:
        self._gateway = gateway
        self._budget = budget
        self._limits = limits
        self._clock = clock

    def send_sms(self, mobile: SaudiMobile, text: str) -> SentSms:
        now = self._clock.now()
        refused = self._budget.take(
            number_key(mobile, now),
            self._limits.per_number_per_hour,
            day_key(now),
            self._limits.daily_quota,
        )
        if refused is not None:
            raise SmsHeld(refused)
        return self._gateway.send_sms(mobile, text)
