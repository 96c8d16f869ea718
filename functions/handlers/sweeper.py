"""Scheduled: recover what a crash between a commit and its follow-up left behind.

SMS recorded but never announced are announced again; SMS whose temporary failure waits for its next
attempt are sent again (docs/sms.md); stages of a route that were due but never started
are started (executions are named after the request and the stage, so a second start is harmless). And the documents
of requests that closed, and of drafts never filed, are handed to the documents bucket's retention
rules (tagging twice is harmless). SADAD bills past their expiry cancel their filings (docs/money.md).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from aws_lambda_powertools.utilities.typing import LambdaContext

from functions.bootstrap import container
from functions.handlers.observability import logger

LEFT_FOR = timedelta(minutes=2)


@logger.inject_lambda_context
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, int]:
    use_cases = container().use_cases
    return {
        "announced": use_cases.notifications.announce_pending(LEFT_FOR),
        "sms_retried": use_cases.sms_delivery.retry_due(),
        "routed": use_cases.route_stages.start_stranded(LEFT_FOR),
        "retained": use_cases.request_documents.start_retention(),
        "drafts_reviewed": use_cases.request_documents.abandon_unfiled_drafts(),
        "bills_expired": use_cases.sadad_payments.expire_due(),
    }
