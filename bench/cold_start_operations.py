"""The three first requests the cold-start benchmark times, and what each needs on moto beforehand.

Every request is sent by ``documentId``, as the screens send it (stage ``prod`` runs only the trusted
documents of ``graphql/``), with a real access token from Cognito on moto where the operation needs one:

* ``catalogue`` — the centre console's ``CentreServiceCatalogue``, anonymous;
* ``filing`` — a centre operator's ``SubmitServiceRequest`` (a passport for a resident, its two
  documents uploaded to S3 and attached beforehand): one new filing per run, each with its own
  idempotency key, so every run really writes, publishes and starts its hand-off execution;
* ``monitoring`` — the monitoring office's ``RegionOverview`` for the last 30 Madinah days.

The setup goes through the same operations, by the benchmark's own process, over the app built for
the provisioned stack (``httpx`` on its ASGI app), so it is refused or accepted as a screen would be.
"""

from __future__ import annotations

import asyncio
import json
import re
import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import httpx

from functions.api.trusted_documents import MANIFEST
from functions.bootstrap import Container
from functions.domain.catalogue import Service
from functions.domain.identity_numbers import luhn_valid
from functions.domain.madinah_time import today_in_madinah
from functions.domain.money import Money
from functions.domain.principal import Role
from functions.local.http_api_event import http_api_event
from functions.local.sample_documents import sample_for
from functions.local.seeding import SeedCatalogue, SeedPeople

__all__ = ["Operation", "document_id", "prepare_operations"]

FILED_SERVICE = "PASSPORT-ISSUE"


@dataclass(frozen=True)
class Operation:
    name: str
    expected_type: str  # the result's __typename ("" for a list)
    events: tuple[str, ...]  # API Gateway events, one per run when each run must differ

    def event(self, run: int) -> str:
        return self.events[run % len(self.events)]


def document_id(operation: str) -> str:
    """The manifest's id of the query or mutation named ``operation`` (graphql/, ``make web-codegen``)."""
    texts: dict[str, str] = json.loads(MANIFEST.read_text(encoding="utf-8"))
    named = re.compile(rf"\b(query|mutation) {operation}\b")
    return next(key for key, text in texts.items() if named.search(text))


class StageClient:
    """Operations by ``documentId`` against the app of the provisioned stack, in this process."""

    def __init__(self, container: Container) -> None:
        self.app = container.asgi_app

    def call(self, operation: str, variables: dict[str, Any], token: str | None = None) -> Any:
        headers = {"content-type": "application/json"} | ({"authorization": f"Bearer {token}"} if token else {})
        body = json.dumps({"documentId": document_id(operation), "variables": variables})

        async def send() -> httpx.Response:
            async with httpx.AsyncClient(transport=httpx.ASGITransport(app=self.app), base_url="http://x") as client:
                return await client.post("/graphql", content=body, headers=headers)

        reply = asyncio.run(send()).json()
        if "errors" in reply:
            raise SystemExit(f"{operation} failed while preparing the benchmark: {reply['errors']}")
        (result,) = reply["data"].values()
        return result


def prepare_operations(container: Container, people: SeedPeople, runs: int) -> list[Operation]:
    """The three operations, with ``runs`` filings ready to submit (documents uploaded and attached)."""
    client = StageClient(container)
    operator = _signed_in(client, people, Role.CENTRE_OPERATOR)
    monitor = _signed_in(client, people, Role.MONITOR)
    centre_id = next(form.centre_id for form in people.staff if form.role is Role.CENTRE_OPERATOR)
    charge = next(centre.service_charge for centre in people.centres if centre.centre_id == centre_id)
    service = next(s for s in SeedCatalogue.load().services if s.code == FILED_SERVICE)
    citizen_id, identity_check = _open_record(client, operator)
    filings = tuple(
        _event(
            "SubmitServiceRequest",
            {"input": _filing(client, operator, service, charge) | {"citizenId": citizen_id, **identity_check}},
            operator,
        )
        for _ in range(runs)
    )
    today = today_in_madinah()
    period = {"from": (today - timedelta(days=29)).isoformat(), "to": today.isoformat()}
    return [
        Operation("catalogue", "", (_event("CentreServiceCatalogue", {}),)),
        Operation("filing", "SubmittedRequest", filings),
        Operation("monitoring", "RegionOverview", (_event("RegionOverview", period, monitor),)),
    ]


def _event(operation: str, variables: dict[str, Any], token: str | None = None) -> str:
    body = {"documentId": document_id(operation), "variables": variables}
    return json.dumps(http_api_event(body, token=token))


def _signed_in(client: StageClient, people: SeedPeople, role: Role) -> str:
    national_id = next(form.national_id for form in people.staff if form.role is role)
    signed_in = client.call("SignIn", {"nationalId": national_id, "password": people.password})
    return str(signed_in["accessToken"])


def _open_record(client: StageClient, operator: str) -> tuple[str, dict[str, Any]]:
    """A resident (an iqama prints its dates in Gregorian) whose record the operator opens: the
    record's id, and the identity check each filing records (the same iqama, checked at the counter)."""
    body = f"2{secrets.randbelow(10**8):08d}"
    national_id = next(body + digit for digit in "0123456789" if luhn_valid(body + digit))
    expires = (today_in_madinah() + timedelta(days=400)).isoformat()
    identity_check = {
        "identityCheck": {
            "documentType": "IQAMA",
            "documentNumber": national_id,
            "expiresOn": {"date": expires, "calendar": "GREGORIAN"},
        }
    }
    record = {
        "nationalId": national_id,
        "nameAr": "أحمد محمد الصديقي",
        "nameEn": "Ahmed Mohammed Siddiqui",
        "birthDate": {"date": "1990-05-17", "calendar": "GREGORIAN"},
        "mobile": f"0561{secrets.randbelow(10**6):06d}",
        **identity_check,
    }
    opened = client.call("OpenCitizenRecord", {"input": record}, operator)
    return str(opened["citizen"]["id"]), identity_check


def _filing(client: StageClient, operator: str, service: Service, charge: Money) -> dict[str, Any]:
    """A filing's input but the citizen, its documents uploaded straight to S3 under its key and attached."""
    key = f"cold-start-{secrets.token_hex(8)}"
    documents = []
    for required in service.documents:
        sample = sample_for(required.code)
        issued = client.call(
            "RequestDocumentUpload",
            {
                "input": {
                    "draft": {"idempotencyKey": key, "serviceCode": service.code},
                    "documentType": required.code,
                    "fileName": sample.file_name,
                    "contentType": sample.content_type,
                    "sizeBytes": sample.size_bytes,
                    "sha256": sample.sha256,
                }
            },
            operator,
        )
        fields = {field["name"]: field["value"] for field in issued["fields"]}
        httpx.post(issued["url"], data=fields, files={"file": (sample.file_name, sample.content)}).raise_for_status()
        attached = client.call("AttachDocument", {"documentId": issued["document"]["id"]}, operator)
        documents.append(attached["id"])
    return {
        "serviceCode": service.code,
        "answers": [{"key": "validityYears", "value": "5"}],
        "documents": documents,
        "amount": str((service.fee + charge).riyals),
        "paymentMethod": "CASH",
        "idempotencyKey": key,
    }
