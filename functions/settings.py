"""What a deployment tells the code: every setting, read once from the environment by the composition
root (``functions/bootstrap.py``, the only module that reads the process environment) through :meth:`Settings.from_environ`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta

from functions.adapters.dynamodb.table import TableBinding
from functions.domain.upload_limits import UploadLimits

__all__ = ["MissingSetting", "Settings", "UseCaseSettings"]


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
            ),
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
