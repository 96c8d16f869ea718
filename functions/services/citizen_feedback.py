"""After delivery, a citizen rates the centre (once per request) and may complain; the monitoring
office tracks complaints to resolution, and the citizen gets an SMS when theirs is resolved.

Ratings and complaints count in the centre's and the region's figures, in their own transaction.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from functions.domain.audit import Outcome, target
from functions.domain.errors import NotFound
from functions.domain.feedback import (
    Complaint,
    ComplaintStatus,
    Rating,
    RequestFeedback,
    complaint_about,
    rating_of,
    resolve_complaint,
)
from functions.domain.figures import Counter, FigureDelta, FigureKey
from functions.domain.madinah_time import business_day
from functions.domain.notification import Notification
from functions.domain.paging import Page, PageRequest
from functions.domain.policy import Operation, Owner
from functions.domain.request import RequestFile
from functions.domain.sms import SmsTemplate
from functions.services.auditing import Auditor
from functions.services.authorization import Authorizer
from functions.services.caller import Caller
from functions.services.monitoring_ports import FeedbackRepository
from functions.services.outbox_signal import announce_recorded
from functions.services.ports import Clock, NotificationSignal
from functions.services.request_ports import RequestRepository

__all__ = ["CitizenFeedback"]


class CitizenFeedback:
    def __init__(
        self,
        *,
        feedback: FeedbackRepository,
        requests: RequestRepository,
        signal: NotificationSignal,
        auditor: Auditor,
        authorizer: Authorizer,
        clock: Clock,
    ) -> None:
        self._feedback = feedback
        self._requests = requests
        self._signal = signal
        self._auditor = auditor
        self._authorizer = authorizer
        self._clock = clock

    def rate_centre(self, caller: Caller, request_id: str, stars: int, comment: str | None) -> Rating:
        file = self._own_request(caller, Operation.RATE_CENTRE, request_id)
        now = self._clock.now()
        rating = rating_of(file.request, stars, comment, now)
        audit = self._auditor.record(
            caller,
            Operation.RATE_CENTRE.value,
            target("request", request_id),
            Outcome.ALLOWED,
            {"centre": rating.centre_id, "stars": str(stars)},
        )
        counts = {Counter.RATINGS.value: 1, Counter.STARS.value: stars}
        self._feedback.add_rating(rating, audit, _for_centre_and_region(rating.centre_id, now, counts))
        return rating

    def file_complaint(self, caller: Caller, request_id: str, text: str) -> Complaint:
        file = self._own_request(caller, Operation.FILE_COMPLAINT, request_id)
        now = self._clock.now()
        complaint = complaint_about(file.request, text, uuid.uuid4().hex, now)
        audit = self._auditor.record(
            caller,
            Operation.FILE_COMPLAINT.value,
            target("complaint", complaint.complaint_id),
            Outcome.ALLOWED,
            {"centre": complaint.centre_id, "request": request_id},
        )
        deltas = (
            *_for_centre_and_region(complaint.centre_id, now, {Counter.COMPLAINTS.value: 1}),
            *_for_centre_and_region(complaint.centre_id, None, {Counter.OPEN_COMPLAINTS.value: 1}),
        )
        self._feedback.add_complaint(complaint, audit, deltas)
        return complaint

    def my_feedback(self, caller: Caller, request_id: str) -> RequestFeedback:
        """The citizen's own rating and complaints about their request (to rate once, and to follow)."""
        self._own_request(caller, Operation.READ_MY_FEEDBACK, request_id)
        return RequestFeedback(
            request_id=request_id,
            rating=self._feedback.rating_of(request_id),
            complaints=tuple(self._feedback.complaints_about(request_id)),
        )

    def complaints(self, caller: Caller, status: ComplaintStatus, page: PageRequest) -> Page[Complaint]:
        self._authorizer.authorize(caller, Operation.LIST_COMPLAINTS, target("complaint", "*"))
        return self._feedback.list_complaints(status, page)

    def resolve_complaint(self, caller: Caller, complaint_id: str, note: str) -> Complaint:
        self._authorizer.authorize(caller, Operation.RESOLVE_COMPLAINT, target("complaint", complaint_id))
        complaint = self._feedback.get_complaint(complaint_id)
        if complaint is None:
            raise NotFound(field="complaintId")
        now = self._clock.now()
        resolved = resolve_complaint(complaint, note, caller.principal.user_id, now)
        audit = self._auditor.record(
            caller,
            Operation.RESOLVE_COMPLAINT.value,
            target("complaint", complaint_id),
            Outcome.ALLOWED,
            {"centre": complaint.centre_id},
        )
        sms = Notification(
            citizen_id=complaint.citizen_id,
            event_key=f"COMPLAINT#{complaint_id}#RESOLVED",
            template=SmsTemplate.COMPLAINT_RESOLVED,
            values={"tracking": complaint.tracking_number},
            created_at=now,
            centre_id=complaint.centre_id,
        )
        deltas = _for_centre_and_region(complaint.centre_id, None, {Counter.OPEN_COMPLAINTS.value: -1})
        self._feedback.resolve_complaint(resolved, audit, deltas, sms)
        announce_recorded(self._signal, sms)
        return resolved

    def _own_request(self, caller: Caller, operation: Operation, request_id: str) -> RequestFile:
        """The caller's own request; another citizen's is NOT_FOUND (its existence is not leaked)."""
        file = self._requests.get_file(request_id)
        owner = Owner(user_id=file.request.citizen_id) if file else Owner()
        self._authorizer.authorize(caller, operation, target("request", request_id), owner)
        if file is None:
            raise NotFound(field="requestId")
        return file


def _for_centre_and_region(centre_id: str, at: datetime | None, counts: dict[str, int]) -> tuple[FigureDelta, ...]:
    """Counters of the day ``at`` falls on, or (``at`` None) the current counters."""
    day = business_day(at) if at is not None else None
    return tuple(FigureDelta(key, day, counts) for key in (FigureKey.centre(centre_id), FigureKey.region()))
