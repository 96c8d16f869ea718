"""Cold start of the GraphQL handler from the unpacked Lambda artifact, against the import floor.

    make bench-cold-start            # or: .venv/bin/python -m bench.cold_start --runs 15

Each run is a fresh Python process (``bench/cold_start_probe.py``) that sees only the unpacked artifact
and the standard library. Measured, as medians over the runs:

* floor — importing only ``boto3``, ``strawberry`` and ``pynamodb`` (what any such handler pays);
* handler import — importing ``functions.handlers.graphql_http``;
* app loaded — that import plus what the first request loads before it executes (the app's
  modules and the GraphQL schema), reported for the breakdown;
* first answer — that import plus the handler answering its first request: a real catalogue query
  (every service with its fee and route, the centre console's ``CentreServiceCatalogue``, sent by its
  ``documentId`` as the screens send it: stage ``prod`` runs only trusted documents) against DynamoDB
  on moto's server, seeded with the catalogue.

Floor and handler runs alternate, so machine noise hits both alike; one warm-up of each is discarded
(it fills the page cache, which Lambda's own cache of the artifact does too).

The artifact is this machine's twin of ``dist/shubbak-lambda.zip``: the same build (functions/, the
runtime dependencies, unchecked-hash bytecode, fixed zip timestamps restored on unpacking) with this
CPU's wheels, since Lambda's arm64 native libraries cannot load here. The probe runs as Lambda does
with active tracing: Powertools Tracer on, its segments sent to a loopback port nobody listens on.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

from deploy.lambda_artifact import BUILD, Target, build_artifact
from functions.api.trusted_documents import MANIFEST
from functions.bootstrap import Settings, build_container
from functions.local.http_api_event import http_api_event
from functions.local.moto_server import MotoServer
from functions.local.provision import provision
from functions.local.seeding import seed_catalogue
from functions.local.stack import FAKE_CREDENTIALS, use_fake_credentials

PROBE = Path(__file__).with_name("cold_start_probe.py")
WORK = BUILD / "cold-start"
FIRST_OPERATION = "CentreServiceCatalogue"
IMPORT_TARGET = 1.15
FIRST_ANSWER_TARGET = 1.30
# What the Lambda runtime sets for a function with active tracing (the X-Ray daemon address points
# at a loopback port nobody listens on: segments are sent over UDP and dropped).
LAMBDA_RUNTIME = {
    "AWS_LAMBDA_FUNCTION_NAME": "shubbak-prod-graphqlHttp",
    "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": "1024",
    "AWS_LAMBDA_FUNCTION_VERSION": "$LATEST",
    "AWS_EXECUTION_ENV": "AWS_Lambda_python3.11",
    "_X_AMZN_TRACE_ID": "Root=1-67891233-abcdef012345678912345678;Parent=53995c3f42cd8ad8;Sampled=1",
    "AWS_XRAY_DAEMON_ADDRESS": "127.0.0.1:2000",
    "AWS_XRAY_CONTEXT_MISSING": "LOG_ERROR",
    "PYTHONDONTWRITEBYTECODE": "1",  # /var/task is read-only on Lambda: nothing compiled is kept
}


@dataclass(frozen=True)
class Run:
    imported: float
    app_loaded: float
    answered: float


def unpack(zip_path: Path, destination: Path) -> Path:
    """Unzip as Lambda does, keeping the archive's (fixed) timestamps on the files."""
    shutil.rmtree(destination, ignore_errors=True)
    with zipfile.ZipFile(zip_path) as archive:
        for entry in archive.infolist():
            path = Path(archive.extract(entry, destination))
            stamp = time.mktime((*entry.date_time, 0, 0, -1))
            os.utime(path, (stamp, stamp))
    return destination


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def probe(mode: str, artifact: Path, environment: dict[str, str], event: str) -> Run:
    completed = subprocess.run(
        [sys.executable, "-S", str(PROBE), mode, str(artifact)],
        input=event,
        capture_output=True,
        text=True,
        env={"LAMBDA_TASK_ROOT": str(artifact), **environment},
        check=False,
    )
    if completed.returncode != 0:
        raise SystemExit(f"{mode} probe failed:\n{completed.stdout}\n{completed.stderr}")
    measured = json.loads(completed.stdout.strip().splitlines()[-1])
    return Run(imported=measured["import"], app_loaded=measured["app_loaded"], answered=measured["first_answer"])


def median_ms(runs: list[Run], field: str) -> float:
    return statistics.median(getattr(run, field) for run in runs) * 1000


def report(artifact_summary: str, floors: list[Run], handlers: list[Run]) -> str:
    floor = median_ms(floors, "imported")
    imported = median_ms(handlers, "imported")
    app_loaded = median_ms(handlers, "app_loaded")
    answered = median_ms(handlers, "answered")
    lines = [
        artifact_summary,
        f"medians of {len(handlers)} fresh processes each",
        "",
        f"{'floor (import boto3, strawberry, pynamodb)':<44} {floor:7.1f} ms",
        f"{'handler import':<44} {imported:7.1f} ms  {verdict(imported / floor, IMPORT_TARGET)}",
        f"{'  + the app loaded (imports, schema)':<44} {app_loaded:7.1f} ms",
        f"{'first answer (import + first request)':<44} {answered:7.1f} ms  "
        + verdict(answered / floor, FIRST_ANSWER_TARGET),
    ]
    return "\n".join(lines)


def verdict(ratio: float, target: float) -> str:
    return f"{ratio:.2f}x floor (target <= {target:.2f}x: {'met' if ratio <= target else 'NOT met'})"


def document_id(operation: str) -> str:
    """The manifest's id of the query named ``operation`` (graphql/, ``make web-codegen``)."""
    texts: dict[str, str] = json.loads(MANIFEST.read_text(encoding="utf-8"))
    return next(key for key, text in texts.items() if text.startswith(f"query {operation}("))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15, help="fresh processes per measurement (>= 10)")
    arguments = parser.parse_args()
    if arguments.runs < 10:
        raise SystemExit("--runs must be at least 10")

    target = Target.from_serverless().host_twin()
    zipped = build_artifact(target, BUILD / f"shubbak-lambda-{target.name}.zip")
    artifact = unpack(zipped.zip_path, WORK / target.name)

    use_fake_credentials()
    WORK.mkdir(parents=True, exist_ok=True)
    with MotoServer(free_port(), log_path=WORK / "moto.log") as moto:
        stack = provision(stage="prod", endpoint_url=moto.endpoint_url)
        seed_catalogue(build_container(Settings.from_environ(stack.environment)).use_cases.catalogue)
        environment = {"PATH": os.environ.get("PATH", ""), **FAKE_CREDENTIALS, **stack.environment, **LAMBDA_RUNTIME}
        event = json.dumps(http_api_event({"documentId": document_id(FIRST_OPERATION)}))
        probe("floor", artifact, environment, event)
        probe("handler", artifact, environment, event)
        floors, handlers = [], []
        for _ in range(arguments.runs):
            floors.append(probe("floor", artifact, environment, event))
            handlers.append(probe("handler", artifact, environment, event))
    print(report(zipped.summary(), floors, handlers))


if __name__ == "__main__":
    main()
