"""In-memory requests with DynamoDB's semantics (versions, all-or-nothing), and a simulated hand-off
state machine with the semantics of infra/statemachines/handoff.asl.json.

The simulator lets unit and property tests drive whole routes in microseconds; the integration tests
run the same scenarios against the real state machine executed by moto, so the two cannot drift apart
unnoticed.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field, replace
from datetime import datetime

from functions.domain.errors import Conflict, ErrorCode
from functions.domain.escalation import SlaPhase
from functions.domain.paging import Page, PageRequest
from functions.domain.request import (
    Handoff,
    HandoffStatus,
    HistoryEntry,
    Payment,
    RequestFile,
    RequestStatus,
    RequestSummary,
    ServiceRequest,
)
from functions.domain.request_event import RequestEvent
from functions.domain.sadad import BillStatus, SadadBill
from functions.domain.workflow_errors import RequestReturned
from functions.services.handoff_routing import HandoffEvent
from functions.services.request_ports import BillWrite, HandoffWrite, RequestChange, StageStart
from tests.fakes.documents import InMemoryDocuments
from tests.fakes.identity import InMemoryNotifications, RecordingAuditLog
from tests.fakes.money import InMemoryLedger


@dataclass
class _StoredFile:
    request: ServiceRequest
    payment: Payment | None
    bill: SadadBill | None = None
    handoffs: dict[tuple[int, str], Handoff] = field(default_factory=dict)
    history: list[HistoryEntry] = field(default_factory=list)


@dataclass
class InMemoryRequests:
    log: RecordingAuditLog
    notifications: InMemoryNotifications
    files: dict[str, _StoredFile] = field(default_factory=dict)
    tracking: dict[str, str] = field(default_factory=dict)
    counters: dict[str, int] = field(default_factory=dict)
    applied: int = 0
    documents: InMemoryDocuments | None = None
    ledger: InMemoryLedger | None = None
    bill_numbers: dict[str, str] = field(default_factory=dict)

    def get_file(self, request_id: str) -> RequestFile | None:
        stored = self.files.get(request_id)
        if stored is None:
            return None
        documents = tuple(self.documents.documents_of(request_id)) if self.documents else ()
        return RequestFile(
            stored.request,
            stored.payment,
            tuple(stored.handoffs.values()),
            tuple(stored.history),
            documents,
            stored.bill,
        )

    def find_by_tracking_number(self, tracking_number: str) -> RequestFile | None:
        request_id = self.tracking.get(tracking_number)
        return self.get_file(request_id) if request_id else None

    def next_tracking_sequence(self, month: str) -> int:
        self.counters[month] = self.counters.get(month, 0) + 1
        return self.counters[month]

    def apply(self, change: RequestChange) -> None:  # noqa: PLR0912 - the conditions of one transaction, in order
        request = change.request
        stored = self.files.get(request.request_id)
        if change.expected_version is None:
            if stored is not None or request.tracking_number in self.tracking:
                raise Conflict(ErrorCode.ALREADY_EXISTS)
        elif stored is None or stored.request.version != change.expected_version:
            raise Conflict(ErrorCode.CONFLICT)
        current = stored.handoffs if stored else {}
        for write in change.handoffs:
            existing = current.get(write.handoff.key)
            if (write.expected_version is None) != (existing is None):
                raise Conflict(ErrorCode.CONFLICT)
            if existing is not None and existing.version != write.expected_version:
                raise Conflict(ErrorCode.CONFLICT)
        for notification in change.notifications:
            if (notification.citizen_id, notification.event_key) in self.notifications.items:
                raise Conflict(ErrorCode.CONFLICT)
        if change.documents:
            assert self.documents is not None
            self.documents.check(change.documents)
        if change.ledger is not None:
            assert self.ledger is not None
            self.ledger.check(change.ledger, change.pos_slip)
        if change.bill is not None:
            self._check_bill(change.bill, stored)
        # every condition holds: write it all
        version = 1 if change.expected_version is None else change.expected_version + 1
        if stored is None:
            stored = _StoredFile(replace(request, version=version), change.payment)
            self.files[request.request_id] = stored
            self.tracking[request.tracking_number] = request.request_id
        else:
            stored.request = replace(request, version=version)
            if change.payment is not None:
                stored.payment = change.payment
        for write in change.handoffs:
            new_version = 1 if write.expected_version is None else write.expected_version + 1
            stored.handoffs[write.handoff.key] = replace(write.handoff, version=new_version)
        stored.history.extend(change.history)
        for audit in change.audit:
            self.log.record(audit)
        for notification in change.notifications:
            self.notifications.add(notification)
        if self.documents is not None:
            self.documents.write(change.documents)
            if change.close_documents:
                self.documents.retention_pending.add(request.request_id)
        if change.ledger is not None and self.ledger is not None:
            self.ledger.write(change.ledger, change.pos_slip)
        if change.bill is not None:
            stored.bill = change.bill.bill
            self.bill_numbers[change.bill.bill.bill_number] = request.request_id
        self.applied += 1

    def record_wait(self, write: HandoffWrite) -> None:
        stored = self.files.get(write.handoff.request_id)
        existing = stored.handoffs.get(write.handoff.key) if stored else None
        if stored is None or existing is None or existing.version != write.expected_version:
            raise Conflict(ErrorCode.CONFLICT)
        stored.handoffs[write.handoff.key] = replace(write.handoff, version=existing.version + 1)
        self.applied += 1

    def _check_bill(self, write: BillWrite, stored: _StoredFile | None) -> None:
        if write.expected is None:
            if write.bill.bill_number in self.bill_numbers:
                raise Conflict(ErrorCode.ALREADY_EXISTS)
        elif stored is None or stored.bill is None or stored.bill.status is not write.expected:
            raise Conflict(ErrorCode.CONFLICT)

    def request_of_bill(self, bill_number: str) -> str | None:
        return self.bill_numbers.get(bill_number)

    def bills_due(self, expired_before: datetime, limit: int) -> list[SadadBill]:
        due = [
            f.bill
            for f in self.files.values()
            if f.bill is not None and f.bill.status is BillStatus.OPEN and f.bill.expires_at <= expired_before
        ]
        return sorted(due, key=lambda bill: bill.expires_at)[:limit]

    def list_for_centre(
        self, centre_id: str, status: RequestStatus | None, since: datetime, until: datetime, page: PageRequest
    ) -> Page[RequestSummary]:
        chosen = [
            f.request
            for f in self.files.values()
            if f.request.centre_id == centre_id
            and (status is None or f.request.status is status)
            and since <= f.request.created_at <= until
        ]
        return Page([r.summary() for r in sorted(chosen, key=lambda r: r.created_at, reverse=True)[: page.size]])

    def list_for_citizen(self, citizen_id: str, page: PageRequest) -> Page[RequestSummary]:
        chosen = [f.request for f in self.files.values() if f.request.citizen_id == citizen_id]
        return Page([r.summary() for r in sorted(chosen, key=lambda r: r.created_at, reverse=True)[: page.size]])

    def window(self, agency_code: str, status: HandoffStatus | None, page: PageRequest) -> Page[Handoff]:
        chosen = [
            h
            for f in self.files.values()
            for h in f.handoffs.values()
            if h.agency_code == agency_code and h.status.open and (status is None or h.status is status)
        ]
        return Page(sorted(chosen, key=lambda h: h.due_at)[: page.size])

    def list_unrouted(self, created_before: datetime) -> list[RequestFile]:
        files = (self.get_file(request_id) for request_id in self.files)
        return [
            f
            for f in files
            if f is not None and f.stage_to_start() is not None and f.request.created_at < created_before
        ]


@dataclass
class _Branch:
    request_id: str
    stage: int
    agency: str
    phase: str = "PLAN_WAIT"
    planning: SlaPhase = SlaPhase.RECEIPT
    """For PLAN_WAIT: the wait it plans."""
    wait: dict[str, str | int] = field(default_factory=dict)
    """The wait this state waits on (``{"dueAt", "waitSeconds"}``), as the ASL's ``$.wait``."""

    @property
    def execution(self) -> tuple[str, int]:
        return (self.request_id, self.stage)


