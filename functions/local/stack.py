"""Start the whole local stack: moto server, resources from infra/, seed data.

Used by ``make dev`` and by the end-to-end tests. The stack's environment (table names, topic ARNs,
endpoint) is written to ``.local-stack/env.json`` (``$SHUBBAK_LOCAL_STATE`` overrides the folder) so
other local tools (``make invoke``, ``make demo``) can reach a running stack.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from functions.bootstrap import Container, Settings, build_container
from functions.local.moto_server import MotoServer
from functions.local.provision import PROJECT_ROOT, ProvisionedStack, provision
from functions.local.seeding import SeedCatalogue, seed_catalogue

__all__ = ["FAKE_CREDENTIALS", "LOCAL_STATE_DIR", "LocalStack", "load_environment", "local_stack"]

LOCAL_STATE_DIR = Path(os.environ.get("SHUBBAK_LOCAL_STATE", PROJECT_ROOT / ".local-stack"))
ENVIRONMENT_FILE = LOCAL_STATE_DIR / "env.json"
FAKE_CREDENTIALS = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_SESSION_TOKEN": "testing",
    "AWS_DEFAULT_REGION": "me-south-1",
}


@dataclass
class LocalStack:
    moto: MotoServer
    provisioned: ProvisionedStack
    container: Container
    seed: SeedCatalogue

    @property
    def environment(self) -> dict[str, str]:
        return {**FAKE_CREDENTIALS, **self.provisioned.environment}


def use_fake_credentials() -> None:
    """Never let a local run reach a real AWS account, whatever the shell has configured."""
    os.environ.update(FAKE_CREDENTIALS)
    os.environ.pop("AWS_PROFILE", None)


@contextmanager
def local_stack(moto_port: int) -> Iterator[LocalStack]:
    use_fake_credentials()
    LOCAL_STATE_DIR.mkdir(parents=True, exist_ok=True)
    with MotoServer(moto_port, log_path=LOCAL_STATE_DIR / "moto.log") as moto:
        provisioned = provision(endpoint_url=moto.endpoint_url)
        container = build_container(Settings.from_environ(provisioned.environment))
        seed = seed_catalogue(container.catalogue)
        stack = LocalStack(moto=moto, provisioned=provisioned, container=container, seed=seed)
        ENVIRONMENT_FILE.write_text(json.dumps(stack.environment, indent=2))
        try:
            yield stack
        finally:
            ENVIRONMENT_FILE.unlink(missing_ok=True)


def load_environment() -> dict[str, str]:
    """The environment of the running ``make dev`` stack (for local tools)."""
    if not ENVIRONMENT_FILE.exists():
        raise SystemExit("No local stack is running: start it with `make dev` first.")
    environment: dict[str, str] = json.loads(ENVIRONMENT_FILE.read_text())
    return environment
