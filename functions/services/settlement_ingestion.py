"""The acquirer's settlement files, reconciled against the centres' ledgers (docs/money.md).

A file that lands in the settlements bucket is read once: the same bytes again change nothing. Each line
is matched to the card slip it names: a slip the ledger knows is marked settled and posted to the
centre's bank account (what the acquirer paid, which may differ from what was collected); what does not
agree — no such slip, another amount, a late day — is a discrepancy for the centre and the monitoring
office. After the lines, every slip of the file's day the acquirer did not settle is one too. Each line
is its own transaction and is taken at most once, so a file that failed halfway is read again from the
top and completes; a file that cannot be read is refused whole, with its error code and line, and
changes nothing.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field

from functions.domain.errors import ErrorCode
from functions.domain.ledger import settlement_entry
from functions.domain.settlement import (
    DiscrepancyKind,
    SettlementFile,
    SettlementFileInvalid,
    discrepancy_of,
    line_discrepancies,
    parse_settlement,
)
from functions.services.money_ports import SettlementFiles, Settlements
from functions.services.ports import Clock

__all__ = ["IngestionReport", "SettlementIngestion"]

logger = logging.getLogger("shubbak.settlements")


@dataclass
class IngestionReport:
    source: str
    already_done: bool = False
    refused: ErrorCode | None = None
    refused_line: int | None = None
    lines: int = 0
    settled: int = 0
    taken_before: int = 0
    discrepancies: dict[DiscrepancyKind, int] = field(default_factory=dict)

    def found(self, kind: DiscrepancyKind) -> None:
        self.discrepancies[kind] = self.discrepancies.get(kind, 0) + 1


class SettlementIngestion:
    def __init__(self, *, settlements: Settlements, files: SettlementFiles, clock: Clock) -> None:
        self._settlements = settlements
        self._files = files
        self._clock = clock

    def ingest_object(self, bucket: str, key: str) -> IngestionReport:
        """The S3 event's object: read and reconciled."""
        return self.ingest(key, self._files.read(bucket, key))

    def ingest(self, source: str, body: bytes) -> IngestionReport:
        report = IngestionReport(source)
        digest = hashlib.sha256(body).hexdigest()
        if self._settlements.file_done(digest):
            report.already_done = True
            logger.info("settlement file %s was reconciled before: nothing to do", source)
            return report
        try:
            settlement = parse_settlement(_text(body))
        except SettlementFileInvalid as refusal:
            report.refused, report.refused_line = refusal.code, refusal.line
            self._settlements.record_file(
                digest,
                source,
                self._clock.now(),
                settlement_day=None,
                lines=None,
                refused=(refusal.code.value, refusal.line),
            )
            logger.warning("settlement file %s refused: %s at line %d", source, refusal.code.value, refusal.line)
            return report
        self._reconcile(settlement, source, report)
        self._settlements.record_file(
            digest, source, self._clock.now(), settlement_day=settlement.settlement_day, lines=len(settlement.lines)
        )
        logger.info(
            "settlement file %s: %d lines, %d settled, %d taken before, discrepancies %s",
            source,
            report.lines,
            report.settled,
            report.taken_before,
            {kind.value: count for kind, count in report.discrepancies.items()},
        )
        return report

    def _reconcile(self, settlement: SettlementFile, source: str, report: IngestionReport) -> None:
        now = self._clock.now()
        for line in settlement.lines:
            report.lines += 1
            claim = self._settlements.slip(line.slip)
            found = line_discrepancies(
                line, claim, settlement_day=settlement.settlement_day, found_at=now, found_in=source
            )
            entry = (
                settlement_entry(centre_id=claim.centre_id, slip=line.slip, amount=line.amount, posted_at=now)
                if claim is not None
                else None
            )
            if self._settlements.settle(claim, line, entry, found, settlement.settlement_day):
                report.settled += 1 if claim is not None else 0
                for discrepancy in found:
                    report.found(discrepancy.kind)
            else:
                report.taken_before += 1
        for claim in self._settlements.unsettled(settlement.settlement_day):
            missing = discrepancy_of(
                DiscrepancyKind.MISSING_IN_SETTLEMENT, claim.slip, claim=claim, line=None, found_at=now, found_in=source
            )
            if self._settlements.record(missing):
                report.found(DiscrepancyKind.MISSING_IN_SETTLEMENT)


def _text(body: bytes) -> str:
    try:
        return body.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise SettlementFileInvalid(ErrorCode.SETTLEMENT_FORMAT, 1) from error
