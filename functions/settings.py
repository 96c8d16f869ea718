"""What a deployment tells the code: every setting, read once from the environment by the composition
root (``functions/bootstrap.py``, the only module that reads the process environment) through :meth:`Settings.from_environ`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta

from functions.adapters.dynamodb.table import TableBinding
from functions.domain.sms_budget import SmsLimits
from functions.domain.sms_retry import RetryPolicy
from functions.domain.upload_limits import UploadLimits

__all__ = ["MissingSetting", "Settings", "SmsSettings", "UseCaseSettings"]


class MissingSetting(RuntimeError):
    """A required environment variable is not set: the deployment is broken, fail the cold start."""


@dataclass(frozen=True)
class UseCaseSettings:
    """What the use cases are tuned by; the defaults are production's (the unit tests' fakes take them too)."""

    sla_seconds_per_hour: int = 3600
    """Tests shrink SLA hours to seconds (e.g. 1) to watch escalations happen; production keeps 3600."""
    standing_seconds: int = 30
    """How long a process keeps what it read of a staff account's and a centre's standing (AUTH-08: every
    staff operation is refused within this of a disable, suspension or revocation; at most 60)."""
    document_limits: UploadLimits = field(default_factory=UploadLimits)
    """Largest document, lifetimes of upload forms and download links (``DOCUMENT_*`` to change them)."""
    connection_init_seconds: int = 10
    """How long a new WebSocket connection may take to send ``connection_init`` (graphql-transport-ws)."""
    connection_lifetime: timedelta = timedelta(hours=2)
    """API Gateway closes a WebSocket connection after two hours whatever happens: so do we."""
    subscriptions_per_connection: int = 20
    sms_retry: RetryPolicy = field(default_factory=RetryPolicy)
    """How long and how often a temporarily failed SMS is tried again (``SMS_RETRY_*``, docs/sms.md)."""
    sms_report_secret: str = ""
    """Shared with the aggregator, which signs its delivery reports with it (HMAC-SHA256); empty: every
    report is refused."""
    sms_report_window: timedelta = timedelta(minutes=5)
    """A delivery report signed longer ago (or ahead) than this is refused as a possible replay."""
    sms_limits: SmsLimits = field(default_factory=SmsLimits)
    """SMS to one number per Madinah hour, and the deployment's daily quota (``SMS_PER_NUMBER_PER_HOUR``,
    ``SMS_DAILY_QUOTA``; docs/sms.md)."""
    records_per_mobile: int = 5
    """How many citizens' records one mobile number may be on (a family shares a phone; docs/sms.md)."""
    sadad_secret: str = ""
    """Shared with SADAD, which signs its payment notifications with it (HMAC-SHA256); empty: every
    notification is refused."""
    sadad_window: timedelta = timedelta(minutes=5)
    """A payment notification signed longer ago (or ahead) than this is refused as a possible replay."""
    sadad_bill_lifetime: timedelta = timedelta(hours=72)
    """How long a SADAD bill may be paid before its filing is cancelled (``SADAD_BILL_HOURS``)."""


@dataclass(frozen=True)
class SmsSettings:
    """Which SMS providers send, in order (the second takes what the first refuses), and their settings."""

    providers: tuple[str, ...] = ("sns",)
    sender_id: str = "Shubbak"
    """The alphanumeric sender ID registered for the deployment (docs/sms.md: registered by a local aggregator)."""
    aggregator_url: str | None = None
    aggregator_api_key: str | None = None

    @classmethod
    def from_environ(cls, environ: Mapping[str, str]) -> SmsSettings:
        providers = tuple(p.strip() for p in (environ.get("SMS_PROVIDERS") or "sns").split(",") if p.strip())
        unknown = set(providers) - {"sns", "aggregator"}
        if unknown or not providers or len(providers) > len(set(providers)):
            raise MissingSetting(f"SMS_PROVIDERS: one or two of sns, aggregator (got {sorted(unknown) or providers})")
        settings = cls(
            providers=providers,
            sender_id=environ.get("SMS_SENDER_ID") or "Shubbak",
            aggregator_url=environ.get("SMS_AGGREGATOR_URL") or None,
            aggregator_api_key=environ.get("SMS_AGGREGATOR_API_KEY") or None,
        )
        if "aggregator" in providers and not (settings.aggregator_url and settings.aggregator_api_key):
            raise MissingSetting("SMS_AGGREGATOR_URL and SMS_AGGREGATOR_API_KEY (SMS_PROVIDERS names the aggregator)")
        return settings


