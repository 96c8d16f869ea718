"""Two SMS providers as one gateway: the first configured takes every message, the second any message
the first did not take (``SmsProviderError``); only when both refuse does the send fail (docs/sms.md)."""

from __future__ import annotations

import logging

from functions.domain.mobile import SaudiMobile
from functions.services.ports import SmsGateway
from functions.services.sms_ports import SentSms, SmsProviderError

__all__ = ["FailoverSmsGateway"]

logger = logging.getLogger("shubbak.sms")


class FailoverSmsGateway:
    def __init__(self, primary: SmsGateway, secondary: SmsGateway) -> None:
        self._primary = primary
        self._secondary = secondary

    def send_sms(self, mobile: SaudiMobile, text: str) -> SentSms:
        try:
            return self._primary.send_sms(mobile, text)
        except SmsProviderError as error:
            logger.warning("the first SMS provider failed, trying the second: %s", error)
        return self._secondary.send_sms(mobile, text)
