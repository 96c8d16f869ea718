"""The cast of a region's day (``bench/region_day.py``) and what they share: who files, who acts, what
was filed, and the screens' operations by their trusted document ids. No Locust here: the checks and
their tests import this without gevent patching anything."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bench.cold_start_operations import document_id

__all__ = ["ACTIONS", "ANSWERS", "PERMIT", "SAFETY", "Citizen", "Desked", "Filing", "Region", "operation_body"]

SAFETY, PERMIT = "SAFETY-CERT", "BUILDING-PERMIT"
ANSWERS = {
    SAFETY: [{"key": "premisesType", "value": "SHOP"}],
    PERMIT: [
        {"key": "deedNumber", "value": "D-1"},
        {"key": "floors", "value": "2"},
        {"key": "district", "value": "QUBA"},
    ],
}
ACTIONS = {"FORWARDED": "AcknowledgeReceipt", "RECEIVED": "CompleteStep"}


@dataclass(frozen=True)
class Citizen:
    citizen_id: str
    national_id: str


@dataclass(frozen=True)
class Filing:
    request_id: str
    tracking_number: str
    pin: str
    operator: str
    centre_id: str
    service_code: str
    first_agency: str


@dataclass(frozen=True)
class Desked:
    """One operator at the counter: who they are, their centre, its citizens, what each service costs there."""

    operator: str
    centre_id: str
    citizens: tuple[Citizen, ...]
    amounts: dict[str, str]


@dataclass
class Region:
    """What the users share: tokens, the desks, what was filed (for the trackers, the hand-over and the
    checks after the run), the ids of the screens' documents."""

    tokens: dict[str, str]
    desks: list[Desked]
    officers: dict[str, str]
    monitor: str
    documents: dict[str, list[str]]
    first_agency: dict[str, str]
    rate: float = 1.0
    filed: list[Filing] = field(default_factory=list)
    touched: set[str] = field(default_factory=set)
    """Every request an officer or a desk changed during the run, filed by it or before it."""
    conflicts: int = 0
    _next_desk: int = 0
    _next_officer: int = 0

    def take_desk(self) -> Desked:
        desk = self.desks[self._next_desk % len(self.desks)]
        self._next_desk += 1
        return desk

    def take_officer(self) -> str:
        officer = list(self.officers.values())[self._next_officer % len(self.officers)]
        self._next_officer += 1
        return officer


def operation_body(operation: str, variables: dict[str, Any]) -> dict[str, Any]:
    return {"documentId": DOCUMENTS[operation], "operationName": operation, "variables": variables}


OPERATIONS = (
    "SignIn",
    "OpenCitizenRecord",
    "RequestDocumentUpload",
    "AttachDocument",
    "SubmitServiceRequest",
    "CentreRequests",
    "CentreRequest",
    "ConfirmDelivery",
    "AgencyWindow",
    "AcknowledgeReceipt",
    "CompleteStep",
    "TrackRequest",
    "RegionOverview",
    "CentrePerformance",
    "CentreRanking",
)
DOCUMENTS = {operation: document_id(operation) for operation in OPERATIONS}
