"""Cold start of the GraphQL handler from the unpacked Lambda artifact, against the import floor.

    make bench-cold-start            # or: .venv/bin/python -m bench.cold_start --runs 15
    make bench-cold-start-check      # the same, 10 runs, exit 1 past bench/cold_start_baseline.json

Each run is a fresh Python process (``bench/cold_start_probe.py``) that sees only the unpacked artifact
and the standard library. Measured, as medians over the runs:

* floor — what any GraphQL function on Lambda with DynamoDB and Powertools imports and sets up:
  ``botocore``, ``strawberry``, ``pynamodb.models``, and Powertools' Logger, Tracer (patching botocore)
  and Metrics, made as the handlers make them;
* for each of three operations (``bench/cold_start_operations.py``: the catalogue, a centre
  operator's filing, the monitoring office's region overview), sent by ``documentId`` with a real
  access token as the screens send them (stage ``prod`` runs only trusted documents), against
  DynamoDB, S3, SNS, Step Functions and Cognito on moto's server:
  handler import — importing ``functions.handlers.graphql_http``;
  app loaded — that import plus what the first request loads before it executes (the app's
  modules and the base GraphQL schema), reported for the breakdown;
  first answer — that import plus the handler answering its first request.

Floor and handler runs alternate (their order rotating every round), so machine noise hits all alike;
one warm-up of each is discarded (it fills the page cache, which Lambda's own cache of the artifact
does too). ``--check`` compares each first answer's ratio with ``bench/cold_start_baseline.json`` and
exits 1 when one exceeds its recorded ratio by more than the file's margin; ``--record`` writes the
run's ratios there.

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
from datetime import date
from pathlib import Path

from bench.cold_start_operations import Operation, prepare_operations
from deploy.lambda_artifact import BUILD, Target, build_artifact
from functions.bootstrap import Settings, build_container
from functions.domain.madinah_time import business_day
from functions.local.moto_server import MotoServer
from functions.local.provision import provision
from functions.local.seeding import SeedPeople, seed_calendar, seed_catalogue, seed_people
from functions.local.stack import FAKE_CREDENTIALS, use_fake_credentials

PROBE = Path(__file__).with_name("cold_start_probe.py")
BASELINE = Path(__file__).with_name("cold_start_baseline.json")
WORK = BUILD / "cold-start"
IMPORT_TARGET = 1.15
FIRST_ANSWER_TARGET = 1.30
# Run-to-run spread of one ratio on the shared 2-core machine (docs/performance.md): a regression
# is a ratio that grows past its recorded value by more than this.
DEFAULT_MARGIN = 0.25
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


@dataclass(frozen=True)
class Probe:
    artifact: Path
    environment: dict[str, str]

    def floor(self) -> Run:
        return self._run(["floor"], "")

    def handler(self, operation: Operation, run: int) -> Run:
        return self._run(["handler", operation.expected_type], operation.event(run))

    def _run(self, arguments: list[str], event: str) -> Run:
        mode, *expected = arguments
        completed = subprocess.run(
            [sys.executable, "-S", str(PROBE), mode, str(self.artifact), *expected],
            input=event,
            capture_output=True,
            text=True,
            env={"LAMBDA_TASK_ROOT": str(self.artifact), **self.environment},
            check=False,
        )
        if completed.returncode != 0:
            raise SystemExit(f"{mode} probe failed:\n{completed.stdout}\n{completed.stderr}")
        measured = json.loads(completed.stdout.strip().splitlines()[-1])
        return Run(imported=measured["import"], app_loaded=measured["app_loaded"], answered=measured["first_answer"])


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


def median_ms(runs: list[Run], field: str) -> float:
    return statistics.median(getattr(run, field) for run in runs) * 1000


def measure(probe: Probe, operations: list[Operation], runs: int) -> tuple[list[Run], dict[str, list[Run]]]:
    """One warm-up of each, then ``runs`` rounds of the floor and every operation, the order rotating."""
    probe.floor()
    for operation in operations:
        probe.handler(operation, 0)
    floors: list[Run] = []
    handlers: dict[str, list[Run]] = {operation.name: [] for operation in operations}
    kinds: list[Operation | None] = [None, *operations]
    for run in range(1, runs + 1):
        shift = run % len(kinds)
        for kind in kinds[shift:] + kinds[:shift]:
            if kind is None:
                floors.append(probe.floor())
            else:
                handlers[kind.name].append(probe.handler(kind, run))
    return floors, handlers


def first_answer_ratios(floors: list[Run], handlers: dict[str, list[Run]]) -> dict[str, float]:
    floor = median_ms(floors, "imported")
    return {name: round(median_ms(runs, "answered") / floor, 2) for name, runs in handlers.items()}


def report(artifact_summary: str, floors: list[Run], handlers: dict[str, list[Run]]) -> str:
    floor = median_ms(floors, "imported")
    lines = [
        artifact_summary,
        f"medians of {len(floors)} fresh processes each, {date.today().isoformat()}",
        "",
        f"{'floor (botocore, strawberry, pynamodb.models, Powertools)':<58} {floor:7.1f} ms",
    ]
    for name, runs in handlers.items():
        imported, app_loaded = median_ms(runs, "imported"), median_ms(runs, "app_loaded")
        answered = median_ms(runs, "answered")
        lines += [
            f"{name}",
            f"{'  handler import':<58} {imported:7.1f} ms  {verdict(imported / floor, IMPORT_TARGET)}",
            f"{'    + the app loaded (imports, base schema)':<58} {app_loaded:7.1f} ms",
            f"{'  first answer (import + first request)':<58} {answered:7.1f} ms  "
            + verdict(answered / floor, FIRST_ANSWER_TARGET),
        ]
    return "\n".join(lines)


def verdict(ratio: float, target: float) -> str:
    return f"{ratio:.2f}x floor (target <= {target:.2f}x: {'met' if ratio <= target else 'NOT met'})"


@dataclass(frozen=True)
class Baseline:
    """The committed first-answer ratios (``--record``) and the margin ``--check`` allows above them."""

    margin: float
    first_answer_ratio: dict[str, float]

    @classmethod
    def load(cls, path: Path = BASELINE) -> Baseline:
        raw = json.loads(path.read_text())
        return cls(float(raw["margin"]), {name: float(ratio) for name, ratio in raw["first_answer_ratio"].items()})

    def regressions(self, ratios: dict[str, float]) -> list[str]:
        return [
            f"{name}: {ratios[name]:.2f}x floor, recorded {recorded:.2f}x + margin {self.margin:.2f}"
            for name, recorded in self.first_answer_ratio.items()
            if ratios[name] > recorded + self.margin
        ]


def record(ratios: dict[str, float], runs: int, path: Path) -> None:
    baseline = json.loads(path.read_text()) if path.exists() else {"margin": DEFAULT_MARGIN}
    baseline |= {"recorded": date.today().isoformat(), "runs": runs, "first_answer_ratio": ratios}
    path.write_text(json.dumps(baseline, indent=2) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15, help="fresh processes per measurement (>= 10)")
    parser.add_argument("--check", action="store_true", help="exit 1 past the baseline's ratios and margin")
    parser.add_argument("--record", action="store_true", help="write this run's ratios into the baseline")
    parser.add_argument("--baseline", type=Path, default=BASELINE, help=f"default: bench/{BASELINE.name}")
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
        container = build_container(Settings.from_environ(stack.environment))
        seed_catalogue(container.use_cases.catalogue)
        seed_calendar(container.use_cases.business_calendars)
        people = SeedPeople.load(business_day(container.adapters.clock.now()))
        seed_people(container, people)
        operations = prepare_operations(container, people, arguments.runs + 1)
        environment = {"PATH": os.environ.get("PATH", ""), **FAKE_CREDENTIALS, **stack.environment, **LAMBDA_RUNTIME}
        floors, handlers = measure(Probe(artifact, environment), operations, arguments.runs)
    print(report(zipped.summary(), floors, handlers))
    ratios = first_answer_ratios(floors, handlers)
    if arguments.record:
        record(ratios, arguments.runs, arguments.baseline)
    if arguments.check:
        failed = Baseline.load(arguments.baseline).regressions(ratios)
        print("\n".join(["", f"against {arguments.baseline}:", *(failed or ["no first answer regressed"])]))
        if failed:
            raise SystemExit(1)


if __name__ == "__main__":
    main()