@dataclass
class SimulatedHandoffMachine:
    """The ASL's semantics, synchronously: one execution per stage, waits publish tokens, releases move
    branches on.

    A stage starts with each step's receipt wait planned by its starter (``StageStart``); after a breach
    or a resubmission a receipt wait starts after a planning callback (PLAN_WAIT, answered by the
    handoffs consumer), the processing wait and the resubmission window from the output of the release
    before them. ``timeouts`` records the seconds each wait was bounded by, as Step Functions would set
    its ``TimeoutSecondsPath``.

    ``deliver`` is how published messages reach the application (the handoffs consumer); tests may hold
    messages back (``hold = True``) to reorder or duplicate them.
    """

    deliver: object = None
    started: list[str] = field(default_factory=list)
    """The executions started, by name (``<request id>-<stage>``)."""
    outbox: list[HandoffEvent] = field(default_factory=list)
    hold: bool = False
    succeeded: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    timeouts: list[tuple[str, str, int]] = field(default_factory=list)
    """(agency, wait, seconds) of every wait started, in order."""
    down: bool = False
    """Step Functions unreachable: a start raises (the file stays on the sweeper's list)."""
    _tokens: dict[str, _Branch] = field(default_factory=dict)
    _ended: set[tuple[str, int]] = field(default_factory=set)
    _ids: itertools.count = field(default_factory=itertools.count)

    # the Workflow port
    def start(self, stage: StageStart) -> None:
        if self.down:
            raise ConnectionError("Step Functions unreachable")
        if stage.execution_name in self.started:
            return
        self.started.append(stage.execution_name)
        for agency, wait in stage.receipt_waits:
            self._wait(_Branch(stage.request_id, stage.stage, agency, "AWAIT_RECEIPT", wait=_wait_of(wait.as_output())))

    def succeed(self, token: str, output: dict[str, str | int]) -> bool:
        branch = self._tokens.pop(token, None)
        if branch is None or branch.execution in self._ended:
            return False
        self.succeeded.append(token)
        if branch.phase == "PLAN_RESUBMISSION":
            self._wait(replace(branch, phase="AWAIT_RESUBMISSION", wait=_wait_of(output)))
        elif branch.phase == "PLAN_WAIT":
            await_ = "AWAIT_RECEIPT" if branch.planning is SlaPhase.RECEIPT else "AWAIT_COMPLETION"
            self._wait(replace(branch, phase=await_, wait=_wait_of(output)))
        elif branch.phase == "AWAIT_RECEIPT":
            self._wait(replace(branch, phase="AWAIT_COMPLETION", wait=_wait_of(output)))
        elif branch.phase == "AWAIT_RESUBMISSION":
            self._wait(replace(branch, phase="PLAN_WAIT", planning=SlaPhase.RECEIPT, wait={}))
        # AWAIT_COMPLETION released: the step ends at its wait (the service starts the next stage)
        return True

    def fail(self, token: str, error: str, cause: str) -> bool:
        branch = self._tokens.pop(token, None)
        if branch is None or branch.execution in self._ended:
            return False
        self.failed.append((token, error))
        if branch.phase == "AWAIT_COMPLETION" and error == RequestReturned.error_name():
            self._wait(replace(branch, phase="PLAN_RESUBMISSION", wait={}))  # the ASL's PlanResubmission
        else:
            self._end(branch.execution)
        return True

    # test controls
    def time_out(self, request_id: str, agency: str) -> str:
        """The wait of ``agency`` timed out: escalated, then planned again (a fresh token for the same wait)."""
        token, branch = next(
            (t, b) for t, b in self._tokens.items() if b.request_id == request_id and b.agency == agency
        )
        del self._tokens[token]
        planning = SlaPhase.PROCESSING if branch.phase == "AWAIT_COMPLETION" else SlaPhase.RECEIPT
        self._wait(replace(branch, phase="PLAN_WAIT", planning=planning, wait={}))
        return token

    def flush(self) -> int:
        delivered = 0
        while self.outbox and not self.hold:
            message = self.outbox.pop(0)
            self.deliver(message)  # type: ignore[operator]
            delivered += 1
        return delivered

    def waiting(self, request_id: str) -> list[tuple[str, str]]:
        return [(b.agency, b.phase) for b in self._tokens.values() if b.request_id == request_id]

    def _wait(self, branch: _Branch) -> None:
        token = f"token-{next(self._ids)}"
        self._tokens[token] = branch
        if branch.phase == "PLAN_WAIT":
            message = HandoffEvent(
                "PLAN_WAIT", branch.request_id, branch.stage, branch.agency, token, phase=branch.planning
            )
        elif branch.phase == "PLAN_RESUBMISSION":
            message = HandoffEvent("PLAN_RESUBMISSION", branch.request_id, branch.stage, branch.agency, token)
        else:
            self.timeouts.append((branch.agency, branch.phase, int(branch.wait["waitSeconds"])))
            due = datetime.fromisoformat(str(branch.wait["dueAt"]))
            message = HandoffEvent(branch.phase, branch.request_id, branch.stage, branch.agency, token, due_at=due)
        self._publish(message)

    def _end(self, execution: tuple[str, int]) -> None:
        """A failure no state catches but the stage map's: the execution ends, its other waits with it."""
        self._ended.add(execution)
        for token in [t for t, b in self._tokens.items() if b.execution == execution]:
            del self._tokens[token]

    def _publish(self, message: HandoffEvent) -> None:
        self.outbox.append(message)
        if not self.hold and self.deliver is not None:
            self.flush()


def _wait_of(output: dict[str, str | int]) -> dict[str, str | int]:
    """The ASL's ResultSelector: a release that starts a wait must carry it (a KeyError here is the
    States.Runtime error Step Functions would raise)."""
    return {"dueAt": output["dueAt"], "waitSeconds": output["waitSeconds"]}


@dataclass
class PassThroughGuard:
    """Idempotency guard semantics in memory: first result remembered, different payload refused."""

    results: dict[str, tuple[dict[str, object], dict[str, str]]] = field(default_factory=dict)

    def run(self, key: str, payload: dict[str, object], work: object) -> dict[str, str]:
        if key in self.results:
            stored_payload, result = self.results[key]
            if stored_payload != payload:
                raise Conflict(ErrorCode.IDEMPOTENCY_KEY_REUSED)
            return result
        result = work()  # type: ignore[operator]
        self.results[key] = (payload, result)
        return result


@dataclass
class RecordingRequestEvents:
    published: list[RequestEvent] = field(default_factory=list)

    def publish(self, event: RequestEvent) -> None:
        self.published.append(event)
