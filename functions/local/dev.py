"""``make dev``: the local stack, the pages on http://127.0.0.1:8000/ and GraphQL on http://127.0.0.1:8000/graphql."""

from __future__ import annotations

import os
import time

import uvicorn

from functions.domain.madinah_time import today_in_madinah
from functions.handlers.observability import logger  # noqa: F401  (configures masked JSON logging)
from functions.local.lambda_http_route import LambdaHttpRoute
from functions.local.provision import Templates
from functions.local.seeding import SeedPeople
from functions.local.stack import LocalStack, local_stack
from functions.local.web_pages import WEB_DIST, WebPages, security_headers
from functions.local.websocket_api import LocalWebSocketApi

HOST = "127.0.0.1"
DEMO_PASSWORD = SeedPeople.load(today_in_madinah()).password


def _banner(stack: LocalStack, http_port: int, seconds: float) -> str:
    env = stack.provisioned.environment
    resources = stack.provisioned.resources
    lines = [
        "",
        f"Shubbak local stack ready in {seconds:.1f} s  (Ctrl-C stops everything)",
        "",
        f"  Pages                http://{HOST}:{http_port}/   (the tracker: /track){'' if (WEB_DIST / 'index.html').exists() else '  NOT BUILT: make web-build'}",
        f"  GraphQL + GraphiQL   http://{HOST}:{http_port}/graphql",
        f"  Subscriptions        ws://{HOST}:{http_port}/graphql  (graphql-transport-ws; API Gateway's WebSocket API emulated)",
        f"  moto (AWS)           {stack.moto.endpoint_url}   (Step Functions execute; log .local-stack/moto.log)",
        "  Lambda handler       make invoke QUERY='{ agencies { code } }'",
        "",
        f"  DynamoDB tables      {', '.join(resources[t].ref for t in resources if t.endswith('Table'))}",
        f"  SNS topics           {', '.join(t for t in resources if t.endswith('Topic'))}",
        f"  SQS queues (+DLQ)    {', '.join(q for q in resources if q.endswith('Queue') and 'Dead' not in q)}",
        f"  S3 bucket            {resources['DocumentsBucket'].ref}",
        f"  Cognito user pool    {resources['UserPool'].ref}  client {resources['UserPoolClient'].ref}",
        f"  State machine        {resources['HandoffStateMachine'].ref}",
        f"  Stage                {env['SHUBBAK_STAGE']}  (introspection and GraphiQL on)",
        "",
        f"  Seeded               {len(stack.seed.agencies)} agencies, {len(stack.seed.services)} services,"
        f" {len(stack.staff)} staff (password {DEMO_PASSWORD}):",
        *(f"    {s.national_id}  {s.role.value:<16} {s.tenant or '':<14} {s.name_en}" for s in stack.staff),
        "",
        f"  SMS                  the fake aggregator {stack.environment['SMS_AGGREGATOR_URL']} (SNS on moto if it refuses);",
        "                       its simulated carrier reports to POST /sms/reports (test numbers: docs/sms.md)",
        "  Money                SADAD notifications to POST /sadad/payments (python -m functions.local.sadad_simulator);",
        f"                       settlement files to s3://{stack.environment['SETTLEMENTS_BUCKET']}/mada/ (docs/money.md)",
        "  SMS are printed below as they go out.",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    started = time.monotonic()
    moto_port = int(os.environ.get("SHUBBAK_MOTO_PORT", "5000"))
    http_port = int(os.environ.get("SHUBBAK_HTTP_PORT", "8000"))
    with local_stack(moto_port, http_port=http_port) as stack:
        print(_banner(stack, http_port, time.monotonic() - started), flush=True)
        from functions.handlers import graphql_ws, sadad_payments, sms_reports  # noqa: PLC0415 (reads the stack's environment)

        pages = WebPages(stack.container.asgi_app, headers=security_headers(Templates.load(), stack.moto.endpoint_url))
        reports = LambdaHttpRoute(pages, method="POST", path="/sms/reports", handler=sms_reports.handler)
        payments = LambdaHttpRoute(reports, method="POST", path="/sadad/payments", handler=sadad_payments.handler)
        app = LocalWebSocketApi(payments, graphql_ws.handler)
        uvicorn.run(app, host=HOST, port=http_port, log_level="info")
    print("Local stack stopped.")


if __name__ == "__main__":
    main()
