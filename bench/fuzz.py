"""``make fuzz``: 10,000 generated GraphQL operations against the app on a fresh local stack, as every role.

Starts moto's server on a free port, provisions ``infra/``, seeds the catalogue and the demo staff,
signs in one account of each role (and opens and activates a citizen), then sends the operations of
``tests/support/fuzzing.py`` to the ASGI app in this process and prints the figures: operations, by
kind, by HTTP status, by error code, HTTP 5xx and masked ``INTERNAL_ERROR`` counts, and the first
crashes if any. Exits 1 when there was a crash. The figures of a run are kept in docs/hardening.md.

    python -m bench.fuzz [--operations 10000] [--seed 0]
"""

from __future__ import annotations

import argparse
import sys
import time

from functions.bootstrap import Settings, build_container
from functions.local.export_schema import sdl
from functions.local.moto_server import MotoServer
from functions.local.provision import provision
from functions.local.seeding import seed_catalogue, seed_people
from functions.local.stack import use_fake_credentials
from tests.support.fuzzing import Case, FuzzTarget, Tally, run_targets, targets
from tests.support.ports import free_port


def run(operations: int, random_seed: int) -> Tally:
    use_fake_credentials()
    tally = Tally()
    with MotoServer(free_port()) as moto:
        provisioned = provision(endpoint_url=moto.endpoint_url, websocket_url=f"http://127.0.0.1:{free_port()}")
        container = build_container(Settings.from_environ(provisioned.environment))
        seed_catalogue(container.use_cases.catalogue)
        seed_people(container)
        target = FuzzTarget(build_container(Settings.from_environ(provisioned.environment)))

        def send(case: Case) -> None:
            tally.add(case, target.send(case))
            if tally.operations % 1000 == 0:
                print(f"  {tally.operations} operations", file=sys.stderr, flush=True)

        try:
            run_targets(targets(target.schema, sdl()), operations, send, random_seed)
        finally:
            target.close()
    return tally


def report(tally: Tally, seconds: float) -> str:
    lines = [
        f"operations        {tally.operations} in {seconds:.0f} s",
        "by kind           " + ", ".join(f"{kind}: {n}" for kind, n in tally.by_kind.most_common()),
        "by HTTP status    " + ", ".join(f"{status}: {n}" for status, n in sorted(tally.by_status.items())),
        "by error code     " + ", ".join(f"{code}: {n}" for code, n in tally.by_code.most_common()),
        f"HTTP 5xx          {tally.server_errors}",
        f"INTERNAL_ERROR    {tally.by_code.get('INTERNAL_ERROR', 0)}",
    ]
    for case, outcome in tally.crashes[:5]:
        lines += [
            "",
            f"crash ({case.kind}, {case.role}): HTTP {outcome.status}",
            case.query[:1500],
            str(case.variables),
        ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--operations", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0)
    arguments = parser.parse_args()
    started = time.monotonic()
    tally = run(arguments.operations, arguments.seed)
    print(report(tally, time.monotonic() - started))
    sys.exit(1 if tally.crashes else 0)


if __name__ == "__main__":
    main()
