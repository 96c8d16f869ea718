"""SADAD's payment-notification webhook (HTTP API, no user token: each notification is signed, see
``services/sadad_payments.py``) -> one bill paid; a refusal is a coded JSON answer."""

from __future__ import annotations

from typing import Any

from aws_lambda_powertools.utilities.typing import LambdaContext

from functions.bootstrap import container
from functions.domain.errors import DomainError
from functions.handlers.observability import logger
from functions.handlers.webhooks import answer, refused, signed_request


@logger.inject_lambda_context(correlation_id_path="requestContext.requestId")
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    try:
        outcome = container().use_cases.sadad_payments.receive(*signed_request(event))
    except DomainError as refusal:
        logger.warning("SADAD notification refused", extra={"code": refusal.code.value})
        return refused(refusal)
    return answer(200, {"outcome": outcome.value})
