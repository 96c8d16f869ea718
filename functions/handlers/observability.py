"""The Powertools Logger, Tracer and Metrics shared by every handler (and the local dev server).

Every log line passes through :class:`MaskingFormatter`: national IDs and mobile numbers are masked
in the final JSON (message, extra fields and tracebacks alike), so personal data never reaches
CloudWatch in clear. Service name, namespace and level come from the POWERTOOLS_* variables.
The tracer patches botocore only (every AWS call, PynamoDB's included, goes through it): patching
every library X-Ray knows imports some (sqlite3, http.client...) just to patch them, on every cold start.
"""

from __future__ import annotations

import logging

from aws_lambda_powertools import Logger, Metrics, Tracer
from aws_lambda_powertools.logging.formatter import LambdaPowertoolsFormatter

from functions.domain.pii import mask_personal_data

__all__ = ["MaskingFormatter", "logger", "metrics", "tracer"]


class MaskingFormatter(LambdaPowertoolsFormatter):
    def format(self, record: logging.LogRecord) -> str:
        return mask_personal_data(super().format(record))


logger = Logger(service="shubbak", logger_formatter=MaskingFormatter())
tracer = Tracer(service="shubbak", patch_modules=("botocore",))
metrics = Metrics(service="shubbak")
