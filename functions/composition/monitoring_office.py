"""The monitoring office's use cases. Each part is imported in the property that builds it (see
``functions/bootstrap.py``).
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from functions.composition.front_office import FrontOffice

if TYPE_CHECKING:
    from functions.adapters.dynamodb.figures_repository import DynamoFigures
    from functions.services.centre_licensing import CentreLicensing
    from functions.services.citizen_feedback import CitizenFeedback
    from functions.services.escalations import Escalations
    from functions.services.figure_recording import FigureRecording
    from functions.services.inspections import Inspections
    from functions.services.performance import Performance

__all__ = ["MonitoringOffice"]


class MonitoringOffice(FrontOffice):
    """The monitoring office: licensing, inspections, escalations, figures, feedback (docs/monitoring.md)."""

    @cached_property
    def figures(self) -> DynamoFigures:
        from functions.adapters.dynamodb.figures_repository import DynamoFigures

        return DynamoFigures(self.main_table)

    @cached_property
    def figure_recording(self) -> FigureRecording:
        from functions.services.figure_recording import FigureRecording

        return FigureRecording(self.figures, self.service_levels)

    @cached_property
    def centre_licensing(self) -> CentreLicensing:
        from functions.adapters.dynamodb.centre_registry import DynamoCentreRegistry
        from functions.services.centre_licensing import CentreLicensing

        return CentreLicensing(
            registry=DynamoCentreRegistry(self.main_table, self.audit_log),
            auditor=self.auditor,
            authorizer=self.authorizer,
            clock=self.clock,
            standing=self.account_standing,
        )

    @cached_property
    def escalations(self) -> Escalations:
        from functions.adapters.dynamodb.escalation_repository import DynamoEscalations
        from functions.adapters.topics.events import SnsMonitoringAlerts
        from functions.services.escalations import Escalations

        return Escalations(
            escalations=DynamoEscalations(self.main_table, self.audit_log, self.figures),
            requests=self.requests,
            auditor=self.auditor,
            authorizer=self.authorizer,
            clock=self.clock,
            alerts=SnsMonitoringAlerts(self.client("sns"), self.settings.events_topic_arn),
        )

    @cached_property
    def inspections(self) -> Inspections:
        from functions.adapters.dynamodb.inspection_repository import DynamoInspections
        from functions.services.inspections import Inspections

        return Inspections(
            inspections=DynamoInspections(self.main_table, self.audit_log),
            centres=self.centres,
            escalations=self.escalations,
            auditor=self.auditor,
            authorizer=self.authorizer,
            clock=self.clock,
        )

    @cached_property
    def performance(self) -> Performance:
        from functions.services.performance import Performance

        return Performance(figures=self.figures, centres=self.centres, authorizer=self.authorizer, clock=self.clock)

    @cached_property
    def citizen_feedback(self) -> CitizenFeedback:
        from functions.adapters.dynamodb.feedback_repository import DynamoFeedback
        from functions.services.citizen_feedback import CitizenFeedback

        return CitizenFeedback(
            feedback=DynamoFeedback(self.main_table, self.audit_log, self.figures, self.notification_repository),
            requests=self.requests,
            signal=self.notification_signal,
            auditor=self.auditor,
            authorizer=self.authorizer,
            clock=self.clock,
        )
