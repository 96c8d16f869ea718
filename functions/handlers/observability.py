"""The Powertools Logger, Tracer and Metrics shared by every handler.

Service name, metrics namespace and log level come from the POWERTOOLS_* variables that
serverless.yml sets; Powertools reads them itself. The tracer patches botocore only (every AWS call,
PynamoDB's included, goes through it): patching every library X-Ray knows imports some (sqlite3,
http.client...) just to patch them, on every cold start.
"""

from __future__ import annotations

from aws_lambda_powertools import Logger, Metrics, Tracer

__all__ = ["logger", "metrics", "tracer"]

logger = Logger()
tracer = Tracer(patch_modules=("botocore",))
metrics = Metrics()
