"""Settlement files — the acquirer's Mada settlement, SADAD's end-of-day report — reconciled against the
centres' ledgers (docs/money.md).

A file that lands in the settlements bucket is read once: the same bytes again change nothing. Each line
is matched to the payment it names (a card slip, a SADAD bill): a payment the ledger knows is marked
settled and posted to the centre's bank account (what was settled, which may differ from what was
collected); what does not agree — no such payment, another amount, a late day — is a discrepancy for the
centre and the monitoring office. After the lines, every payment of the file's day not settled is one too. Each line
is its own transaction and is taken at most once, so a file that failed halfway is read again from the
top and completes; a file that cannot be read is refused whole, with its error code and line, and
changes nothing.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from functions.domain.errors import ErrorCode
from functions.domain.ledger import JournalEntry, bill_settlement_entry, settlement_entry
from functions.domain.madinah_time import business_day
from functions.domain.money import Money
from functions.domain.settlement import (
    Claim,
    DiscrepancyKind,
    Reference,
    SadadReport,
    SettlementFile,
    SettlementFileInvalid,
    discrepancy_of,
    is_sadad_report,
    line_discrepancies,
    parse_sadad_report,
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
            text = _text(body)
            settlement: SettlementFile | SadadReport = (
                parse_sadad_report(text) if is_sadad_report(text) else parse_settlement(text)
            )
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
        if isinstance(settlement, SadadReport):
            self._reconcile_bills(settlement, source, report)
        else:
            self._reconcile_slips(settlement, source, report)
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

    def _reconcile_slips(self, settlement: SettlementFile, source: str, report: IngestionReport) -> None:
        """The acquirer's Mada settlement: each line names a card slip."""
        now = self._clock.now()
        for line in settlement.lines:
            claim = self._settlements.slip(line.slip)
            entry = (
                settlement_entry(centre_id=claim.centre_id, slip=line.slip, amount=line.amount, posted_at=now)
                if claim is not None
                else None
            )
            settled = (line.amount, line.transaction_day)
            self._take(Reference.of_slip(line.slip), settled, claim, entry, settlement.settlement_day, source, report)
        self._missing(self._settlements.unsettled(settlement.settlement_day), source, report)

    def _reconcile_bills(self, settlement: SadadReport, source: str, report: IngestionReport) -> None:
        """SADAD's end-of-day report: each line names a bill paid."""
        now = self._clock.now()
        for line in settlement.lines:
            claim = self._settlements.bill(line.bill_number)
            entry = (
                bill_settlement_entry(
                    centre_id=claim.centre_id, bill_number=line.bill_number, amount=line.amount, posted_at=now
                )
                if claim is not None
                else None
            )
            settled = (line.amount, business_day(line.paid_at))
            reference = Reference.of_bill(line.bill_number)
            self._take(reference, settled, claim, entry, settlement.settlement_day, source, report)
        self._missing(self._settlements.unsettled_bills(settlement.settlement_day), source, report)

    def _take(
        self,
        reference: Reference,
        settled: tuple[Money, date],
        claim: Claim | None,
        entry: JournalEntry | None,
        settlement_day: date,
        source: str,
        report: IngestionReport,
    ) -> None:
        report.lines += 1
        found = line_discrepancies(
            reference, settled, claim, settlement_day=settlement_day, found_at=self._clock.now(), found_in=source
        )
        if self._settlements.settle(claim, settled[0], entry, found, settlement_day):
            report.settled += 1 if claim is not None else 0
            for discrepancy in found:
                report.found(discrepancy.kind)
        else:
            report.taken_before += 1

    def _missing(self, unsettled: Sequence[Claim], source: str, report: IngestionReport) -> None:
        """Every payment of the file's day no file settled."""
        now = self._clock.now()
        for claim in unsettled:
            missing = discrepancy_of(
                DiscrepancyKind.MISSING_IN_SETTLEMENT,
                claim.reference,
                claim=claim,
                settled=None,
                found_at=now,
                found_in=source,
            )
            if self._settlements.record(missing):
                report.found(DiscrepancyKind.MISSING_IN_SETTLEMENT)


def _text(body: bytes) -> str:
    try:
        return body.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise SettlementFileInvalid(ErrorCode.SETTLEMENT_FORMAT, 1) from error
