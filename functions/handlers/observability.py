"""The Powertools Logger, Tracer and Metrics shared by every handler.

Service name, metrics namespace and log level come from the POWERTOOLS_* variables that
serverless.yml sets; Powertools reads them itself.
"""

from __future__ import annotations

from aws_lambda_powertools import Logger, Metrics, Tracer

__all__ = ["logger", "metrics", "tracer"]

logger = Logger()
tracer = Tracer()
metrics = Metrics()
