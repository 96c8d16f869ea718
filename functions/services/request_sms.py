"""The citizen's SMS about a request: the outbox row a change records, and the names and times its text
shows (the centre's and the agency's short names in the citizen's language, Madinah's clock)."""

from __future__ import annotations

from datetime import datetime

from functions.domain.catalogue import LocalizedText
from functions.domain.madinah_time import sms_time
from functions.domain.notification import Notification
from functions.domain.request import ServiceRequest
from functions.domain.sms import SmsTemplate
from functions.services.ports import CatalogueRepository, CentreRepository, Clock

__all__ = ["RequestSms"]


class RequestSms:
    def __init__(self, *, clock: Clock, catalogue: CatalogueRepository, centres: CentreRepository) -> None:
        self._clock = clock
        self._catalogue = catalogue
        self._centres = centres

    def sms(
        self,
        request: ServiceRequest,
        event: str,
        template: SmsTemplate,
        *,
        agency_code: str | None = None,
        **values: str,
    ) -> Notification:
        """``agency_code``: the agency whose step the message is about (its SMS figures count for it too)."""
        return Notification(
            citizen_id=request.citizen_id,
            event_key=f"REQ#{request.request_id}#{event}",
            template=template,
            values={"tracking": request.tracking_number, **values},
            created_at=self._clock.now(),
            masked_mobile=request.citizen_masked_mobile,
            centre_id=request.centre_id,
            agency_code=agency_code,
        )

    def centre_name(self, request: ServiceRequest) -> str:
        centre = self._centres.get_centre(request.centre_id)
        name = centre.sms_name if centre else LocalizedText(request.centre_id, request.centre_id)
        return name.in_language(request.citizen_language)

    def agency_name(self, request: ServiceRequest, agency_code: str) -> str:
        agency = self._catalogue.get_agency(agency_code)
        name = agency.short_name if agency else LocalizedText(agency_code, agency_code)
        return name.in_language(request.citizen_language)

    @staticmethod
    def local_time(at: datetime) -> str:
        """Day/month and time in Madinah, as the SMS shows it (``28/11 13:45``)."""
        return sms_time(at)