@dataclass(frozen=True)
class Settings:
    stage: str
    region: str
    main_table: str
    audit_table: str
    notifications_topic_arn: str
    events_topic_arn: str
    user_pool_id: str
    user_pool_client_id: str
    idempotency_table: str
    handoff_state_machine_arn: str
    connections_table: str
    websocket_management_url: str
    """The WebSocket API's stage URL, whose ``@connections`` endpoint reaches connected clients."""
    documents_bucket: str
    task_token_key_id: str
    """The KMS key that wraps the data key sealing Step Functions task tokens at rest."""
    endpoint_url: str | None = None
    request_deadline_seconds: float = 20.0
    """Each HTTP request's time for its work, within the function's 28 s (docs/hardening.md, CHAOS-06)."""
    use_cases: UseCaseSettings = field(default_factory=UseCaseSettings)
    sms: SmsSettings = field(default_factory=SmsSettings)

    @classmethod
    def from_environ(cls, environ: Mapping[str, str]) -> Settings:
        def required(name: str) -> str:
            value = environ.get(name)
            if not value:
                raise MissingSetting(name)
            return value

        return cls(
            stage=required("SHUBBAK_STAGE"),
            region=required("AWS_REGION"),
            main_table=required("MAIN_TABLE"),
            audit_table=required("AUDIT_TABLE"),
            notifications_topic_arn=required("NOTIFICATIONS_TOPIC_ARN"),
            events_topic_arn=required("EVENTS_TOPIC_ARN"),
            user_pool_id=required("USER_POOL_ID"),
            user_pool_client_id=required("USER_POOL_CLIENT_ID"),
            idempotency_table=required("IDEMPOTENCY_TABLE"),
            handoff_state_machine_arn=required("HANDOFF_STATE_MACHINE_ARN"),
            connections_table=required("CONNECTIONS_TABLE"),
            websocket_management_url=required("WEBSOCKET_MANAGEMENT_URL"),
            documents_bucket=required("DOCUMENTS_BUCKET"),
            task_token_key_id=required("TASK_TOKEN_KEY_ID"),
            endpoint_url=environ.get("AWS_ENDPOINT_URL") or None,
            request_deadline_seconds=float(environ.get("REQUEST_DEADLINE_SECONDS") or 20),
            use_cases=UseCaseSettings(
                sla_seconds_per_hour=int(environ.get("SLA_SECONDS_PER_HOUR") or 3600),
                connection_init_seconds=int(environ.get("CONNECTION_INIT_SECONDS") or 10),
                standing_seconds=int(environ.get("STANDING_SECONDS") or 30),
                document_limits=UploadLimits(
                    max_bytes=int(environ.get("DOCUMENT_MAX_BYTES") or UploadLimits.max_bytes),
                    upload_seconds=int(environ.get("DOCUMENT_UPLOAD_SECONDS") or UploadLimits.upload_seconds),
                    download_seconds=int(environ.get("DOCUMENT_DOWNLOAD_SECONDS") or UploadLimits.download_seconds),
                ),
                sms_retry=_retry_policy(environ),
                sms_report_secret=environ.get("SMS_REPORT_SECRET") or "",
                sms_report_window=timedelta(seconds=int(environ.get("SMS_REPORT_WINDOW_SECONDS") or 300)),
                records_per_mobile=max(1, int(environ.get("RECORDS_PER_MOBILE") or 5)),
                sms_limits=SmsLimits(
                    per_number_per_hour=max(1, int(environ.get("SMS_PER_NUMBER_PER_HOUR") or 30)),
                    daily_quota=max(0, int(environ.get("SMS_DAILY_QUOTA") or 0)),
                ),
                sadad_secret=environ.get("SADAD_NOTIFICATION_SECRET") or "",
                sadad_window=timedelta(seconds=int(environ.get("SADAD_NOTIFICATION_WINDOW_SECONDS") or 300)),
                sadad_bill_lifetime=timedelta(hours=float(environ.get("SADAD_BILL_HOURS") or 72)),
            ),
            sms=SmsSettings.from_environ(environ),
        )

    def table(self, name: str) -> TableBinding:
        return TableBinding(name=name, region=self.region, endpoint_url=self.endpoint_url)

    @property
    def token_issuer(self) -> str:
        return f"https://cognito-idp.{self.region}.amazonaws.com/{self.user_pool_id}"

    @property
    def jwks_url(self) -> str:
        """Cognito's JWKS; moto's server publishes it at the same path under its own endpoint."""
        host = self.endpoint_url or f"https://cognito-idp.{self.region}.amazonaws.com"
        return f"{host}/{self.user_pool_id}/.well-known/jwks.json"


def _retry_policy(environ: Mapping[str, str]) -> RetryPolicy:
    def seconds(name: str, default: timedelta) -> timedelta:
        value = environ.get(name)
        return timedelta(seconds=int(value)) if value else default

    standard = RetryPolicy()
    return RetryPolicy(
        window=seconds("SMS_RETRY_WINDOW_SECONDS", standard.window),
        first_delay=seconds("SMS_RETRY_FIRST_DELAY_SECONDS", standard.first_delay),
        longest_delay=seconds("SMS_RETRY_LONGEST_DELAY_SECONDS", standard.longest_delay),
    )
