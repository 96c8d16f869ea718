"""SNS as the SMS gateway: one text to one citizen's mobile (the topics are ``adapters/topics/``).

Its delivery receipts come back through SNS's SMS delivery-status logs (``adapters/sns_delivery_logs.py``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from botocore.exceptions import BotoCoreError, ClientError

from functions.domain.mobile import SaudiMobile
from functions.services.sms_ports import SentSms, SmsProviderError

if TYPE_CHECKING:
    from mypy_boto3_sns import SNSClient

__all__ = ["SNS_PROVIDER", "SnsSmsGateway"]

SNS_PROVIDER = "sns"


class SnsSmsGateway:
    def __init__(self, client: SNSClient, sender_id: str) -> None:
        self._sns = client
        self._sender_id = sender_id

    def send_sms(self, mobile: SaudiMobile, text: str) -> SentSms:
        try:
            response = self._sns.publish(
                PhoneNumber=mobile.e164,
                Message=text,
                MessageAttributes={
                    "AWS.SNS.SMS.SMSType": {"DataType": "String", "StringValue": "Transactional"},
                    "AWS.SNS.SMS.SenderID": {"DataType": "String", "StringValue": self._sender_id},
                },
            )
        except (BotoCoreError, ClientError) as error:
            raise SmsProviderError(f"SNS did not take the message: {type(error).__name__}") from error
        return SentSms(SNS_PROVIDER, response["MessageId"])
