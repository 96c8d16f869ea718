"""One cold start, in this fresh process: run by ``bench/cold_start.py`` as
``python -S cold_start_probe.py floor <unpacked artifact>`` or
``python -S cold_start_probe.py handler <unpacked artifact> <expected __typename or "">`` with the
event on stdin.

``-S`` keeps the benchmark's virtual environment off ``sys.path``: only the artifact and the standard
library are importable, as on Lambda. Prints one JSON line of seconds since the probe started.
"""

import json
import sys
import time

started = time.perf_counter()
mode, artifact = sys.argv[1], sys.argv[2]
sys.path.insert(0, artifact)


class LambdaContext:
    """What the Lambda runtime hands a handler, as far as Powertools and Mangum read it."""

    function_name = "shubbak-prod-graphqlHttp"
    function_version = "$LATEST"
    memory_limit_in_mb = 1024
    invoked_function_arn = "arn:aws:lambda:me-south-1:123456789012:function:shubbak-prod-graphqlHttp"
    aws_request_id = "00000000-0000-0000-0000-000000000000"
    log_group_name = "/aws/lambda/shubbak-prod-graphqlHttp"
    log_stream_name = "cold-start"

    def get_remaining_time_in_millis(self) -> int:
        return 28_000


def check(response: dict, expected_type: str) -> None:
    """The first answer must be the operation's real result, not an error nor a problem."""
    body = json.loads(response["body"])
    if response["statusCode"] != 200 or "errors" in body or not body.get("data"):
        raise SystemExit(f"the first answer failed: {response}")
    (result,) = body["data"].values()
    if not result or (expected_type and result.get("__typename") != expected_type):
        raise SystemExit(f"the first answer is not a {expected_type or 'result'}: {body}")


if mode == "floor":
    # What any GraphQL function on Lambda with DynamoDB and Powertools must import and set up:
    # botocore (its clients), Strawberry, PynamoDB's models, and Powertools' three utilities as
    # functions/handlers/observability.py makes them (the Tracer patching botocore).
    import botocore.session  # noqa: F401
    import pynamodb.models  # noqa: F401
    import strawberry  # noqa: F401
    from aws_lambda_powertools import Logger, Metrics, Tracer

    Logger(service="shubbak")
    Tracer(service="shubbak", patch_modules=("botocore",))
    Metrics(service="shubbak")
    imported = app_loaded = answered = time.perf_counter()
else:
    event = json.loads(sys.stdin.read())
    from functions.handlers import graphql_http

    imported = time.perf_counter()
    graphql_http.app_modules()  # what the first request loads first (cached): timed apart, for the breakdown
    app_loaded = time.perf_counter()
    response = graphql_http.handler(event, LambdaContext())
    answered = time.perf_counter()
    check(response, sys.argv[3])

modules_from_artifact = sum(1 for m in list(sys.modules.values()) if artifact in (getattr(m, "__file__", "") or ""))
sys.__stdout__.write(
    json.dumps(
        {
            "import": imported - started,
            "app_loaded": app_loaded - started,
            "first_answer": answered - started,
            "modules": modules_from_artifact,
        }
    )
    + "\n"
)
