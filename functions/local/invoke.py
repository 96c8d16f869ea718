"""``make invoke QUERY='...'``: send a GraphQL query through the Lambda handler, as API Gateway would.

Builds an HTTP API (payload v2) event and calls ``functions.handlers.graphql_http.handler`` in this
process, against the running ``make dev`` stack.
"""

from __future__ import annotations

import json
import os
import sys

from functions.local.http_api_event import http_api_event
from functions.local.lambda_context import FakeLambdaContext
from functions.local.stack import load_environment


def main() -> None:
    if len(sys.argv) < 2:  # noqa: PLR2004
        raise SystemExit("usage: python -m functions.local.invoke '<graphql query>' [bearer-token]")
    os.environ.update(load_environment())
    from functions.handlers.graphql_http import handler  # noqa: PLC0415 (needs the stack's environment)

    token = sys.argv[2] if len(sys.argv) > 2 else None  # noqa: PLR2004
    event = http_api_event({"query": sys.argv[1]}, token=token)
    response = handler(event, FakeLambdaContext())
    print(f"HTTP {response['statusCode']}")
    print(json.dumps(json.loads(response["body"]), ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
