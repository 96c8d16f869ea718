"""Start the whole local stack: moto server, resources from infra/, seed data, the queue pump.

Used by ``make dev`` and by the end-to-end tests. The stack's environment (table names, topic ARNs,
endpoint) is exported to this process (so the Lambda handlers the pump invokes read it exactly as on
AWS) and written to ``.local-stack/env.json`` (``$SHUBBAK_LOCAL_STATE`` overrides the folder) so other
local tools (``make invoke``, ``make demo``) can reach a running stack.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from functions import bootstrap
from functions.adapters.topics.notifications import parse_signal
from functions.bootstrap import Container
from functions.local.bucket_events import BucketEvents
from functions.local.fake_aggregator import FakeAggregator
from functions.local.moto_server import MotoServer
from functions.local.provision import PROJECT_ROOT, ProvisionedStack, provision
from functions.local.queue_pump import QueuePump, QueueRoute
from functions.local.schedule import ScheduledRoute, Scheduler
from functions.local.seeding import DemoStaff, SeedCatalogue, seed_calendar, seed_catalogue, seed_people
from functions.local.simulated_carrier import SimulatedCarrier

__all__ = ["FAKE_CREDENTIALS", "LOCAL_STATE_DIR", "LocalStack", "load_environment", "local_stack", "queue_routes"]

LOCAL_STATE_DIR = Path(os.environ.get("SHUBBAK_LOCAL_STATE", PROJECT_ROOT / ".local-stack"))
ENVIRONMENT_FILE = LOCAL_STATE_DIR / "env.json"
FAKE_CREDENTIALS = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_SESSION_TOKEN": "testing",
    "AWS_DEFAULT_REGION": "me-south-1",
    "POWERTOOLS_TRACE_DISABLED": "true",
    "POWERTOOLS_METRICS_NAMESPACE": "Shubbak",
}


@dataclass
class LocalStack:
    moto: MotoServer
    provisioned: ProvisionedStack
    container: Container
    seed: SeedCatalogue
    staff: list[DemoStaff]
    pump: QueuePump

    @property
    def environment(self) -> dict[str, str]:
        return {**FAKE_CREDENTIALS, **self.provisioned.environment}


def use_fake_credentials() -> None:
    """Never let a local run reach a real AWS account, whatever the shell has configured."""
    os.environ.update(FAKE_CREDENTIALS)
    os.environ.pop("AWS_PROFILE", None)


def queue_routes(
    container: Container, stack: ProvisionedStack, on_sms: Callable[[str], None] | None
) -> list[QueueRoute]:
    """Each queue of infra/ wired to the handler serverless.yml wires it to."""
    from functions.handlers import handoffs, notifications  # noqa: PLC0415 (reads the stack's environment)

    sms_queue = stack.resources["NotificationsQueue"]
    handoff_queue = stack.resources["HandoffsQueue"]
    return [
        QueueRoute("handoffs", handoff_queue.ref, handoff_queue.attributes["Arn"], handoffs.handler),
        QueueRoute("notifications", sms_queue.ref, sms_queue.attributes["Arn"], notifications.handler, on_sms),
        *live_event_routes(stack),
        *monitoring_routes(stack),
    ]


def monitoring_routes(stack: ProvisionedStack) -> list[QueueRoute]:
    """The monitoring office's consumers: request events into figures, SLA breaches into escalations."""
    from functions.handlers import escalations, figures  # noqa: PLC0415 (reads the stack's environment)

    figures_queue = stack.resources["FiguresQueue"]
    monitoring_queue = stack.resources["MonitoringQueue"]
    return [
        QueueRoute("figures", figures_queue.ref, figures_queue.attributes["Arn"], figures.handler),
        QueueRoute("escalations", monitoring_queue.ref, monitoring_queue.attributes["Arn"], escalations.handler),
    ]


def live_event_routes(stack: ProvisionedStack) -> list[QueueRoute]:
    """The live events queue to the WebSocket fan-out (serverless.yml: liveEvents)."""
    from functions.handlers import live_events  # noqa: PLC0415 (reads the stack's environment)

    queue = stack.resources["LiveEventsQueue"]
    return [QueueRoute("liveEvents", queue.ref, queue.attributes["Arn"], live_events.handler)]


def scheduled_routes() -> list[ScheduledRoute]:
    """Scheduled handlers of serverless.yml run locally, every second or two where AWS's are minutes: the
    connections sweep, and the sweeper (which sends temporarily failed SMS again when due)."""
    from functions.handlers import connections_sweeper, sweeper  # noqa: PLC0415 (reads the stack's environment)

    return [
        ScheduledRoute("connectionsSweeper", connections_sweeper.handler, every_seconds=1.0),
        ScheduledRoute("sweeper", sweeper.handler, every_seconds=2.0),
    ]


