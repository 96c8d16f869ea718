"""A stand-in for the Lambda runtime's context object, for local invocations and tests."""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass, field

__all__ = ["FakeLambdaContext"]


@dataclass
class FakeLambdaContext:
    function_name: str = "shubbak-local-graphqlHttp"
    function_version: str = "$LATEST"
    memory_limit_in_mb: int = 1024
    timeout_seconds: float = 28.0
    aws_request_id: str = field(default_factory=lambda: uuid.uuid4().hex)
    invoked_function_arn: str = "arn:aws:lambda:me-south-1:123456789012:function:shubbak-local-graphqlHttp"
    log_group_name: str = "/aws/lambda/shubbak-local-graphqlHttp"
    log_stream_name: str = "local"
    _started: float = field(default_factory=time.monotonic)

    def get_remaining_time_in_millis(self) -> int:
        return max(0, int((self.timeout_seconds - (time.monotonic() - self._started)) * 1000))
