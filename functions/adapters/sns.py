"""SNS as the SMS gateway: one text to one citizen's mobile (the topics are ``adapters/topics/``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from functions.domain.mobile import SaudiMobile

if TYPE_CHECKING:
    from mypy_boto3_sns import SNSClient

__all__ = ["SnsSmsGateway"]

SENDER_ID = "Shubbak"


class SnsSmsGateway:
    def __init__(self, client: SNSClient) -> None:
        self._sns = client

    def send_sms(self, mobile: SaudiMobile, text: str) -> str:
        response = self._sns.publish(
            PhoneNumber=mobile.e164,
            Message=text,
            MessageAttributes={
                "AWS.SNS.SMS.SMSType": {"DataType": "String", "StringValue": "Transactional"},
                "AWS.SNS.SMS.SenderID": {"DataType": "String", "StringValue": SENDER_ID},
            },
        )
        return response["MessageId"]
