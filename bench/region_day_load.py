"""Before and beside the region's day: the cast signed in and the citizens' records opened (setup, not
timed), and the machine's CPU sampled per process while the load runs."""

from __future__ import annotations

import secrets
import time
from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit

import gevent
import httpx
import psutil

from bench.region_day_cast import PERMIT, SAFETY, Citizen, Desked, Region, operation_body
from functions.domain.centre import CentreStatus
from functions.domain.identity_numbers import luhn_valid
from functions.domain.madinah_time import today_in_madinah
from functions.domain.principal import Role
from functions.local.seeding import SeedCatalogue, SeedPeople

__all__ = ["CpuSampler", "graphql", "prepare"]

CITIZENS_PER_DESK = 5
OFFICER_AGENCIES = ("MUNICIPALITY", "CIVIL-DEFENCE")


def graphql(base: str, operation: str, variables: dict[str, Any], token: str = "") -> Any:
    """One screen operation by its trusted document; its root field's answer."""
    headers = {"authorization": f"Bearer {token}"} if token else {}
    reply = httpx.post(f"{base}/graphql", json=operation_body(operation, variables), headers=headers, timeout=30)
    body = reply.json()
    if reply.status_code != 200 or body.get("errors"):
        raise SystemExit(f"{operation}: HTTP {reply.status_code} {body}")
    return next(iter(body["data"].values()))


def prepare(base: str, rate: float) -> Region:
    """Sign the seeded staff in, open each desk's citizens' records; the services' amounts at each centre."""
    people = SeedPeople.load(today_in_madinah())
    services = {service.code: service for service in SeedCatalogue.load().services}
    charges = {
        centre.centre_id: centre.service_charge for centre in people.centres if centre.status is CentreStatus.ACTIVE
    }

    def sign_in(national_id: str) -> str:
        answer = graphql(base, "SignIn", {"nationalId": national_id, "password": people.password})
        if answer["__typename"] != "SignedIn":
            raise SystemExit(f"{national_id} could not sign in: {answer}")
        return str(answer["accessToken"])

    operators = [s for s in people.staff if s.role is Role.CENTRE_OPERATOR and s.centre_id in charges]
    officers = [s for s in people.staff if s.role is Role.AGENCY_OFFICER and s.agency_code in OFFICER_AGENCIES]
    monitor = next(s for s in people.staff if s.role is Role.MONITOR)
    tokens = {s.national_id: sign_in(s.national_id) for s in [*operators, *officers, monitor]}
    desks = []
    for operator in operators:
        assert operator.centre_id is not None
        charge = charges[operator.centre_id]
        desks.append(
            Desked(
                operator.national_id,
                operator.centre_id,
                tuple(open_record(base, tokens[operator.national_id]) for _ in range(CITIZENS_PER_DESK)),
                {code: str((services[code].fee + charge).riyals) for code in (SAFETY, PERMIT)},
            )
        )
    return Region(
        tokens=tokens,
        desks=desks,
        officers={str(s.agency_code): tokens[s.national_id] for s in officers},
        monitor=tokens[monitor.national_id],
        documents={code: [d.code for d in services[code].documents] for code in (SAFETY, PERMIT)},
        first_agency={code: services[code].agency_codes[0] for code in (SAFETY, PERMIT)},
        rate=rate,
    )


def open_record(base: str, operator: str) -> Citizen:
    """A citizen at the counter: their record opened (a fresh national ID and mobile each run)."""
    body = "1" + "".join(secrets.choice("0123456789") for _ in range(8))
    national_id = next(body + digit for digit in "0123456789" if luhn_valid(body + digit))
    expires = {"date": (today_in_madinah() + timedelta(days=400)).isoformat(), "calendar": "GREGORIAN"}
    record = {
        "nationalId": national_id,
        "nameAr": "محمد أحمد الحربي",
        "birthDate": {"date": "1990-05-17", "calendar": "GREGORIAN"},
        "mobile": f"055{secrets.randbelow(10**7):07d}",
        "identityCheck": {"documentType": "NATIONAL_ID_CARD", "documentNumber": national_id, "expiresOn": expires},
    }
    opened = graphql(base, "OpenCitizenRecord", {"input": record}, operator)
    if opened["__typename"] != "CitizenRecordWithPassword":
        raise SystemExit(f"could not open a record: {opened}")
    return Citizen(str(opened["citizen"]["id"]), national_id)


class CpuSampler:
    """The CPU each process takes while the load runs, as % of one core: the dev server (the app, the
    queue pump, the fan-out, the fake SMS aggregator: one Python process), its children (moto's server)
    and this load generator. Which one sits near 100 % is the bottleneck."""

    def __init__(self, base: str, every_seconds: float = 2.0) -> None:
        self._port = urlsplit(base).port or 80
        self._every = every_seconds
        self._samples: dict[str, list[float]] = {}
        self._greenlet: gevent.Greenlet[Any] | None = None

    def _processes(self) -> dict[str, psutil.Process]:
        found = {"load generator (Locust)": psutil.Process()}
        try:
            listening = [
                c.pid for c in psutil.net_connections("tcp") if c.laddr and c.laddr.port == self._port and c.pid
            ]
        except psutil.AccessDenied:
            return found
        if listening:
            server = psutil.Process(listening[0])
            found["dev server (app, pump, fan-out)"] = server
            for child in server.children(recursive=True):
                found[f"moto server (pid {child.pid})" if "python" in child.name() else child.name()] = child
        return found

    def start(self) -> CpuSampler:
        processes = self._processes()
        for process in processes.values():
            process.cpu_percent(None)

        def sample() -> None:
            while True:
                gevent.sleep(self._every)
                for name, process in processes.items():
                    try:
                        self._samples.setdefault(name, []).append(process.cpu_percent(None))
                    except psutil.Error:
                        continue

        self._started = time.monotonic()
        self._greenlet = gevent.spawn(sample)
        return self

    def stop(self) -> dict[str, float]:
        if self._greenlet is not None:
            self._greenlet.kill()
        return {name: round(sum(values) / len(values), 1) for name, values in self._samples.items() if values}
