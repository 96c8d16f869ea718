"""What the monitoring office tells a centre: each licensing change and each inspection becomes a
notice the centre's operators read (``centreNotices``), written in the same transaction as the change."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from functions.domain.catalogue import LocalizedText

__all__ = ["CentreNotice", "NoticeKind"]


class NoticeKind(StrEnum):
    REGISTERED = "REGISTERED"
    LICENSED = "LICENSED"
    SUSPENDED = "SUSPENDED"
    REINSTATED = "REINSTATED"
    REVOKED = "REVOKED"
    INSPECTION_RECORDED = "INSPECTION_RECORDED"
    FINDINGS_CLOSED = "FINDINGS_CLOSED"


_TEXTS: dict[NoticeKind, tuple[str, str]] = {
    NoticeKind.REGISTERED: (
        "سُجل المركز لدى مكتب المتابعة، ولا يقدم الخدمات حتى يُرخّص.",
        "The centre is on file with the monitoring office; it serves once licensed.",
    ),
    NoticeKind.LICENSED: ("رُخّص المركز لتقديم الخدمات حتى {until}.", "The centre is licensed to serve until {until}."),
    NoticeKind.SUSPENDED: (
        "أُوقف المركز عن تقديم الخدمات. السبب: {reason}",
        "The centre is suspended from serving. Reason: {reason}",
    ),
    NoticeKind.REINSTATED: ("أُعيد تفعيل المركز لتقديم الخدمات.", "The centre is reinstated and may serve again."),
    NoticeKind.REVOKED: ("أُلغي ترخيص المركز. السبب: {reason}", "The centre's licence is revoked. Reason: {reason}"),
    NoticeKind.INSPECTION_RECORDED: (
        "سُجلت زيارة ميدانية بتاريخ {visited}؛ الملاحظات المفتوحة: {findings}.",
        "A field inspection on {visited} was recorded; open findings: {findings}.",
    ),
    NoticeKind.FINDINGS_CLOSED: (
        "أُغلقت ملاحظات الزيارة الميدانية بتاريخ {visited}.",
        "The findings of the field inspection on {visited} are closed.",
    ),
}


@dataclass(frozen=True)
class CentreNotice:
    centre_id: str
    notice_id: str
    kind: NoticeKind
    at: datetime
    values: dict[str, str] = field(default_factory=dict)

    @property
    def text(self) -> LocalizedText:
        arabic, english = _TEXTS[self.kind]
        values = {"reason": "-", "until": "-", "visited": "-", "findings": "0", **self.values}
        return LocalizedText(arabic.format(**values), english.format(**values))
