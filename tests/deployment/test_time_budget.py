"""CHAOS-06 against the packaged template: the worst case of every AWS call, computed from the clients'
settings, fits inside every function's timeout with a margin; the HTTP function's deadline, its last
attempt and the margin fit before the function and the gateway give up; a filing's in-progress record
frees itself once its request can no longer be working."""

from __future__ import annotations

from typing import Any

from functions.adapters.access_tokens import JWKS_TIMEOUT_SECONDS
from functions.adapters.call_budget import ATTEMPT_SECONDS, CLIENT_CONFIG, worst_case_seconds
from functions.api.request_deadline import LAMBDA_MARGIN_SECONDS
from functions.composition.aws import IN_PROGRESS_MARGIN_SECONDS
from functions.settings import Settings
from tests.deployment.template_rules import functions, resources_of_type

Template = dict[str, Any]
MARGIN_SECONDS = 2.0
"""What is left after the worst case: the answer is still written, logged and returned."""
REQUEST_DEADLINE_SECONDS = Settings.__dataclass_fields__["request_deadline_seconds"].default


def handler_timeouts(template: Template) -> dict[str, float]:
    return {
        function["Properties"]["Handler"]: float(function["Properties"]["Timeout"])
        for function in functions(template).values()
    }


def test_one_call_with_every_attempt_stalled_fits_inside_every_function(template: Template) -> None:
    worst = worst_case_seconds(CLIENT_CONFIG)
    assert worst == 18.0  # 3 attempts of 1 s connect + 4 s read, backoffs of at most 1 s and 2 s
    too_short = {handler: t for handler, t in handler_timeouts(template).items() if worst + MARGIN_SECONDS > t}
    assert too_short == {}


def test_the_http_functions_deadline_answers_before_the_function_and_the_gateway_give_up(template: Template) -> None:
    timeout = handler_timeouts(template)["functions/handlers/graphql_http.handler"]
    # the last attempt may start just before the deadline; the token check's JWKS fetch runs within it
    assert timeout >= REQUEST_DEADLINE_SECONDS + ATTEMPT_SECONDS + MARGIN_SECONDS
    assert JWKS_TIMEOUT_SECONDS <= ATTEMPT_SECONDS
    assert timeout - LAMBDA_MARGIN_SECONDS >= REQUEST_DEADLINE_SECONDS  # the invocation's time never cuts it
    integrations = resources_of_type(template, "AWS::ApiGatewayV2::Integration")
    gateway = [
        i["Properties"]["TimeoutInMillis"] / 1000 for i in integrations.values() if "TimeoutInMillis" in i["Properties"]
    ]
    assert gateway
    assert all(timeout < seconds for seconds in gateway)


def test_a_filings_in_progress_record_frees_itself_after_its_deadline_and_within_the_function(
    template: Template,
) -> None:
    timeout = handler_timeouts(template)["functions/handlers/graphql_http.handler"]
    budget = REQUEST_DEADLINE_SECONDS + IN_PROGRESS_MARGIN_SECONDS
    assert REQUEST_DEADLINE_SECONDS < budget <= timeout
