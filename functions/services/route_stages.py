"""Starting the stages of a request's route: each stage is one execution of the hand-off state machine.

The change that makes a stage due starts it once committed: the filing (or its SADAD payment) the first
stage, the officer's completion that ends a stage the next one. Each step's receipt wait is planned here,
from now in its agency's working hours (``ServiceLevels``), and travels in the execution's input, so the
state machine forwards the file at once: no route map and no planning callback per step (docs/requests.md).

A start that fails is logged and harmless: the file stays on the sweeper's list while its stage waits
(``RequestFile.stage_to_start``), and the sweeper starts it. Executions are named after the request and
the stage, so a stage asked to start twice runs once.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from functions.domain.escalation import SlaPhase
from functions.domain.request import ServiceRequest
from functions.services.ports import Clock
from functions.services.request_ports import RequestRepository, StageStart, Workflow
from functions.services.service_levels import ServiceLevels

__all__ = ["RouteStages"]

logger = logging.getLogger("shubbak.workflow")


class RouteStages:
    def __init__(self, *, workflow: Workflow, levels: ServiceLevels, requests: RequestRepository, clock: Clock) -> None:
        self._workflow = workflow
        self._levels = levels
        self._requests = requests
        self._clock = clock

    def start(self, request: ServiceRequest, stage: int) -> bool:
        """Start ``stage`` of the request's route; False (logged) when the state machine could not be told."""
        now = self._levels.now()
        waits = []
        for step in request.route[stage - 1].steps:
            due = self._levels.due(request, stage, step.agency_code, SlaPhase.RECEIPT, now)
            waits.append((step.agency_code, self._levels.wait_until(due)))
        try:
            self._workflow.start(StageStart(request.request_id, stage, tuple(waits)))
        except Exception:
            logger.exception(
                "request %s stage %s is due but did not start; the sweeper starts it", request.request_id, stage
            )
            return False
        return True

    def start_stranded(self, older_than: timedelta) -> int:
        """The sweeper: start the stage of every file whose stage has waited to start for ``older_than``;
        how many were started."""
        stranded = self._requests.list_unrouted(self._clock.now() - older_than)
        started = 0
        for file in stranded:
            stage = file.stage_to_start()
            if stage is not None and self.start(file.request, stage):
                started += 1
        return started