def settlement_events(container: Container, stack: ProvisionedStack) -> BucketEvents:
    """Settlement files put in the bucket, to the settlementFiles function (serverless.yml: via EventBridge)."""
    from functions.handlers import settlement_files  # noqa: PLC0415 (reads the stack's environment)

    bucket = stack.resources["SettlementsBucket"].ref
    return BucketEvents(
        container.adapters.client("s3"), bucket, ("mada/", "sadad/"), settlement_files.handler, stack.region
    )


LOCAL_SMS = {
    "SMS_PROVIDERS": "aggregator,sns",
    "SMS_AGGREGATOR_API_KEY": "local-aggregator-key",
    "SMS_REPORT_SECRET": "local-report-secret",
    "SMS_RETRY_FIRST_DELAY_SECONDS": "2",
    "SMS_RETRY_LONGEST_DELAY_SECONDS": "10",
    "SMS_RETRY_WINDOW_SECONDS": "60",
    "SMS_PER_NUMBER_PER_HOUR": "200",  # the demo and the browser tests send many messages to a few numbers
}
"""Locally the fake aggregator sends (SNS on moto takes over when it refuses), its simulated carrier
reports to the dev server's webhook within a second, and retries come in seconds (docs/sms.md)."""


LOCAL_SADAD = {"SADAD_NOTIFICATION_SECRET": "local-sadad-secret", "SADAD_BILL_HOURS": "72"}
"""Locally the SADAD simulator signs its payment notifications with this (docs/money.md)."""


def fake_aggregator(http_port: int) -> FakeAggregator:
    return FakeAggregator(
        api_key=LOCAL_SMS["SMS_AGGREGATOR_API_KEY"],
        report_secret=LOCAL_SMS["SMS_REPORT_SECRET"],
        report_url=f"http://127.0.0.1:{http_port}/sms/reports",
        carrier=SimulatedCarrier(delay_seconds=0.5),
    )


@contextmanager
def local_stack(moto_port: int, *, print_sms: bool = True, http_port: int = 8000) -> Iterator[LocalStack]:
    use_fake_credentials()
    LOCAL_STATE_DIR.mkdir(parents=True, exist_ok=True)
    with (
        MotoServer(moto_port, log_path=LOCAL_STATE_DIR / "moto.log") as moto,
        fake_aggregator(http_port) as aggregator,
    ):
        provisioned = provision(endpoint_url=moto.endpoint_url, websocket_url=f"http://127.0.0.1:{http_port}")
        provisioned.environment |= {
            **LOCAL_SMS,
            "SMS_AGGREGATOR_URL": aggregator.url,
            "SETTLEMENTS_BUCKET": provisioned.resources["SettlementsBucket"].ref,  # for the acquirer simulator
            **LOCAL_SADAD,
        }
        os.environ.update(provisioned.environment)
        bootstrap.container.cache_clear()
        container = bootstrap.container()
        seed = seed_catalogue(container.use_cases.catalogue)
        seed_calendar(container.use_cases.business_calendars)
        staff = seed_people(container)
        on_sms = sms_printer(container) if print_sms else None
        pump = QueuePump(
            container.adapters.client("sqs"), queue_routes(container, provisioned, on_sms), provisioned.region
        )
        stack = LocalStack(moto, provisioned, container, seed, staff, pump.start())
        ENVIRONMENT_FILE.write_text(json.dumps(stack.environment, indent=2))
        scheduler = Scheduler(scheduled_routes()).start()
        settlements = settlement_events(container, provisioned).start()
        try:
            yield stack
        finally:
            settlements.stop()
            scheduler.stop()
            pump.stop()
            ENVIRONMENT_FILE.unlink(missing_ok=True)


def sms_printer(container: Container) -> Callable[[str], None]:
    """Prints each SMS as it goes out (the local stand-in for a phone)."""

    def print_sms(body: str) -> None:
        citizen_id, event_key = parse_signal(body)
        sent = container.adapters.notification_repository.get_notification(citizen_id, event_key)
        if sent is not None and sent.text:
            print(f"  SMS to {sent.masked_mobile}: {sent.text}", flush=True)

    return print_sms


def stack_client(service: str, environment: dict[str, str]) -> Any:
    """A boto3 client of the running local stack, for the local tools (the demo, redrive, the tests)."""
    import boto3  # noqa: PLC0415 - the local tools only

    name: Any = service  # boto3's stubs know each service's client by its literal name, not a str
    return boto3.client(
        name,
        region_name=environment["AWS_REGION"],
        endpoint_url=environment.get("AWS_ENDPOINT_URL"),
        aws_access_key_id=environment["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=environment["AWS_SECRET_ACCESS_KEY"],
        aws_session_token=environment.get("AWS_SESSION_TOKEN"),
    )


def load_environment() -> dict[str, str]:
    """The environment of the running ``make dev`` stack (for local tools)."""
    if not ENVIRONMENT_FILE.exists():
        raise SystemExit("No local stack is running: start it with `make dev` first.")
    environment: dict[str, str] = json.loads(ENVIRONMENT_FILE.read_text())
    return environment
